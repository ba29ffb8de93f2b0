package dev.weir.e2e;

import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.EdgeUi;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.GraphValidator;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeUi;
import dev.weir.engine.model.PortRef;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.SessionState;
import dev.weir.nodes.radar.RadarNodes;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The radar chain of {@code ASSETS.md} ("Radar scenario") on the real engine: {@code radar.pulse_sim} (f0
 * 1.57 GHz, B 2 MHz, tau 42 us, PRT 240 us, fs 2 MHz, 480 samples per PRT, 16 pulses per CPI, noise -12 dB,
 * four targets) through pulse compression, MTD and CA-CFAR into a collecting sink. The expected range and
 * Doppler bins are computed here from the physics, including the alias of the 204 m/s target beyond the
 * +-199 m/s unambiguous interval.
 */
class RadarScenarioTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    private static final Path EXAMPLE = ROOT.resolve("examples/radar-pc-mtd.dag");

    private static final double F0 = 1.57e9, FS = 2e6, PRT = 240e-6;
    private static final int P = 16, SPP = 480;
    private static final double[] RANGES = {3000, 8025, 15800, 8025};
    private static final double[] VELOCITIES = {50, 0, 204, 100};
    private static final double[] POWERS = {1, 1, 1, 0.25};
    private static final int CPIS = 6;

    private final DetectionSink sink = new DetectionSink();
    private final NodeRegistry registry = NodeRegistry.load(getClass().getClassLoader()).with(sink);

    /** Range bin of a target: the delay 2R/c in samples, to the nearest sample (75 m bins). */
    private static int rangeBin(double r) {
        return (int) Math.round(2 * r * FS / RadarNodes.C);
    }

    /**
     * Row of a target in the fftshifted range-Doppler map: Doppler fd = 2 v f0 / c in bins of PRF / P, folded
     * into [-P/2, P/2) (the alias), zero Doppler at row P/2.
     */
    private static int dopplerRow(double v) {
        double bins = 2 * v * F0 / RadarNodes.C * PRT * P;
        return Math.floorMod(Math.round(bins) + P / 2, P);
    }

    /** The scenario graph: every param written out, so the example file documents the scenario. */
    static GraphDocument scenario(long pulses) {
        Params chirp = Params.of("bandwidth_hz", 2e6, "pulse_width_s", 42e-6, "sample_rate_hz", FS,
                "samples_per_pulse", SPP);
        GraphDocument doc = GraphDocument.empty("radar-pc-mtd",
                "Pulse-Doppler radar: LFM simulator, pulse compression, MTD, 2-D CA-CFAR (ASSETS.md scenario)");
        doc = doc.withNode(NodeInstance.of("sim", "radar.pulse_sim", 1, chirp.withAll(Params.of(
                        "prt_s", PRT, "carrier_hz", F0, "pulses_per_cpi", P,
                        "target_range_m", List.of(3000.0, 8025.0, 15800.0, 8025.0),
                        "target_velocity_mps", List.of(50.0, 0.0, 204.0, 100.0),
                        "target_power", List.of(1.0, 1.0, 1.0, 0.25),
                        "noise_db", -12.0, "seed", 1, "count", pulses)))
                .withName("Four targets in noise").withUi(NodeUi.at(0, 100)));
        doc = doc.withNode(NodeInstance.of("pc", "radar.pulse_compression", 1, chirp.with("window", "hamming"))
                .withName("Matched filter").withUi(NodeUi.at(240, 100)));
        doc = doc.withNode(NodeInstance.of("mtd", "radar.mtd", 1, Params.of("samples_per_pulse", SPP,
                        "pulses_per_cpi", P, "window", "hann"))
                .withName("Doppler FFT").withUi(NodeUi.at(480, 100)));
        doc = doc.withNode(NodeInstance.of("cfar", "radar.cfar", 1, Params.of("samples_per_pulse", SPP,
                        "pulses_per_cpi", P, "sample_rate_hz", FS, "prt_s", PRT, "carrier_hz", F0,
                        "guard_range", 2, "guard_doppler", 1, "train_range", 8, "train_doppler", 2, "pfa", 1e-6,
                        "max_detections", 32))
                .withName("CA-CFAR").withUi(NodeUi.at(720, 100)));
        doc = doc.withNode(NodeInstance.of("rd_map", "preview.heatmap", 1, Params.of("scale", "power_db",
                        "x_label", "range", "x_unit", "m", "x_min", 0.0, "x_max", RANGE_LAST,
                        "y_label", "velocity", "y_unit", "m/s", "y_min", VELOCITY_FIRST, "y_max", VELOCITY_LAST))
                .withName("Range-Doppler map").withUi(NodeUi.at(720, 260)));
        doc = edge(doc, "e1", "sim", "pc");
        doc = edge(doc, "e2", "pc", "mtd");
        doc = edge(doc, "e3", "mtd", "cfar");
        return doc.withEdge(new EdgeInstance("e4", new PortRef("mtd", "out"), new PortRef("rd_map", "in"),
                Previews.EDGE, EdgeUi.NONE));
    }

    /*
     * The range-Doppler preview's axes, from the scenario's params and radar.mtd's layout (P x SPP map: rows are
     * Doppler bins fftshifted, zero Doppler at row P/2; columns are range bins):
     *
     *   range of column n     = n c / (2 fs)                       = n * 74.9481145 m
     *   last column (n = 479) = 479 * 299792458 / (2 * 2e6)        = 35900.1468455 m
     *   Doppler of row i      = (i - P/2) PRF / P                  = (i - 8) * 4166.67 / 16 = (i - 8) * 260.417 Hz
     *   velocity of row i     = Doppler * c / (2 f0)               = (i - 8) * 260.417 * 0.0954753 = (i - 8) * 24.8634 m/s
     *   first row (i = 0)     = -8 * 24.8634                       = -198.907 m/s (the most receding)
     *   last row (i = 15)     =  7 * 24.8634                       =  174.044 m/s (approaching, positive)
     *
     * The same conversions as radar.cfar's range_m and velocity_mps, so a target's cell in the map and its
     * detection carry the same numbers. The file stores the exact doubles computed here.
     */
    static final double RANGE_LAST = (SPP - 1) * RadarNodes.C / (2 * FS);
    static final double VELOCITY_PER_ROW = 1 / PRT / P * RadarNodes.C / (2 * F0);
    static final double VELOCITY_FIRST = (0 - P / 2) * VELOCITY_PER_ROW;
    static final double VELOCITY_LAST = (P - 1 - P / 2) * VELOCITY_PER_ROW;

    private static GraphDocument edge(GraphDocument doc, String id, String from, String to) {
        return doc.withEdge(new EdgeInstance(id, new PortRef(from, "out"), new PortRef(to, "in"), EdgeSpec.DEFAULT,
                EdgeUi.NONE));
    }

    private static GraphDocument withSink(GraphDocument doc) {
        return edge(doc.withNode(NodeInstance.of("sink", "test.radar_collect", 1, Params.of("max_detections", 32))),
                "e_sink", "cfar", "sink");
    }

    private void run(GraphDocument doc) {
        assertThat(new GraphValidator(registry).validate(doc)).isEmpty();
        RunResult r = new Engine(registry).start(doc, RunOptions.defaults().withWorkerThreads(2))
                .await(Duration.ofSeconds(60)).orElseThrow();
        assertThat(r.state()).as("run result %s", r).isEqualTo(SessionState.COMPLETED);
    }

    @Test
    void detectsEveryTargetInItsRangeAndDopplerBinIncludingTheAlias() {
        run(withSink(scenario((long) CPIS * P)));
        assertThat(sink.cpis()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        List<DetectionSink.Detection> all = sink.detections();
        all.forEach(d -> System.out.println("radar e2e detection: " + d));

        double binVelocity = 1 / PRT / P * RadarNodes.C / (2 * F0);
        double unambiguous = 1 / PRT / 4 * RadarNodes.C / F0; // +-198.9 m/s
        assertThat(unambiguous).isBetween(198.0, 200.0);
        // The 204 m/s target folds to the first row (-8 bins, -199 m/s); computed, not assumed.
        assertThat(dopplerRow(204)).isEqualTo(Math.floorMod(Math.round(204 / binVelocity) + P / 2, P));
        assertThat(VELOCITIES[2]).isGreaterThan(unambiguous);

        List<DetectionSink.Detection> matched = new ArrayList<>();
        for (long cpi = 0; cpi < CPIS; cpi++) {
            for (int t = 0; t < RANGES.length; t++) {
                int rb = rangeBin(RANGES[t]), row = dopplerRow(VELOCITIES[t]);
                long c = cpi;
                List<DetectionSink.Detection> hits = all.stream().filter(d -> d.cpi() == c
                        && Math.abs(d.rangeBin() - rb) <= 1 && d.dopplerBin() == row).toList();
                assertThat(hits).as("CPI %d target %d (R %s m, v %s m/s): range bin %d, Doppler row %d", cpi, t,
                        RANGES[t], VELOCITIES[t], rb, row).hasSize(1);
                DetectionSink.Detection d = hits.getFirst();
                assertThat(d.rangeM()).isCloseTo(RANGES[t], org.assertj.core.api.Assertions.within(75.0));
                // Reported velocity is the aliased one: v folded into [-vu, vu), within half a Doppler bin.
                double folded = VELOCITIES[t] - 2 * unambiguous * Math.floor((VELOCITIES[t] + unambiguous) / (2 * unambiguous));
                assertThat(d.velocityMps()).isCloseTo(folded, org.assertj.core.api.Assertions.within(binVelocity / 2));
                assertThat(d.snrDb()).isGreaterThan(15.0);
                matched.add(d);
            }
        }
        List<DetectionSink.Detection> falseAlarms = all.stream().filter(d -> !matched.contains(d)).toList();
        assertThat(falseAlarms).as("false alarms over %d CPIs", CPIS).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void exampleFileIsTheScenarioInCanonicalFormAndRuns() throws Exception {
        DagCodec codec = new DagCodec(registry);
        if (Boolean.getBoolean("weir.writeRadarExample")) {
            codec.save(scenario(1600), EXAMPLE); // regenerates the example: -Dweir.writeRadarExample=true
        }
        String text = Files.readString(EXAMPLE);
        GraphDocument doc = codec.read(EXAMPLE);
        assertThat(codec.write(doc)).isEqualTo(text);
        assertThat(doc).isEqualTo(scenario(1600));
        // As a user runs it (weir run): the detections output stays unconnected, which radar.cfar allows; the map
        // goes to a preview, which without a viewer (here, and on the command line) nobody reads.
        assertThat(new GraphValidator(registry).validate(doc)).isEmpty();
        // A short run of the file itself (8 CPIs), with the detections collected.
        run(withSink(doc.withParams("sim", doc.nodes().get("sim").params().with("count", 8 * P))));
        assertThat(sink.cpis()).hasSize(8);
        assertThat(sink.detections()).extracting(DetectionSink.Detection::rangeBin).contains(
                (long) rangeBin(3000), (long) rangeBin(8025), (long) rangeBin(15800));
    }
}
