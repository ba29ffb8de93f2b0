package dev.weir.nodes.video;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputFiles;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.Scheduling;
import dev.weir.engine.api.WorkStatus;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code video.file_source}: decodes the first video stream of a file (any container and codec this FFmpeg
 * build reads: AVI, MP4, MKV, MOV; H.264, HEVC, VP9, AV1, MPEG-4, MJPEG...) into image frames, one per picture.
 *
 * <p>Header of each frame: index = frame number in this run (0, 1, 2, ..., continuing across loops),
 * timestamp = the picture's presentation time from the stream in nanoseconds (from the start of the stream; a
 * loop adds the length of the clip, so time stamps keep increasing), sample rate = the stream's frame rate.
 *
 * <p>The output size comes from the file's header through {@link MediaProbe} at validation, so every frame of
 * the edge is preallocated; {@code open} checks the file still has that size. Decoding is
 * {@link FfmpegDecoder}'s: one picture per {@code process} call, converted by swscale into a native buffer and
 * copied once into the claimed frame, with no Java allocation.
 *
 * <p>BLOCKING: {@code process} waits on the disk, the decoder and, in real time mode, the clock (it parks until
 * the picture is due; a stop interrupts the park and the stream ends quietly).
 */
final class VideoFileSourceNode implements Processor {

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("video.file_source", 1)
                .label("Video file source")
                .category("Video/IO")
                .description("Decodes a video file with FFmpeg into image frames (index = frame number, time stamp "
                        + "from the stream, sample rate = frame rate).")
                .param(new ParamSpec("path", "File", new ParamType.PathType(ParamType.PathMode.READ_FILE), "", "",
                        false, "The video file to read."))
                .param(VideoTypes.pixelFormatParam("Layout of the output pixels: bgr24 (OpenCV's order), rgb24 or "
                        + "gray8 (luma)."))
                .param(ParamSpec.bool("loop", "Loop", false, true,
                        "Start again from the start offset at the end of the file."))
                .param(ParamSpec.bool("realtime", "Real time", false, true,
                        "Emit each picture at its time stamp (paced by the stream's clock); otherwise as fast as "
                                + "the graph takes them."))
                .param(ParamSpec.real("start_s", "Start at", 0, 0, 1e7, "s", false,
                        "Skip to this time in the file before the first picture (and when looping)."))
                .param(ParamSpec.integer("threads", "Decoder threads", 0, 0, 64, "", false,
                        "Threads the decoder may use; 0 lets FFmpeg use one per core."))
                .output(PortSpec.of("out", VideoTypes.imageType(), "One image per decoded picture."))
                .scheduling(Scheduling.BLOCKING)
                .infer(MediaProbe.imageSizeFromFile("video"))
                .factory(VideoFileSourceNode::new)
                .build();
    }

    private System.Logger logger;
    private String who;
    private FfmpegDecoder decoder;
    private final Pacer pacer = new Pacer();
    private OutputPort out;
    private boolean loop;
    private boolean realtime;
    private double startSeconds;
    private double fps;
    private long frameNanos;
    private long emitted;
    private long passFrames;
    private long passFirstNanos;
    private long lastNanos;
    private long loopOffsetNanos;
    private long reportedDamaged;

    @Override
    public void open(ProcessorContext context) throws IOException {
        Params p = context.params();
        logger = context.logger();
        String name = p.getString("path");
        String node = "node '" + context.nodeId() + "' (" + context.descriptor().id() + ")";
        if (name.isEmpty()) {
            throw new IllegalArgumentException(node + ": param 'path' is not set");
        }
        Path file = InputFiles.resolve(name);
        who = node + " file '" + file + "'";
        DataType.ImageOf type = (DataType.ImageOf) context.outputs().getFirst().type();
        if (!type.isResolved()) {
            throw new IllegalStateException(who + ": the output was not sized by validation (" + type.describe() + ")");
        }
        decoder = new FfmpegDecoder(file, type.format(), p.getInt("threads"), who);
        if (type.width().size() != decoder.width() || type.height().size() != decoder.height()) {
            throw new IOException(who + ": holds " + decoder.width() + "x" + decoder.height()
                    + " pictures, but the graph was validated for " + type.width() + "x" + type.height()
                    + " (the file changed since); validate the graph again");
        }
        loop = p.getBoolean("loop");
        realtime = p.getBoolean("realtime");
        startSeconds = p.getDouble("start_s");
        fps = decoder.fps();
        frameNanos = fps > 0 ? Math.round(1e9 / fps) : 0;
        if (startSeconds > 0) {
            decoder.seek(startSeconds);
        }
    }

    @Override
    public WorkStatus process(Inputs in, Outputs outs) {
        if (out == null) {
            out = outs.port(0);
        }
        if (out.remaining() == 0) {
            return WorkStatus.NEED_OUTPUT_SPACE;
        }
        if (decoder.next() == FfmpegDecoder.END) {
            reportEnd();
            if (!loop || passFrames == 0) {
                return WorkStatus.DONE;
            }
            // The next pass continues the clock: it starts one picture after the last one of this pass.
            long last = decoder.durationNanos() > 0 ? decoder.durationNanos() : frameNanos;
            loopOffsetNanos += lastNanos + last - passFirstNanos;
            passFrames = 0;
            decoder.seek(startSeconds);
            if (decoder.next() == FfmpegDecoder.END) {
                return WorkStatus.DONE;
            }
        }
        long t = decoder.timestampNanos();
        if (passFrames == 0) {
            passFirstNanos = t;
        }
        lastNanos = t;
        passFrames++;
        long stamp = t + loopOffsetNanos;
        if (realtime && !pacer.await(stamp)) {
            // Interrupted: the engine is stopping the run.
            return WorkStatus.DONE;
        }
        Frame f = out.claim();
        decoder.copyTo(f.bytes());
        f.setIndex(emitted++).setTimestampNanos(stamp).setSampleRate(fps);
        out.publish();
        return WorkStatus.OK;
    }

    /**
     * Says at the end of each pass that the file ended early or had damaged packets, which were skipped (as
     * FFmpeg's own tools do) rather than failing the run. Warnings, not errors: the stream went on.
     */
    private void reportEnd() {
        if (decoder.readError() != 0) {
            logger.log(System.Logger.Level.WARNING, who + ": reading stopped early: " + Ffmpeg.error(decoder.readError()));
        }
        long damaged = decoder.damagedPackets();
        if (damaged > reportedDamaged) {
            logger.log(System.Logger.Level.WARNING, who + ": skipped " + (damaged - reportedDamaged)
                    + " damaged packet(s)");
            reportedDamaged = damaged;
        }
    }

    @Override
    public void onParamsChanged(Params previous, Params next) {
        loop = next.getBoolean("loop");
        boolean rt = next.getBoolean("realtime");
        if (rt && !realtime) {
            pacer.reset();
        }
        realtime = rt;
    }

    @Override
    public void close() {
        if (decoder != null) {
            decoder.close();
        }
    }
}
