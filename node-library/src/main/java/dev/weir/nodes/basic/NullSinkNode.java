package dev.weir.nodes.basic;

import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.WorkStatus;

/**
 * {@code basic.null_sink}: consumes and discards everything, as GNU Radio's null sink: the end of a graph that is
 * run for its metrics or its side effects.
 */
final class NullSinkNode implements Processor {

    private static final int MAX_FRAMES_PER_CALL = 256;

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("basic.null_sink", 1)
                .label("Null sink")
                .category("Basic/Sinks")
                .description("Consumes and discards everything it receives.")
                .param(Elements.elementParam())
                .param(Elements.chunkParam())
                .input(PortSpec.of("in", Elements.portType(), "Anything of the chosen element."))
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
