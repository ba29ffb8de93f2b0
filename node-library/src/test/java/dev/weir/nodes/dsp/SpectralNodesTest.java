package dev.weir.nodes.dsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.testing.Frames;
import dev.weir.engine.api.testing.ProcessorVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every DSP node through the {@link ProcessorVerifier} (all at once, one at a time, one-slot output, zero
 * allocation once warm, hot param changes), against numpy/scipy vectors from {@code tools/oracles/spectral.py}.
 *
 * <p>Tolerances: the nodes compute in float32 (FFT, IFFT) or round float64 results to float32 (sinusoids, FIR).
 * float32 has a unit roundoff of 6e-8; an FFT of n points adds about log2(n) roundings (Bluestein about three
 * transforms' worth), so errors stay near 1e-6 of the largest bin. The tests accept 1e-5 of the largest
 * magnitude of the expected data (absolute, since small bins carry the same absolute error as large ones),
 * which leaves a margin of about ten without hiding a wrong bin, sign or scale (those are off by O(1)).
 */
class SpectralNodesTest {

    private static final NodeRegistry REGISTRY = NodeRegistry.of(new DspNodes());
    private static final DataType F32_ANY = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(1 << 12));
    private static final DataType C64_ANY = new DataType.SampleStream(ElementType.COMPLEX64, Dim.of(1 << 12));
    private static JsonNode oracle;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SpectralNodesTest.class.getResourceAsStream("/oracles/spectral.json")) {
            oracle = new ObjectMapper().readTree(in);
        }
    }

    private static NodeDescriptor type(String id) {
        return REGISTRY.find(id).orElseThrow();
    }

    /** The oracle's test signal, rebuilt from the formula in spectral.py. */
    static double signal(int i) {
        return Math.cos(2 * Math.PI * 0.0625 * i) + 0.5 * Math.sin(2 * Math.PI * 0.21 * i + 0.3) + 0.25 * (i % 7) / 7.0;
    }

    /** Slots of the real (one per sample) or complex (re, im interleaved) oracle signal of n samples. */
    static float[] signalSlots(int n, boolean complex) {
        float[] a = new float[complex ? 2 * n : n];
        for (int i = 0; i < n; i++) {
            if (complex) {
                a[2 * i] = (float) signal(i);
                a[2 * i + 1] = (float) signal(n - 1 - i);
            } else {
                a[i] = (float) signal(i);
            }
        }
        return a;
    }

    /** Stream frames of {@code chunk} samples (last shorter), indexed by sample offset, tagged with fs. */
    static List<Frame> stream(DataType type, int chunk, double fs, float... slots) {
        return Frames.sampleIndexed(Frames.split(type, chunk, slots), fs);
    }

    private static float[] floats(JsonNode re, JsonNode im) {
        float[] a = new float[2 * re.size()];
        for (int i = 0; i < re.size(); i++) {
            a[2 * i] = (float) re.get(i).asDouble();
            a[2 * i + 1] = (float) im.get(i).asDouble();
        }
        return a;
    }

    private static double maxAbs(float[] a) {
        double m = 0;
        for (float v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static DataType cvec(int n) {
        return new DataType.VectorOf(ElementType.COMPLEX64, Dim.of(n));
    }

    // ------------------------------------------------------------------------------------------------ FFT

    @Test
    void fftMatchesNumpyForEverySizeNormWindowAndInput() {
        int checked = 0;
        for (JsonNode c : oracle.get("ffts")) {
            int n = c.get("n").asInt();
            boolean complex = c.get("input").asText().equals("complex");
            float[] want = floats(c.get("re"), c.get("im"));
            Frame expected = Frames.floats(cvec(n), want).setIndex(0).setSampleRate(1000);
            ProcessorVerifier.of(type("dsp.fft"))
                    .params(Params.of("fft_size", n, "norm", c.get("norm").asText(), "window", c.get("window").asText(),
                            "input", c.get("input").asText()))
                    // Chunks of 7 never line up with a window: the buffer must gather across frames.
                    .input("in", stream(complex ? C64_ANY : F32_ANY, 7, 1000, signalSlots(n, complex)))
                    .expectOutput("out", List.of(expected))
                    .tolerance(1e-5 * maxAbs(want))
                    .allocationLoop(5_000, 5_000)
                    .verify();
            checked++;
        }
        assertThat(checked).isEqualTo(36);
    }

    /** A double-precision DFT of w * x[start:start+n] with numpy's backward norm, as the reference. */
    static float[] dft(float[] x, int start, int n, double[] w, double scale) {
        float[] out = new float[2 * n];
        for (int k = 0; k < n; k++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < n; j++) {
                double a = -2 * Math.PI * ((long) j * k % n) / n;
                double v = x[start + j] * w[j];
                re += v * Math.cos(a);
                im += v * Math.sin(a);
            }
            out[2 * k] = (float) (re * scale);
            out[2 * k + 1] = (float) (im * scale);
        }
        return out;
    }

    private static List<Frame> spectra(float[] x, int n, int hop, int from, int count, String window, double scale,
                                       double fs) {
        double[] w = Windows.of(n, Windows.Shape.of(window), true, 0);
        List<Frame> out = new ArrayList<>();
        for (int k = from; k < from + count; k++) {
            out.add(Frames.floats(cvec(n), dft(x, k * hop, n, w, scale)).setIndex((long) k * hop).setSampleRate(fs));
        }
        return out;
    }

    @Test
    void fftOverlapsWithAHopBelowTheSizeAndTakesANewNormMidStream() {
        int n = 12;
        float[] x = signalSlots(100, false);
        // Chunks of 10: the change comes after 40 samples; windows start every 5, so windows 0..5 (ending at 12,
        // 17, .., 37) are complete before it, and none ends exactly at 40.
        ProcessorVerifier.of(type("dsp.fft"))
                .params(Params.of("fft_size", n, "hop", 5, "window", "hann"))
                .input("in", stream(F32_ANY, 10, 8000, x))
                .paramChange(4, Params.of("norm", "forward"))
                .expectOutput("out", spectra(x, n, 5, 0, 6, "hann", 1, 8000))
                // Windows start at 0, 5, .., 85 (the last one ending at 97); the rest of the stream is dropped.
                .expectOutputAfterParamChange("out", spectra(x, n, 5, 6, 12, "hann", 1.0 / n, 8000))
                .tolerance(1e-5 * 12)
                .verify();
    }

    @Test
    void fftSkipsSamplesWithAHopAboveTheSize() {
        int n = 8;
        float[] c = signalSlots(70, true);
        ProcessorVerifier.of(type("dsp.fft"))
                .params(Params.of("fft_size", n, "hop", 20, "window", "rectangular", "input", "complex", "norm", "ortho"))
                .input("in", stream(C64_ANY, 3, 1e6, c))
                .expectOutput("out", complexSpectra(c, n, 20, 4, 1 / Math.sqrt(n), 1e6))
                .tolerance(1e-5 * 8)
                .verify();
    }

    private static List<Frame> complexSpectra(float[] c, int n, int hop, int count, double scale, double fs) {
        List<Frame> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            float[] o = new float[2 * n];
            for (int b = 0; b < n; b++) {
                double re = 0;
                double im = 0;
                for (int j = 0; j < n; j++) {
                    double a = -2 * Math.PI * ((long) j * b % n) / n;
                    double xr = c[2 * (k * hop + j)];
                    double xi = c[2 * (k * hop + j) + 1];
                    re += xr * Math.cos(a) - xi * Math.sin(a);
                    im += xr * Math.sin(a) + xi * Math.cos(a);
                }
                o[2 * b] = (float) (re * scale);
                o[2 * b + 1] = (float) (im * scale);
            }
            out.add(Frames.floats(cvec(n), o).setIndex((long) k * hop).setSampleRate(fs));
        }
        return out;
    }

    @Test
    void bluesteinMatchesADirectDftForAwkwardSizes() {
        for (int n : new int[] {2, 3, 5, 7, 12, 97, 100, 127, 1000}) {
            ComplexFft fft = new ComplexFft(n);
            float[] x = signalSlots(n, true);
            float[] want = new float[2 * n];
            for (int b = 0; b < n; b++) {
                double re = 0;
                double im = 0;
                for (int j = 0; j < n; j++) {
                    double a = -2 * Math.PI * ((long) j * b % n) / n;
                    re += x[2 * j] * Math.cos(a) - x[2 * j + 1] * Math.sin(a);
                    im += x[2 * j] * Math.sin(a) + x[2 * j + 1] * Math.cos(a);
                }
                want[2 * b] = (float) re;
                want[2 * b + 1] = (float) im;
            }
            fft.forward(x);
            double tol = 1e-5 * maxAbs(want);
            for (int i = 0; i < 2 * n; i++) {
                assertThat((double) x[i]).as("n=%d slot %d", n, i).isCloseTo(want[i], within(tol));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ IFFT

    @Test
    void ifftInvertsTheNumpySpectraForEveryNorm() {
        int checked = 0;
        for (JsonNode c : oracle.get("ffts")) {
            if (!c.get("window").asText().equals("rectangular") || !c.get("input").asText().equals("complex")) {
                continue;
            }
            int n = c.get("n").asInt();
            float[] spectrum = floats(c.get("re"), c.get("im"));
            Frame in = Frames.floats(cvec(n), spectrum).setIndex(7).setSampleRate(50);
            Frame want = Frames.floats(cvec(n), signalSlots(n, true)).setIndex(7).setSampleRate(50);
            ProcessorVerifier.of(type("dsp.ifft"))
                    .params(Params.of("fft_size", n, "norm", c.get("norm").asText()))
                    .input("in", List.of(in))
                    .expectOutput("out", List.of(want))
                    .tolerance(1e-5 * maxAbs(want.floats()))
                    .allocationLoop(5_000, 5_000)
                    .verify();
            checked++;
        }
        assertThat(checked).isEqualTo(9);
    }

    @Test
    void ifftTakesANewNormBetweenFrames() {
        float[] x = {1, 0, 2, -1, 0, 3, -2, 0.5f, 4, 4};
        int n = 5;
        float[] spectrum = new float[2 * n];
        System.arraycopy(x, 0, spectrum, 0, 2 * n);
        new ComplexFft(n).forward(spectrum); // backward-norm spectrum: ifft(backward) gives x back
        float[] ortho = x.clone();
        for (int i = 0; i < ortho.length; i++) {
            ortho[i] *= (float) Math.sqrt(n); // ifft with norm ortho scales by 1/sqrt(n) instead of 1/n
        }
        ProcessorVerifier.of(type("dsp.ifft"))
                .params(Params.of("fft_size", n))
                .input("in", List.of(Frames.floats(cvec(n), spectrum), Frames.floats(cvec(n), spectrum)))
                .paramChange(1, Params.of("norm", "ortho"))
                .expectOutput("out", List.of(Frames.floats(cvec(n), x)))
                .expectOutputAfterParamChange("out", List.of(Frames.floats(cvec(n), ortho)))
                .tolerance(1e-5 * 10)
                .verify();
    }

    // ------------------------------------------------------------------------------------------------ magnitude

    @Test
    void magnitudePowerAndFlooredDbWithAnOddFftshift() {
        DataType fvec = new DataType.VectorOf(ElementType.FLOAT32, Dim.of(5));
        // Elements 0..4: 3+4i, 0, 1, i, -2.
        float[] c = {3, 4, 0, 0, 1, 0, 0, 1, -2, 0};
        Frame a = Frames.floats(cvec(5), c).setIndex(0).setSampleRate(10);
        Frame b = Frames.floats(cvec(5), c).setIndex(1).setSampleRate(10);
        // fftshift of 5 elements: [3, 4, 0, 1, 2].
        ProcessorVerifier.of(type("dsp.magnitude"))
                .params(Params.of("size", 5, "fftshift", true))
                .input("in", List.of(a, b))
                .paramChange(1, Params.of("mode", "db", "fftshift", false, "floor_db", -120))
                .expectOutput("out", List.of(Frames.floats(fvec, 1, 2, 5, 0, 1).setIndex(0).setSampleRate(10)))
                .expectOutputAfterParamChange("out", List.of(Frames.floats(fvec,
                        (float) (10 * Math.log10(25)), -120, 0, 0, (float) (10 * Math.log10(4))).setIndex(1).setSampleRate(10)))
                .tolerance(1e-5)
                .verify();
        ProcessorVerifier.of(type("dsp.magnitude"))
                .params(Params.of("size", 5, "mode", "power"))
                .input("in", List.of(a))
                .expectOutput("out", List.of(Frames.floats(fvec, 25, 0, 1, 1, 4).setSampleRate(10)))
                .verify();
    }

    // ------------------------------------------------------------------------------------------------ FIR

    @Test
    void firwinMatchesScipyForLowHighBandPassAndStop() {
        for (JsonNode c : oracle.get("firs")) {
            double[] cut = new double[c.get("cutoff_hz").size()];
            for (int i = 0; i < cut.length; i++) {
                cut[i] = c.get("cutoff_hz").get(i).asDouble();
            }
            double[] h = FirDesign.firwin(c.get("numtaps").asInt(), cut, c.get("pass_zero").asBoolean(),
                    Windows.Shape.of(c.get("window").asText()), 8.6, c.get("fs").asDouble());
            assertThat(h).hasSize(c.get("taps").size());
            for (int i = 0; i < h.length; i++) {
                // Both sides compute in float64; the oracle keeps 10 significant digits.
                assertThat(h[i]).as("%s tap %d", c.get("name").asText(), i)
                        .isCloseTo(c.get("taps").get(i).asDouble(), within(1e-9));
            }
        }
    }

    @Test
    void firStreamEqualsLfilterWhateverTheChunking() {
        for (JsonNode c : oracle.get("firs")) {
            int n = c.get("signal_n").asInt();
            float[] x = signalSlots(n, false);
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                y[i] = (float) c.get("lfilter").get(i).asDouble();
            }
            List<Double> cut = new ArrayList<>();
            c.get("cutoff_hz").forEach(v -> cut.add(v.asDouble()));
            // Input chunks of 37 through output frames of 16: each input frame leaves as 16 + 16 + 5.
            List<Frame> want = new ArrayList<>();
            for (int from = 0; from < n; from += 37) {
                int end = Math.min(n, from + 37);
                for (int s = from; s < end; s += 16) {
                    int e = Math.min(end, s + 16);
                    want.add(Frames.floats(new DataType.SampleStream(ElementType.FLOAT32, Dim.of(16)),
                            java.util.Arrays.copyOfRange(y, s, e)).setIndex(s).setSampleRate(48000));
                }
            }
            ProcessorVerifier.of(type("dsp.fir"))
                    .params(Params.of("numtaps", c.get("numtaps").asInt(), "cutoff_hz", cut, "pass_zero",
                            c.get("pass_zero").asBoolean(), "window", c.get("window").asText(), "chunk", 16))
                    .input("in", stream(F32_ANY, 37, 48000, x))
                    .expectOutput("out", want)
                    .tolerance(1e-5 * maxAbs(y))
                    .allocationLoop(5_000, 5_000)
                    .verify();
        }
    }

    @Test
    void firRedesignsOnACutoffChangeAndKeepsItsHistory() {
        int n = 120;
        float[] x = signalSlots(n, false);
        double fs = 48000;
        double[] before = FirDesign.firwin(21, new double[] {6000}, true, Windows.Shape.HAMMING, 0, fs);
        double[] after = FirDesign.firwin(21, new double[] {2000, 9000}, false, Windows.Shape.HAMMING, 0, fs);
        int switchAt = 4 * 13; // the change comes after four input chunks of 13
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double[] h = i < switchAt ? before : after;
            double acc = 0;
            for (int k = 0; k < h.length && k <= i; k++) {
                acc += h[k] * x[i - k]; // the history (x before the change) stays in the line
            }
            y[i] = (float) acc;
        }
        DataType out = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(64));
        ProcessorVerifier.of(type("dsp.fir"))
                .params(Params.of("numtaps", 21, "cutoff_hz", List.of(6000.0), "chunk", 64))
                .input("in", stream(F32_ANY, 13, fs, x))
                .paramChange(4, Params.of("cutoff_hz", List.of(2000.0, 9000.0), "pass_zero", false))
                .expectOutput("out", Frames.sampleIndexed(Frames.split(out, 13,
                        java.util.Arrays.copyOfRange(y, 0, switchAt)), fs))
                .expectOutputAfterParamChange("out", offset(Frames.split(out, 13,
                        java.util.Arrays.copyOfRange(y, switchAt, n)), switchAt, fs))
                .tolerance(1e-5 * 3)
                .verify();
    }

    private static List<Frame> offset(List<Frame> frames, long start, double fs) {
        for (Frame f : frames) {
            f.setIndex(start).setSampleRate(fs);
            start += f.length();
        }
        return frames;
    }

    // ------------------------------------------------------------------------------------------------ decimate

    @Test
    void decimateKeepsEveryNthSampleAcrossChunks() {
        int n = 50;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        int factor = 3;
        int chunkIn = 7;
        int cap = 2;
        DataType out = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(cap));
        List<Frame> want = new ArrayList<>();
        for (int from = 0; from < n; from += chunkIn) {
            List<Float> kept = new ArrayList<>();
            int first = -1;
            for (int i = from; i < Math.min(n, from + chunkIn); i++) {
                if (i % factor == 0) {
                    kept.add((float) i);
                    if (first < 0) {
                        first = i;
                    }
                }
            }
            for (int s = 0; s < kept.size(); s += cap) {
                float[] v = new float[Math.min(cap, kept.size() - s)];
                for (int j = 0; j < v.length; j++) {
                    v[j] = kept.get(s + j);
                }
                want.add(Frames.floats(out, v).setIndex((first + (long) s * factor) / factor).setSampleRate(900.0 / factor));
            }
        }
        ProcessorVerifier.of(type("dsp.decimate"))
                .params(Params.of("factor", factor, "chunk", cap))
                .input("in", stream(F32_ANY, chunkIn, 900, x))
                .expectOutput("out", want)
                .verify();
    }

    @Test
    void decimateComplexByOneIsTheIdentity() {
        float[] c = signalSlots(20, true);
        ProcessorVerifier.of(type("dsp.decimate"))
                .params(Params.of("factor", 1, "input", "complex", "chunk", 64))
                .input("in", stream(C64_ANY, 6, 10, c))
                .expectOutput("out", stream(new DataType.SampleStream(ElementType.COMPLEX64, Dim.of(64)), 6, 10, c))
                .verify();
    }

    // ------------------------------------------------------------------------------------------------ sinusoids

    private static float[] tones(int from, int n, double fs, double[] f, double[] a, boolean complex) {
        float[] out = new float[complex ? 2 * n : n];
        for (int i = 0; i < n; i++) {
            double re = 0;
            double im = 0;
            for (int k = 0; k < f.length; k++) {
                double ph = 2 * Math.PI * f[k] * (from + i) / fs;
                re += a[k] * Math.cos(ph);
                im += a[k] * Math.sin(ph);
            }
            if (complex) {
                out[2 * i] = (float) re;
                out[2 * i + 1] = (float) im;
            } else {
                out[i] = (float) re;
            }
        }
        return out;
    }

    private static List<Frame> chunks(DataType type, int chunk, double fs, long start, float... slots) {
        return offset(Frames.split(type, chunk, slots), start, fs);
    }

    @Test
    void sinusoidsSumTonesInChunksEndingWithAPartialOne() {
        double fs = 1000;
        double[] f = {50, 123.4};
        double[] a = {1, 0.5};
        DataType t = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(4));
        ProcessorVerifier.of(type("source.sinusoids"))
                .params(Params.of("sample_rate_hz", fs, "frequencies_hz", List.of(50.0, 123.4), "amplitudes",
                        List.of(1.0, 0.5), "chunk", 4, "count", 10))
                .expectOutput("out", chunks(t, 4, fs, 0, tones(0, 10, fs, f, a, false)))
                .tolerance(1e-5 * 1.5)
                .skipAllocationCheck("a finite source cannot feed a warm loop; the endless tests cover it")
                .verify();
    }

    @Test
    void endlessComplexSinusoidsStayPhaseContinuousThroughAnAmplitudeChange() {
        double fs = 48000;
        double[] f = {1000, -3000};
        DataType t = new DataType.SampleStream(ElementType.COMPLEX64, Dim.of(16));
        ProcessorVerifier.of(type("source.sinusoids"))
                .params(Params.of("sample_rate_hz", fs, "frequencies_hz", List.of(1000.0, -3000.0),
                        "amplitudes", List.of(1.0, 0.25), "output", "c64", "chunk", 16))
                .limitOutput(5)
                .paramChange(2, Params.of("amplitudes", List.of(2.0, 0.25)))
                .expectOutput("out", chunks(t, 16, fs, 0, tones(0, 32, fs, f, new double[] {1, 0.25}, true)))
                .expectOutputAfterParamChange("out", chunks(t, 16, fs, 32,
                        tones(32, 48, fs, f, new double[] {2, 0.25}, true)))
                .tolerance(1e-5 * 2.25)
                .verify();
    }

    @Test
    void randomTonesComeFromTheSeedAndLieBelowNyquist() {
        Params p = type("source.sinusoids").canonicalParams(Params.of("count_random", 3, "seed", 42,
                "sample_rate_hz", 1000.0, "chunk", 8));
        double[][] t = SinusoidsNode.tones(p);
        assertThat(t[0]).hasSize(3);
        assertThat(java.util.Arrays.stream(t[0]).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(0.0, 450.0));
        assertThat(java.util.Arrays.stream(t[1]).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(0.1, 1.0));
        assertThat(SinusoidsNode.tones(p)[0]).isEqualTo(t[0]);
        assertThat(SinusoidsNode.tones(p.with("seed", 43))[0]).isNotEqualTo(t[0]);
        DataType type = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(8));
        ProcessorVerifier.of(type("source.sinusoids"))
                .params(p)
                .limitOutput(3)
                .expectOutput("out", chunks(type, 8, 1000, 0, tones(0, 24, 1000, t[0], t[1], false)))
                .tolerance(1e-5 * 3)
                .verify();
    }

    @Test
    void noiseIsSeededAndHasTheRequestedSpread() {
        ProcessorVerifier.of(type("source.sinusoids"))
                .params(Params.of("frequencies_hz", List.of(), "noise_std", 0.5, "chunk", 64))
                .limitOutput(4)
                .ignoreOutput("out")
                .verify();
    }
}
