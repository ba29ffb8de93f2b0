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
 * {@code image.file_source}: reads one picture (JPEG, PNG, BMP, TIFF, WebP: whatever FFmpeg's image decoders
 * read) and emits it {@code repeat} times, or forever, to drive a pipeline with a still image.
 *
 * <p>The picture is decoded once in {@code open}, by the same {@link FfmpegDecoder} and swscale conversion as
 * video (so a JPEG gives the same pixels here as in an MJPEG stream), and kept in a Java array; {@code process}
 * copies it into each claimed frame. Header: index = repetition number, sample rate = {@code rate_hz}, time
 * stamp = the sum of the frame periods before it (0 when the rate is 0), so it keeps increasing when the rate
 * changes mid-run.
 *
 * <p>BLOCKING because {@code open} reads the file and a paced run parks between frames.
 */
final class ImageFileSourceNode implements Processor {

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("image.file_source", 1)
                .label("Image file source")
                .category("Video/IO")
                .description("Reads a JPEG or PNG image with FFmpeg and emits it once, N times or forever.")
                .param(new ParamSpec("path", "File", new ParamType.PathType(ParamType.PathMode.READ_FILE), "", "",
                        false, "The image file to read."))
                .param(VideoTypes.pixelFormatParam("Layout of the output pixels: bgr24 (OpenCV's order), rgb24 or "
                        + "gray8 (luma)."))
                .param(ParamSpec.integer("repeat", "Repeat", 1, 0, Long.MAX_VALUE, "frames", false,
                        "How many times to emit the image; 0 emits it forever."))
                .param(ParamSpec.real("rate_hz", "Rate", 0, 0, 1e6, "Hz", true,
                        "Frames per second in real time; 0 emits them as fast as the graph takes them."))
                .output(PortSpec.of("out", VideoTypes.imageType(), "The image, once per repetition."))
                .scheduling(Scheduling.BLOCKING)
                .infer(MediaProbe.imageSizeFromFile("image"))
                .factory(ImageFileSourceNode::new)
                .build();
    }

    private byte[] image;
    private final Pacer pacer = new Pacer();
    private OutputPort out;
    private long repeat;
    private double rate;
    private long emitted;
    private long nextStamp;

    @Override
    public void open(ProcessorContext context) throws IOException {
        Params p = context.params();
        String name = p.getString("path");
        String node = "node '" + context.nodeId() + "' (" + context.descriptor().id() + ")";
        if (name.isEmpty()) {
            throw new IllegalArgumentException(node + ": param 'path' is not set");
        }
        Path file = InputFiles.resolve(name);
        String who = node + " file '" + file + "'";
        DataType.ImageOf type = (DataType.ImageOf) context.outputs().getFirst().type();
        if (!type.isResolved()) {
            throw new IllegalStateException(who + ": the output was not sized by validation (" + type.describe() + ")");
        }
        try (FfmpegDecoder decoder = new FfmpegDecoder(file, type.format(), 1, who)) {
            if (type.width().size() != decoder.width() || type.height().size() != decoder.height()) {
                throw new IOException(who + ": is " + decoder.width() + "x" + decoder.height()
                        + ", but the graph was validated for " + type.width() + "x" + type.height()
                        + " (the file changed since); validate the graph again");
            }
            if (decoder.next() != FfmpegDecoder.PICTURE) {
                throw new IOException(who + ": holds no picture that the '" + decoder.codecName()
                        + "' decoder could read");
            }
            image = new byte[type.slotCapacity()];
            decoder.copyTo(image);
        }
        repeat = p.getLong("repeat");
        rate = p.getDouble("rate_hz");
    }

    @Override
    public WorkStatus process(Inputs in, Outputs outs) {
        if (out == null) {
            out = outs.port(0);
        }
        if (repeat > 0 && emitted >= repeat) {
            return WorkStatus.DONE;
        }
        if (out.remaining() == 0) {
            return WorkStatus.NEED_OUTPUT_SPACE;
        }
        long stamp = rate > 0 ? nextStamp : 0;
        if (rate > 0 && !pacer.await(stamp)) {
            return WorkStatus.DONE;
        }
        Frame f = out.claim();
        System.arraycopy(image, 0, f.bytes(), 0, image.length);
        f.setIndex(emitted++).setTimestampNanos(stamp).setSampleRate(rate);
        out.publish();
        if (rate > 0) {
            nextStamp += Math.round(1e9 / rate);
        }
        return WorkStatus.OK;
    }

    @Override
    public void onParamsChanged(Params previous, Params next) {
        double r = next.getDouble("rate_hz");
        if (r != rate) {
            // A new rate restarts the schedule from the next frame.
            pacer.reset();
        }
        rate = r;
    }
}
