package dev.weir.nodes.video;

import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.testing.ProcessorVerifier;
import dev.weir.engine.api.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.weir.nodes.video.VideoTestSupport.asRgb;
import static dev.weir.nodes.video.VideoTestSupport.frame;
import static dev.weir.nodes.video.VideoTestSupport.image;
import static dev.weir.nodes.video.VideoTestSupport.pattern;
import static dev.weir.nodes.video.VideoTestSupport.runSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code image.sequence_sink}: the right files with the right names, PNG exact, JPEG close, patterns checked. */
class ImageSequenceSinkNodeTest {

    private static final NodeDescriptor SINK = ImageSequenceSinkNode.descriptor();
    private static final int W = 64;
    private static final int H = 48;

    @TempDir
    Path tmp;

    private static List<Frame> frames(PixelFormat format, int n) {
        List<Frame> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            byte[] px = pattern(k, W, H);
            out.add(frame(image(format, W, H), format == PixelFormat.RGB24 ? asRgb(px) : px, k, 0, 10));
        }
        return out;
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The picture in {@code file} as packed BGR bytes, read by ImageIO. */
    private static byte[] bgrOf(Path file) throws Exception {
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getWidth()).isEqualTo(W);
        assertThat(img.getHeight()).isEqualTo(H);
        BufferedImage bgr = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(img, 0, 0, null);
        return ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    }

    @Test
    void writesEveryNthFrameAsLosslessPngNamedByPosition() throws Exception {
        Path dir = tmp.resolve("frames");
        runSink(SINK, Params.of("folder", dir.toString(), "every_nth", 3, "pixel_format", "rgb24"),
                frames(PixelFormat.RGB24, 10));
        assertThat(names(dir)).containsExactly("frame_00000.png", "frame_00003.png", "frame_00006.png",
                "frame_00009.png");
        for (int k = 0; k < 10; k += 3) {
            assertThat(bgrOf(dir.resolve(String.format("frame_%05d.png", k)))).as("frame %d", k)
                    .isEqualTo(pattern(k, W, H));
        }
    }

    @Test
    void writesJpegsCloseToTheInput() throws Exception {
        runSink(SINK, Params.of("folder", tmp.toString(), "pattern", "img_%d.jpg", "format", "jpg"),
                frames(PixelFormat.BGR24, 2));
        assertThat(names(tmp)).containsExactly("img_0.jpg", "img_1.jpg");
        byte[] got = bgrOf(tmp.resolve("img_1.jpg"));
        byte[] want = pattern(1, W, H);
        long sum = 0;
        for (int i = 0; i < want.length; i++) {
            sum += Math.abs((want[i] & 255) - (got[i] & 255));
        }
        double mean = sum / (double) want.length;
        System.out.printf("image.sequence_sink: JPEG at quality 90 mean abs difference %.2f%n", mean);
        // 4:2:0 JPEG of a pattern with hard edges where its gradients wrap: small but not zero.
        assertThat(mean).isLessThan(8.0);
    }

    @Test
    void passesTheVerifier() throws Exception {
        ProcessorVerifier.of(SINK)
                .params(Params.of("folder", tmp.toString(), "pixel_format", "gray8", "every_nth", 2))
                .input("in", List.of(frame(image(PixelFormat.GRAY8, W, H), new byte[W * H], 0, 0, 0),
                        frame(image(PixelFormat.GRAY8, W, H), new byte[W * H], 1, 0, 0)))
                // Every other measured call writes a PNG file; a few hundred prove the point.
                .allocationLoop(300, 300)
                .verify();
        assertThat(names(tmp)).allMatch(n -> n.matches("frame_\\d{5}\\.png"));
    }

    @Test
    void refusesPatternsThatCannotNameTheFiles() {
        assertThatThrownBy(() -> open(Params.of("folder", tmp.toString(), "pattern", "frame.png")))
                .hasMessage("node 'seq' (image.sequence_sink) folder '" + tmp + "' pattern 'frame.png': param 'pattern' "
                        + "needs exactly one integer directive such as %05d (write %% for a literal %)");
        assertThatThrownBy(() -> open(Params.of("folder", tmp.toString(), "pattern", "a_%d_%d.png")))
                .hasMessageContaining("needs exactly one integer directive");
        assertThatThrownBy(() -> open(Params.of("folder", tmp.toString(), "pattern", "sub/%d.png")))
                .hasMessageContaining("param 'pattern' must be a file name without folders");
        assertThatThrownBy(() -> open(Params.of("folder", tmp.toString(), "pattern", "f_%03d.jpg")))
                .hasMessageEndingWith("the file names end in '.jpg' but param 'format' is 'png'");
    }

    private static void open(Params params) throws Exception {
        TestContext ctx = TestContext.inferred("seq", SINK, params, Set.of(), Map.of("in", image(PixelFormat.BGR24, W, H)));
        Processor p = SINK.factory().create();
        try {
            p.open(ctx);
        } finally {
            p.close();
        }
    }
}
