package dev.weir.nodes.video;

import dev.weir.engine.api.PixelFormat;

import java.nio.charset.StandardCharsets;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

/**
 * What the FFmpeg code shares: loading the libraries once with quiet logs, error text, file URLs, pixel formats.
 *
 * <p>Only processors and the type inference use this class, never the descriptors ({@link VideoTypes}), so
 * listing the node types does not load FFmpeg. The first use of this class loads FFmpeg's native libraries through JavaCPP (unpacked once into
 * {@code ~/.javacpp/cache}; about a second the first time on a machine, then tens of milliseconds).
 */
final class Ffmpeg {

    /** {@code AVERROR(EAGAIN)}: the decoder or encoder wants the other call (send or receive) first. */
    static final int EAGAIN;
    /** {@code AVERROR_EOF}. */
    static final int EOF = AVERROR_EOF;

    static {
        // FFmpeg logs warnings per frame for harmless things (a damaged packet it concealed, unaligned buffers);
        // errors that matter reach the nodes as return codes, which name the node and file.
        av_log_set_level(AV_LOG_ERROR);
        EAGAIN = org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN();
    }

    private Ffmpeg() {
    }

    /** Makes sure the libraries are loaded and the log level set; cheap after the first call. */
    static void load() {
        // The static initialiser does the work.
    }

    /** FFmpeg's text for an error code, such as "No such file or directory" or "Invalid data found ...". */
    static String error(int code) {
        byte[] buf = new byte[256];
        if (av_strerror(code, buf, buf.length) < 0) {
            return "error " + code;
        }
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * The URL FFmpeg opens for a local file: always through the {@code file:} protocol, so a path that looks
     * like a URL ({@code http://...}, {@code pipe:1}, {@code a:b.avi}) is still only ever a local file.
     */
    static String url(java.nio.file.Path file) {
        return "file:" + file.toAbsolutePath();
    }

    /** A stream's average frame rate, else its base rate, else 0 when the container does not say. */
    static double frameRate(org.bytedeco.ffmpeg.avformat.AVFormatContext fmt,
                            org.bytedeco.ffmpeg.avformat.AVStream stream) {
        org.bytedeco.ffmpeg.avutil.AVRational avg = stream.avg_frame_rate();
        if (avg.num() > 0 && avg.den() > 0) {
            return (double) avg.num() / avg.den();
        }
        org.bytedeco.ffmpeg.avutil.AVRational base = stream.r_frame_rate();
        if (base.num() > 0 && base.den() > 0) {
            return (double) base.num() / base.den();
        }
        return 0;
    }

    /** FFmpeg's {@code AVPixelFormat} for a packed 8-bit Weir pixel format. */
    static int avPixelFormat(PixelFormat format) {
        return switch (format) {
            case BGR24 -> AV_PIX_FMT_BGR24;
            case RGB24 -> AV_PIX_FMT_RGB24;
            case GRAY8 -> AV_PIX_FMT_GRAY8;
            case PLANAR_F32 -> throw new IllegalArgumentException("planar float images are not a file pixel format");
        };
    }
}
