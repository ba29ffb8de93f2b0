package dev.weir.e2e;

import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.testing.Assets;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.GraphValidator;
import dev.weir.engine.model.Problem;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.SessionState;
import dev.weir.engine.runtime.testnodes.GraphBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The video nodes on the real engine, found through ServiceLoader: the validator sizes the edges from the file
 * header (type inference), frames flow between BLOCKING nodes on their own threads, and the files come out whole.
 */
class VideoGraphTest {

    private final NodeRegistry registry = NodeRegistry.load(getClass().getClassLoader());

    @TempDir
    Path tmp;

    private RunResult run(GraphDocument doc) {
        return new Engine(registry).start(doc, RunOptions.defaults()).await(Duration.ofSeconds(60)).orElseThrow();
    }

    @Test
    void transcodesTheLastThreeSecondsOfVtestAndReadsThemBack() throws Exception {
        Path vtest = Assets.require("video/vtest.avi");
        Path mp4 = tmp.resolve("tail.mp4");
        // 76.5 s into the 79.5 s clip: the last 30 pictures, so the test stays quick.
        GraphDocument transcode = new GraphBuilder("transcode")
                .node("src", "video.file_source", "path", vtest.toString(), "start_s", 76.5)
                .node("mp4", "video.file_sink", "path", mp4.toString())
                .edge("src.out", "mp4.in")
                .build();
        assertThat(new GraphValidator(registry).validate(transcode)).isEmpty();
        RunResult r = run(transcode);
        assertThat(r.failure()).isEmpty();
        assertThat(r.state()).isEqualTo(SessionState.COMPLETED);

        Path frames = tmp.resolve("frames");
        GraphDocument unpack = new GraphBuilder("unpack")
                .node("src", "video.file_source", "path", mp4.toString(), "pixel_format", "rgb24")
                .node("png", "image.sequence_sink", "folder", frames.toString(), "pixel_format", "rgb24",
                        "every_nth", 10)
                .edge("src.out", "png.in")
                .build();
        RunResult back = run(unpack);
        assertThat(back.failure()).isEmpty();
        assertThat(back.state()).isEqualTo(SessionState.COMPLETED);
        try (Stream<Path> files = Files.list(frames)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("frame_00000.png", "frame_00010.png", "frame_00020.png");
        }
        BufferedImage first = ImageIO.read(frames.resolve("frame_00000.png").toFile());
        assertThat(List.of(first.getWidth(), first.getHeight())).containsExactly(768, 576);
    }

    @Test
    void aMissingVideoIsAProblemOnItsNode() {
        Path missing = tmp.resolve("nothing-here.avi");
        GraphDocument doc = new GraphBuilder("broken")
                .node("src", "video.file_source", "path", missing.toString())
                .node("mp4", "video.file_sink", "path", tmp.resolve("x.mp4").toString())
                .edge("src.out", "mp4.in")
                .build();
        List<Problem> problems = new GraphValidator(registry).validate(doc);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.nodeId()).isEqualTo("src");
            assertThat(p.message()).contains("param 'path': cannot open video '" + missing + "': No such file");
        });
    }
}
