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
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.Scheduling;
import dev.weir.engine.api.WorkStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_QSCALE;
import static org.bytedeco.ffmpeg.global.avformat.av_get_frame_filename2;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.FF_QP2LAMBDA;

/**
 * {@code image.sequence_sink}: writes every Nth image frame to its own PNG or JPEG file in a folder, named by a
 * printf pattern ({@code frame_%05d.png}) whose number is the frame's position in the input stream, counted
 * from 0: with {@code every_nth} 10 the files are {@code frame_00000.png}, {@code frame_00010.png}, ...
 *
 * <p>FFmpeg's {@code png} or {@code mjpeg} encoder feeds its {@code image2} muxer ({@link FfmpegEncoder}), which
 * formats each file name from the picture's time stamp ({@code frame_pts}) and writes each file to a temporary
 * name first and renames it ({@code atomic_writing}), so no half-written image ever carries a pattern name.
 * Nothing is allocated per frame. PNG is lossless (bgr24 and rgb24 are written as RGB, gray8 as grey); JPEG is
 * 4:2:0 at the {@code jpeg_quality} given.
 */
final class ImageSequenceSinkNode implements Processor {

    static final String PNG = "png";
    static final String JPG = "jpg";

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("image.sequence_sink", 1)
                .label("Image sequence sink")
                .category("Video/IO")
                .description("Writes every Nth image frame as a PNG or JPEG file named by a pattern such as "
                        + "frame_%05d.png.")
                .param(new ParamSpec("folder", "Folder", new ParamType.PathType(ParamType.PathMode.DIRECTORY), "", "",
                        false, "Where the files go; created when missing."))
                .param(new ParamSpec("pattern", "File names", new ParamType.TextType(255), "frame_%05d.png", "", false,
                        "printf pattern with one integer directive (%d, %05d), replaced by the frame's position."))
                .param(new ParamSpec("format", "Format", new ParamType.ChoiceType(List.of(PNG, JPG)), PNG, "", false,
                        "png: lossless; jpg: 4:2:0 JPEG."))
                .param(ParamSpec.integer("every_nth", "Every Nth", 1, 1, 1_000_000, "frames", false,
                        "Write frames 0, N, 2N, ... and skip the others."))
                .param(ParamSpec.integer("jpeg_quality", "JPEG quality", 90, 1, 100, "", false,
                        "1 (smallest) to 100 (best); ignored for PNG."))
                .param(VideoTypes.pixelFormatParam("Layout of the input pixels."))
                .input(PortSpec.of("in", VideoTypes.imageType(), "Pictures to write."))
                .scheduling(Scheduling.BLOCKING)
                .factory(ImageSequenceSinkNode::new)
                .build();
    }

    private FfmpegEncoder encoder;
    private InputPort in;
    private long everyNth;
    private long position;

    @Override
    public void open(ProcessorContext context) throws IOException {
        Params p = context.params();
        String node = "node '" + context.nodeId() + "' (" + context.descriptor().id() + ")";
        String folderName = p.getString("folder");
        if (folderName.isEmpty()) {
            throw new IllegalArgumentException(node + ": param 'folder' is not set");
        }
        Path folder = Path.of(folderName).toAbsolutePath().normalize();
        String pattern = p.getString("pattern");
        String format = p.getString("format");
        String who = node + " folder '" + folder + "' pattern '" + pattern + "'";
        checkPattern(who, pattern, format);
        DataType.ImageOf type = (DataType.ImageOf) context.inputs().getFirst().type();
        if (!type.isResolved()) {
            throw new IllegalArgumentException(node + ": input 'in' has no fixed picture size (" + type.describe()
                    + "); feed it from a source whose size is known");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            throw new IOException(who + ": cannot create the folder: " + e);
        }
        everyNth = p.getLong("every_nth");
        boolean png = PNG.equals(format);
        int encoderFormat = png ? (type.format() == PixelFormat.GRAY8 ? AV_PIX_FMT_GRAY8 : AV_PIX_FMT_RGB24)
                : AV_PIX_FMT_YUV420P;
        // FFmpeg's JPEG scale: qscale 2 (best) .. 31 (smallest), as -q:v; one lambda unit per qscale step.
        int qscale = (int) Math.round(2 + (100 - p.getLong("jpeg_quality")) * 29 / 99.0);
        int lambda = png ? 0 : qscale * FF_QP2LAMBDA;
        FfmpegEncoder.Tuning tuning = c -> {
            if (!png) {
                c.flags(c.flags() | AV_CODEC_FLAG_QSCALE);
                c.global_quality(lambda);
            }
        };
        // '%' in the folder would be read as a directive; only the pattern's is meant.
        String url = Ffmpeg.url(folder).replace("%", "%%") + "/" + pattern;
        encoder = new FfmpegEncoder(new FfmpegEncoder.Spec(url, "image2", png ? "png" : "mjpeg", encoderFormat, !png,
                type.format(), type.width().size(), type.height().size(), new int[] {1, 25},
                Map.of("frame_pts", "1", "atomic_writing", "1"), lambda, tuning), who);
    }

    /** Refuses a pattern that is not one file name with exactly one integer directive, or names the other format. */
    private static void checkPattern(String who, String pattern, String format) {
        if (pattern.isEmpty() || pattern.contains("/") || pattern.contains("\\")) {
            throw new IllegalArgumentException(who + ": param 'pattern' must be a file name without folders");
        }
        byte[] probe = new byte[1024];
        if (av_get_frame_filename2(probe, probe.length, pattern, 0, 0) < 0) {
            throw new IllegalArgumentException(who + ": param 'pattern' needs exactly one integer directive such "
                    + "as %05d (write %% for a literal %)");
        }
        String lower = pattern.toLowerCase(Locale.ROOT);
        boolean saysJpeg = lower.endsWith(".jpg") || lower.endsWith(".jpeg");
        boolean saysPng = lower.endsWith(".png");
        if ((saysJpeg && PNG.equals(format)) || (saysPng && JPG.equals(format))) {
            throw new IllegalArgumentException(who + ": the file names end in '" + pattern.substring(pattern.lastIndexOf('.'))
                    + "' but param 'format' is '" + format + "'");
        }
    }

    @Override
    public WorkStatus process(Inputs ins, Outputs outs) {
        if (in == null) {
            in = ins.port(0);
        }
        if (in.available() == 0) {
            return WorkStatus.NEED_INPUT;
        }
        int n = 0;
        while (n < 4 && in.available() > 0) {
            Frame f = in.peek();
            if (position % everyNth == 0) {
                encoder.write(f.bytes(), position);
            }
            position++;
            in.release();
            n++;
        }
        return WorkStatus.OK;
    }

    @Override
    public WorkStatus complete(Outputs out) {
        encoder.finish();
        return WorkStatus.DONE;
    }

    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
        }
    }
}
