package dev.weir.nodes.flow;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;

import java.util.List;
import java.util.Map;

/** Shared port types and the piecewise copy of the flow-control nodes, which pass samples through unchanged. */
final class PassThrough {

    private PassThrough() {
    }

    static ParamSpec elementParam() {
        return new ParamSpec("element", "Element", new ParamType.ChoiceType(List.of("f32", "c64")), "f32", "", false,
                "f32: float32 samples; c64: complex64 samples.");
    }

    static ParamSpec chunkParam() {
        return ParamSpec.integer("chunk", "Chunk", 4096, 1, 1 << 20, "samples", false, "Largest output frame.");
    }

    static DataType type() {
        return new DataType.ByParam("element", Map.of(
                "f32", new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")),
                "c64", new DataType.SampleStream(ElementType.COMPLEX64, Dim.param("chunk"))));
    }

    /**
     * Copies up to {@code limit} samples of the head input frame, from its current position, into a claimed frame,
     * publishes it and consumes them. The header follows the input; the index is the first copied sample's.
     *
     * @return samples copied
     */
    static int copy(InputPort in, OutputPort out, long limit) {
        Frame src = in.peek();
        int pos = in.position();
        Frame dst = out.claim();
        int n = (int) Math.min(Math.min(src.length() - pos, dst.capacity()), limit);
        int k = src.slotsPerElement();
        System.arraycopy(src.floats(), pos * k, dst.floats(), 0, n * k);
        dst.copyHeaderFrom(src).setIndex(src.index() + pos).setLength(n);
        out.publish();
        if (n == 0) {
            in.release();
        } else {
            in.consume(n);
        }
        return n;
    }
}
