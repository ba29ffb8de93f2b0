package dev.weir.nodes.radar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.WorkStatus;
import dev.weir.engine.api.testing.Frames;
import dev.weir.engine.api.testing.ProcessorVerifier;
import dev.weir.engine.api.testing.TestContext;
import dev.weir.engine.api.testing.TestInputPort;
import dev.weir.engine.api.testing.TestOutputPort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The radar nodes through the {@link ProcessorVerifier} (every scenario and the zero-allocation check), against
 * the numpy oracle of {@code tools/oracles/radar.py} (64 samples per pulse, 8 pulses, two targets).
 *
 * <p>Tolerances: simulated echoes 1e-5 absolute (values of order 1, float32 rounding is 6e-8; the rest is the
 * different phase arithmetic of Java and numpy); pulse compression and MTD within 1e-4 of the oracle's peak
 * magnitude (float32 output, double arithmetic in both).
 */
class RadarNodesTest {

    private static final NodeRegistry REGISTRY = NodeRegistry.of(new RadarNodes());
    private static JsonNode oracle;
    private static Params chirpParams;
    private static int spp;
    private static int ppc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = RadarNodesTest.class.getResourceAsStream("/oracles/radar.json")) {
            oracle = new ObjectMapper().readTree(in);
        }
        JsonNode c = oracle.get("config");
        spp = c.get("samples_per_pulse").asInt();
        ppc = c.get("pulses_per_cpi").asInt();
        chirpParams = Params.of("bandwidth_hz", c.get("bandwidth_hz").asDouble(),
                "pulse_width_s", c.get("pulse_width_s").asDouble(),
                "sample_rate_hz", c.get("sample_rate_hz").asDouble(),
                "samples_per_pulse", spp);
    }

    private static NodeDescriptor type(String id) {
        return REGISTRY.find(id).orElseThrow();
    }

    private static DataType pulse() {
        return new DataType.VectorOf(ElementType.COMPLEX64, Dim.of(spp));
    }

    private static DataType map() {
        return new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(ppc), Dim.of(spp));
    }

    private static float[] floats(JsonNode array) {
        float[] a = new float[array.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) array.get(i).asDouble();
        }
        return a;
    }

    /** The oracle's pulses {@code key} as frames with the simulator's header: index p, PRF, CPI flags. */
    private static List<Frame> pulses(String key) {
        double prf = 1 / oracle.get("config").get("prt_s").asDouble();
        List<Frame> frames = new ArrayList<>();
        JsonNode rows = oracle.get(key);
        for (int p = 0; p < rows.size(); p++) {
            int flags = (p % ppc == 0 ? Frame.FLAG_CPI_START : 0) | (p % ppc == ppc - 1 ? Frame.FLAG_CPI_END : 0);
            frames.add(Frames.floats(pulse(), floats(rows.get(p))).setIndex(p).setSampleRate(prf).setFlags(flags));
        }
        return frames;
    }

    private static double peak(float[] values, boolean complex) {
        double m = 0;
        for (int i = 0; i < values.length; i += complex ? 2 : 1) {
            double v = complex ? Math.hypot(values[i], values[i + 1]) : Math.abs(values[i]);
            m = Math.max(m, v);
        }
        return m;
    }

    private static double peak(List<Frame> frames) {
        double m = 0;
        for (Frame f : frames) {
            m = Math.max(m, peak(f.floats(), f.type() instanceof DataType.VectorOf));
        }
        return m;
    }

    private static Params simParams() {
        JsonNode c = oracle.get("config");
        JsonNode t = oracle.get("targets");
        return chirpParams.withAll(Params.of("prt_s", c.get("prt_s").asDouble(), "carrier_hz", c.get("carrier_hz").asDouble(),
                "pulses_per_cpi", ppc, "noise_db", -300.0,
                "target_range_m", list(t.get("range_m")), "target_velocity_mps", list(t.get("velocity_mps")),
                "target_power", list(t.get("power"))));
    }

    private static List<Double> list(JsonNode a) {
        List<Double> l = new ArrayList<>();
        a.forEach(v -> l.add(v.asDouble()));
        return l;
    }

    @Test
    void providerListsTheFourRadarTypes() {
        assertThat(REGISTRY.all()).extracting(NodeDescriptor::id)
                .containsExactly("radar.cfar", "radar.mtd", "radar.pulse_compression", "radar.pulse_sim");
    }

    @Test
    void simulatorMatchesTheNumpyEchoModel() {
        // noise_db -300: noise of 1e-15, far below float32 resolution, so the echoes are the oracle's.
        List<Frame> expected = pulses("echoes");
        ProcessorVerifier.of(type("radar.pulse_sim"))
                .params(simParams())
                .limitOutput(expected.size())
                .tolerance(1e-5)
                .expectOutput("out", expected)
                .verify();
    }

    @Test
    void finiteSimulatorEndsAfterCountPulses() {
        List<Frame> expected = pulses("echoes").subList(0, 3);
        ProcessorVerifier.of(type("radar.pulse_sim"))
                .params(simParams().with("count", 3))
                .tolerance(1e-5)
                .expectOutput("out", expected)
                .skipAllocationCheck("a finite source restarts in the warm loop; simulatorMatchesTheNumpyEchoModel covers it")
                .verify();
    }

    @Test
    void simulatorNoiseHasTheStatedPowerAndIsReproducible() throws Exception {
        Params p = Params.of("target_range_m", List.of(), "target_velocity_mps", List.of(), "target_power", List.of(),
                "noise_db", -12.0, "seed", 7);
        List<Frame> a = drive(type("radar.pulse_sim"), p, List.of(), 64);
        List<Frame> b = drive(type("radar.pulse_sim"), p, List.of(), 64);
        double sum = 0;
        long n = 0;
        for (int k = 0; k < a.size(); k++) {
            float[] x = a.get(k).floats();
            assertThat(x).isEqualTo(b.get(k).floats());
            for (int i = 0; i < x.length; i += 2) {
                sum += x[i] * x[i] + x[i + 1] * x[i + 1];
                n++;
            }
        }
        // 30720 complex samples: the power estimate's standard deviation is 0.6 %; allow 3 %.
        assertThat(sum / n).isCloseTo(Math.pow(10, -1.2), within(0.03 * Math.pow(10, -1.2)));
        assertThat(a.get(16).hasFlag(Frame.FLAG_CPI_START)).isTrue();
        assertThat(a.get(31).hasFlag(Frame.FLAG_CPI_END)).isTrue();
        assertThat(a.get(5).sampleRate()).isCloseTo(1 / 240e-6, within(1e-9));
    }

    @Test
    void simulatorRefusesTargetListsOfDifferentLengths() {
        Params p = Params.of("target_range_m", List.of(1000.0), "target_velocity_mps", List.of(), "target_power",
                List.of(1.0));
        assertThatThrownBy(() -> drive(type("radar.pulse_sim"), p, List.of(), 1))
                .hasMessageContaining("target_range_m, target_velocity_mps and target_power must have the same length");
    }

    @Test
    void pulseCompressionMatchesNumpy() {
        List<Frame> expected = pulses("pc_rectangular");
        ProcessorVerifier.of(type("radar.pulse_compression"))
                .params(chirpParams.with("window", "rectangular"))
                .input("in", pulses("echoes"))
                .tolerance(1e-4 * peak(expected))
                .expectOutput("out", expected)
                .verify();
    }

    @Test
    void pulseCompressionWithAHammingReplicaMatchesNumpy() {
        List<Frame> expected = pulses("pc_hamming");
        ProcessorVerifier.of(type("radar.pulse_compression"))
                .params(chirpParams.with("window", "hamming"))
                .input("in", pulses("echoes"))
                .tolerance(1e-4 * peak(expected))
                .expectOutput("out", expected)
                .verify();
    }

    @Test
    void pulseCompressionPeaksAtTheDelayWithTheReplicaEnergy() throws Exception {
        // A unit echo delayed by 10 samples: the peak is y[10] = sum |chirp|^2 = chirp length (16).
        float[] chirp = floats(oracle.get("chirp"));
        float[] x = new float[2 * spp];
        System.arraycopy(chirp, 0, x, 20, chirp.length);
        List<Frame> y = drive(type("radar.pulse_compression"), chirpParams.with("window", "rectangular"),
                List.of(Frames.floats(pulse(), x)), 1);
        float[] out = y.getFirst().floats();
        assertThat(out[20]).isCloseTo(16f, within(1e-4f));
        assertThat(out[21]).isCloseTo(0f, within(1e-4f));
        assertThat(peak(out, true)).isCloseTo(16.0, within(1e-4));
    }

    private static List<Frame> mtdMaps(String key) {
        float[] all = floats(oracle.get(key));
        double cpiRate = 1 / oracle.get("config").get("prt_s").asDouble() / ppc;
        return List.of(Frames.floats(map(), all).setIndex(0).setSampleRate(cpiRate));
    }

    @Test
    void mtdMatchesNumpyWithHann() {
        List<Frame> expected = mtdMaps("mtd_hann");
        ProcessorVerifier.of(type("radar.mtd"))
                .params(Params.of("samples_per_pulse", spp, "pulses_per_cpi", ppc, "window", "hann"))
                .input("in", pulses("pc_rectangular"))
                .tolerance(1e-4 * peak(expected))
                .expectOutput("out", expected)
                .verify();
    }

    @Test
    void mtdMatchesNumpyWithRectangularWindow() {
        List<Frame> expected = mtdMaps("mtd_rectangular");
        ProcessorVerifier.of(type("radar.mtd"))
                .params(Params.of("samples_per_pulse", spp, "pulses_per_cpi", ppc, "window", "rectangular"))
                .input("in", pulses("pc_rectangular"))
                .tolerance(1e-4 * peak(expected))
                .expectOutput("out", expected)
                .verify();
    }

    @Test
    void mtdDropsAPartialCpiOnResyncAndAtEndOfStream() {
        // 3 pulses of a broken CPI, then a full CPI (flagged start), then 5 pulses of a CPI that never ends.
        List<Frame> full = pulses("pc_rectangular");
        List<Frame> in = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            in.add(Frames.copyOf(full.get(p)).setIndex(p - 3L).setFlags(p == 0 ? Frame.FLAG_CPI_START : 0));
        }
        in.addAll(full);
        for (int p = 0; p < 5; p++) {
            in.add(Frames.copyOf(full.get(p)).setIndex(ppc + p));
        }
        List<Frame> expected = mtdMaps("mtd_hann");
        expected.getFirst().setFlags(Frame.FLAG_DISCONTINUITY);
        ProcessorVerifier.of(type("radar.mtd"))
                .params(Params.of("samples_per_pulse", spp, "pulses_per_cpi", ppc))
                .input("in", in)
                .tolerance(1e-4 * peak(expected))
                .expectOutput("out", expected)
                .verify();
    }

    // ------------------------------------------------------------------------------------------ CFAR

    private static final int ROWS = 8, COLS = 40;

    private static Params cfarParams() {
        // guard 1x1, training 2 in Doppler and 3 in range: window 7 x 9, guard 3 x 3, N = 63 - 9 = 54 cells.
        return Params.of("pulses_per_cpi", ROWS, "samples_per_pulse", COLS, "guard_range", 1, "guard_doppler", 1,
                "train_range", 3, "train_doppler", 2, "pfa", 1e-3, "max_detections", 4,
                "sample_rate_hz", 2e6, "prt_s", 240e-6, "carrier_hz", 1.57e9);
    }

    private static Frame flatMap(long index, float floor, int[][] spikes, float[] values) {
        float[] m = new float[ROWS * COLS];
        java.util.Arrays.fill(m, floor);
        for (int i = 0; i < spikes.length; i++) {
            m[spikes[i][0] * COLS + spikes[i][1]] = values[i];
        }
        DataType t = new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(ROWS), Dim.of(COLS));
        return Frames.floats(t, m).setIndex(index).setSampleRate(260.4);
    }

    /** The expected detection records, as the node writes them. */
    private static Frame detections(long index, double[][] dets) {
        DataType t = new DataType.RecordsOf(RadarNodes.DETECTIONS, Dim.of(4));
        Frame f = new Frame(t).setIndex(index).setSampleRate(260.4).setLength(dets.length);
        double mPerBin = RadarNodes.C / 4e6;
        double mpsPerBin = (1 / 240e-6) / ROWS * RadarNodes.C / (2 * 1.57e9);
        for (int i = 0; i < dets.length; i++) {
            int row = (int) dets[i][0], col = (int) dets[i][1];
            f.setRecordDouble(i, RadarNodes.F_RANGE, col * mPerBin);
            f.setRecordDouble(i, RadarNodes.F_VELOCITY, (row - ROWS / 2) * mpsPerBin);
            f.setRecordDouble(i, RadarNodes.F_SNR, dets[i][2]);
            f.setRecordLong(i, RadarNodes.F_RANGE_BIN, col);
            f.setRecordLong(i, RadarNodes.F_DOPPLER_BIN, row);
        }
        return f;
    }

    @Test
    void cfarThresholdIsAlphaTimesTheTrainingMean() {
        int n = 54;
        double alpha = CfarNode.alpha(n, 1e-3);
        assertThat(alpha).isCloseTo(n * (Math.pow(1e-3, -1.0 / n) - 1), within(1e-12));
        float above = (float) (alpha * 1.001), below = (float) (alpha * 0.999);
        // Map 0: one spike just above the threshold over a floor of 1 (noise mean 1: the spike is out of the
        // training cells), one just below. Map 1: a spike on row 0 whose Doppler window wraps to rows 6 and 7,
        // where a second spike sits in its training cells and raises the mean. Spikes in the last 4 range bins
        // are never tested (the range window does not fit).
        float big = 100;
        Frame m0 = flatMap(0, 1, new int[][] {{3, 10}, {5, 25}, {2, 38}}, new float[] {above, below, 1000});
        Frame m1 = flatMap(1, 1, new int[][] {{0, 20}, {6, 20}}, new float[] {big, big});
        // Map 1's noise means: row 0 sees the other spike among its 54 training cells: (53 + 100) / 54.
        double mean1 = (53 + big) / 54.0;
        ProcessorVerifier.of(type("radar.cfar"))
                .params(cfarParams())
                .input("in", List.of(m0, m1))
                .tolerance(1e-9)
                .expectOutput("out", List.of(detections(0, new double[][] {{3, 10, 10 * Math.log10(above)}})))
                // The same pfa again through the hot-update path: nothing may change.
                .paramChange(1, Params.of("pfa", 1e-3))
                .expectOutputAfterParamChange("out", List.of(
                        detections(1, new double[][] {{0, 20, 10 * Math.log10(big / mean1)},
                                {6, 20, 10 * Math.log10(big / mean1)}})))
                .verify();
    }

    @Test
    void cfarReportsOneDetectionPerTargetAndTheStrongestFirst() throws Exception {
        // A target spread over a 2 x 3 patch (peak 400) and a weaker one (200) across the Doppler wrap (rows 7, 0);
        // a lower pfa after the first map drops the weaker one (see below).
        int[][] cells = {{4, 15}, {4, 14}, {4, 16}, {5, 15}, {5, 16}, {7, 30}, {0, 30}};
        float[] vals = {400, 200, 150, 300, 120, 200, 150};
        Frame a = flatMap(0, 1, cells, vals);
        Frame b = flatMap(1, 1, cells, vals);
        List<Frame> got0 = runCfar(cfarParams(), a);
        assertThat(got0).hasSize(1);
        Frame d = got0.getFirst();
        assertThat(d.length()).isEqualTo(2);
        assertThat(d.recordLong(0, RadarNodes.F_DOPPLER_BIN)).isEqualTo(4);
        assertThat(d.recordLong(0, RadarNodes.F_RANGE_BIN)).isEqualTo(15);
        assertThat(d.recordLong(1, RadarNodes.F_DOPPLER_BIN)).isEqualTo(7);
        assertThat(d.recordLong(1, RadarNodes.F_RANGE_BIN)).isEqualTo(30);
        assertThat(d.recordDouble(0, RadarNodes.F_SNR)).isGreaterThan(d.recordDouble(1, RadarNodes.F_SNR));
        assertThat(d.recordDouble(0, RadarNodes.F_RANGE)).isCloseTo(15 * RadarNodes.C / 4e6, within(1e-9));
        ProcessorVerifier.of(type("radar.cfar"))
                .params(cfarParams())
                .input("in", List.of(a, b))
                .expectOutput("out", List.of(d))
                // pfa 1e-40: alpha = 243 (23.9 dB) keeps the 400 target (26 dB) and drops the 200 one (23 dB).
                .paramChange(1, Params.of("pfa", 1e-40))
                .expectOutputAfterParamChange("out", List.of(Frames.copyOf(d).setIndex(1).setLength(1)))
                .verify();
    }

    @Test
    void cfarRefusesADopplerWindowWiderThanTheCpi() {
        assertThatThrownBy(() -> runCfar(cfarParams().with("train_doppler", 3), flatMap(0, 1, new int[0][], new float[0])))
                .hasMessageContaining("must not exceed pulses_per_cpi (8)");
    }

    private static List<Frame> runCfar(Params p, Frame map) throws Exception {
        return drive(type("radar.cfar"), p, List.of(map), 1);
    }

    /**
     * Runs a processor on {@code input} (or as a source) until it has published {@code frames} frames or
     * finished; for assertions the verifier's exact comparison cannot express (statistics, ordering).
     */
    private static List<Frame> drive(NodeDescriptor d, Params given, List<Frame> input, int frames) throws Exception {
        Params p = d.canonicalParams(given);
        Processor proc = d.factory().create();
        List<TestInputPort> ins = new ArrayList<>();
        for (var rp : d.resolveInputs(p)) {
            ins.add(new TestInputPort(rp, true).feed(Frames.copyOf(input)).revealAll().endStream());
        }
        TestOutputPort out = new TestOutputPort(d.resolveOutputs(p).getFirst(), 1 << 16, true);
        List<Frame> got = new ArrayList<>();
        try {
            proc.open(new TestContext(d, p));
            Inputs in = new Inputs(ins);
            Outputs outs = new Outputs(List.of(out));
            for (int call = 0; call < 100_000 && got.size() < frames; call++) {
                WorkStatus s = proc.process(in, outs);
                got.addAll(Frames.copyOf(out.drain()));
                if (s == WorkStatus.DONE || (s == WorkStatus.NEED_INPUT && in.allEndOfStream())) {
                    break;
                }
            }
        } finally {
            proc.close();
        }
        return got;
    }
}
