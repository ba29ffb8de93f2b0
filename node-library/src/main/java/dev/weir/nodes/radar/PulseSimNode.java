package dev.weir.nodes.radar;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
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
import java.util.SplittableRandom;

/**
 * {@code radar.pulse_sim}: a pulse-Doppler radar receiver's baseband output for point targets in white noise.
 *
 * <h2>Model</h2>
 * Pulse {@code p} (slow time {@code p * prt}) is one vector of {@code samples_per_pulse} complex samples,
 * sample {@code n} at fast time {@code n / fs}:
 * <pre>
 *   x_p[n] = sum_k a_k s(n/fs - d_k/fs) exp(-j 4 pi f0 R_k / c) exp(j 2 pi fd_k p prt)  +  w_p[n]
 *
 *   s(t)  = exp(j pi (B/tau) t^2 - j pi B t) for 0 &lt;= t &lt; L/fs, else 0   (L = round(tau fs) samples)
 *   d_k   = 2 R_k fs / c        delay in FRACTIONAL samples: the continuous chirp is evaluated at the
 *                               delayed sample times (an ideal ADC, no receiver filter), no interpolation
 *   fd_k  = 2 v_k f0 / c        positive velocity = approaching = positive Doppler
 *   a_k   = sqrt(target_power_k)
 *   w_p   complex white Gaussian noise with E|w|^2 = 10^(noise_db/10): noise_db is the noise power per
 *         sample relative to a unit-amplitude (power 1) target echo, so noise_db = -12 is a 12 dB
 *         per-sample SNR for a power-1 target before any processing gain.
 * </pre>
 * Targets stay at their range for the whole run ("stop and hop" without range migration: a 204 m/s target
 * moves 0.8 m in a 16-pulse CPI, 1% of a range bin); only their Doppler phase advances. Echoes beyond the
 * vector are cut off, and eclipsing by the transmit pulse is not modelled.
 *
 * <h2>Output</h2>
 * One {@code vector<complex64>[samples_per_pulse]} per pulse: index = pulse number, sample rate = PRF
 * ({@code 1 / prt_s}, pulses per second, not the fast-time rate), time stamp = {@code p * prt} in
 * nanoseconds, {@code FLAG_CPI_START} on pulses {@code p % pulses_per_cpi == 0} and {@code FLAG_CPI_END} on
 * the last pulse of each CPI. The noise comes from a {@link SplittableRandom} seeded with {@code seed}, so a
 * run is reproducible.
 *
 * <h2>Threads and allocation</h2>
 * Every method runs on the processor's worker thread. {@code open} precomputes each target's delayed chirp
 * (one {@code double[2 * samples_per_pulse]} per target); {@code process} only rotates and sums them and draws
 * noise, allocating nothing.
 */
final class PulseSimNode implements Processor {

    /** Pulses per call, so that one call stays well under a millisecond at the default 480 samples. */
    private static final int MAX_FRAMES_PER_CALL = 16;

    static NodeDescriptor descriptor() {
        ParamType.RealListType ranges = new ParamType.RealListType(0, 1e9, 0, 64);
        return NodeDescriptor.builder("radar.pulse_sim", 1)
                .label("Radar pulse simulator")
                .category("Radar/Sources")
                .description("LFM pulse-Doppler echoes of point targets in complex white noise: one vector per "
                        + "pulse, CPI boundaries flagged. Positive velocity = approaching = positive Doppler.")
                .param(RadarParams.bandwidth())
                .param(RadarParams.pulseWidth())
                .param(RadarParams.prt())
                .param(RadarParams.sampleRate())
                .param(RadarParams.carrier())
                .param(RadarParams.samplesPerPulse())
                .param(RadarParams.pulsesPerCpi())
                .param(new ParamSpec("target_range_m", "Target ranges", ranges, List.of(3000.0, 8025.0, 15800.0, 8025.0),
                        "m", false, "Range of each target; the three target lists are parallel."))
                .param(new ParamSpec("target_velocity_mps", "Target velocities",
                        new ParamType.RealListType(-1e6, 1e6, 0, 64), List.of(50.0, 0.0, 204.0, 100.0), "m/s", false,
                        "Radial velocity of each target; positive = approaching."))
                .param(new ParamSpec("target_power", "Target powers", new ParamType.RealListType(0, 1e12, 0, 64),
                        List.of(1.0, 1.0, 1.0, 0.25), "", false, "Echo power of each target (amplitude squared)."))
                .param(ParamSpec.real("noise_db", "Noise power", -12, -300, 100, "dB", false,
                        "Complex noise power per sample relative to a power-1 target echo (E|w|^2 = 10^(dB/10))."))
                .param(ParamSpec.integer("seed", "Seed", 1, Long.MIN_VALUE, Long.MAX_VALUE, "", false,
                        "Seed of the noise generator; equal seeds give equal runs."))
                .param(ParamSpec.integer("count", "Pulses", 0, 0, Long.MAX_VALUE, "pulses", false,
                        "Pulses to emit; 0 means no end."))
                .output(PortSpec.of("out", new DataType.VectorOf(ElementType.COMPLEX64, Dim.param("samples_per_pulse")),
                        "One pulse (PRT) of complex baseband samples; sample rate tag = PRF."))
                .factory(PulseSimNode::new)
                .build();
    }

    private int spp;
    private int pulsesPerCpi;
    private double prt;
    private long count;
    private double noiseSigma;
    /** Per target: the delayed, scaled, range-phased chirp over the whole vector, interleaved re/im. */
    private double[][] echoes;
    /** Per target: Doppler cycles per pulse, fd * prt. */
    private double[] dopplerCyclesPerPulse;
    private double[] cos;
    private double[] sin;
    private SplittableRandom random;
    private long pulse;
    private OutputPort out;

    /** Called once on the worker thread; checks params and precomputes the echoes. Allocates. */
    @Override
    public void open(ProcessorContext context) {
        Params p = context.params();
        String who = "node '" + context.nodeId() + "' (radar.pulse_sim)";
        double bw = p.getDouble("bandwidth_hz");
        double tau = p.getDouble("pulse_width_s");
        double fs = p.getDouble("sample_rate_hz");
        double f0 = p.getDouble("carrier_hz");
        prt = p.getDouble("prt_s");
        spp = p.getInt("samples_per_pulse");
        pulsesPerCpi = p.getInt("pulses_per_cpi");
        count = p.getLong("count");
        int chirpLen = RadarParams.chirpSamples(who, tau, fs, spp);
        double[] ranges = p.getDoubleArray("target_range_m");
        double[] velocities = p.getDoubleArray("target_velocity_mps");
        double[] powers = p.getDoubleArray("target_power");
        if (velocities.length != ranges.length || powers.length != ranges.length) {
            throw new IllegalArgumentException(who + ": target_range_m, target_velocity_mps and target_power must "
                    + "have the same length, were " + ranges.length + ", " + velocities.length + ", " + powers.length);
        }
        noiseSigma = Math.sqrt(Math.pow(10, p.getDouble("noise_db") / 10) / 2);
        random = new SplittableRandom(p.getLong("seed"));
        int k = ranges.length;
        echoes = new double[k][2 * spp];
        dopplerCyclesPerPulse = new double[k];
        cos = new double[k];
        sin = new double[k];
        for (int t = 0; t < k; t++) {
            double delay = 2 * ranges[t] * fs / RadarNodes.C;
            double amp = Math.sqrt(powers[t]);
            double rangePhase = -4 * Math.PI * f0 * ranges[t] / RadarNodes.C;
            dopplerCyclesPerPulse[t] = 2 * velocities[t] * f0 / RadarNodes.C * prt;
            double[] e = echoes[t];
            for (int n = 0; n < spp; n++) {
                double u = n - delay; // samples since the echo's leading edge
                if (u >= 0 && u < chirpLen) {
                    double ph = RadarParams.chirpPhase(u / fs, bw, tau) + rangePhase;
                    e[2 * n] = amp * Math.cos(ph);
                    e[2 * n + 1] = amp * Math.sin(ph);
                }
            }
        }
    }

    /** Emits up to {@value #MAX_FRAMES_PER_CALL} pulses; NEED_OUTPUT_SPACE at once when the output is full. */
    @Override
    public WorkStatus process(Inputs in, Outputs outs) {
        if (out == null) {
            out = outs.port(0);
        }
        int frames = 0;
        while (frames < MAX_FRAMES_PER_CALL) {
            if (count > 0 && pulse >= count) {
                return WorkStatus.DONE;
            }
            if (out.remaining() == 0) {
                return frames > 0 ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
            }
            fill(out.claim());
            out.publish();
            pulse++;
            frames++;
        }
        return WorkStatus.OK;
    }

    private void fill(Frame f) {
        int k = echoes.length;
        for (int t = 0; t < k; t++) {
            // Reduce to one cycle before scaling by 2 pi, so that phase stays exact over long runs.
            double cycles = dopplerCyclesPerPulse[t] * pulse;
            double ph = 2 * Math.PI * (cycles - Math.floor(cycles));
            cos[t] = Math.cos(ph);
            sin[t] = Math.sin(ph);
        }
        float[] a = f.floats();
        double sigma = noiseSigma;
        for (int n = 0; n < spp; n++) {
            double re = sigma * random.nextGaussian();
            double im = sigma * random.nextGaussian();
            for (int t = 0; t < k; t++) {
                double er = echoes[t][2 * n];
                double ei = echoes[t][2 * n + 1];
                re += er * cos[t] - ei * sin[t];
                im += er * sin[t] + ei * cos[t];
            }
            a[2 * n] = (float) re;
            a[2 * n + 1] = (float) im;
        }
        int inCpi = (int) (pulse % pulsesPerCpi);
        int flags = (inCpi == 0 ? Frame.FLAG_CPI_START : 0) | (inCpi == pulsesPerCpi - 1 ? Frame.FLAG_CPI_END : 0);
        f.setLength(spp).setIndex(pulse).setSampleRate(1 / prt).setFlags(flags)
                .setTimestampNanos(Math.round(pulse * prt * 1e9));
    }
}
