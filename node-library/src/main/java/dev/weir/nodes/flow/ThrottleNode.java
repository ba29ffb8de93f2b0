package dev.weir.nodes.flow;

import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.Scheduling;
import dev.weir.engine.api.WorkStatus;

import java.util.concurrent.locks.LockSupport;

/**
 * {@code flow.throttle}: paces a stream to real time, as GNU Radio's throttle: sample k leaves no earlier than
 * {@code t0 + k / rate}, where t0 is when the first frame arrived. The rate is {@code sample_rate_hz}, or the
 * frames' sample_rate tag when the param is 0.
 *
 * <p>BLOCKING, since it sleeps: it parks on its own thread with {@link LockSupport#parkNanos}, which returns at
 * once when the engine interrupts the thread to stop the run; the frame is then passed on without further
 * waiting and the interrupt flag is left set, so the engine sees it. Pacing against an absolute schedule (not
 * sleep-per-frame) keeps the long-run rate exact whatever the sleep overshoot.
 */
final class ThrottleNode implements Processor {

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("flow.throttle", 1)
                .label("Throttle")
                .category("Flow")
                .description("Limits a stream to its sample rate in real time (for simulated sources).")
                .param(PassThrough.elementParam())
                .param(ParamSpec.real("sample_rate_hz", "Rate", 0, 0, 1e12, "Hz", false,
                        "Samples per second; 0 takes the frames' sample_rate tag."))
                .param(PassThrough.chunkParam())
                .input(PortSpec.of("in", PassThrough.type(), "Samples."))
                .output(PortSpec.of("out", PassThrough.type(), "The same samples, paced."))
                .scheduling(Scheduling.BLOCKING)
                .factory(ThrottleNode::new)
                .build();
    }

    private String nodeId;
    private double rateParam;
    private long t0;
    private long passed;
    private InputPort in;
    private OutputPort out;

    @Override
    public void open(ProcessorContext context) {
        nodeId = context.nodeId();
        rateParam = context.params().getDouble("sample_rate_hz");
    }

    @Override
    public WorkStatus process(Inputs ins, Outputs outs) {
        if (in == null) {
            in = ins.port(0);
            out = outs.port(0);
        }
        if (in.available() == 0) {
            return WorkStatus.NEED_INPUT;
        }
        if (out.remaining() == 0) {
            return WorkStatus.NEED_OUTPUT_SPACE;
        }
        Frame f = in.peek();
        double rate = rateParam > 0 ? rateParam : f.sampleRate();
        if (!(rate > 0)) {
            throw new IllegalStateException("node '" + nodeId + "' (flow.throttle): the frames carry no sample_rate "
                    + "and param sample_rate_hz is 0; set the rate");
        }
        long now = System.nanoTime();
        if (passed == 0) {
            t0 = now;
        }
        long due = t0 + (long) (passed * 1e9 / rate);
        while (now < due && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(due - now);
            now = System.nanoTime();
        }
        passed += PassThrough.copy(in, out, Long.MAX_VALUE);
        return WorkStatus.OK;
    }
}
