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
import dev.weir.engine.api.RateSpec;
import dev.weir.engine.api.WorkStatus;

import java.util.List;
import java.util.Map;

/**
 * {@code dsp.fft}: cuts a real or complex sample stream into windows of {@code fft_size} samples every
 * {@code hop} samples, multiplies by a periodic window and emits one complex spectrum per window, as
 * {@code numpy.fft.fft(w * x[start:start+n], norm=norm)}.
 *
 * <pre>
 *  stream:  |--------- window 0 ---------|
 *                  |--------- window 1 ---------|        hop &lt; fft_size: overlap, the tail is kept
 *           &lt;-hop-&gt;
 *  stream:  |--- window 0 ---|.....skipped.....|--- window 1 ---|     hop &gt; fft_size: samples skipped
 * </pre>
 *
 * Samples are copied from chunks of any size into a preallocated buffer, so no input frame is held. Each output
 * frame's index is the sample offset of its window start, and it carries the input's sample rate. A trailing
 * part window at end of stream is dropped (numpy's framing without padding).
 */
final class FftNode implements Processor {

    private static final int MAX_STEPS_PER_CALL = 256;
    static final String REAL = "real";
    static final String COMPLEX = "complex";

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("dsp.fft", 1)
                .label("FFT")
                .category("DSP/Spectral")
                .description("Windowed FFT of a real or complex stream: one complex64 vector of fft_size bins every "
                        + "hop samples (hop 0 means fft_size), with numpy's norm conventions. Any size >= 2.")
                .param(ParamSpec.integer("fft_size", "FFT size", 1024, 2, 1 << 20, "samples", false,
                        "Samples per window and bins per spectrum; any size, powers of two are fastest."))
                .param(ParamSpec.integer("hop", "Hop", 0, 0, 1 << 24, "samples", true,
                        "Samples between window starts; 0 means fft_size. Less overlaps, more skips."))
                .param(new ParamSpec("window", "Window", new ParamType.ChoiceType(Windows.KEYS), "hann", "", true,
                        "Window shape (periodic, as scipy's get_window for spectra)."))
                .param(ParamSpec.real("kaiser_beta", "Kaiser beta", 8.6, 0, 100, "", true,
                        "Shape of the Kaiser window."))
                .param(new ParamSpec("norm", "Norm", new ParamType.ChoiceType(ComplexFft.NORMS), "backward", "", true,
                        "As numpy.fft: backward (no scaling), ortho (1/sqrt(n)) or forward (1/n)."))
                .param(new ParamSpec("input", "Input", new ParamType.ChoiceType(List.of(REAL, COMPLEX)), REAL, "", false,
                        "real: float32 samples; complex: complex64 samples."))
                .input(PortSpec.of("in", new DataType.ByParam("input", Map.of(
                        REAL, new DataType.SampleStream(ElementType.FLOAT32, Dim.param("fft_size")),
                        COMPLEX, new DataType.SampleStream(ElementType.COMPLEX64, Dim.param("fft_size")))), "Samples."))
                .output(PortSpec.of("out", new DataType.VectorOf(ElementType.COMPLEX64, Dim.param("fft_size")),
                        "One spectrum per window, bin 0 first (no fftshift)."))
                .rate(new RateSpec(Dim.param("fft_size"), Dim.of(1), Dim.param("hop")))
                .factory(FftNode::new)
                .build();
    }

    private int n;
    private boolean complexIn;
    private int hop;
    private float scale;
    private ComplexFft fft;
    /** The periodic window, float so the hot loop multiplies floats. */
    private float[] window;
    /** Samples of the window being filled, interleaved complex (imaginary 0 for real input). */
    private float[] buffer;
    private float[] work;
    private int fill;
    /** Samples still to drop before the next window starts (hop &gt; fft_size). */
    private long skip;
    /** Stream offset of buffer[0]. */
    private long windowStart;
    private double sampleRate;
    private InputPort in;
    private OutputPort out;

    @Override
    public void open(ProcessorContext context) {
        Params p = context.params();
        n = p.getInt("fft_size");
        complexIn = COMPLEX.equals(p.getString("input"));
        fft = new ComplexFft(n);
        buffer = new float[2 * n];
        work = new float[2 * n];
        window = new float[n];
        apply(p);
    }

    /** Reads the hot params: window, norm and hop. Allocates a double window once; not on the hot path. */
    private void apply(Params p) {
        int h = p.getInt("hop");
        hop = h == 0 ? n : h;
        scale = (float) ComplexFft.scale(p.getString("norm"), n, false);
        double[] w = Windows.of(n, Windows.Shape.of(p.getString("window")), true, p.getDouble("kaiser_beta"));
        for (int i = 0; i < n; i++) {
            window[i] = (float) w[i];
        }
    }

    @Override
    public void onParamsChanged(Params previous, Params next) {
        apply(next);
    }

    @Override
    public WorkStatus process(Inputs ins, Outputs outs) {
        if (in == null) {
            in = ins.port(0);
            out = outs.port(0);
        }
        boolean progressed = false;
        for (int step = 0; step < MAX_STEPS_PER_CALL; step++) {
            if (fill == n) {
                if (out.remaining() == 0) {
                    return progressed ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
                }
                emit();
                progressed = true;
                continue;
            }
            if (in.available() == 0) {
                return progressed ? WorkStatus.OK : WorkStatus.NEED_INPUT;
            }
            take(in.peek());
            progressed = true;
        }
        return WorkStatus.OK;
    }

    /** Copies (or skips) as many samples of the head frame as the window still needs, and consumes them. */
    private void take(Frame src) {
        int pos = in.position();
        int left = src.length() - pos;
        if (left == 0) {
            in.release(); // an empty chunk
            return;
        }
        sampleRate = src.sampleRate();
        if (skip > 0) {
            int k = (int) Math.min(skip, left);
            skip -= k;
            in.consume(k);
            return;
        }
        if (fill == 0) {
            windowStart = src.index() + pos;
        }
        int k = Math.min(left, n - fill);
        float[] a = src.floats();
        float[] b = buffer;
        if (complexIn) {
            System.arraycopy(a, 2 * pos, b, 2 * fill, 2 * k);
        } else {
            for (int i = 0; i < k; i++) {
                b[2 * (fill + i)] = a[pos + i];
                b[2 * (fill + i) + 1] = 0f;
            }
        }
        fill += k;
        in.consume(k);
    }

    /** Windows, transforms and publishes the full buffer, then moves on by hop. */
    private void emit() {
        float[] b = buffer;
        float[] w = work;
        float[] win = window;
        for (int i = 0; i < n; i++) {
            w[2 * i] = b[2 * i] * win[i];
            w[2 * i + 1] = b[2 * i + 1] * win[i];
        }
        fft.forward(w);
        Frame f = out.claim();
        float[] dst = f.floats();
        float s = scale;
        for (int i = 0; i < 2 * n; i++) {
            dst[i] = w[i] * s;
        }
        f.setIndex(windowStart).setSampleRate(sampleRate);
        out.publish();
        if (hop < n) {
            // Overlap: keep the last n - hop samples as the start of the next window.
            System.arraycopy(b, 2 * hop, b, 0, 2 * (n - hop));
            fill = n - hop;
            windowStart += hop;
        } else {
            fill = 0;
            skip = hop - n;
        }
    }
}
