package dev.weir.nodes.wavelet;

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
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.RateSpec;
import dev.weir.engine.api.WorkStatus;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * {@code dsp.cwt_morlet}: the continuous wavelet transform with a complex Morlet wavelet, one magnitude scalogram
 * per window of samples, as {@code pywt.cwt(x, scales, 'cmorB-C', sampling_period=1/fs)} computes it.
 *
 * <pre>
 *  psi(u)   = exp(-u^2 / B) * exp(j 2 pi C u) / sqrt(pi B)          pywt's cmorB-C, support u in [-8, 8]
 *  s_r      = C * fs / f_r,   f_r = min_hz * (max_hz / min_hz)^(r / (n_scales - 1))   (log-spaced)
 *  W[r][n]  = | sum_m x[n - m] * psi(m / s_r) / sqrt(s_r) |,   n = 0 .. window-1, x = 0 outside the window
 *
 *  output frame (row-major, n_scales x window):
 *     row 0            = min_hz  ... row n_scales-1 = max_hz
 *     col n            = sample n of the window
 *     index            = sample offset of the window's first sample
 *     sample_rate      = fs / hop  (frames per second)
 * </pre>
 *
 * <p>Scales are given as {@code min_hz}, {@code max_hz} and {@code n_scales} rather than as a list, because the
 * output matrix is sized by an integer param ({@code Dim.param("n_scales")}): a list would need a second,
 * redundant length param that could disagree with it.
 *
 * <p>Each window is transformed on its own with zeros outside it, exactly as pywt treats the ends of its
 * input, so the first and last ~{@code 3 s_r sqrt(B)} samples of each row see the edge (the cone of influence).
 * Overlapping windows ({@code hop < window}) let a consumer keep only the interior.
 *
 * <p>The convolution runs by FFT (JTransforms): the window's spectrum is computed once, then multiplied by each
 * scale's wavelet spectrum, precomputed in {@code open}, and transformed back. The FFT size is the power of two
 * at least {@code 2 window - 1}, which makes the circular convolution linear for every kernel truncated to the
 * window ({@code |m| < window}): taps beyond that would only ever meet the zeros outside the window. The window is
 * limited to 4096 samples so the FFT stays at or below 8192 points, where JTransforms runs on the calling thread
 * without allocating tasks.
 *
 * <p>The sample rate is the {@code sample_rate_hz} param, since the wavelet spectra are built in {@code open},
 * before any frame arrives; a frame whose {@code sample_rate} tag is set and differs fails the run with a message
 * rather than silently producing a mislabelled scalogram. A tail shorter than a window at end of stream is
 * dropped.
 */
final class CwtMorletNode implements Processor {

    /** At most this many scalograms per call: one costs n_scales inverse FFTs. */
    private static final int MAX_FRAMES_PER_CALL = 1;

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("dsp.cwt_morlet", 1)
                .label("CWT (Morlet)")
                .category("DSP/Wavelets")
                .description("Continuous wavelet transform with a complex Morlet wavelet (pywt 'cmorB-C'): one "
                        + "magnitude scalogram, n_scales log-spaced frequencies by window samples, per hop.")
                .param(ParamSpec.real("sample_rate_hz", "Sample rate", 256, 1e-3, 1e9, "Hz", false,
                        "Sample rate of the input; frames tagged with another rate are refused."))
                .param(ParamSpec.real("min_hz", "Lowest frequency", 1, 1e-6, 1e9, "Hz", false,
                        "Frequency of the first row (largest scale)."))
                .param(ParamSpec.real("max_hz", "Highest frequency", 40, 1e-6, 1e9, "Hz", false,
                        "Frequency of the last row (smallest scale); at most half the sample rate."))
                .param(ParamSpec.integer("n_scales", "Scales", 32, 1, 512, "", false,
                        "Rows of the scalogram, log-spaced from min_hz to max_hz."))
                .param(ParamSpec.integer("window", "Window", 512, 2, 4096, "samples", false,
                        "Samples per scalogram (its columns)."))
                .param(ParamSpec.integer("hop", "Hop", 256, 1, 1 << 24, "samples", false,
                        "Samples between the starts of two scalograms; above window, samples are skipped."))
                .param(ParamSpec.real("bandwidth", "Bandwidth B", 1.5, 1e-3, 100, "", false,
                        "Morlet bandwidth B of pywt's cmorB-C (the Gaussian is exp(-t^2/B))."))
                .param(ParamSpec.real("center", "Centre frequency C", 1.0, 1e-3, 100, "", false,
                        "Morlet centre frequency C of pywt's cmorB-C; scale = C * fs / f."))
                .input(PortSpec.of("in", new DataType.SampleStream(ElementType.FLOAT32, Dim.param("window")),
                        "Samples, in chunks of any size (the window only sizes test frames)."))
                .output(PortSpec.of("out", new DataType.MatrixOf(ElementType.FLOAT32, Dim.param("n_scales"),
                        Dim.param("window")), "Magnitude scalogram: n_scales rows (low to high frequency) by window."))
                .rate(new RateSpec(Dim.param("window"), Dim.of(1), Dim.param("hop")))
                .factory(CwtMorletNode::new)
                .build();
    }

    private String nodeId;
    private double sampleRate;
    private int window;
    private int hop;
    private int nScales;
    private int nfft;
    private DoubleFFT_1D fft;
    /** Per scale, the spectrum of the truncated, scaled wavelet: interleaved re/im, nfft bins. */
    private double[][] kernels;
    private double[] spectrum;
    private double[] work;
    private float[] buf;
    private int filled;
    private long bufStart;
    private long skip;
    private InputPort in;
    private OutputPort out;

    @Override
    public void open(ProcessorContext context) {
        var p = context.params();
        nodeId = context.nodeId();
        sampleRate = p.getDouble("sample_rate_hz");
        double minHz = p.getDouble("min_hz");
        double maxHz = p.getDouble("max_hz");
        nScales = p.getInt("n_scales");
        window = p.getInt("window");
        hop = p.getInt("hop");
        double b = p.getDouble("bandwidth");
        double c = p.getDouble("center");
        if (minHz > maxHz) {
            throw new IllegalArgumentException("node '" + nodeId + "': min_hz " + minHz + " is above max_hz " + maxHz);
        }
        if (maxHz > sampleRate / 2) {
            throw new IllegalArgumentException("node '" + nodeId + "': max_hz " + maxHz
                    + " is above half the sample rate (" + sampleRate / 2 + " Hz)");
        }
        nfft = Integer.highestOneBit(2 * window - 1) << (Integer.bitCount(2 * window - 1) == 1 ? 0 : 1);
        fft = new DoubleFFT_1D(nfft);
        kernels = new double[nScales][];
        for (int r = 0; r < nScales; r++) {
            kernels[r] = kernelSpectrum(scale(r, minHz, maxHz, c), b, c);
        }
        spectrum = new double[2 * nfft];
        work = new double[2 * nfft];
        buf = new float[window];
    }

    /** Scale of row {@code r}: C * fs / f_r with f_r log-spaced (numpy.geomspace) from min to max. */
    private double scale(int r, double minHz, double maxHz, double c) {
        double f = nScales == 1 ? minHz : minHz * Math.pow(maxHz / minHz, (double) r / (nScales - 1));
        return c * sampleRate / f;
    }

    /** The FFT of psi(m / s) / sqrt(s) for |m| &lt;= min(ceil(8 s), window - 1), placed circularly. */
    private double[] kernelSpectrum(double s, double b, double c) {
        double[] k = new double[2 * nfft];
        int m = (int) Math.min(Math.ceil(8 * s), window - 1);
        double norm = 1 / (Math.sqrt(Math.PI * b) * Math.sqrt(s));
        for (int i = -m; i <= m; i++) {
            double u = i / s;
            double g = norm * Math.exp(-u * u / b);
            int at = 2 * Math.floorMod(i, nfft);
            k[at] = g * Math.cos(2 * Math.PI * c * u);
            k[at + 1] = g * Math.sin(2 * Math.PI * c * u);
        }
        fft.complexForward(k);
        return k;
    }

    @Override
    public WorkStatus process(Inputs ins, Outputs outs) {
        if (in == null) {
            in = ins.port(0);
            out = outs.port(0);
        }
        boolean progressed = false;
        int computed = 0;
        while (true) {
            if (filled == window) {
                if (out.remaining() == 0) {
                    return progressed ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
                }
                if (computed == MAX_FRAMES_PER_CALL) {
                    return WorkStatus.OK;
                }
                emit();
                computed++;
                progressed = true;
                continue;
            }
            if (in.available() == 0) {
                return progressed ? WorkStatus.OK : WorkStatus.NEED_INPUT;
            }
            Frame src = in.peek();
            double rate = src.sampleRate();
            if (rate != 0 && Math.abs(rate - sampleRate) > 1e-9 * sampleRate) {
                throw new IllegalStateException("node '" + nodeId + "': input is tagged " + rate
                        + " Hz but sample_rate_hz is " + sampleRate + " Hz; set sample_rate_hz to the input's rate");
            }
            int pos = in.position();
            int avail = src.length() - pos;
            progressed = true;
            if (avail <= 0) {
                in.release();
                continue;
            }
            if (skip > 0) {
                int n = (int) Math.min(skip, avail);
                skip -= n;
                in.consume(n);
                continue;
            }
            int n = Math.min(window - filled, avail);
            if (filled == 0) {
                bufStart = src.index() + pos;
            }
            System.arraycopy(src.floats(), pos, buf, filled, n);
            filled += n;
            in.consume(n);
        }
    }

    /**
     * Emits the window that is full when the input ends (the last {@code process} call may have filled it without
     * room or time to transform it); a shorter tail is dropped.
     */
    @Override
    public WorkStatus complete(Outputs outs) {
        if (filled < window) {
            return WorkStatus.DONE;
        }
        if (out == null) {
            out = outs.port(0);
        }
        if (out.remaining() == 0) {
            return WorkStatus.NEED_OUTPUT_SPACE;
        }
        emit();
        return filled < window ? WorkStatus.DONE : WorkStatus.OK;
    }

    /** Computes the scalogram of the full buffer into a claimed frame, publishes it and advances by hop. */
    private void emit() {
        double[] x = spectrum;
        java.util.Arrays.fill(x, 0);
        for (int i = 0; i < window; i++) {
            x[2 * i] = buf[i];
        }
        fft.complexForward(x);
        Frame f = out.claim();
        float[] dst = f.floats();
        double[] w = work;
        for (int r = 0; r < nScales; r++) {
            double[] k = kernels[r];
            for (int i = 0; i < 2 * nfft; i += 2) {
                double xr = x[i];
                double xi = x[i + 1];
                double kr = k[i];
                double ki = k[i + 1];
                w[i] = xr * kr - xi * ki;
                w[i + 1] = xr * ki + xi * kr;
            }
            fft.complexInverse(w, true);
            int row = r * window;
            for (int n = 0; n < window; n++) {
                double re = w[2 * n];
                double im = w[2 * n + 1];
                dst[row + n] = (float) Math.sqrt(re * re + im * im);
            }
        }
        f.setIndex(bufStart).setSampleRate(sampleRate / hop);
        out.publish();
        if (hop >= window) {
            filled = 0;
            skip = (long) hop - window;
        } else {
            System.arraycopy(buf, hop, buf, 0, window - hop);
            filled = window - hop;
            bufStart += hop;
        }
    }
}
