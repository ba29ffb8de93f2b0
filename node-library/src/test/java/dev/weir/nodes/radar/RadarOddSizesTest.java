package dev.weir.nodes.radar;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.testing.Frames;
import dev.weir.engine.api.testing.ProcessorVerifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Pulse compression and MTD at sizes that are not powers of two, the scenario's 480 range bins and a 12-pulse CPI,
 * through the verifier: output against a direct O(n^2) double-precision DFT, and zero allocation once warm. (An
 * FFT library that allocates per call for such sizes passed the power-of-two oracle tests but not this one.)
 */
class RadarOddSizesTest {

    private static final NodeRegistry REGISTRY = NodeRegistry.of(new RadarNodes());
    private static final int N = 480;

    private static DataType pulse(int n) {
        return new DataType.VectorOf(ElementType.COMPLEX64, Dim.of(n));
    }

    private static float[] noise(SplittableRandom rnd, int n) {
        float[] x = new float[2 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        return x;
    }

    @Test
    void pulseCompressionAt480MatchesCircularCorrelationAndDoesNotAllocate() {
        double fs = 2e6;
        double tau = 42e-6;
        double bw = 2e6;
        int len = RadarParams.chirpSamples("test", tau, fs, N);
        double[] h = new double[2 * N];
        RadarParams.chirp(h, len, bw, tau, fs);
        SplittableRandom rnd = new SplittableRandom(7);
        List<Frame> in = new ArrayList<>();
        List<Frame> expected = new ArrayList<>();
        double peak = 0;
        for (int p = 0; p < 3; p++) {
            float[] x = noise(rnd, N);
            float[] y = new float[2 * N];
            // y[n] = sum_k x[(n + k) mod N] * conj(h[k]): what ifft(fft(x) * conj(fft(h))) computes.
            for (int n = 0; n < N; n++) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < len; k++) {
                    int j = (n + k) % N;
                    double xr = x[2 * j];
                    double xi = x[2 * j + 1];
                    re += xr * h[2 * k] + xi * h[2 * k + 1];
                    im += xi * h[2 * k] - xr * h[2 * k + 1];
                }
                y[2 * n] = (float) re;
                y[2 * n + 1] = (float) im;
                peak = Math.max(peak, Math.hypot(re, im));
            }
            in.add(Frames.floats(pulse(N), x).setIndex(p));
            expected.add(Frames.floats(pulse(N), y).setIndex(p));
        }
        ProcessorVerifier.of(REGISTRY.find("radar.pulse_compression").orElseThrow())
                .params(Params.of("samples_per_pulse", N, "window", "rectangular", "sample_rate_hz", fs,
                        "pulse_width_s", tau, "bandwidth_hz", bw))
                .input("in", in)
                .tolerance(1e-4 * peak)
                .expectOutput("out", expected)
                .verify();
    }

    @Test
    void mtdWithTwelvePulsesMatchesADirectDftAndDoesNotAllocate() {
        int pulses = 12;
        int ranges = 30;
        SplittableRandom rnd = new SplittableRandom(11);
        List<Frame> in = new ArrayList<>();
        float[][] x = new float[pulses][];
        for (int p = 0; p < pulses; p++) {
            x[p] = noise(rnd, ranges);
            int flags = p == 0 ? Frame.FLAG_CPI_START : p == pulses - 1 ? Frame.FLAG_CPI_END : 0;
            in.add(Frames.floats(pulse(ranges), x[p]).setIndex(p).setFlags(flags).setSampleRate(1000));
        }
        double[] w = dev.weir.nodes.dsp.Windows.of(pulses, dev.weir.nodes.dsp.Windows.Shape.HANN, true, 0);
        float[] map = new float[pulses * ranges];
        double peak = 0;
        for (int r = 0; r < ranges; r++) {
            for (int k = 0; k < pulses; k++) {
                double re = 0;
                double im = 0;
                for (int m = 0; m < pulses; m++) {
                    double a = -2 * Math.PI * k * m / pulses;
                    double xr = x[m][2 * r] * w[m];
                    double xi = x[m][2 * r + 1] * w[m];
                    re += xr * Math.cos(a) - xi * Math.sin(a);
                    im += xr * Math.sin(a) + xi * Math.cos(a);
                }
                double pow = re * re + im * im;
                map[((k + pulses / 2) % pulses) * ranges + r] = (float) pow;
                peak = Math.max(peak, pow);
            }
        }
        DataType mapType = new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(pulses), Dim.of(ranges));
        ProcessorVerifier.of(REGISTRY.find("radar.mtd").orElseThrow())
                .params(Params.of("samples_per_pulse", ranges, "pulses_per_cpi", pulses, "window", "hann"))
                .input("in", in)
                .tolerance(1e-4 * peak)
                .expectOutput("out", List.of(Frames.floats(mapType, map).setIndex(0).setSampleRate(1000.0 / pulses)))
                .verify();
    }
}
