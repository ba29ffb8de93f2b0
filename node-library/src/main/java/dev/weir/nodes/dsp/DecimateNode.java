package dev.weir.nodes.dsp;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.RateSpec;
import dev.weir.engine.api.WorkStatus;

import java.util.List;
import java.util.Map;

/**
 * {@code dsp.decimate}: keeps input samples 0, N, 2N, ... of the stream ({@code x[::N]}), whatever the chunking,
 * and divides the sample rate by N. Plain down-sampling with no filter: put a low-pass {@code dsp.fir} with a
 * cutoff below fs/(2N) before it, or everything above the new Nyquist frequency aliases.
 *
 * <p>Output frame indexes count output samples: a kept input sample at stream offset s has output offset
 * floor(s / N).
 */
final class DecimateNode implements Processor {

    private static final int MAX_FRAMES_PER_CALL = 64;

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("dsp.decimate", 1)
                .label("Decimate")
                .category("DSP/Filters")
                .description("Keeps every factor-th sample (x[::factor]) and divides the sample rate by factor. "
                        + "No anti-alias filter: put a low-pass dsp.fir (cutoff below fs / (2 factor)) before it.")
                .param(ParamSpec.integer("factor", "Factor", 2, 1, 1 << 20, "", false, "Keep one sample in factor."))
                .param(new ParamSpec("input", "Input", new ParamType.ChoiceType(List.of(FftNode.REAL, FftNode.COMPLEX)),
                        FftNode.REAL, "", false, "real: float32 samples; complex: complex64 samples."))
                .param(ParamSpec.integer("chunk", "Chunk", 1024, 1, 1 << 20, "samples", false,
                        "Largest output frame."))
                .input(PortSpec.of("in", new DataType.ByParam("input", Map.of(
                        FftNode.REAL, new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")),
                        FftNode.COMPLEX, new DataType.SampleStream(ElementType.COMPLEX64, Dim.param("chunk")))), "Samples."))
                .output(PortSpec.of("out", new DataType.ByParam("input", Map.of(
                        FftNode.REAL, new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")),
                        FftNode.COMPLEX, new DataType.SampleStream(ElementType.COMPLEX64, Dim.param("chunk")))),
                        "Every factor-th sample."))
                .rate(new RateSpec(Dim.param("factor"), Dim.of(1), Dim.param("factor")))
                .factory(DecimateNode::new)
                .build();
    }

    private int factor;
    private int slots;
    /** Input samples to skip before the next kept one: 0..factor-1, carried across chunks. */
    private int skip;
    private InputPort in;
    private OutputPort out;

    @Override
    public void open(ProcessorContext context) {
        factor = context.params().getInt("factor");
        slots = FftNode.COMPLEX.equals(context.params().getString("input")) ? 2 : 1;
    }

    @Override
    public WorkStatus process(Inputs ins, Outputs outs) {
        if (in == null) {
            in = ins.port(0);
            out = outs.port(0);
        }
        for (int frames = 0; frames < MAX_FRAMES_PER_CALL; frames++) {
            if (in.available() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_INPUT;
            }
            Frame src = in.peek();
            int pos = in.position();
            int left = src.length() - pos;
            if (left <= skip) {
                // Nothing kept in the rest of this chunk: no output space needed.
                skip -= left;
                if (left == 0) {
                    in.release();
                } else {
                    in.consume(left);
                }
                continue;
            }
            if (out.remaining() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
            }
            Frame dst = out.claim();
            int first = pos + skip;
            // Kept samples in the rest of the chunk, as many as the output frame holds.
            int kept = Math.min((left - skip - 1) / factor + 1, dst.capacity());
            float[] a = src.floats();
            float[] b = dst.floats();
            if (slots == 1) {
                for (int i = 0; i < kept; i++) {
                    b[i] = a[first + i * factor];
                }
            } else {
                for (int i = 0; i < kept; i++) {
                    b[2 * i] = a[2 * (first + i * factor)];
                    b[2 * i + 1] = a[2 * (first + i * factor) + 1];
                }
            }
            dst.copyHeaderFrom(src).setIndex(Math.floorDiv(src.index() + first, factor))
                    .setSampleRate(src.sampleRate() / factor).setLength(kept);
            out.publish();
            // Consume through the last kept sample; the next kept one is factor-1 samples later.
            int used = skip + (kept - 1) * factor + 1;
            in.consume(used);
            skip = factor - 1;
        }
        return WorkStatus.OK;
    }
}
