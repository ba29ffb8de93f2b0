package dev.weir.nodes.wavelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.testing.Frames;
import dev.weir.engine.api.testing.ProcessorVerifier;
import dev.weir.engine.api.testing.TestContext;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * dsp.cwt_morlet against pywt.cwt (tools/oracles/cwt.py): two tones (6 and 20 Hz at 256 Hz), 12 log-spaced
 * scales from 4 to 40 Hz, cmor1.5-1.0, whole frames edges included.
 *
 * <p>Tolerance: 2% of the case's largest magnitude, absolute. pywt does not sample the wavelet: it integrates
 * psi on a 1024-point grid over [-8, 8], picks grid points by integer truncation and differentiates, which shifts
 * the kernel by about half a sample and quantises it; the node samples psi(m / s) exactly, centred. The measured
 * largest difference is 1.0% of the peak (0.7% with a half-sample shift, so most of it is pywt's alignment).
 */
class CwtMorletNodeTest {

    private static final double RELATIVE_TOLERANCE = 0.02;

    @Test
    void matchesPywtInWholeAndOverlappingWindows() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/oracles/cwt.json")) {
            root = new ObjectMapper().readTree(in);
        }
        float[] x = new float[root.get("signal").size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) root.get("signal").get(i).asDouble();
        }
        double fs = root.get("sample_rate_hz").asDouble();
        int scales = root.get("n_scales").asInt();
        int cases = 0;
        for (JsonNode c : root.get("cases")) {
            int window = c.get("window").asInt();
            int hop = c.get("hop").asInt();
            Params p = Params.of("sample_rate_hz", fs, "min_hz", root.get("min_hz").asDouble(),
                    "max_hz", root.get("max_hz").asDouble(), "n_scales", scales, "window", window, "hop", hop,
                    "bandwidth", root.get("bandwidth").asDouble(), "center", root.get("center").asDouble());
            DataType matrix = new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(scales), Dim.of(window));
            List<Frame> want = new ArrayList<>();
            double peak = 0;
            int k = 0;
            for (JsonNode frame : c.get("frames")) {
                float[] flat = new float[scales * window];
                for (int r = 0; r < scales; r++) {
                    for (int n = 0; n < window; n++) {
                        flat[r * window + n] = (float) frame.get(r).get(n).asDouble();
                        peak = Math.max(peak, flat[r * window + n]);
                    }
                }
                want.add(Frames.floats(matrix, flat).setIndex((long) k * hop).setSampleRate(fs / hop));
                k++;
            }
            // Chunks of 50 samples, so windows straddle input frames.
            DataType stream = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(50));
            List<Frame> input = new ArrayList<>();
            for (int off = 0; off < x.length; off += 50) {
                input.add(Frames.floats(stream, Arrays.copyOfRange(x, off, Math.min(x.length, off + 50)))
                        .setIndex(off).setSampleRate(fs));
            }
            ProcessorVerifier.of(CwtMorletNode.descriptor()).params(p).input("in", input)
                    .expectOutput("out", want).tolerance(RELATIVE_TOLERANCE * peak)
                    .allocationLoop(2_000, 2_000).verify();
            cases++;
        }
        assertThat(cases).isEqualTo(2);
    }

    @Test
    void refusesFramesTaggedWithAnotherSampleRate() {
        DataType stream = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(8));
        assertThatThrownBy(() -> ProcessorVerifier.of(CwtMorletNode.descriptor())
                .params(Params.of("sample_rate_hz", 256, "window", 8, "hop", 8, "max_hz", 100, "n_scales", 2))
                .input("in", List.of(Frames.floats(stream, new float[8]).setSampleRate(500)))
                .ignoreOutput("out").skipAllocationCheck("fails on purpose").verify())
                .hasMessageContaining("tagged 500.0 Hz but sample_rate_hz is 256.0 Hz");
    }

    @Test
    void refusesMaxAboveNyquistInOpen() {
        var d = CwtMorletNode.descriptor();
        Params p = d.canonicalParams(Params.of("sample_rate_hz", 64, "max_hz", 40));
        assertThatThrownBy(() -> d.factory().create().open(new TestContext("cwt", d, p, Set.of())))
                .hasMessageContaining("node 'cwt': max_hz 40.0 is above half the sample rate (32.0 Hz)");
    }
}
