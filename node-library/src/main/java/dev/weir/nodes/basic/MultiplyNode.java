package dev.weir.nodes.basic;

import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.WorkStatus;

/**
 * {@code basic.multiply}: multiplies every value by {@code factor}, which can change while running. Integer
 * records are rounded to the nearest integer.
 */
final class MultiplyNode implements Processor {

    private static final int MAX_FRAMES_PER_CALL = 64;

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("basic.multiply", 1)
                .label("Multiply")
                .category("Basic/Math")
                .description("Multiplies every value by a constant factor. The factor can change while running.")
                .param(Elements.elementParam())
                .param(ParamSpec.real("factor", "Factor", 2.0, -1e12, 1e12, "", true, "The multiplier."))
                .param(Elements.chunkParam())
                .input(PortSpec.of("in", Elements.portType(), "Values."))
                .output(PortSpec.of("out", Elements.portType(), "Values times factor."))
                .factory(MultiplyNode::new)
                .build();
    }

    private boolean floats;
    private double factor;
    private InputPort in;
    private OutputPort out;

    @Override
    public void open(ProcessorContext context) {
        floats = Elements.F32.equals(context.params().getString("element"));
        factor = context.params().getDouble("factor");
    }

    @Override
    public void onParamsChanged(Params previous, Params next) {
        factor = next.getDouble("factor");
    }

    @Override
    public WorkStatus process(Inputs ins, Outputs outs) {
        if (in == null) {
            in = ins.port(0);
            out = outs.port(0);
        }
        int frames = 0;
        while (frames < MAX_FRAMES_PER_CALL) {
            if (in.available() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_INPUT;
            }
            if (out.remaining() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
            }
            Frame src = in.peek();
            Frame dst = out.claim();
            // A stream chunk may be longer than this node's own chunk: take it in pieces.
            int pos = in.position();
            int n = Math.min(src.length() - pos, dst.capacity());
            dst.copyHeaderFrom(src).setIndex(src.index() + pos).setLength(n);
            if (floats) {
                float[] a = src.floats();
                float[] b = dst.floats();
                float f = (float) factor;
                if (pos == 0) {
                    // The common case, a whole chunk, gets its own loop: C2 vectorises b[i] = a[i] * f, but not the
                    // offset form, since it cannot rule out that a and b overlap at an unknown offset (about 6x
                    // slower per sample, measured in ChainBenchmark).
                    for (int i = 0; i < n; i++) {
                        b[i] = a[i] * f;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        b[i] = a[pos + i] * f;
                    }
                }
            } else {
                for (int r = 0; r < n; r++) {
                    dst.setRecordLong(r, 0, Math.round(src.recordLong(pos + r, 0) * factor));
                }
            }
            out.publish();
            in.consume(n);
            frames++;
        }
        return WorkStatus.OK;
    }
}
