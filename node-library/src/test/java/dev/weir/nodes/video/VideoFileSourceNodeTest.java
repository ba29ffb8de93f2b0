package dev.weir.nodes.video;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.testing.Assets;
import dev.weir.engine.api.testing.ProcessorVerifier;
import dev.weir.engine.api.testing.TestContext;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.weir.nodes.video.VideoTestSupport.asRgb;
import static dev.weir.nodes.video.VideoTestSupport.frame;
import static dev.weir.nodes.video.VideoTestSupport.image;
import static dev.weir.nodes.video.VideoTestSupport.losslessClip;
import static dev.weir.nodes.video.VideoTestSupport.pattern;
import static dev.weir.nodes.video.VideoTestSupport.runSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

/**
 * {@code video.file_source} on a lossless synthetic clip (exact pixels and headers through every
 * {@link ProcessorVerifier} scenario), on the real vtest.avi (all 795 frames; the first against Debian's ffmpeg
 * CLI, every one against JavaCV's grabber), and its loop, start offset and real-time pacing.
 */
class VideoFileSourceNodeTest {

    private static final NodeDescriptor SOURCE = VideoFileSourceNode.descriptor();
    private static final int W = 64;
    private static final int H = 48;
    private static final long MS = 1_000_000L;

    @TempDir
    Path tmp;

    /** Frames k = from..to-1 of the pattern clip as the source emits them, numbered from {@code firstIndex}. */
    private static List<Frame> expected(PixelFormat format, int clipFrames, int fps, int first, int count) {
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int k = (first + i) % clipFrames;
            byte[] px = pattern(k, W, H);
            out.add(frame(image(format, W, H), format == PixelFormat.RGB24 ? asRgb(px) : px, first + i,
                    (first + i) * 1000L * MS / fps, fps));
        }
        return out;
    }

    @Test
    void passesTheVerifierWithExactPixelsAndHeaders() throws Exception {
        Path clip = losslessClip(tmp, "clip.mkv", W, H, 5, 10);
        ProcessorVerifier.of(SOURCE)
                .params(Params.of("path", clip.toString()))
                .expectOutput("out", expected(PixelFormat.BGR24, 5, 10, 0, 5))
                .compareTimestamps()
                // A finite source is reopened after each DONE in the allocation loop; keep that affordable.
                .allocationLoop(300, 300)
                .verify();
    }

    @Test
    void loopsForeverInRgbWithTheClockAndIndexRunningOn() throws Exception {
        Path clip = losslessClip(tmp, "clip.mkv", W, H, 5, 10);
        // 12 frames of a 5-frame clip: two wraps; time stamps continue at 100 ms per frame. The allocation loop
        // runs the endless source through thousands of seeks back to the start.
        ProcessorVerifier.of(SOURCE)
                .params(Params.of("path", clip.toString(), "pixel_format", "rgb24", "loop", true))
                .limitOutput(12)
                .expectOutput("out", expected(PixelFormat.RGB24, 5, 10, 0, 12))
                .compareTimestamps()
                .verify();
    }

    @Test
    void loopSwitchedOffMidStreamFinishesThePass() throws Exception {
        Path clip = losslessClip(tmp, "clip.mkv", W, H, 5, 10);
        ProcessorVerifier.of(SOURCE)
                .params(Params.of("path", clip.toString(), "loop", true))
                .paramChange(7, Params.of("loop", false))
                .expectOutput("out", expected(PixelFormat.BGR24, 5, 10, 0, 7))
                .expectOutputAfterParamChange("out", expected(PixelFormat.BGR24, 5, 10, 7, 3))
                .compareTimestamps()
                .allocationLoop(300, 300)
                .verify();
    }

    @Test
    void startOffsetSkipsToThatTime() throws Exception {
        Path clip = losslessClip(tmp, "clip.mkv", W, H, 5, 10);
        List<Frame> got = new ArrayList<>();
        runSource(SOURCE, Params.of("path", clip.toString(), "start_s", 0.25), 100,
                f -> got.add(dev.weir.engine.api.testing.Frames.copyOf(f)));
        // Pictures at 0.3 s and 0.4 s are the first at or after 0.25 s; numbering starts at 0.
        assertThat(got).hasSize(2);
        assertThat(got.get(0).bytes()).isEqualTo(pattern(3, W, H));
        assertThat(got.get(1).bytes()).isEqualTo(pattern(4, W, H));
        assertThat(got).extracting(Frame::index).containsExactly(0L, 1L);
        assertThat(got).extracting(Frame::timestampNanos).containsExactly(300 * MS, 400 * MS);
    }

    @Test
    void grayIsFullRangeLuma() throws Exception {
        Path clip = losslessClip(tmp, "clip.mkv", W, H, 1, 10);
        byte[] bgr = pattern(0, W, H);
        byte[][] got = new byte[1][];
        runSource(SOURCE, Params.of("path", clip.toString(), "pixel_format", "gray8"), 10, f -> got[0] = f.bytes().clone());
        int worst = 0;
        for (int i = 0; i < W * H; i++) {
            double y = 0.114 * (bgr[3 * i] & 255) + 0.587 * (bgr[3 * i + 1] & 255) + 0.299 * (bgr[3 * i + 2] & 255);
            worst = Math.max(worst, (int) Math.abs(Math.round(y) - (got[0][i] & 255)));
        }
        // BT.601 luma over 0..255 (swscale's fixed-point arithmetic rounds differently by a unit or two).
        assertThat(worst).isLessThanOrEqualTo(2);
    }

    @Test
    void vtestDecodesToAll795FramesMatchingTheFfmpegCli() throws Exception {
        Path vtest = Assets.require("video/vtest.avi");
        DataType expectedType = image(PixelFormat.BGR24, 768, 576);
        byte[][] first = new byte[1][];
        AtomicLong count = new AtomicLong();
        long t0 = System.nanoTime();
        long n = runSource(SOURCE, Params.of("path", vtest.toString()), Long.MAX_VALUE, f -> {
            long k = count.getAndIncrement();
            assertThat(f.type()).isEqualTo(expectedType);
            assertThat(f.index()).isEqualTo(k);
            assertThat(f.timestampNanos()).isEqualTo(k * 100 * MS);
            assertThat(f.sampleRate()).isEqualTo(10.0);
            if (k == 0) {
                first[0] = f.bytes().clone();
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("video.file_source: vtest.avi 768x576 msmpeg4v3 -> bgr24: %d frames in %.2f s (%.0f frames/s, "
                + "open included)%n", n, seconds, n / seconds);
        assertThat(n).isEqualTo(795);

        // Debian's ffmpeg 5.1 CLI decoded the same first frame (tools/oracles/vtest.sh). Bit-exact today; the
        // tolerance leaves room for another FFmpeg version's IDCT or swscale rounding.
        BufferedImage crop = oracle("vtest-f0-crop.png");
        int worst = 0;
        long sum = 0;
        for (int y = 0; y < 144; y++) {
            for (int x = 0; x < 192; x++) {
                int rgb = crop.getRGB(x, y);
                int i = ((216 + y) * 768 + 288 + x) * 3;
                for (int c = 0; c < 3; c++) {
                    int want = (rgb >> (8 * c)) & 255; // c = 0: blue, as in BGR order
                    int d = Math.abs(want - (first[0][i + c] & 255));
                    worst = Math.max(worst, d);
                    sum += d;
                }
            }
        }
        assertThat(worst).as("largest difference from the CLI's centre crop").isLessThanOrEqualTo(3);
        assertThat(sum / (192.0 * 144 * 3)).as("mean difference from the CLI's centre crop").isLessThanOrEqualTo(0.5);

        // The whole frame as 8x8 block means (the CLI's area scaling): catches a shifted, flipped or torn picture.
        BufferedImage blocks = oracle("vtest-f0-blocks.png");
        double worstBlock = 0;
        for (int by = 0; by < 72; by++) {
            for (int bx = 0; bx < 96; bx++) {
                int rgb = blocks.getRGB(bx, by);
                for (int c = 0; c < 3; c++) {
                    double mean = 0;
                    for (int y = 0; y < 8; y++) {
                        for (int x = 0; x < 8; x++) {
                            mean += first[0][((by * 8 + y) * 768 + bx * 8 + x) * 3 + c] & 255;
                        }
                    }
                    worstBlock = Math.max(worstBlock, Math.abs(mean / 64 - ((rgb >> (8 * c)) & 255)));
                }
            }
        }
        assertThat(worstBlock).as("largest 8x8 block mean difference").isLessThanOrEqualTo(1.5);
    }

    private BufferedImage oracle(String name) throws Exception {
        try (var in = getClass().getResourceAsStream("/oracles/video/" + name)) {
            return ImageIO.read(in);
        }
    }

    @Test
    void vtestMatchesJavaCvsGrabberFrameForFrame() throws Exception {
        Path vtest = Assets.require("video/vtest.avi");
        AtomicLong k = new AtomicLong();
        double[] worstMean = new double[1];
        byte[] want = new byte[768 * 3];
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(vtest.toFile())) {
            g.setPixelFormat(AV_PIX_FMT_BGR24);
            g.start();
            // Both decoders in lockstep: each of our frames against the grabber's next one.
            runSource(SOURCE, Params.of("path", vtest.toString()), Long.MAX_VALUE, f -> {
                k.incrementAndGet();
                org.bytedeco.javacv.Frame ref = grab(g);
                assertThat(ref).as("the grabber's frame %d", k.get() - 1).isNotNull();
                ByteBuffer b = (ByteBuffer) ref.image[0];
                byte[] got = f.bytes();
                long sum = 0;
                // Every 8th row of every frame: enough to catch a wrong, dropped or reordered frame, at 1/8 the cost.
                for (int y = 0; y < 576; y += 8) {
                    b.get(y * ref.imageStride, want, 0, 768 * 3);
                    for (int i = 0; i < 768 * 3; i++) {
                        sum += Math.abs((want[i] & 255) - (got[y * 768 * 3 + i] & 255));
                    }
                }
                worstMean[0] = Math.max(worstMean[0], sum / (72.0 * 768 * 3));
            });
            assertThat(grab(g)).as("a frame after our last").isNull();
        }
        assertThat(k.get()).isEqualTo(795);
        // Same decoder library, another code path (its own packet loop and scaler set-up): every frame in order,
        // the same within the rounding of a different chroma interpolation.
        assertThat(worstMean[0]).isLessThanOrEqualTo(1.0);
    }

    private static org.bytedeco.javacv.Frame grab(FFmpegFrameGrabber g) {
        try {
            return g.grabImage();
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTruncatedOrDamagedFilePlaysWhatCanBeDecoded() throws Exception {
        byte[] whole = Files.readAllBytes(Assets.require("video/vtest.avi"));
        // The first megabyte: the header is intact, the index at the end is gone, the last packet is cut.
        Path cut = tmp.resolve("cut.avi");
        Files.write(cut, java.util.Arrays.copyOf(whole, 1 << 20));
        long n = runSource(SOURCE, Params.of("path", cut.toString()), Long.MAX_VALUE, f -> { });
        assertThat(n).isBetween(50L, 794L);

        // 64 kB of noise in the middle: the decoder conceals or skips what it cannot read and goes on.
        Path damaged = tmp.resolve("damaged.avi");
        byte[] copy = whole.clone();
        byte[] noise = new byte[64 * 1024];
        new java.util.Random(3).nextBytes(noise);
        System.arraycopy(noise, 0, copy, whole.length / 2, noise.length);
        Files.write(damaged, copy);
        assertThat(runSource(SOURCE, Params.of("path", damaged.toString()), Long.MAX_VALUE, f -> { }))
                .isBetween(700L, 795L);
    }

    @Test
    void realtimeEmitsEachPictureAtItsTimeStamp() throws Exception {
        Path clip = losslessClip(tmp, "clip25.mkv", W, H, 10, 25);
        List<Long> wall = new ArrayList<>();
        List<Long> stamps = new ArrayList<>();
        runSource(SOURCE, Params.of("path", clip.toString(), "realtime", true), 100, f -> {
            wall.add(System.nanoTime());
            stamps.add(f.timestampNanos());
        });
        assertThat(wall).hasSize(10);
        for (int k = 1; k < 10; k++) {
            // Never early: frame k leaves at least k * 40 ms after frame 0.
            assertThat(wall.get(k) - wall.getFirst()).isGreaterThanOrEqualTo(stamps.get(k) - stamps.getFirst());
        }
        long span = wall.getLast() - wall.getFirst();
        assertThat(span).isBetween(360 * MS, 900 * MS);

        List<Long> fast = new ArrayList<>();
        runSource(SOURCE, Params.of("path", clip.toString()), 100, f -> fast.add(System.nanoTime()));
        assertThat(fast.getLast() - fast.getFirst()).as("without realtime, as fast as it decodes").isLessThan(200 * MS);
    }

    @Test
    void realtimeWaitEndsAtOnceWhenTheThreadIsInterrupted() throws Exception {
        Path clip = losslessClip(tmp, "slow.mkv", W, H, 3, 1);
        CountDownLatch firstOut = new CountDownLatch(1);
        AtomicLong frames = new AtomicLong();
        long[] returned = new long[1];
        Thread t = new Thread(() -> {
            try {
                frames.set(runSource(SOURCE, Params.of("path", clip.toString(), "realtime", true), 100,
                        f -> firstOut.countDown()));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
            returned[0] = System.nanoTime();
        });
        t.start();
        assertThat(firstOut.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        long interrupted = System.nanoTime();
        t.interrupt();
        t.join(5000);
        assertThat(t.isAlive()).isFalse();
        // The second picture was due a second after the first; the stop came long before.
        assertThat(frames.get()).isEqualTo(1);
        assertThat(returned[0] - interrupted).isLessThan(500 * MS);
    }

    @Test
    void openFailsNamingNodeAndFileWhenTheFileChangedOrVanished() throws Exception {
        Path clip = losslessClip(tmp, "clip.mkv", W, H, 2, 10);
        TestContext ctx = TestContext.inferred("cam", SOURCE, Params.of("path", clip.toString()), Set.of(), Map.of());
        losslessClip(tmp, "clip.mkv", 32, 24, 2, 10);
        Processor p = SOURCE.factory().create();
        try {
            assertThatThrownBy(() -> p.open(ctx))
                    .hasMessage("node 'cam' (video.file_source) file '" + clip + "': holds 32x24 pictures, but the graph "
                            + "was validated for 64x48 (the file changed since); validate the graph again");
        } finally {
            p.close();
        }
        Files.delete(clip);
        Processor q = SOURCE.factory().create();
        try {
            assertThatThrownBy(() -> q.open(ctx))
                    .hasMessage("node 'cam' (video.file_source) file '" + clip + "': cannot open: No such file or directory");
        } finally {
            q.close();
        }
    }
}
