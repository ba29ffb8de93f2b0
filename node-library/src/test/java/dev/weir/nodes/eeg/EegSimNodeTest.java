package dev.weir.nodes.eeg;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.testing.Frames;
import dev.weir.engine.api.testing.ProcessorVerifier;
import dev.weir.engine.api.testing.TestContext;
import dev.weir.engine.api.testing.TestOutputPort;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** source.eeg_sim: exact tones without noise, the contract, determinism, and band power with noise. */
class EegSimNodeTest {

    private static final Params PURE = Params.of("phase_noise", 0.0, "noise_std", 0.0, "chunk", 64);

    /** Runs the processor outside the verifier and returns {@code n} samples. */
    private static float[] generate(Params params, int n) throws Exception {
        var d = EegSimNode.descriptor();
        Params p = d.canonicalParams(params);
        var proc = d.factory().create();
        proc.open(new TestContext("sim", d, p, java.util.Set.of()));
        var port = new TestOutputPort(d.resolveOutputs(p).get(0), 1 << 16, true);
        var outs = new dev.weir.engine.api.Outputs(List.of(port));
        float[] all = new float[n];
        int got = 0;
        while (got < n) {
            proc.process(new dev.weir.engine.api.Inputs(List.of()), outs);
            for (Frame f : port.drain()) {
                int k = Math.min(f.length(), n - got);
                System.arraycopy(f.floats(), 0, all, got, k);
                got += k;
            }
        }
        proc.close();
        return all;
    }

    @Test
    void withoutNoiseItIsTheSumOfFourTonesWithSampleOffsetsAndRate() throws Exception {
        float[] x = generate(PURE, 512);
        // Phases start random; fit each band's phase from the first samples is overkill: check the recurrence
        // x[n] = sum A_b sin(phi_b + n w_b) through the spectrum instead: power at the four band lines.
        double fs = 256;
        assertThat(amplitudeAt(x, 2, fs)).isCloseTo(20, within(0.05));
        assertThat(amplitudeAt(x, 6, fs)).isCloseTo(10, within(0.05));
        assertThat(amplitudeAt(x, 10, fs)).isCloseTo(30, within(0.05));
        assertThat(amplitudeAt(x, 20, fs)).isCloseTo(5, within(0.05));
        assertThat(amplitudeAt(x, 15, fs)).isLessThan(0.05);
    }

    /** Amplitude of the sinusoid at {@code f} Hz (an integer number of cycles in x): 2 |DFT| / N. */
    private static double amplitudeAt(float[] x, double f, double fs) {
        double re = 0;
        double im = 0;
        for (int n = 0; n < x.length; n++) {
            re += x[n] * Math.cos(2 * Math.PI * f * n / fs);
            im -= x[n] * Math.sin(2 * Math.PI * f * n / fs);
        }
        return 2 * Math.hypot(re, im) / x.length;
    }

    @Test
    void sameSeedSameSignalOtherSeedOtherSignal() throws Exception {
        float[] a = generate(Params.of("seed", 7), 1000);
        float[] b = generate(Params.of("seed", 7), 1000);
        float[] c = generate(Params.of("seed", 8), 1000);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void noiseHasTheRequestedStandardDeviation() throws Exception {
        float[] x = generate(Params.of("delta_uv", 0, "theta_uv", 0, "alpha_uv", 0, "beta_uv", 0,
                "noise_std", 3.0), 20000);
        double s = 0;
        double s2 = 0;
        for (float v : x) {
            s += v;
            s2 += v * v;
        }
        double mean = s / x.length;
        assertThat(mean).isCloseTo(0, within(0.1));
        assertThat(Math.sqrt(s2 / x.length - mean * mean)).isCloseTo(3.0, within(0.1));
    }

    @Test
    void keepsTheProcessorContractFiniteAndEndless() throws Exception {
        Params finite = PURE.with("count", 150);
        float[] x = generate(finite, 150);
        DataType t = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(64));
        List<Frame> want = new ArrayList<>();
        for (int off = 0; off < 150; off += 64) {
            int n = Math.min(64, 150 - off);
            want.add(Frames.floats(t, java.util.Arrays.copyOfRange(x, off, off + n)).setIndex(off).setSampleRate(256));
        }
        ProcessorVerifier.of(EegSimNode.descriptor()).params(finite).expectOutput("out", want)
                .skipAllocationCheck("a finite source; the endless run below checks allocation").verify();
        ProcessorVerifier.of(EegSimNode.descriptor()).params(PURE).limitOutput(2)
                .expectOutput("out", want.subList(0, 2)).verify();
    }
}
