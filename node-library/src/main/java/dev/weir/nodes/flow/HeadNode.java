package dev.weir.nodes.flow;

import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.WorkStatus;

/**
 * {@code flow.head}: passes the first {@code count} samples, then says DONE, as GNU Radio's head block. Its input
 * reader then detaches and the engine cancels an upstream that nobody else reads, so a head ends an endless source.
 */
final class HeadNode implements Processor {

    private static final int MAX_FRAMES_PER_CALL = 64;

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("flow.head", 1)
                .label("Head")
                .category("Flow")
                .description("Passes the first count samples through, then ends the stream.")
                .param(PassThrough.elementParam())
                .param(ParamSpec.integer("count", "Count", 1024, 0, Long.MAX_VALUE, "samples", false,
                        "Samples to pass."))
                .param(PassThrough.chunkParam())
                .input(PortSpec.of("in", PassThrough.type(), "Samples."))
                .output(PortSpec.of("out", PassThrough.type(), "The first count samples."))
                .factory(HeadNode::new)
                .build();
    }

    private long count;
    private long passed;
    private InputPort in;
    private OutputPort out;

    @Override
    public void open(ProcessorContext context) {
        count = context.params().getLong("count");
    }

    @Override
    public WorkStatus process(Inputs ins, Outputs outs) {
        if (in == null) {
            in = ins.port(0);
            out = outs.port(0);
        }
        int frames = 0;
        while (frames < MAX_FRAMES_PER_CALL) {
            if (passed >= count) {
                // Report this call's progress first; DONE comes on the next call.
                return frames > 0 ? WorkStatus.OK : WorkStatus.DONE;
            }
            if (in.available() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_INPUT;
            }
            if (out.remaining() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
            }
            passed += PassThrough.copy(in, out, count - passed);
            frames++;
        }
        return WorkStatus.OK;
    }
}
