package dev.weir.e2e;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.preview.PreviewAxis;
import dev.weir.engine.api.preview.PreviewBoxes;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.testing.Assets;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.GraphValidator;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.SessionState;
import dev.weir.nodes.radar.RadarNodes;
import dev.weir.nodes.vision.ClassNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The committed examples' previews on the real engine with a viewer attached: every preview node's slot reaches
 * the hub, is detached once when the run ends, and holds what its example promises (the tones' spectrum lines, the
 * radar targets in the range-Doppler map on its metre and m/s axes, the last samples and pictures of each stream).
 */
class PreviewExamplesTest {

    private static final Path EXAMPLES = Path.of("").toAbsolutePath().getParent().getParent().resolve("examples");

    private final NodeRegistry registry = NodeRegistry.load(getClass().getClassLoader());
    private final DagCodec codec = new DagCodec(registry);
    private final Previews.Hub hub = new Previews.Hub();

    @TempDir
    Path tmp;

    private RunResult run(GraphDocument doc) {
        assertThat(new GraphValidator(registry).validate(doc)).as("no problem, warnings included").isEmpty();
        RunResult r = new Engine(registry).start(doc, RunOptions.defaults().withWorkerThreads(2).withPreviews(hub))
                .await(Duration.ofSeconds(180)).orElseThrow(() -> new AssertionError(doc.id() + " did not finish"));
        assertThat(r.failure()).isEmpty();
        assertThat(r.state()).isEqualTo(SessionState.COMPLETED);
        return r;
    }

    /** Every preview node of {@code doc} had its slot attached and detached once, and fed keep-latest. */
    private void everyPreviewWasShown(GraphDocument doc, Set<String> previews) {
        assertThat(hub.slots.keySet()).isEqualTo(previews);
        assertThat(hub.detached).containsOnlyKeys(previews).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        for (EdgeInstance e : doc.edgeList()) {
            if (previews.contains(e.to().node())) {
                assertThat(e.spec().overflow()).as("edge %s", e.id()).isEqualTo(OverflowPolicy.KEEP_LATEST);
            }
        }
        for (PreviewSlot s : hub.slots.values()) {
            assertThat(s.publishedCount()).as("%s published", s.nodeId()).isPositive();
        }
    }

    private static Frame[] last(PreviewSlot slot) {
        Frame[] lanes = slot.acquire();
        assertThat(lanes).as("%s holds a picture", slot.nodeId()).isNotNull();
        return lanes;
    }

    private static int argmax(float[] a, int from, int to) {
        int best = from;
        for (int i = from; i < to; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }

    private static float median(float[] a) {
        float[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    @Test
    void fftSinusoidsShowsBothTonesAtTheirFrequencies() throws Exception {
        GraphDocument doc = codec.read(EXAMPLES.resolve("fft-sinusoids.dag"));
        run(doc);
        everyPreviewWasShown(doc, Set.of("scope", "spectrum_view", "waterfall"));

        PreviewSlot spectrum = hub.slots.get("spectrum_view");
        assertThat(spectrum.spec().kind()).isEqualTo(PreviewKind.SPECTRUM);
        Frame lane = last(spectrum)[0];
        // Half of a 1024-point spectrum at 48 kHz: 513 bins of 46.875 Hz from 0 Hz; x = (index + k) / sample_rate.
        assertThat(lane.length()).isEqualTo(513);
        assertThat(lane.index()).isZero();
        assertThat(lane.sampleRate()).isEqualTo(1024 / 48000.0);
        float[] db = lane.floats();
        double binHz = 1 / lane.sampleRate();
        int strongest = argmax(db, 0, 513);
        assertThat(strongest * binHz).as("the 1 kHz tone").isCloseTo(1000, within(binHz));
        int second = argmax(db, (int) (4000 / binHz), (int) (7000 / binHz));
        assertThat(second * binHz).as("the 5.25 kHz tone, exactly on bin 112").isCloseTo(5250, within(0.01));
        // Amplitudes 1 and 0.3: 10.5 dB apart, give or take the hann window's scalloping on the off-bin 1 kHz line.
        assertThat(db[strongest] - db[second]).isBetween(6f, 12f);
        assertThat(db[second] - median(db)).as("the weaker tone stands out of the noise").isGreaterThan(30);

        Frame fall = last(hub.slots.get("waterfall"))[0];
        assertThat(fall.type()).isEqualTo(new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(128), Dim.of(513)));
        float[] newestRow = Arrays.copyOfRange(fall.floats(), 127 * 513, 128 * 513);
        assertThat(argmax(newestRow, 0, 513)).isEqualTo(strongest);

        Frame scope = last(hub.slots.get("scope"))[0];
        assertThat(scope.length()).isEqualTo(480);
        assertThat(scope.sampleRate()).isEqualTo(48000);
        assertThat(scope.index() + scope.length()).as("ends on the stream's last sample").isEqualTo(4_800_000);
    }

    /**
     * The map's axes are what the example promises (see {@code RadarScenarioTest.RANGE_LAST}), and the four
     * targets show where the axes say: at their range, and at their velocity folded into the map's
     * unambiguous interval.
     */
    @Test
    void radarMapShowsTheTargetsAtTheirRangeAndVelocity() throws Exception {
        GraphDocument doc = codec.read(EXAMPLES.resolve("radar-pc-mtd.dag"));
        run(doc);
        everyPreviewWasShown(doc, Set.of("rd_map"));

        PreviewSlot map = hub.slots.get("rd_map");
        assertThat(map.spec().kind()).isEqualTo(PreviewKind.HEATMAP);
        PreviewAxis x = map.spec().x();
        PreviewAxis y = map.spec().y();
        assertThat(x).isEqualTo(new PreviewAxis("range", "m", 0, 479 * RadarNodes.C / (2 * 2e6)));
        double perRow = 1 / 240e-6 / 16 * RadarNodes.C / (2 * 1.57e9);
        assertThat(y.label()).isEqualTo("velocity");
        assertThat(y.unit()).isEqualTo("m/s");
        assertThat(y.min()).isCloseTo(-8 * perRow, within(1e-9));
        assertThat(y.max()).isCloseTo(7 * perRow, within(1e-9));
        assertThat(x.max()).isCloseTo(35_900.147, within(0.001));
        assertThat(y.min()).isCloseTo(-198.907, within(0.001));

        Frame lane = last(map)[0];
        assertThat(lane.type()).isEqualTo(new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(16), Dim.of(480)));
        assertThat(lane.index()).as("the last CPI").isEqualTo(99);
        float[] db = lane.floats();
        float noise = median(db);
        double[][] targets = {{3000, 50}, {8025, 0}, {15800, 204}, {8025, 100}};
        double unambiguous = 8 * perRow; // 198.9 m/s
        for (double[] t : targets) {
            double folded = t[1] - 2 * unambiguous * Math.floor((t[1] + unambiguous) / (2 * unambiguous));
            int col = (int) Math.round((t[0] - x.min()) / (x.max() - x.min()) * 479);
            int row = (int) Math.round((folded - y.min()) / (y.max() - y.min()) * 15);
            float peak = Float.NEGATIVE_INFINITY;
            for (int dc = -1; dc <= 1; dc++) {
                peak = Math.max(peak, db[row * 480 + col + dc]);
            }
            assertThat(peak - noise).as("target at %s m, %s m/s: row %d, column %d", t[0], t[1], row, col)
                    .isGreaterThan(20);
        }
    }

    @Test
    void eegShowsTheLastSecondsAndTheScalogramOnALogFrequencyAxis() throws Exception {
        GraphDocument doc = codec.read(EXAMPLES.resolve("eeg-wavelet.dag"));
        doc = doc.withParams("save", doc.nodes().get("save").params().with("path", tmp.resolve("s.npy").toString()));
        run(doc);
        everyPreviewWasShown(doc, Set.of("scope", "scalogram"));

        PreviewSlot scalogram = hub.slots.get("scalogram");
        assertThat(scalogram.spec().y()).isEqualTo(new PreviewAxis("log10 frequency", "log10 Hz", 0, Math.log10(40)));
        assertThat(scalogram.spec().x()).isEqualTo(new PreviewAxis("time in window", "s", 0, 511 / 256.0));
        Frame map = last(scalogram)[0];
        assertThat(map.type()).isEqualTo(new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(32), Dim.of(512)));
        for (float v : map.floats()) {
            assertThat(v).isFinite().isGreaterThanOrEqualTo(0f); // magnitudes, shown linearly
        }

        Frame scope = last(hub.slots.get("scope"))[0];
        // 512 samples are the last two 256-sample chunks; if the keep-latest edge dropped the one before the last,
        // the window holds the last chunk alone rather than two that were not adjacent.
        assertThat(scope.length()).isIn(256, 512);
        assertThat(scope.sampleRate()).isEqualTo(256);
        assertThat(scope.index() + scope.length()).as("the minute's last sample").isEqualTo(256 * 60);
    }

    @Test
    void videoFilterShowsTheInputAndTheEdgesPictures() throws Exception {
        GraphDocument doc = codec.read(EXAMPLES.resolve("video-filter.dag"));
        // The last three seconds keep the run short on a busy machine.
        doc = doc.withParams("video", doc.nodes().get("video").params()
                .with("path", Assets.require("video/vtest.avi").toString()).with("start_s", 76.5));
        doc = doc.withParams("mp4", doc.nodes().get("mp4").params().with("path", tmp.resolve("v.mp4").toString()));
        RunResult r = run(doc);
        everyPreviewWasShown(doc, Set.of("view_in", "view_edges"));

        long lastPicture = r.finalMetrics().node("video").orElseThrow().framesOut() - 1;
        Frame[] in = last(hub.slots.get("view_in"));
        assertThat(in).hasSize(1);
        assertThat(in[0].type()).isEqualTo(new DataType.ImageOf(PixelFormat.BGR24, Dim.of(768), Dim.of(576)));
        assertThat(in[0].index()).as("the last picture").isEqualTo(lastPicture);
        Frame[] edges = last(hub.slots.get("view_edges"));
        assertThat(edges[0].type()).isEqualTo(new DataType.ImageOf(PixelFormat.GRAY8, Dim.of(768), Dim.of(576)));
        assertThat(edges[0].index()).isEqualTo(lastPicture);
        assertThat(hub.slots.get("view_edges").spec().x()).isEqualTo(new PreviewAxis("x", "px", 0, 767));
    }

    @Test
    void yoloShowsThePictureWithItsBoxesAndTheTableWithCocoNames() throws Exception {
        GraphDocument doc = codec.read(EXAMPLES.resolve("yolo-detect.dag"));
        doc = doc.withParams("video", doc.nodes().get("video").params()
                .with("path", Assets.require("video/vtest.avi").toString()).with("start_s", 76.5));
        doc = doc.withParams("yolo", doc.nodes().get("yolo").params()
                .with("model", Assets.require("models/yolov8n.onnx").toString()));
        doc = doc.withParams("mp4", doc.nodes().get("mp4").params().with("path", tmp.resolve("y.mp4").toString()));
        RunResult r = run(doc);
        everyPreviewWasShown(doc, Set.of("view", "table"));

        long lastList = r.finalMetrics().node("yolo").orElseThrow().framesOut() - 1;
        Frame[] view = last(hub.slots.get("view"));
        assertThat(view).hasSize(2);
        assertThat(view[0].type()).isEqualTo(new DataType.ImageOf(PixelFormat.BGR24, Dim.of(768), Dim.of(576)));
        assertThat(view[1].type()).isEqualTo(new DataType.RecordsOf(PreviewBoxes.SCHEMA, Dim.of(100)));
        assertThat(view[1].index()).as("boxes of the last picture").isEqualTo(lastList);
        assertThat(hub.slots.get("view").spec().classNames()).isEqualTo(ClassNames.coco80());

        PreviewSlot table = hub.slots.get("table");
        assertThat(table.spec().classNames()).isEqualTo(ClassNames.coco80());
        Frame boxes = last(table)[0];
        assertThat(boxes.index()).isEqualTo(lastList);
        assertThat(boxes.length()).isEqualTo(view[1].length());
        for (int b = 0; b < boxes.length(); b++) {
            double x1 = boxes.recordDouble(b, PreviewBoxes.X1);
            double x2 = boxes.recordDouble(b, PreviewBoxes.X2);
            double y1 = boxes.recordDouble(b, PreviewBoxes.Y1);
            double y2 = boxes.recordDouble(b, PreviewBoxes.Y2);
            assertThat(x1).isBetween(0.0, x2);
            assertThat(x2).isLessThanOrEqualTo(768);
            assertThat(y1).isBetween(0.0, y2);
            assertThat(y2).isLessThanOrEqualTo(576);
            assertThat(boxes.recordDouble(b, PreviewBoxes.SCORE)).isGreaterThan(0.25).isLessThanOrEqualTo(1);
            assertThat(boxes.recordLong(b, PreviewBoxes.CLASS_ID)).isBetween(0L, 79L);
            for (int f = 0; f < 6; f++) {
                assertThat(boxes.longs()[b * 6 + f]).as("the table and the picture show the same list")
                        .isEqualTo(view[1].longs()[b * 6 + f]);
            }
        }
    }
}
