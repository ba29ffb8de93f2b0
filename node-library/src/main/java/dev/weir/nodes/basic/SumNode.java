package dev.weir.nodes.basic;

import dev.weir.engine.api.Dim;
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
import dev.weir.engine.api.WorkStatus;

/**
 * {@code basic.sum}: adds its inputs element by element. Float streams are aligned by sample, whatever chunk
 * sizes the inputs arrive in; integer records are added frame by frame, an empty record list counting as zero
 * (which is what a delay edge's initial item is).
 */
final class SumNode implements Processor {

    private static final int MAX_FRAMES_PER_CALL = 64;

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("basic.sum", 1)
                .label("Sum")
                .category("Basic/Math")
                .description("Adds its inputs element by element.")
                .param(Elements.elementParam())
                .param(ParamSpec.integer("inputs", "Inputs", 2, 2, 16, "", false, "Number of inputs."))
                .param(Elements.chunkParam())
                .input(PortSpec.of("in", Elements.portType(), "Addends.").times(Dim.param("inputs")))
                .output(PortSpec.of("out", Elements.portType(), "The sum."))
                .factory(SumNode::new)
                .build();
    }

    private boolean floats;
    private InputPort[] ins;
    private OutputPort out;

    @Override
    public void open(ProcessorContext context) {
        floats = Elements.F32.equals(context.params().getString("element"));
    }

    @Override
    public WorkStatus process(Inputs inputs, Outputs outs) {
        if (ins == null) {
            ins = new InputPort[inputs.size()];
            for (int i = 0; i < ins.length; i++) {
                ins[i] = inputs.port(i);
            }
            out = outs.port(0);
        }
        int frames = 0;
        while (frames < MAX_FRAMES_PER_CALL) {
            for (InputPort p : ins) {
                if (p.available() == 0) {
                    return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_INPUT;
                }
            }
            if (out.remaining() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
            }
            if (floats) {
                sumSamples();
            } else {
                sumRecords();
            }
            frames++;
        }
        return WorkStatus.OK;
    }

    private void sumSamples() {
        Frame dst = out.claim();
        int n = dst.capacity();
        for (InputPort p : ins) {
            n = Math.min(n, p.peek().length() - p.position());
        }
        Frame first = ins[0].peek();
        dst.copyHeaderFrom(first).setIndex(first.index() + ins[0].position()).setLength(n);
        float[] b = dst.floats();
        java.util.Arrays.fill(b, 0, n, 0f);
        for (InputPort p : ins) {
            float[] a = p.peek().floats();
            int pos = p.position();
            for (int i = 0; i < n; i++) {
                b[i] += a[pos + i];
            }
        }
        out.publish();
        for (InputPort p : ins) {
            p.consume(n);
        }
    }

    private void sumRecords() {
        Frame dst = out.claim();
        long sum = 0;
        for (InputPort p : ins) {
            Frame f = p.peek();
            if (f.length() > 0) {
                sum += f.recordLong(0, 0);
            }
        }
        dst.copyHeaderFrom(ins[0].peek()).setLength(1).setRecordLong(0, 0, sum);
        out.publish();
        for (InputPort p : ins) {
            p.release();
        }
    }
}
