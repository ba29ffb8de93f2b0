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
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.WorkStatus;

import java.util.List;

/**
 * {@code dsp.fir}: a windowed-sinc FIR filter ({@link FirDesign#firwin}) on a float32 stream. The output is
 * {@code scipy.signal.lfilter(taps, 1, x)} whatever the chunking: the last numtaps-1 inputs are kept across
 * chunks (zeros at the start), one output sample per input sample.
 *
 * <pre>
 *  line: [ h_{N-2} .. h_0 history | samples of this block ]    y[i] = sum_k taps[k] line[N-1 + i - k]
 *         ^ kept from the block before                          then the last N-1 samples move to the front
 * </pre>
 *
 * The cutoffs, pass_zero, window and beta are hot: new taps are designed in {@code onParamsChanged} and the
 * history is kept, so the stream goes on without a gap. An invalid change (a cutoff above Nyquist) is logged
 * as a warning and the old taps stay, rather than failing a running graph.
 */
final class FirNode implements Processor {

    private static final int MAX_FRAMES_PER_CALL = 64;

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("dsp.fir", 1)
                .label("FIR filter")
                .category("DSP/Filters")
                .description("Windowed-sinc FIR (scipy.signal.firwin, scale=True) on a float32 stream: low-pass or "
                        + "high-pass with one cutoff, band-stop or band-pass with two (pass_zero picks). Output equals "
                        + "lfilter(taps, 1, x) across chunks; cutoffs can change while running.")
                .param(ParamSpec.real("sample_rate_hz", "Sample rate", 48_000, 1e-3, 1e12, "Hz", false,
                        "Sample rate the cutoffs refer to."))
                .param(ParamSpec.integer("numtaps", "Taps", 63, 1, 8191, "", false,
                        "Filter length; odd when the filter passes Nyquist (high-pass, band-stop)."))
                .param(new ParamSpec("cutoff_hz", "Cutoffs", new ParamType.RealListType(0, 1e12, 1, 2),
                        List.of(4000.0), "Hz", true, "One cutoff (low/high-pass) or two (band-pass/stop)."))
                .param(ParamSpec.bool("pass_zero", "Pass 0 Hz", true, true,
                        "true: low-pass or band-stop; false: high-pass or band-pass."))
                .param(new ParamSpec("window", "Window", new ParamType.ChoiceType(Windows.KEYS), "hamming", "", true,
                        "Design window (symmetric), firwin's default hamming."))
                .param(ParamSpec.real("kaiser_beta", "Kaiser beta", 8.6, 0, 100, "", true, "Shape of the Kaiser window."))
                .param(ParamSpec.integer("chunk", "Chunk", 1024, 1, 1 << 20, "samples", false, "Samples per output frame."))
                .input(PortSpec.of("in", new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")), "Samples."))
                .output(PortSpec.of("out", new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")),
                        "Filtered samples, same rate and indexes."))
                .factory(FirNode::new)
                .build();
    }

    private ProcessorContext context;
    private int numtaps;
    private double sampleRate;
    private double[] taps;
    /** numtaps-1 history samples followed by room for one block of {@code chunk} samples. */
    private double[] line;
    private InputPort in;
    private OutputPort out;

    @Override
    public void open(ProcessorContext ctx) {
        this.context = ctx;
        Params p = ctx.params();
        numtaps = p.getInt("numtaps");
        sampleRate = p.getDouble("sample_rate_hz");
        try {
            taps = design(p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("node '" + ctx.nodeId() + "': " + e.getMessage(), e);
        }
        line = new double[numtaps - 1 + p.getInt("chunk")];
    }

    private double[] design(Params p) {
        return FirDesign.firwin(numtaps, p.getDoubleArray("cutoff_hz"), p.getBoolean("pass_zero"),
                Windows.Shape.of(p.getString("window")), p.getDouble("kaiser_beta"), sampleRate);
    }

    @Override
    public void onParamsChanged(Params previous, Params next) {
        try {
            taps = design(next);
        } catch (IllegalArgumentException e) {
            context.logger().log(System.Logger.Level.WARNING, "node ''{0}'': kept the previous taps: {1}",
                    context.nodeId(), e.getMessage());
        }
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
            if (out.remaining() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
            }
            Frame src = in.peek();
            int pos = in.position();
            if (src.length() == pos) {
                in.release(); // an empty chunk carries nothing to filter
                continue;
            }
            Frame dst = out.claim();
            int k = Math.min(src.length() - pos, dst.capacity());
            dst.copyHeaderFrom(src).setIndex(src.index() + pos).setLength(k);
            filter(src.floats(), pos, dst.floats(), k);
            out.publish();
            in.consume(k);
        }
        return WorkStatus.OK;
    }

    private void filter(float[] x, int from, float[] y, int k) {
        int h = numtaps - 1;
        double[] l = line;
        double[] t = taps;
        for (int i = 0; i < k; i++) {
            l[h + i] = x[from + i];
        }
        for (int i = 0; i < k; i++) {
            // Accumulate in double: over hundreds of taps float sums drift from lfilter's float64 result.
            double acc = 0;
            int top = h + i;
            for (int j = 0; j <= h; j++) {
                acc += t[j] * l[top - j];
            }
            y[i] = (float) acc;
        }
        // Keep the newest numtaps-1 samples (some may be older history when k < numtaps-1).
        System.arraycopy(l, k, l, 0, h);
    }
}
