package dev.weir.nodes.dsp;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.ProcessorContext;

import dev.weir.nodes.common.FloatChunkSource;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code source.sinusoids}: a sum of K tones plus optional Gaussian noise, as float32 samples
 * ({@code sum a_k cos(phi_k)}) or complex64 ({@code sum a_k exp(i phi_k)}), in chunks indexed by sample offset
 * and tagged with the sample rate.
 *
 * <p><b>Phase accumulator.</b> Each tone keeps its phase in a double, advanced by {@code 2 pi f / fs} per sample
 * and wrapped into [0, 2 pi). Computing {@code cos(2 pi f n / fs)} from the growing sample count instead would
 * hand {@code cos} an argument of about 2 pi f n / fs radians, whose double spacing (ulp) grows with n: after
 * 10^12 samples at 1 MHz it is about 1e-4 rad, audible phase noise. The wrapped accumulator keeps every argument
 * below 2 pi (ulp 9e-16); its only errors are the fixed rounding of the increment (a frequency error near
 * 1e-16 relative) and a random walk of one rounding per sample. It also keeps phase continuous when the
 * frequencies are changed mid-stream.
 */
final class SinusoidsNode extends FloatChunkSource {

    SinusoidsNode() {
        super(64);
    }

    private static final double TWO_PI = 2 * Math.PI;
    static final String F32 = "f32";
    static final String C64 = "c64";

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("source.sinusoids", 1)
                .label("Sinusoids")
                .category("DSP/Sources")
                .description("Sum of sinusoids plus Gaussian noise, float32 (sum of a cos) or complex64 (sum of "
                        + "a exp(i phase)). Tones from frequencies_hz and amplitudes, or count_random tones drawn "
                        + "from seed. Phase-continuous across chunks and frequency changes.")
                .param(ParamSpec.real("sample_rate_hz", "Sample rate", 48_000, 1e-3, 1e12, "Hz", false,
                        "Samples per second; tagged on every frame."))
                .param(new ParamSpec("frequencies_hz", "Frequencies", new ParamType.RealListType(-1e12, 1e12, 0, 1024),
                        List.of(1000.0), "Hz", true, "One frequency per tone (ignored when count_random > 0)."))
                .param(new ParamSpec("amplitudes", "Amplitudes", new ParamType.RealListType(-1e12, 1e12, 0, 1024),
                        List.of(1.0), "", true, "One amplitude per tone, same length as frequencies_hz; "
                        + "missing ones are 1."))
                .param(ParamSpec.integer("count_random", "Random tones", 0, 0, 1024, "", false,
                        "When > 0, this many tones with frequencies uniform in [0, 0.45 fs) and amplitudes "
                                + "uniform in [0.1, 1) drawn from seed."))
                .param(ParamSpec.integer("seed", "Seed", 1, Long.MIN_VALUE, Long.MAX_VALUE, "", false,
                        "Seed of the random tones and the noise."))
                .param(ParamSpec.real("noise_std", "Noise std", 0, 0, 1e12, "", true,
                        "Standard deviation of the added Gaussian noise (per component for complex)."))
                .param(new ParamSpec("output", "Output", new ParamType.ChoiceType(List.of(F32, C64)), F32, "", false,
                        "f32: real samples; c64: complex samples."))
                .param(ParamSpec.integer("chunk", "Chunk", 1024, 1, 1 << 20, "samples", false, "Samples per frame."))
                .param(ParamSpec.integer("count", "Count", 0, 0, Long.MAX_VALUE, "samples", false,
                        "Samples to emit; 0 means no end."))
                .output(PortSpec.of("out", new DataType.ByParam("output", Map.of(
                        F32, new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")),
                        C64, new DataType.SampleStream(ElementType.COMPLEX64, Dim.param("chunk")))), "The signal."))
                .factory(SinusoidsNode::new)
                .build();
    }

    /** The tones a params set describes: {@code [frequencies, amplitudes]}. Allocates; used by open and tests. */
    static double[][] tones(Params p) {
        double fs = p.getDouble("sample_rate_hz");
        int random = p.getInt("count_random");
        if (random > 0) {
            // The seed draws the tones first; the noise continues the same sequence (see open).
            SplittableRandom rng = new SplittableRandom(p.getLong("seed"));
            double[] f = new double[random];
            double[] a = new double[random];
            for (int k = 0; k < random; k++) {
                f[k] = rng.nextDouble() * 0.45 * fs;
                a[k] = 0.1 + 0.9 * rng.nextDouble();
            }
            return new double[][] {f, a};
        }
        double[] f = p.getDoubleArray("frequencies_hz");
        double[] given = p.getDoubleArray("amplitudes");
        double[] a = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            a[k] = k < given.length ? given[k] : 1.0;
        }
        return new double[][] {f, a};
    }

    private boolean complex;
    private int randomTones;
    private double noiseStd;
    private SplittableRandom noise;
    private double[] amplitude;
    private double[] increment;
    private double[] phase;

    @Override
    public void open(ProcessorContext context) {
        Params p = context.params();
        complex = C64.equals(p.getString("output"));
        sampleRate = p.getDouble("sample_rate_hz");
        count = p.getLong("count");
        randomTones = p.getInt("count_random");
        noiseStd = p.getDouble("noise_std");
        noise = new SplittableRandom(p.getLong("seed"));
        // Skip the draws used by the random tones, so noise and tones never reuse the same numbers.
        for (int i = 0; i < 2 * randomTones; i++) {
            noise.nextDouble();
        }
        phase = new double[0];
        setTones(p);
    }

    /** Takes the tone list; existing tones keep their phase so a frequency change does not click. */
    private void setTones(Params p) {
        double[][] t = tones(p);
        int k = t[0].length;
        double[] newPhase = new double[k];
        System.arraycopy(phase, 0, newPhase, 0, Math.min(k, phase.length));
        phase = newPhase;
        amplitude = t[1];
        increment = new double[k];
        for (int i = 0; i < k; i++) {
            double inc = TWO_PI * t[0][i] / sampleRate;
            // Wrapped into [0, 2 pi) once here, so the hot loop only ever subtracts 2 pi.
            inc %= TWO_PI;
            increment[i] = inc < 0 ? inc + TWO_PI : inc;
        }
    }

    @Override
    public void onParamsChanged(Params previous, Params next) {
        noiseStd = next.getDouble("noise_std");
        if (randomTones == 0) {
            setTones(next);
        }
    }

    @Override
    protected void fill(float[] a, int n) {
        int slots = complex ? 2 : 1;
        java.util.Arrays.fill(a, 0, n * slots, 0f);
        double[] ph = phase;
        double[] inc = increment;
        double[] amp = amplitude;
        for (int k = 0; k < ph.length; k++) {
            double p = ph[k];
            double d = inc[k];
            double g = amp[k];
            if (complex) {
                for (int i = 0; i < n; i++) {
                    a[2 * i] += (float) (g * Math.cos(p));
                    a[2 * i + 1] += (float) (g * Math.sin(p));
                    p += d;
                    if (p >= TWO_PI) {
                        p -= TWO_PI;
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    a[i] += (float) (g * Math.cos(p));
                    p += d;
                    if (p >= TWO_PI) {
                        p -= TWO_PI;
                    }
                }
            }
            ph[k] = p;
        }
        if (noiseStd > 0) {
            for (int i = 0; i < n * slots; i++) {
                a[i] += (float) (noiseStd * noise.nextGaussian());
            }
        }
    }
}
