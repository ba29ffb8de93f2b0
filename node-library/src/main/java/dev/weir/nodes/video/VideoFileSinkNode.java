package dev.weir.nodes.video;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.Scheduling;
import dev.weir.engine.api.WorkStatus;
import org.bytedeco.ffmpeg.avutil.AVRational;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_d2q;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;

/**
 * {@code video.file_sink}: encodes image frames as H.264 (constrained baseline, 4:2:0) into an MP4 file with
 * FFmpeg's {@code libopenh264} encoder, the only H.264 encoder in the LGPL FFmpeg build that JavaCV ships
 * ({@code libx264} is GPL and not in it).
 *
 * <p>The frame rate is constant: frame k is shown at {@code k / fps}, with fps from the param or, when that is
 * 0, from the first frame's sample rate (a video source's frame rate). Each picture's bytes are copied once into
 * a native buffer, converted to YUV by swscale and encoded ({@link FfmpegEncoder}); nothing is allocated per
 * frame.
 *
 * <h2>Atomic save</h2>
 * <pre>
 *   open:     .NAME.PID.NANOS.tmp created in the target's folder (same file system, so the rename is atomic)
 *   process:  pictures encoded into the temporary file
 *   complete: encoder flushed, MP4 index written, file closed, renamed over NAME
 *   close:    a run stopped before complete finishes and renames the same way (what was recorded is kept);
 *             after a failure of this node the temporary file is deleted
 * </pre>
 * So the target name only ever holds the previous file or a complete new one, never a half-written MP4 (whose
 * index, written last, would be missing).
 */
final class VideoFileSinkNode implements Processor {

    /** The H.264 encoder used; see the class comment for why. */
    static final String ENCODER = "libopenh264";

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("video.file_sink", 1)
                .label("Video file sink")
                .category("Video/IO")
                .description("Encodes image frames as H.264 (OpenH264) into an MP4 file, saved atomically.")
                .param(new ParamSpec("path", "File", new ParamType.PathType(ParamType.PathMode.WRITE_FILE), "", "",
                        false, "The MP4 file to create or replace."))
                .param(VideoTypes.pixelFormatParam("Layout of the input pixels."))
                .param(ParamSpec.real("fps", "Frame rate", 0, 0, 1000, "fps", false,
                        "Frames per second of the file; 0 takes the first frame's sample rate."))
                .param(ParamSpec.integer("bitrate_kbps", "Bit rate", 0, 0, 1_000_000, "kbit/s", false,
                        "Target bit rate; 0 picks 0.1 bit per pixel (about 2.8 Mbit/s for 720p at 30 fps)."))
                .input(PortSpec.of("in", VideoTypes.imageType(), "Pictures to encode, all of one size."))
                .scheduling(Scheduling.BLOCKING)
                .factory(VideoFileSinkNode::new)
                .build();
    }

    private System.Logger logger;
    private String who;
    private Path target;
    private Path temp;
    private DataType.ImageOf type;
    private double fpsParam;
    private long bitrateKbps;
    private FfmpegEncoder encoder;
    private boolean failed;
    private long frames;
    private InputPort in;

    @Override
    public void open(ProcessorContext context) throws IOException {
        Params p = context.params();
        logger = context.logger();
        String node = "node '" + context.nodeId() + "' (" + context.descriptor().id() + ")";
        String name = p.getString("path");
        if (name.isEmpty()) {
            throw new IllegalArgumentException(node + ": param 'path' is not set");
        }
        target = Path.of(name).toAbsolutePath().normalize();
        who = node + " file '" + target + "'";
        type = (DataType.ImageOf) context.inputs().getFirst().type();
        if (!type.isResolved()) {
            throw new IllegalArgumentException(node + ": input 'in' has no fixed picture size (" + type.describe()
                    + "); feed it from a source whose size is known");
        }
        int w = type.width().size();
        int h = type.height().size();
        if (w % 2 != 0 || h % 2 != 0) {
            throw new IllegalArgumentException(who + ": H.264 with 4:2:0 chroma needs an even width and height, the "
                    + "input is " + w + "x" + h + "; crop or scale it first");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(who + ": cannot create: folder '" + dir + "' does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new IOException(who + ": cannot create: it is a directory");
        }
        fpsParam = p.getDouble("fps");
        bitrateKbps = p.getLong("bitrate_kbps");
        temp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime()
                + ".tmp");
        if (fpsParam > 0) {
            start(fpsParam);
        }
    }

    /** Opens the encoder and the temporary file for {@code fps} frames per second. */
    private void start(double fps) throws IOException {
        int w = type.width().size();
        int h = type.height().size();
        AVRational rate = av_d2q(fps, 1_000_000);
        int rateNum = rate.num();
        int rateDen = rate.den();
        long bitrate = bitrateKbps > 0 ? bitrateKbps * 1000 : Math.max(20_000, Math.round(0.1 * w * h * fps));
        FfmpegEncoder.Tuning tuning = c -> {
            c.bit_rate(bitrate);
            // A key frame every two seconds: seekable files at a small cost in size.
            c.gop_size((int) Math.max(1, Math.min(600, Math.round(2 * fps))));
            c.max_b_frames(0);
            int r = av_opt_set(c.priv_data(), "rc_mode", "bitrate", 0);
            if (r < 0) {
                throw new IOException(who + ": the " + ENCODER + " encoder refused rc_mode=bitrate: " + Ffmpeg.error(r));
            }
        };
        encoder = new FfmpegEncoder(new FfmpegEncoder.Spec(Ffmpeg.url(temp), "mp4", ENCODER, AV_PIX_FMT_YUV420P, false,
                type.format(), w, h, new int[] {rateDen, rateNum}, Map.of(), 0, tuning), who);
    }

    @Override
    public WorkStatus process(Inputs ins, Outputs outs) {
        if (in == null) {
            in = ins.port(0);
        }
        if (in.available() == 0) {
            return WorkStatus.NEED_INPUT;
        }
        try {
            int n = 0;
            while (n < 4 && in.available() > 0) {
                Frame f = in.peek();
                if (encoder == null) {
                    startFromFrame(f);
                }
                encoder.write(f.bytes(), frames++);
                in.release();
                n++;
            }
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        return WorkStatus.OK;
    }

    private void startFromFrame(Frame f) {
        if (!(f.sampleRate() > 0)) {
            throw new IllegalStateException(who + ": param 'fps' is 0 and the frames carry no sample rate; set fps");
        }
        try {
            start(f.sampleRate());
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public WorkStatus complete(Outputs out) {
        if (frames == 0) {
            logger.log(System.Logger.Level.WARNING, who + ": received no frames, so no file was written");
            return WorkStatus.DONE;
        }
        try {
            save();
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        return WorkStatus.DONE;
    }

    /** Finishes the MP4 and renames it over the target. */
    private void save() {
        FfmpegEncoder e = encoder;
        encoder = null;
        try {
            e.finish();
        } finally {
            e.close();
        }
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException unusual) {
                // Some network file systems cannot rename atomically even within a folder; replacing is then the
                // best there is (the file is complete either way, only the switch is not atomic).
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException x) {
            throw new IllegalStateException(who + ": cannot replace it with the new file: " + x, x);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (encoder != null && !failed && frames > 0) {
                // Stopped before the end of the stream: keep what was recorded, as a complete file.
                save();
            }
        } finally {
            if (encoder != null) {
                encoder.close();
                encoder = null;
            }
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
