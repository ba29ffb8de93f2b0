package dev.weir.nodes.basic;

import dev.weir.engine.api.Frame;
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
 * {@code basic.counter}: emits start, start+1, ... either as integer records or as float samples. With
 * {@code count} 0 it never ends, which makes it the infinite source of the engine's tests and benchmarks.
 */
final class CounterNode implements Processor {

    /** Frames per {@code process} call, so that one call stays short on a shared worker. */
    private static final int MAX_FRAMES_PER_CALL = 64;

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("basic.counter", 1)
                .label("Counter")
                .category("Basic/Sources")
                .description("Counts up from start: one integer per frame, or float32 samples in chunks. "
                        + "With count 0 it never ends.")
                .param(Elements.elementParam())
                .param(ParamSpec.integer("count", "Count", 0, 0, Long.MAX_VALUE, "items", false,
                        "Values to emit (records or samples); 0 means no end."))
                .param(ParamSpec.integer("start", "Start", 0, -(1L << 52), 1L << 52, "", false,
                        "First value."))
                .param(Elements.chunkParam())
                .output(PortSpec.of("out", Elements.portType(), "The count."))
                .factory(CounterNode::new)
                .build();
    }

    private boolean floats;
    private long count;
    private long start;
    private long emitted;
    private OutputPort out;

    @Override
    public void open(ProcessorContext context) {
        floats = Elements.F32.equals(context.params().getString("element"));
        count = context.params().getLong("count");
        start = context.params().getLong("start");
    }

    @Override
    public WorkStatus process(Inputs in, Outputs outs) {
        if (out == null) {
            out = outs.port(0);
        }
        int frames = 0;
        while (frames < MAX_FRAMES_PER_CALL) {
            if (count > 0 && emitted >= count) {
                return WorkStatus.DONE;
            }
            if (out.remaining() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
            }
            Frame f = out.claim();
            f.setIndex(emitted);
            if (floats) {
                int n = f.capacity();
                if (count > 0) {
                    n = (int) Math.min(n, count - emitted);
                }
                float[] a = f.floats();
                long base = start + emitted;
                for (int i = 0; i < n; i++) {
                    a[i] = base + i;
                }
                f.setLength(n);
                emitted += n;
            } else {
                f.setLength(1).setRecordLong(0, 0, start + emitted);
                emitted++;
            }
            out.publish();
            frames++;
        }
        return WorkStatus.OK;
    }
}
