package dev.weir.e2e;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.testing.Assets;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.GraphValidator;
import dev.weir.engine.model.ValidatedGraph;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.SessionState;
import dev.weir.engine.runtime.testnodes.GraphBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed video examples on the real engine: they run to completion and write MP4 files that decode again
 * (playable) with the expected number and size of pictures. The examples name their input relative to the
 * repository root ({@code assets/video/vtest.avi}, as {@code ./weir run} from there sees it); the tests point it at
 * the fetched asset and the output into a temporary folder.
 */
class VideoExamplesTest {

    private static final Path EXAMPLES = Path.of("").toAbsolutePath().getParent().getParent().resolve("examples");

    private final NodeRegistry registry = NodeRegistry.load(getClass().getClassLoader());
    private final DagCodec codec = new DagCodec(registry);

    @TempDir
    Path tmp;

    private RunResult run(GraphDocument doc, Duration limit) {
        RunResult r = new Engine(registry).start(doc, RunOptions.defaults()).await(limit).orElseThrow(
                () -> new AssertionError(doc.id() + " did not finish within " + limit));
        assertThat(r.failure()).as("%s: no node failed", doc.id()).isEmpty();
        assertThat(r.state()).isEqualTo(SessionState.COMPLETED);
        return r;
    }

    /** Decodes {@code mp4} to the end and returns how many pictures it held; the validator gives their size. */
    private long decode(Path mp4, DataType expectedPicture) {
        GraphDocument probe = new GraphBuilder("probe")
                .node("src", "video.file_source", "path", mp4.toString(), "pixel_format", "gray8")
                .node("sink", "basic.null_sink", "element", "gray8")
                .edge("src.out", "sink.in")
                .build();
        ValidatedGraph g = new GraphValidator(registry).validateForRun(probe);
        assertThat(g.node("src").output("out").orElseThrow().type()).isEqualTo(expectedPicture);
        return run(probe, Duration.ofSeconds(120)).finalMetrics().node("sink").orElseThrow().framesIn();
    }

    @Test
    void videoFilterExampleWritesAPlayableMp4OfEveryPicture() throws Exception {
        GraphDocument doc = codec.read(EXAMPLES.resolve("video-filter.dag"));
        Path mp4 = tmp.resolve("video-filter.mp4");
        doc = doc.withParams("video", doc.nodes().get("video").params()
                .with("path", Assets.require("video/vtest.avi").toString()));
        doc = doc.withParams("mp4", doc.nodes().get("mp4").params().with("path", mp4.toString()));

        // Sizes flow from the file through every filter (type inference), so each edge holds 768x576 grey frames.
        ValidatedGraph g = new GraphValidator(registry).validateForRun(doc);
        DataType grey = new DataType.ImageOf(PixelFormat.GRAY8, Dim.of(768), Dim.of(576));
        assertThat(g.node("edges").output("out").orElseThrow().type()).isEqualTo(grey);
        assertThat(g.node("mp4").input("in").orElseThrow().type()).isEqualTo(grey);

        RunResult r = run(doc, Duration.ofSeconds(180));
        assertThat(r.finalMetrics().node("mp4").orElseThrow().framesIn()).isEqualTo(795);
        assertThat(decode(mp4, grey)).isEqualTo(795);
    }

    @Test
    void yoloExampleDrawsEachPictureWithThePreviousPicturesBoxesIntoAPlayableMp4() throws Exception {
        GraphDocument doc = codec.read(EXAMPLES.resolve("yolo-detect.dag"));
        // The boxes reach the draw node through a z^-1 edge: picture N is drawn with the detections of N-1.
        assertThat(doc.edges().get("e3").spec().delay()).isEqualTo(1);
        Path mp4 = tmp.resolve("yolo-detect.mp4");
        // The last three seconds (30 pictures) keep the test short: YOLOv8n takes 75 ms or more per picture here.
        doc = doc.withParams("video", doc.nodes().get("video").params()
                .with("path", Assets.require("video/vtest.avi").toString()).with("start_s", 76.5));
        doc = doc.withParams("yolo", doc.nodes().get("yolo").params()
                .with("model", Assets.require("models/yolov8n.onnx").toString()));
        doc = doc.withParams("mp4", doc.nodes().get("mp4").params().with("path", mp4.toString()));

        RunResult r = run(doc, Duration.ofSeconds(180));
        assertThat(r.finalMetrics().node("yolo").orElseThrow().framesOut()).isEqualTo(30);
        assertThat(r.finalMetrics().node("mp4").orElseThrow().framesIn()).isEqualTo(30);
        // vtest.avi is a street full of pedestrians: the detector finds some in the last three seconds.
        assertThat(r.finalMetrics().node("yolo").orElseThrow().elementsOut()).isPositive();
        assertThat(decode(mp4, new DataType.ImageOf(PixelFormat.GRAY8, Dim.of(768), Dim.of(576)))).isEqualTo(30);
    }
}
