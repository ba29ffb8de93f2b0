package dev.weir.nodes.video;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.WorkStatus;
import dev.weir.engine.api.testing.TestContext;
import dev.weir.engine.api.testing.TestInputPort;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;

/** Clips with known pixels, frames, and small drivers for the video node tests. */
final class VideoTestSupport {

    private VideoTestSupport() {
    }

    /** Picture {@code k} of the synthetic clips, packed BGR: gradients that move with k, so frames differ. */
    static byte[] pattern(int k, int w, int h) {
        byte[] b = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                b[i] = (byte) (x * 4 + k * 16);
                b[i + 1] = (byte) (y * 5 + k * 8);
                b[i + 2] = (byte) ((x + y) * 3 + k * 32);
            }
        }
        return b;
    }

    /** {@link #pattern} as another packed layout: RGB swaps B and R. */
    static byte[] asRgb(byte[] bgr) {
        byte[] rgb = bgr.clone();
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 2] = bgr[i];
        }
        return rgb;
    }

    /**
     * A lossless clip of {@code frames} {@link #pattern} pictures: PNG pictures in Matroska, written with the
     * same {@link FfmpegEncoder} the sinks use, so decoding must give the pattern back bit for bit.
     */
    static Path losslessClip(Path dir, String name, int w, int h, int frames, int fps) throws Exception {
        Path file = dir.resolve(name);
        FfmpegEncoder.Spec spec = new FfmpegEncoder.Spec(Ffmpeg.url(file), "matroska", "png", AV_PIX_FMT_RGB24, false,
                PixelFormat.BGR24, w, h, new int[] {1, fps}, Map.of(), 0, c -> { });
        try (FfmpegEncoder e = new FfmpegEncoder(spec, "test clip " + file)) {
            for (int k = 0; k < frames; k++) {
                e.write(pattern(k, w, h), k);
            }
            e.finish();
        }
        return file;
    }

    static DataType.ImageOf image(PixelFormat f, int w, int h) {
        return new DataType.ImageOf(f, Dim.of(w), Dim.of(h));
    }

    /** A frame of {@code type} holding {@code pixels}, with the header a video source writes. */
    static Frame frame(DataType.ImageOf type, byte[] pixels, long index, long timestampNanos, double rate) {
        Frame f = new Frame(type);
        System.arraycopy(pixels, 0, f.bytes(), 0, pixels.length);
        return f.setIndex(index).setTimestampNanos(timestampNanos).setSampleRate(rate);
    }

    /** An output with one slot that hands every published frame to a callback, which must not keep it. */
    static final class HandOffPort implements OutputPort {
        private final DataType type;
        private final Frame frame;
        private final Consumer<Frame> sink;
        private long published;

        HandOffPort(DataType type, Consumer<Frame> sink) {
            this.type = type;
            this.frame = new Frame(type);
            this.sink = sink;
        }

        @Override
        public String name() {
            return "out";
        }

        @Override
        public DataType type() {
            return type;
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public int remaining() {
            return 1;
        }

        @Override
        public Frame claim() {
            return frame.clearHeader();
        }

        @Override
        public void publish() {
            published++;
            sink.accept(frame);
        }

        long published() {
            return published;
        }
    }

    /**
     * Runs a source until it returns DONE or has published {@code max} frames, handing each frame to
     * {@code sink}; returns the number of frames. Opens and closes the processor as the engine would.
     */
    static long runSource(NodeDescriptor d, Params params, long max, Consumer<Frame> sink) throws Exception {
        TestContext ctx = TestContext.inferred("src", d, params, Set.of(), Map.of());
        HandOffPort port = new HandOffPort(ctx.outputs().getFirst().type(), sink);
        Outputs outs = new Outputs(List.of(port));
        Inputs none = new Inputs(List.of());
        Processor p = d.factory().create();
        try {
            p.open(ctx);
            while (port.published() < max) {
                WorkStatus s = p.process(none, outs);
                if (s == WorkStatus.DONE) {
                    break;
                }
            }
        } finally {
            p.close();
        }
        return port.published();
    }

    /** Runs a sink over {@code frames} to the end of the stream, complete() included. */
    static void runSink(NodeDescriptor d, Params params, List<Frame> frames) throws Exception {
        TestContext ctx = TestContext.inferred("sink", d, params, Set.of(), Map.of("in", frames.getFirst().type()));
        TestInputPort in = new TestInputPort(ctx.inputs().getFirst(), true).feed(frames).endStream();
        Inputs ins = new Inputs(List.of(in));
        Outputs none = new Outputs(List.of());
        Processor p = d.factory().create();
        try {
            p.open(ctx);
            while (!in.isEndOfStream()) {
                p.process(ins, none);
            }
            while (p.complete(none) != WorkStatus.DONE) {
                Thread.onSpinWait();
            }
        } finally {
            p.close();
        }
    }
}
