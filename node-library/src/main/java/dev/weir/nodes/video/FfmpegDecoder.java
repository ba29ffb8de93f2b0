package dev.weir.nodes.video;

import dev.weir.engine.api.PixelFormat;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

import java.io.IOException;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_CL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_NCL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_FCC;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE240M;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_BT2020;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_DEFAULT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_FCC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_SMPTE240M;
import static org.bytedeco.ffmpeg.global.swscale.sws_alloc_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_init_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

/**
 * Decodes the first video stream of a file into packed 8-bit pixels, one picture at a time, with FFmpeg's
 * libavformat, libavcodec and libswscale called directly through the JavaCPP presets.
 *
 * <pre>
 *  file ─av_read_frame─▶ AVPacket ─send/receive─▶ AVFrame (decoder's YUV, its own buffers)
 *       ─sws_scale─▶ native packed buffer (allocated once) ─copyTo: one bulk copy─▶ the frame's byte[]
 * </pre>
 *
 * <p>Everything native (format and codec contexts, packet, frame, scaler, destination buffer, the pointer arrays
 * that name it) is allocated by the constructor, and the views of the frame's {@code data}/{@code linesize}
 * arrays are taken once: they point into the one {@code AVFrame} struct the decoder refills. So {@link #next()}
 * and {@link #copyTo} create no Java objects; the only exception is the first picture whose pixel format differs
 * from the one the stream header announced, which rebuilds the scaler once.
 *
 * <p>Not thread-safe; one instance per run, used from the node's thread. {@link #close()} frees everything and
 * may be called on a partly constructed instance.
 */
final class FfmpegDecoder implements AutoCloseable {

    /** {@link #next()} decoded a picture; its pixels are ready for {@link #copyTo}. */
    static final int PICTURE = 1;
    /** {@link #next()} found no more pictures. */
    static final int END = 0;

    /** avcodec.h's FF_THREAD_FRAME and FF_THREAD_SLICE, which the presets do not map. */
    private static final int FF_THREAD_FRAME = 1;
    private static final int FF_THREAD_SLICE = 2;

    private final String who;
    private final int width;
    private final int height;
    private final int outFormat;
    private final int bytesPerPicture;
    private final int threads;

    private AVFormatContext fmt;
    private AVCodecContext codec;
    private AVPacket packet;
    private AVFrame frame;
    private PointerPointer<?> frameData;
    private IntPointer frameLinesize;
    private SwsContext sws;
    private int swsFormat = -1;
    private BytePointer pixels;
    private PointerPointer<BytePointer> dstData;
    private IntPointer dstStride;

    private int stream;
    private long tbNum;
    private long tbDen;
    private long startPts;
    private double fps;
    private String codecName;

    /** Pictures before this stream time stamp are decoded and dropped (after a seek); NOPTS when none. */
    private long dropBefore = AV_NOPTS_VALUE;
    private boolean draining;
    private long pts;
    private long duration;
    private long damaged;
    private int readError;

    /**
     * Opens {@code file} and its decoder and prepares the conversion to {@code format}.
     *
     * @param who     "node 'id' (type) file '...'" to start messages with
     * @param threads decoder threads; 0 lets FFmpeg choose (one per core)
     * @throws IOException with a one-line message naming {@code who} when the file cannot be opened or decoded
     */
    FfmpegDecoder(Path file, PixelFormat format, int threads, String who) throws IOException {
        Ffmpeg.load();
        this.who = who;
        this.threads = threads;
        this.outFormat = Ffmpeg.avPixelFormat(format);
        try {
            openInput(file);
            AVStream st = fmt.streams(stream);
            AVCodecParameters par = st.codecpar();
            this.width = par.width();
            this.height = par.height();
            if (width <= 0 || height <= 0) {
                throw new IOException(who + ": the video stream does not state a picture size");
            }
            openCodec(par);
            AVRational tb = st.time_base();
            tbNum = tb.num();
            tbDen = tb.den();
            if (tbNum <= 0 || tbDen <= 0) {
                throw new IOException(who + ": the video stream has no time base");
            }
            startPts = st.start_time() == AV_NOPTS_VALUE ? 0 : st.start_time();
            fps = Ffmpeg.frameRate(fmt, st);
            bytesPerPicture = Math.multiplyExact(Math.multiplyExact(width, height), format.channels());
            pixels = new BytePointer(bytesPerPicture);
            dstData = new PointerPointer<>(4);
            dstData.put(0, pixels);
            dstStride = new IntPointer(4);
            dstStride.put(0, width * format.channels());
            packet = av_packet_alloc();
            frame = av_frame_alloc();
            if (packet == null || frame == null) {
                throw new IOException(who + ": out of memory for the decoder");
            }
            // Views of the AVFrame's data[] and linesize[] fields: the struct stays put, the decoder refills it.
            frameData = frame.data();
            frameLinesize = frame.linesize();
            if (par.format() >= 0) {
                makeScaler(par.format(), par.color_range() == AVCOL_RANGE_JPEG, par.color_space());
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void openInput(Path file) throws IOException {
        fmt = new AVFormatContext(null);
        int r = avformat_open_input(fmt, Ffmpeg.url(file), null, null);
        if (r < 0) {
            fmt = null;
            throw new IOException(who + ": cannot open: " + Ffmpeg.error(r));
        }
        r = avformat_find_stream_info(fmt, (AVDictionary) null);
        if (r < 0) {
            throw new IOException(who + ": cannot read the stream headers: " + Ffmpeg.error(r));
        }
        stream = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (stream < 0) {
            throw new IOException(who + ": has no video stream");
        }
    }

    private void openCodec(AVCodecParameters par) throws IOException {
        codecName = avcodec_get_name(par.codec_id()).getString();
        AVCodec decoder = avcodec_find_decoder(par.codec_id());
        if (decoder == null) {
            throw new IOException(who + ": no decoder for codec '" + codecName + "' in this FFmpeg build");
        }
        codec = avcodec_alloc_context3(decoder);
        if (codec == null) {
            throw new IOException(who + ": out of memory for the decoder");
        }
        int r = avcodec_parameters_to_context(codec, par);
        if (r < 0) {
            throw new IOException(who + ": cannot configure the '" + codecName + "' decoder: " + Ffmpeg.error(r));
        }
        // 0 = one thread per core. Frame threads give the most speed-up on files (a few pictures of latency
        // do not matter there); slice threads help codecs without frame threading.
        codec.thread_count(threads);
        codec.thread_type(FF_THREAD_FRAME | FF_THREAD_SLICE);
        r = avcodec_open2(codec, decoder, (AVDictionary) null);
        if (r < 0) {
            throw new IOException(who + ": cannot open the '" + codecName + "' decoder: " + Ffmpeg.error(r));
        }
    }

    /** (Re)builds the scaler for decoded pictures of pixel format {@code srcFormat}. Allocates. */
    private void makeScaler(int srcFormat, boolean fullRange, int colorSpace) {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        SwsContext s = sws_alloc_context();
        if (s == null) {
            throw new IllegalStateException(who + ": out of memory for the pixel converter");
        }
        // Same size in and out, so the flags only pick how chroma is upsampled.
        s.src_w(width).src_h(height).src_format(srcFormat).src_range(fullRange ? 1 : 0)
                .dst_w(width).dst_h(height).dst_format(outFormat).dst_range(1)
                .flags(SWS_BILINEAR).threads(1);
        int r = sws_init_context(s, (SwsFilter) null, (SwsFilter) null);
        if (r < 0) {
            sws_freeContext(s);
            throw new IllegalStateException(who + ": cannot convert " + pixelFormatName(srcFormat) + " to "
                    + pixelFormatName(outFormat) + ": " + Ffmpeg.error(r));
        }
        // The matrix the stream was encoded with (BT.601 when it does not say, as FFmpeg assumes).
        IntPointer in = sws_getCoefficients(swsColorSpace(colorSpace));
        IntPointer out = sws_getCoefficients(SWS_CS_DEFAULT);
        sws_setColorspaceDetails(s, in, fullRange ? 1 : 0, out, 1, 0, 1 << 16, 1 << 16);
        sws = s;
        swsFormat = srcFormat;
    }

    private static int swsColorSpace(int avColorSpace) {
        if (avColorSpace == AVCOL_SPC_BT709) {
            return SWS_CS_ITU709;
        } else if (avColorSpace == AVCOL_SPC_FCC) {
            return SWS_CS_FCC;
        } else if (avColorSpace == AVCOL_SPC_SMPTE240M) {
            return SWS_CS_SMPTE240M;
        } else if (avColorSpace == AVCOL_SPC_BT2020_NCL || avColorSpace == AVCOL_SPC_BT2020_CL) {
            return SWS_CS_BT2020;
        }
        return SWS_CS_DEFAULT;
    }

    private static String pixelFormatName(int f) {
        BytePointer name = av_get_pix_fmt_name(f);
        return name == null ? "pixel format " + f : name.getString();
    }

    /** Picture width in pixels. */
    int width() {
        return width;
    }

    /** Picture height in pixels. */
    int height() {
        return height;
    }

    /** The stream's frame rate, or 0 when the file does not say. */
    double fps() {
        return fps;
    }

    /** FFmpeg's name of the stream's codec, for messages. */
    String codecName() {
        return codecName;
    }

    /** Packets the decoder refused as damaged so far (skipped, as FFmpeg's own tools do). */
    long damagedPackets() {
        return damaged;
    }

    /** The read error that ended the stream early, or 0 when it ended at the end of the file. */
    int readError() {
        return readError;
    }

    /**
     * Decodes the next picture into the native buffer.
     *
     * <p>Allocation-free. Blocks for the time it takes to read and decode (about a millisecond for SD video).
     *
     * @return {@link #PICTURE} or {@link #END}
     * @throws IllegalStateException naming the file when decoding fails, or the picture size changes mid-stream
     */
    int next() {
        while (true) {
            int r = avcodec_receive_frame(codec, frame);
            if (r >= 0) {
                if (take()) {
                    return PICTURE;
                }
                continue;
            }
            if (r == Ffmpeg.EOF) {
                return END;
            }
            if (r == AVERROR_INVALIDDATA) {
                damaged++;
                continue;
            }
            if (r != Ffmpeg.EAGAIN) {
                throw new IllegalStateException(who + ": cannot decode: " + Ffmpeg.error(r));
            }
            feed();
        }
    }

    /** Converts the received picture unless it lies before a seek target; false when it was dropped. */
    private boolean take() {
        long t = frame.best_effort_timestamp();
        if (t == AV_NOPTS_VALUE) {
            t = frame.pts();
        }
        if (t == AV_NOPTS_VALUE) {
            // No time stamp at all: one frame duration after the previous picture.
            t = pts + Math.max(duration, 0);
        }
        if (dropBefore != AV_NOPTS_VALUE && t < dropBefore) {
            av_frame_unref(frame);
            return false;
        }
        dropBefore = AV_NOPTS_VALUE;
        if (frame.width() != width || frame.height() != height) {
            int w = frame.width();
            int h = frame.height();
            av_frame_unref(frame);
            throw new IllegalStateException(who + ": the picture size changed mid-stream from " + width + "x" + height
                    + " to " + w + "x" + h + "; the output frames are sized by the file's header");
        }
        if (frame.format() != swsFormat) {
            makeScaler(frame.format(), frame.color_range() == AVCOL_RANGE_JPEG, frame.colorspace());
        }
        sws_scale(sws, frameData, frameLinesize, 0, height, dstData, dstStride);
        pts = t;
        duration = frame.duration();
        av_frame_unref(frame);
        return true;
    }

    /** Sends the next packet of the video stream to the decoder, or starts draining it at the end of the file. */
    private void feed() {
        if (draining) {
            // The decoder asked for input after a flush packet: nothing more will come.
            throw new IllegalStateException(who + ": the '" + codecName + "' decoder wants input after the end");
        }
        while (true) {
            int r = av_read_frame(fmt, packet);
            if (r < 0) {
                // End of file, or a read error (a truncated file): FFmpeg's tools stop there too.
                readError = r == Ffmpeg.EOF ? 0 : r;
                avcodec_send_packet(codec, null);
                draining = true;
                return;
            }
            if (packet.stream_index() != stream) {
                av_packet_unref(packet);
                continue;
            }
            r = avcodec_send_packet(codec, packet);
            av_packet_unref(packet);
            if (r == AVERROR_INVALIDDATA) {
                damaged++;
                continue;
            }
            if (r < 0) {
                throw new IllegalStateException(who + ": cannot decode: " + Ffmpeg.error(r));
            }
            return;
        }
    }

    /** Copies the last decoded picture, packed row-major, into {@code dst} from index 0. One bulk copy. */
    void copyTo(byte[] dst) {
        pixels.get(dst, 0, bytesPerPicture);
    }

    /** The last picture's time stamp in nanoseconds from the start of the stream. */
    long timestampNanos() {
        return toNanos(pts - startPts);
    }

    /** The last picture's duration in nanoseconds, or 0 when unknown. */
    long durationNanos() {
        return duration > 0 ? toNanos(duration) : 0;
    }

    private long toNanos(long ticks) {
        return Math.round(ticks * 1e9 * tbNum / tbDen);
    }

    /**
     * Goes back to {@code seconds} from the start of the stream: seeks to the key frame at or before it and drops
     * the pictures before it as they are decoded. Allocation-free.
     *
     * @throws IllegalStateException naming the file when the container cannot seek
     */
    void seek(double seconds) {
        long target = startPts + Math.round(seconds * tbDen / tbNum);
        int r = av_seek_frame(fmt, stream, target, AVSEEK_FLAG_BACKWARD);
        if (r < 0) {
            throw new IllegalStateException(who + ": cannot seek to " + seconds + " s: " + Ffmpeg.error(r));
        }
        avcodec_flush_buffers(codec);
        draining = false;
        readError = 0;
        dropBefore = seconds > 0 ? target : AV_NOPTS_VALUE;
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (codec != null) {
            avcodec_free_context(codec);
            codec = null;
        }
        if (fmt != null) {
            avformat_close_input(fmt);
            fmt = null;
        }
        if (pixels != null) {
            pixels.close();
            dstData.close();
            dstStride.close();
            pixels = null;
        }
    }
}
