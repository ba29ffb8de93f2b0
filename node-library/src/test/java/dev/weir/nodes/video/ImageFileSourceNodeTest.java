package dev.weir.nodes.video;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.testing.Assets;
import dev.weir.engine.api.testing.ProcessorVerifier;
import dev.weir.engine.api.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.weir.nodes.video.VideoTestSupport.asRgb;
import static dev.weir.nodes.video.VideoTestSupport.frame;
import static dev.weir.nodes.video.VideoTestSupport.image;
import static dev.weir.nodes.video.VideoTestSupport.pattern;
import static dev.weir.nodes.video.VideoTestSupport.runSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code image.file_source}: a PNG written by ImageIO comes back bit for bit; the real dog.jpg has its size and,
 * within JPEG decoders' differences, ImageIO's pixels; repeat and rate behave.
 */
class ImageFileSourceNodeTest {

    private static final NodeDescriptor SOURCE = ImageFileSourceNode.descriptor();
    private static final int W = 64;
    private static final int H = 48;

    @TempDir
    Path tmp;

    /** A PNG holding {@link VideoTestSupport#pattern} picture 0, written by ImageIO (not FFmpeg). */
    private Path png() throws Exception {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(pattern(0, W, H), 0, data, 0, data.length);
        Path file = tmp.resolve("pattern.png");
        assertThat(ImageIO.write(img, "png", file.toFile())).isTrue();
        return file;
    }

    private static List<Frame> repeated(PixelFormat format, byte[] px, int n, double rate) {
        List<Frame> out = new ArrayList<>();
        long stamp = 0;
        for (int k = 0; k < n; k++) {
            out.add(frame(image(format, W, H), px, k, stamp, rate));
            stamp += rate > 0 ? Math.round(1e9 / rate) : 0;
        }
        return out;
    }

    @Test
    void emitsThePngForeverBitForBit() throws Exception {
        Path file = png();
        ProcessorVerifier.of(SOURCE)
                .params(Params.of("path", file.toString(), "repeat", 0))
                .limitOutput(3)
                .expectOutput("out", repeated(PixelFormat.BGR24, pattern(0, W, H), 3, 0))
                .compareTimestamps()
                .verify();
    }

    @Test
    void emitsItRepeatTimesInRgbThenEnds() throws Exception {
        Path file = png();
        ProcessorVerifier.of(SOURCE)
                .params(Params.of("path", file.toString(), "repeat", 3, "pixel_format", "rgb24"))
                .expectOutput("out", repeated(PixelFormat.RGB24, asRgb(pattern(0, W, H)), 3, 0))
                .compareTimestamps()
                // Each DONE reopens the file in the allocation loop; keep that affordable.
                .allocationLoop(300, 300)
                .verify();
    }

    @Test
    void rateStampsAndPacesTheFrames() throws Exception {
        Path file = png();
        List<Long> wall = new ArrayList<>();
        List<Frame> got = new ArrayList<>();
        runSource(SOURCE, Params.of("path", file.toString(), "repeat", 5, "rate_hz", 50.0), 100, f -> {
            wall.add(System.nanoTime());
            got.add(dev.weir.engine.api.testing.Frames.copyOf(f));
        });
        assertThat(got).extracting(Frame::timestampNanos).containsExactly(0L, 20_000_000L, 40_000_000L, 60_000_000L,
                80_000_000L);
        assertThat(got).extracting(Frame::sampleRate).containsOnly(50.0);
        assertThat(wall.getLast() - wall.getFirst()).isGreaterThanOrEqualTo(80_000_000L);
    }

    @Test
    void readsDogJpgAs768x576CloseToImageIo() throws Exception {
        Path dog = Assets.require("images/dog.jpg");
        TestContext ctx = TestContext.inferred("img", SOURCE, Params.of("path", dog.toString()), Set.of(), Map.of());
        DataType.ImageOf type = (DataType.ImageOf) ctx.outputs().getFirst().type();
        assertThat(type).isEqualTo(image(PixelFormat.BGR24, 768, 576));

        byte[][] got = new byte[1][];
        long n = runSource(SOURCE, Params.of("path", dog.toString()), 100, f -> got[0] = f.bytes().clone());
        assertThat(n).isEqualTo(1);

        // ImageIO's JPEG decoder is independent of FFmpeg's; JPEG decoders may differ by their IDCT and chroma
        // upsampling, by a few levels at edges.
        BufferedImage ref = ImageIO.read(dog.toFile());
        assertThat(ref.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        byte[] want = ((DataBufferByte) ref.getRaster().getDataBuffer()).getData();
        long sum = 0;
        for (int i = 0; i < want.length; i++) {
            sum += Math.abs((want[i] & 255) - (got[0][i] & 255));
        }
        double mean = sum / (double) want.length;
        System.out.printf("image.file_source: dog.jpg vs ImageIO mean abs difference %.3f%n", mean);
        assertThat(mean).isLessThanOrEqualTo(2.0);
    }

    @Test
    void grayIsFullRangeLuma() throws Exception {
        Path file = png();
        byte[] bgr = pattern(0, W, H);
        byte[][] got = new byte[1][];
        runSource(SOURCE, Params.of("path", file.toString(), "pixel_format", "gray8"), 10, f -> got[0] = f.bytes().clone());
        int worst = 0;
        for (int i = 0; i < W * H; i++) {
            double y = 0.114 * (bgr[3 * i] & 255) + 0.587 * (bgr[3 * i + 1] & 255) + 0.299 * (bgr[3 * i + 2] & 255);
            worst = Math.max(worst, (int) Math.abs(Math.round(y) - (got[0][i] & 255)));
        }
        assertThat(worst).isLessThanOrEqualTo(2);
    }
}
