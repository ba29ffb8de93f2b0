package dev.weir.nodes.video;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.testing.ProcessorVerifier;
import dev.weir.engine.api.testing.TestContext;
import dev.weir.engine.api.testing.TestInputPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.weir.nodes.video.VideoTestSupport.frame;
import static dev.weir.nodes.video.VideoTestSupport.image;
import static dev.weir.nodes.video.VideoTestSupport.pattern;
import static dev.weir.nodes.video.VideoTestSupport.runSink;
import static dev.weir.nodes.video.VideoTestSupport.runSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code video.file_sink}: what it writes reads back through {@code video.file_source} with the same frame count,
 * size and rate and close pixels; the save is atomic (a failure leaves the old file and no temporary one); a
 * stopped run keeps what was recorded.
 */
class VideoFileSinkNodeTest {

    private static final NodeDescriptor SINK = VideoFileSinkNode.descriptor();
    private static final NodeDescriptor SOURCE = VideoFileSourceNode.descriptor();

    @TempDir
    Path tmp;

    /** A smooth moving picture (H.264 at a moderate rate keeps it well; the wrapping test pattern has hard edges). */
    private static byte[] smooth(int k, int w, int h) {
        byte[] b = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                b[i] = (byte) (40 + 160 * x / w);
                b[i + 1] = (byte) (40 + 160 * y / h);
                b[i + 2] = (byte) (128 + 100 * Math.sin((x + 4 * k) / 9.0) * Math.cos(y / 7.0));
            }
        }
        return b;
    }

    private static List<Frame> clip(int n, int w, int h, double rate, boolean smooth) {
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            frames.add(frame(image(PixelFormat.BGR24, w, h), smooth ? smooth(k, w, h) : pattern(k, w, h), k,
                    Math.round(k * 1e9 / rate), rate));
        }
        return frames;
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void passesTheVerifier() throws Exception {
        Path out = tmp.resolve("v.mp4");
        ProcessorVerifier.of(SINK)
                .params(Params.of("path", out.toString()))
                .input("in", clip(5, 64, 48, 10, false))
                // Each measured call encodes a picture (about a millisecond); a few hundred prove the point.
                .allocationLoop(300, 300)
                .verify();
        assertThat(MediaProbe.probe("path", "video", out.toString()).codec()).isEqualTo("h264");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void encodeThenDecodeKeepsFrameCountSizeRateAndPixels() throws Exception {
        int w = 320;
        int h = 240;
        List<Frame> frames = clip(30, w, h, 15, true);
        Path out = tmp.resolve("round.mp4");
        runSink(SINK, Params.of("path", out.toString()), frames);
        assertThat(leftovers()).isEmpty();

        MediaProbe.Info info = MediaProbe.probe("path", "video", out.toString());
        assertThat(info).isEqualTo(new MediaProbe.Info(w, h, 15.0, "h264"));
        List<Frame> back = new ArrayList<>();
        runSource(SOURCE, Params.of("path", out.toString()), 1000, f -> back.add(dev.weir.engine.api.testing.Frames.copyOf(f)));
        assertThat(back).hasSize(30);
        double worstPsnr = Double.MAX_VALUE;
        for (int k = 0; k < 30; k++) {
            Frame b = back.get(k);
            assertThat(b.type()).isEqualTo(image(PixelFormat.BGR24, w, h));
            assertThat(b.index()).isEqualTo(k);
            assertThat(b.sampleRate()).isEqualTo(15.0);
            assertThat(b.timestampNanos()).isCloseTo(Math.round(k * 1e9 / 15), org.assertj.core.data.Offset.offset(1_000_000L));
            worstPsnr = Math.min(worstPsnr, psnr(frames.get(k).bytes(), b.bytes()));
        }
        System.out.printf("video.file_sink: 320x240 round trip through libopenh264 at the default rate, worst PSNR %.1f dB%n",
                worstPsnr);
        // Lossy, but recognisably the same pictures in the same order (a shifted frame would score far lower).
        assertThat(worstPsnr).isGreaterThan(30.0);
    }

    private static double psnr(byte[] a, byte[] b) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 255) - (b[i] & 255);
            se += d * d;
        }
        return 10 * Math.log10(255.0 * 255.0 / (se / a.length));
    }

    @Test
    void fpsParamOverridesTheFramesRate() throws Exception {
        Path out = tmp.resolve("fps.mp4");
        runSink(SINK, Params.of("path", out.toString(), "fps", 25.0, "bitrate_kbps", 200), clip(4, 64, 48, 10, false));
        assertThat(MediaProbe.probe("path", "video", out.toString()).fps()).isEqualTo(25.0);
    }

    @Test
    void aFailureLeavesTheOldFileAndNoTemporaryOne() throws Exception {
        Path out = tmp.resolve("keep.mp4");
        Files.writeString(out, "the previous recording");
        // fps 0 and frames without a sample rate: the first process call fails.
        List<Frame> untagged = clip(3, 64, 48, 10, false);
        untagged.forEach(f -> f.setSampleRate(0));
        assertThatThrownBy(() -> runSink(SINK, Params.of("path", out.toString()), untagged))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("node 'sink' (video.file_sink) file '" + out + "': param 'fps' is 0 and the frames carry no "
                        + "sample rate; set fps");
        assertThat(Files.readString(out)).isEqualTo("the previous recording");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFailedRenameRemovesTheTemporaryFile() throws Exception {
        Path out = tmp.resolve("blocked.mp4");
        List<Frame> frames = clip(3, 64, 48, 10, false);
        TestContext ctx = TestContext.inferred("rec", SINK, Params.of("path", out.toString(), "fps", 10.0), Set.of(),
                Map.of("in", frames.getFirst().type()));
        TestInputPort in = new TestInputPort(ctx.inputs().getFirst(), true).feed(frames).endStream();
        Processor p = SINK.factory().create();
        try {
            p.open(ctx);
            while (!in.isEndOfStream()) {
                p.process(new Inputs(List.of(in)), new Outputs(List.of()));
            }
            assertThat(leftovers()).hasSize(1);
            // Something takes the target name meanwhile: a folder that is not empty cannot be replaced.
            Files.createDirectories(out.resolve("inside"));
            assertThatThrownBy(() -> p.complete(new Outputs(List.of())))
                    .hasMessageStartingWith("node 'rec' (video.file_sink) file '" + out + "': cannot replace it with "
                            + "the new file: ");
        } finally {
            p.close();
        }
        assertThat(leftovers()).isEmpty();
        assertThat(out.resolve("inside")).isDirectory();
    }

    @Test
    void aStoppedRunKeepsWhatWasRecorded() throws Exception {
        Path out = tmp.resolve("stopped.mp4");
        List<Frame> frames = clip(10, 64, 48, 10, false);
        TestContext ctx = TestContext.inferred("rec", SINK, Params.of("path", out.toString()), Set.of(),
                Map.of("in", frames.getFirst().type()));
        // Three frames arrive, the stream never ends, and the engine closes the node (a stop).
        TestInputPort in = new TestInputPort(ctx.inputs().getFirst(), true).feed(frames.subList(0, 3));
        Processor p = SINK.factory().create();
        try {
            p.open(ctx);
            while (in.available() > 0) {
                p.process(new Inputs(List.of(in)), new Outputs(List.of()));
            }
            assertThat(out).doesNotExist();
        } finally {
            p.close();
        }
        assertThat(leftovers()).isEmpty();
        assertThat(runSource(SOURCE, Params.of("path", out.toString()), 100, f -> { })).isEqualTo(3);
    }

    @Test
    void openFailsNamingNodeAndFile() {
        Path out = tmp.resolve("no/such/folder/x.mp4");
        DataType frameType = image(PixelFormat.BGR24, 64, 48);
        TestContext ctx = TestContext.inferred("rec", SINK, Params.of("path", out.toString(), "fps", 10.0), Set.of(),
                Map.of("in", frameType));
        assertThatThrownBy(() -> open(ctx)).hasMessage("node 'rec' (video.file_sink) file '" + out
                + "': cannot create: folder '" + out.getParent() + "' does not exist");

        TestContext odd = TestContext.inferred("rec", SINK, Params.of("path", tmp.resolve("odd.mp4").toString()),
                Set.of(), Map.of("in", image(PixelFormat.BGR24, 63, 48)));
        assertThatThrownBy(() -> open(odd)).hasMessageContaining("node 'rec' (video.file_sink) file '")
                .hasMessageContaining("needs an even width and height, the input is 63x48");
    }

    private static void open(TestContext ctx) throws Exception {
        Processor p = SINK.factory().create();
        try {
            p.open(ctx);
        } finally {
            p.close();
        }
    }
}
