package dev.weir.nodes.radar;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.nodes.dsp.Windows;
import dev.weir.nodes.dsp.ComplexFft;
import dev.weir.nodes.common.FrameMapper;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * {@code radar.pulse_compression}: the matched filter of the LFM chirp, applied in the frequency domain.
 *
 * <pre>
 *   y = ifft( fft(x) * conj(fft(h)) ),   h = w .* chirp, zero-padded to N = samples_per_pulse
 * </pre>
 * The FFT size is the vector length, so the correlation is <em>circular</em> (as {@code ASSETS.md} states):
 * an echo whose chirp runs past the end of the vector wraps its tail onto the start. Output sample {@code n}
 * is the correlation at lag {@code n}, so an echo delayed by {@code d} samples peaks at {@code y[d]} with
 * height {@code a * sum|h|^2} (84 for the default rectangular chirp and a unit echo). The inverse FFT is scaled
 * by {@code 1/N}, as numpy's {@code ifft}.
 *
 * <p>The replica taper ({@code window}, symmetric, over the chirp's samples only) trades about 1.3 dB of SNR
 * and a wider main lobe for lower range sidelobes. The default is Hamming: with a rectangular replica the
 * -13 dB range sidelobes of a strong target (about 40 dB above the noise after pulse compression and MTD in
 * the default scenario) cross a CA-CFAR threshold and show as false targets (tools/oracles/radar.py
 * --scenario shows it).
 *
 * <p>Input and output are {@code vector<complex64>[samples_per_pulse]}; the header (pulse index, PRF, CPI
 * flags, time stamp) is copied. Computation is in double precision. Threads and allocation: all calls on the
 * worker thread; the FFT plan and the replica spectrum are made in {@code open}, {@code process} allocates
 * nothing.
 */
final class PulseCompressionNode extends FrameMapper {

    PulseCompressionNode() {
        super(16);
    }

    static NodeDescriptor descriptor() {
        DataType pulse = new DataType.VectorOf(ElementType.COMPLEX64, Dim.param("samples_per_pulse"));
        return NodeDescriptor.builder("radar.pulse_compression", 1)
                .label("Pulse compression")
                .category("Radar/Processing")
                .description("Matched filter of the LFM chirp: ifft(fft(x) * conj(fft(replica))), circular over "
                        + "one pulse vector, with an optional taper on the replica.")
                .param(RadarParams.bandwidth())
                .param(RadarParams.pulseWidth())
                .param(RadarParams.sampleRate())
                .param(RadarParams.samplesPerPulse())
                .param(RadarParams.window("window", "Replica window", "hamming",
                        "Taper on the replica (symmetric): lower range sidelobes, wider main lobe."))
                .param(RadarParams.kaiserBeta("kaiser_beta"))
                .input(PortSpec.of("in", pulse, "One received pulse."))
                .output(PortSpec.of("out", pulse, "The compressed pulse: range bin n = lag n samples."))
                .factory(PulseCompressionNode::new)
                .build();
    }

    private int n;
    /**
     * The per-pulse transform. Not JTransforms directly: at sizes that are not powers of two (the scenario's 480)
     * JTransforms allocates on every call, which process must not do.
     */
    private ComplexFft fft;
    /** conj(fft(h)) / n, interleaved re/im: the inverse transform's 1/n is folded in once. */
    private float[] replicaSpectrum;

    /** Called once on the worker thread: builds the replica, its spectrum and the FFT plan. Allocates. */
    @Override
    public void open(ProcessorContext context) {
        Params p = context.params();
        String who = "node '" + context.nodeId() + "' (radar.pulse_compression)";
        n = p.getInt("samples_per_pulse");
        double bw = p.getDouble("bandwidth_hz");
        double tau = p.getDouble("pulse_width_s");
        double fs = p.getDouble("sample_rate_hz");
        int len = RadarParams.chirpSamples(who, tau, fs, n);
        double[] replica = new double[2 * n];
        RadarParams.chirp(replica, len, bw, tau, fs);
        double[] w = Windows.of(len, Windows.Shape.of(p.getString("window")), false, p.getDouble("kaiser_beta"));
        for (int i = 0; i < len; i++) {
            replica[2 * i] *= w[i];
            replica[2 * i + 1] *= w[i];
        }
        // The replica's spectrum is computed once, in double, here in open where allocation is allowed.
        new DoubleFFT_1D(n).complexForward(replica);
        replicaSpectrum = new float[2 * n];
        for (int k = 0; k < n; k++) {
            replicaSpectrum[2 * k] = (float) (replica[2 * k] / n);
            replicaSpectrum[2 * k + 1] = (float) (-replica[2 * k + 1] / n);
        }
        fft = new ComplexFft(n);
    }

    /** Compresses one pulse; called by {@link FrameMapper#process} on the worker thread, allocation-free. */
    @Override
    protected void map(Frame src, Frame dst) {
        compress(src.floats(), dst.floats());
        dst.setLength(n);
    }

    /** y = ifft(fft(x) * conj(fft(h))), in place in the output frame's array; allocation-free. */
    private void compress(float[] x, float[] y) {
        float[] h = replicaSpectrum;
        System.arraycopy(x, 0, y, 0, 2 * n);
        fft.forward(y);
        for (int k = 0; k < n; k++) {
            float re = y[2 * k];
            float im = y[2 * k + 1];
            float hr = h[2 * k];
            float hi = h[2 * k + 1];
            y[2 * k] = re * hr - im * hi;
            y[2 * k + 1] = re * hi + im * hr;
        }
        fft.inverseUnscaled(y);
    }
}
