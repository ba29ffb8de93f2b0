package dev.weir.nodes.basic;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.WorkStatus;

import java.util.List;
import java.util.Map;

/**
 * {@code basic.null_sink}: consumes and discards everything, as GNU Radio's null sink: the end of a graph that is
 * run for its metrics or its side effects.
 */
final class NullSinkNode implements Processor {

    private static final int MAX_FRAMES_PER_CALL = 256;
    private static final String GRAY8 = "gray8";
    private static final String BGR24 = "bgr24";
    private static final String RGB24 = "rgb24";

    /** Images of whatever size feeds the sink: it never looks at the pixels. */
    private static DataType image(PixelFormat format) {
        return new DataType.ImageOf(format, Dim.any(), Dim.any());
    }

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("basic.null_sink", 1)
                .label("Null sink")
                .category("Basic/Sinks")
                .description("Consumes and discards everything it receives.")
                .param(new ParamSpec("element", "Element", new ParamType.ChoiceType(List.of(Elements.VALUE,
                        Elements.F32, GRAY8, BGR24, RGB24)), Elements.VALUE, "", false,
                        "value: integer records; f32: float32 samples in chunks; gray8, bgr24, rgb24: images of any"
                                + " size."))
                .param(Elements.chunkParam())
                .input(PortSpec.of("in", new DataType.ByParam("element", Map.of(
                        Elements.VALUE, Elements.VALUE_TYPE,
                        Elements.F32, new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")),
                        GRAY8, image(PixelFormat.GRAY8),
                        BGR24, image(PixelFormat.BGR24),
                        RGB24, image(PixelFormat.RGB24))), "Anything of the chosen element."))
                .factory(NullSinkNode::new)
                .build();
    }

    private InputPort in;

    @Override
    public void open(ProcessorContext context) {
    }

    @Override
    public WorkStatus process(Inputs ins, Outputs outs) {
        if (in == null) {
            in = ins.port(0);
        }
        int n = Math.min(in.available(), MAX_FRAMES_PER_CALL);
        if (n == 0) {
            return WorkStatus.NEED_INPUT;
        }
        for (int i = 0; i < n; i++) {
            in.release();
        }
        return WorkStatus.OK;
    }
}
