package dev.weir.nodes.eeg;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.nodes.common.FloatChunkSource;

/**
 * {@code source.eeg_sim}: a simulated single-channel EEG in µV, the sum of four band components plus white noise.
 *
 * <pre>
 *  x[n] = sum over b in {delta, theta, alpha, beta} of A_b * sin(phi_b[n])  +  noise_std * w[n]
 *  phi_b[n+1] = phi_b[n] + 2 pi f_b / fs + phase_noise * v_b[n]        (a random-walk phase)
 * </pre>
 *
 * {@code w} and {@code v_b} are independent standard normal draws from {@link Gaussian}, seeded by {@code seed},
 * so a run is reproducible sample for sample. Phases accumulate in double and are wrapped to [0, 2 pi) so that
 * hours of signal keep full precision. The random phase walk widens each band's spectral line into a peak, which
 * is closer to real rhythms than a pure tone.
 */
final class EegSimNode extends FloatChunkSource {

    EegSimNode() {
        super(16);
    }

    private static final double TWO_PI = 2 * Math.PI;
    /** Band names, in the order of the phase and amplitude arrays. */
    private static final String[] BANDS = {"delta", "theta", "alpha", "beta"};

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("source.eeg_sim", 1)
                .label("EEG simulator")
                .category("Sources/Biosignals")
                .description("Simulated EEG in µV: delta, theta, alpha and beta sinusoids with random-walk phase "
                        + "noise, plus white Gaussian noise. Deterministic for a given seed.")
                .param(ParamSpec.real("sample_rate_hz", "Sample rate", 256, 1, 1e6, "Hz", false,
                        "Samples per second; also the sample_rate tag of every frame."))
                .param(ParamSpec.real("delta_hz", "Delta frequency", 2, 1, 4, "Hz", false, "Delta rhythm (1-4 Hz)."))
                .param(ParamSpec.real("theta_hz", "Theta frequency", 6, 4, 8, "Hz", false, "Theta rhythm (4-8 Hz)."))
                .param(ParamSpec.real("alpha_hz", "Alpha frequency", 10, 8, 13, "Hz", false, "Alpha rhythm (8-13 Hz)."))
                .param(ParamSpec.real("beta_hz", "Beta frequency", 20, 13, 30, "Hz", false, "Beta rhythm (13-30 Hz)."))
                .param(ParamSpec.real("delta_uv", "Delta amplitude", 20, 0, 1e4, "µV", false, "Peak amplitude of delta."))
                .param(ParamSpec.real("theta_uv", "Theta amplitude", 10, 0, 1e4, "µV", false, "Peak amplitude of theta."))
                .param(ParamSpec.real("alpha_uv", "Alpha amplitude", 30, 0, 1e4, "µV", false, "Peak amplitude of alpha."))
                .param(ParamSpec.real("beta_uv", "Beta amplitude", 5, 0, 1e4, "µV", false, "Peak amplitude of beta."))
                .param(ParamSpec.real("phase_noise", "Phase noise", 0.01, 0, 10, "rad", false,
                        "Standard deviation of each band's per-sample phase step (random walk); 0 gives pure tones."))
                .param(ParamSpec.real("noise_std", "Noise", 2, 0, 1e4, "µV", false,
                        "Standard deviation of the additive white Gaussian noise."))
                .param(ParamSpec.integer("seed", "Seed", 1, Long.MIN_VALUE, Long.MAX_VALUE, "", false,
                        "Seed of the noise; the same seed gives the same signal."))
                .param(ParamSpec.integer("chunk", "Chunk", 256, 1, 1 << 20, "samples", false, "Samples per frame."))
                .param(ParamSpec.integer("count", "Count", 0, 0, Long.MAX_VALUE, "samples", false,
                        "Samples to emit; 0 means no end."))
                .output(PortSpec.of("out", new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")),
                        "EEG samples in µV."))
                .factory(EegSimNode::new)
                .build();
    }

    private final double[] phase = new double[4];
    private final double[] step = new double[4];
    private final double[] amplitude = new double[4];
    private double phaseNoise;
    private double noiseStd;
    private Gaussian gaussian;

    @Override
    public void open(ProcessorContext context) {
        var p = context.params();
        sampleRate = p.getDouble("sample_rate_hz");
        for (int b = 0; b < 4; b++) {
            double f = p.getDouble(BANDS[b] + "_hz");
            if (f >= sampleRate / 2) {
                throw new IllegalArgumentException("node '" + context.nodeId() + "': " + BANDS[b] + "_hz " + f
                        + " Hz is not below the Nyquist frequency " + sampleRate / 2 + " Hz");
            }
            step[b] = TWO_PI * f / sampleRate;
            amplitude[b] = p.getDouble(BANDS[b] + "_uv");
        }
        phaseNoise = p.getDouble("phase_noise");
        noiseStd = p.getDouble("noise_std");
        count = p.getLong("count");
        gaussian = new Gaussian(p.getLong("seed"));
        // Start phases are random too, so bands are not all aligned at n = 0 (which a real EEG never is).
        for (int b = 0; b < 4; b++) {
            phase[b] = TWO_PI * gaussian.uniform();
        }
    }

    @Override
    protected void fill(float[] a, int n) {
        for (int i = 0; i < n; i++) {
            double x = 0;
            for (int b = 0; b < 4; b++) {
                x += amplitude[b] * Math.sin(phase[b]);
                double ph = phase[b] + step[b];
                if (phaseNoise > 0) {
                    ph += phaseNoise * gaussian.next();
                }
                // Wrapping keeps the accumulator small, so its rounding error does not grow with run time.
                phase[b] = ph - TWO_PI * Math.floor(ph / TWO_PI);
            }
            if (noiseStd > 0) {
                x += noiseStd * gaussian.next();
            }
            a[i] = (float) x;
        }
    }
}
