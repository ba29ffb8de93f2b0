package dev.weir.nodes.radar;

import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.nodes.dsp.Windows;

/**
 * The param specs the radar nodes share, so that a chain of them is configured with the same keys, units and
 * defaults. The defaults are the published scenario of {@code ASSETS.md}: L band (1.57 GHz), 2 MHz LFM,
 * 42 us pulse, 240 us PRT, 2 MHz sampling (480 samples per PRT) and 16 pulses per CPI.
 */
final class RadarParams {

    static final double DEFAULT_BANDWIDTH = 2e6;
    static final double DEFAULT_PULSE_WIDTH = 42e-6;
    static final double DEFAULT_PRT = 240e-6;
    static final double DEFAULT_SAMPLE_RATE = 2e6;
    static final double DEFAULT_CARRIER = 1.57e9;
    static final int DEFAULT_SAMPLES_PER_PULSE = 480;
    static final int DEFAULT_PULSES_PER_CPI = 16;

    private RadarParams() {
    }

    static ParamSpec bandwidth() {
        return ParamSpec.real("bandwidth_hz", "Bandwidth", DEFAULT_BANDWIDTH, 1, 1e10, "Hz", false,
                "Swept bandwidth of the LFM chirp (from -B/2 to +B/2 around the carrier).");
    }

    static ParamSpec pulseWidth() {
        return ParamSpec.real("pulse_width_s", "Pulse width", DEFAULT_PULSE_WIDTH, 1e-9, 1, "s", false,
                "Chirp duration; round(pulse_width * sample_rate) samples.");
    }

    static ParamSpec prt() {
        return ParamSpec.real("prt_s", "PRT", DEFAULT_PRT, 1e-9, 10, "s", false,
                "Pulse repetition time; PRF = 1 / PRT.");
    }

    static ParamSpec sampleRate() {
        return ParamSpec.real("sample_rate_hz", "Sample rate", DEFAULT_SAMPLE_RATE, 1, 1e11, "Hz", false,
                "Complex baseband sample rate; one range bin is c / (2 fs).");
    }

    static ParamSpec carrier() {
        return ParamSpec.real("carrier_hz", "Carrier", DEFAULT_CARRIER, 1, 1e12, "Hz", false,
                "Carrier frequency f0; Doppler fd = 2 v f0 / c.");
    }

    static ParamSpec samplesPerPulse() {
        return ParamSpec.integer("samples_per_pulse", "Samples per pulse", DEFAULT_SAMPLES_PER_PULSE, 2, 1 << 22,
                "samples", false, "Length of one pulse vector: the range bins per PRT (normally prt * fs).");
    }

    static ParamSpec pulsesPerCpi() {
        return ParamSpec.integer("pulses_per_cpi", "Pulses per CPI", DEFAULT_PULSES_PER_CPI, 1, 1 << 16,
                "pulses", false, "Pulses in one coherent processing interval: the Doppler FFT length.");
    }

    static ParamSpec window(String key, String label, String def, String doc) {
        return new ParamSpec(key, label, new ParamType.ChoiceType(Windows.KEYS), def, "", false, doc);
    }

    static ParamSpec kaiserBeta(String key) {
        return ParamSpec.real(key, "Kaiser beta", 8.6, 0, 50, "", false, "Shape of the Kaiser window; ignored otherwise.");
    }

    /** Chirp length in samples for the given params, checked against the vector length. */
    static int chirpSamples(String node, double pulseWidth, double sampleRate, int samplesPerPulse) {
        long n = Math.round(pulseWidth * sampleRate);
        if (n < 1 || n > samplesPerPulse) {
            throw new IllegalArgumentException(node + ": pulse_width_s * sample_rate_hz = " + n
                    + " samples must be within 1..samples_per_pulse (" + samplesPerPulse + ")");
        }
        return (int) n;
    }

    /**
     * Fills {@code out} (interleaved re/im, at least {@code 2 * n}) with the sampled chirp
     * {@code s(t) = exp(j pi (B / tau) t^2 - j pi B t)}, {@code t = i / fs}, {@code i = 0..n-1}, sweeping from
     * -B/2 to +B/2. Allocation-free; called from {@code open}.
     */
    static void chirp(double[] out, int n, double bandwidth, double pulseWidth, double sampleRate) {
        for (int i = 0; i < n; i++) {
            double t = i / sampleRate;
            double ph = chirpPhase(t, bandwidth, pulseWidth);
            out[2 * i] = Math.cos(ph);
            out[2 * i + 1] = Math.sin(ph);
        }
    }

    /** The chirp's phase at time {@code t} after its start, in radians. */
    static double chirpPhase(double t, double bandwidth, double pulseWidth) {
        return Math.PI * (bandwidth / pulseWidth) * t * t - Math.PI * bandwidth * t;
    }
}
