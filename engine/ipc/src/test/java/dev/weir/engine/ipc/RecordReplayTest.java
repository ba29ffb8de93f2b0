package dev.weir.engine.ipc;

import dev.weir.engine.api.InputFiles;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.PortRef;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The radar example recorded at the pulse-compression output (edge e2) and replayed into MTD and CFAR: the same
 * detections, at maximum and at original speed, and from a later CPI.
 */
class RecordReplayTest {

    private static final int PULSES_PER_CPI = 16;
    private static final int CPIS = 6;

    @TempDir
    Path tmp;

    private final DetectionNodes detections = new DetectionNodes();
    private final NodeRegistry registry = NodeRegistry.load(getClass().getClassLoader()).with(detections);
    private Engine engine;

    @org.junit.jupiter.api.BeforeEach
    void engine() {
        engine = new Engine(registry, IpcTesting.transport(tmp));
    }

    private static Path example() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("examples/radar-pc-mtd.dag"))) {
            root = root.getParent();
        }
        return root.resolve("examples/radar-pc-mtd.dag");
    }

    private GraphDocument radarWithCollector() throws Exception {
        GraphDocument doc = new DagCodec(registry).read(example());
        doc = doc.withParams("sim", doc.node("sim").orElseThrow().params().with("count", (long) CPIS * PULSES_PER_CPI));
        return withCollector(doc);
    }

    private static GraphDocument withCollector(GraphDocument doc) {
        return doc.withNode(NodeInstance.of("det", "test.detections", 1, dev.weir.engine.api.Params.empty()))
                .withEdge(dev.weir.engine.model.EdgeInstance.of("e_det", new PortRef("cfar", "out"),
                        new PortRef("det", "in")));
    }

    private List<List<Long>> run(GraphDocument doc) {
        int before = detections.detections().size();
        RunResult r = engine.start(doc, RunOptions.defaults().withWorkerThreads(2)).await(Duration.ofSeconds(90))
                .orElseThrow(() -> new AssertionError("run did not end"));
        assertThat(r.failure()).isEmpty();
        assertThat(r.state()).isEqualTo(SessionState.COMPLETED);
        List<List<Long>> all = detections.detections();
        return all.subList(before, all.size());
    }

    @Test
    void replayingThePulseCompressionOutputIntoMtdAndCfarGivesTheSameDetections() throws Exception {
        Path recordings = tmp.resolve("rec");
        GraphDocument recorded = ReplayGraphs.record(radarWithCollector(), "e2", recordings.toString());
        List<List<Long>> live = run(recorded);
        assertThat(live).as("the scenario's targets are detected").hasSizeGreaterThanOrEqualTo(4 * CPIS);

        Recording rec = Recording.read(recordings.resolve("e2"));
        assertThat(rec.frameType()).isEqualTo("vector<complex64>[480]");
        assertThat(rec.from()).isEqualTo("pc.out");
        assertThat(rec.frames()).isEqualTo((long) CPIS * PULSES_PER_CPI);
        assertThat(IpcTesting.leftovers(tmp.resolve("runs"))).as("the run folder goes, the recording stays").isEmpty();

        GraphDocument replay = ReplayGraphs.replay(radarWithCollector(), "e2", rec, "max", 0, 0);
        // Everything downstream of the recorded edge, the example's range-Doppler preview included.
        assertThat(replay.nodes().keySet()).containsExactlyInAnyOrder("mtd", "cfar", "rd_map", "det", "replay_e2");
        assertThat(run(replay)).isEqualTo(live);

        long t0 = System.nanoTime();
        List<List<Long>> paced = run(ReplayGraphs.replay(radarWithCollector(), "e2", rec, "original", 0, 0));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(paced).isEqualTo(live);
        double recordedSpan = (CPIS * PULSES_PER_CPI - 1) * 2.4e-4; // pulse index / PRF
        assertThat(seconds).as("original speed takes the recording's own time").isGreaterThanOrEqualTo(recordedSpan);

        // From the third CPI on: exactly the detections of CPIs 2.. (MTD restarts on the CPI-start flag).
        List<List<Long>> later = run(ReplayGraphs.replay(radarWithCollector(), "e2", rec, "max",
                2L * PULSES_PER_CPI, 0));
        assertThat(later).isNotEmpty().isEqualTo(live.stream().filter(d -> d.getFirst() >= 2).toList());
        List<List<Long>> byTime = run(ReplayGraphs.replay(radarWithCollector(), "e2", rec, "max", 0,
                2 * PULSES_PER_CPI * 2.4e-4 - 1e-9));
        assertThat(byTime).isEqualTo(later);
    }

    @Test
    void aWorkerFindsARelativeRecordingInTheWeirHomeOfItsParent() throws Exception {
        Path home = tmp.resolve("home");
        List<List<Long>> live = run(ReplayGraphs.record(radarWithCollector(), "e2", home.resolve("rec").toString()));
        Recording rec = Recording.read(home.resolve("rec/e2"));
        GraphDocument replay = ReplayGraphs.replay(radarWithCollector(), "e2", rec, "max", 0, 0);
        // A relative path the working directory (this module) does not have, read in a worker process.
        replay = replay.withParams("replay_e2", replay.node("replay_e2").orElseThrow().params().with("path", "rec/e2"));
        replay = replay.withNode(replay.node("replay_e2").orElseThrow().withProcess("w"));
        assertThat(Path.of("rec")).doesNotExist();
        // The worker validates the whole graph, so it needs the collector's type too (it stays in this process).
        engine = new Engine(registry, new IpcTransport(IpcOptions.defaults().withRunBase(tmp.resolve("runs"))
                .withProviders(List.of(WorkerTestNodes.class.getName(), DetectionNodes.class.getName()))
                .withWorkerJvmArgs(List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))));
        String before = System.getProperty(InputFiles.HOME_PROPERTY);
        System.setProperty(InputFiles.HOME_PROPERTY, home.toString());
        try {
            assertThat(run(replay)).isEqualTo(live);
        } finally {
            if (before == null) {
                System.clearProperty(InputFiles.HOME_PROPERTY);
            } else {
                System.setProperty(InputFiles.HOME_PROPERTY, before);
            }
        }
    }

    @Test
    void aReplayOfAnotherTypeOrAMissingRecordingIsRefusedNamingTheNode() throws Exception {
        GraphDocument recorded = ReplayGraphs.record(radarWithCollector(), "e2", tmp.resolve("rec").toString());
        run(recorded);
        Recording rec = Recording.read(tmp.resolve("rec/e2"));
        GraphDocument replay = ReplayGraphs.replay(radarWithCollector(), "e2", rec, "max", 0, 0);
        GraphDocument wrongPath = replay.withParams("replay_e2",
                replay.node("replay_e2").orElseThrow().params().with("path", tmp.resolve("nope").toString()));
        RunResult r = engine.start(wrongPath, RunOptions.defaults()).await(Duration.ofSeconds(60)).orElseThrow();
        assertThat(r.state()).isEqualTo(SessionState.FAILED);
        assertThat(r.failure().orElseThrow().message()).contains("replay_e2", "not a Weir recording");
        assertThatThrownBy(() -> ReplayGraphs.replay(radarWithCollector(), "nope", rec, "max", 0, 0))
                .hasMessageContaining("no edge 'nope'");
        assertThatThrownBy(() -> Recording.read(tmp)).hasMessageContaining("not a Weir recording");
    }

    @Test
    void frameTypesRoundTrip() {
        for (String t : List.of("stream<float32>[1024]", "vector<complex64>[480]", "matrix<float32>[16x480]",
                "image<rgb24>[640x480]", "records<value{value:int64:}>[1]",
                "records<radar_detections{range_m:float64:m,velocity_mps:float64:m/s,snr_db:float64:dB,range_bin:int64:,doppler_bin:int64:}>[32]")) {
            assertThat(FrameTypes.format(FrameTypes.parse(t))).isEqualTo(t);
        }
        assertThat(FrameTypes.parse("records<radar_detections{range_m:float64:m,velocity_mps:float64:m/s,snr_db:float64:dB,range_bin:int64:,doppler_bin:int64:}>[32]"))
                .isEqualTo(new dev.weir.engine.api.DataType.RecordsOf(dev.weir.nodes.radar.RadarNodes.DETECTIONS,
                        dev.weir.engine.api.Dim.of(32)));
        assertThatThrownBy(() -> FrameTypes.parse("vector<f32>[4]")).hasMessageContaining("unknown ElementType 'f32'");
        assertThatThrownBy(() -> FrameTypes.parse("vector<float32>[4x4]")).hasMessageContaining("one size");
    }
}
