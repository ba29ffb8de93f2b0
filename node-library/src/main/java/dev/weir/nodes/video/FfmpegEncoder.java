package dev.weir.nodes.video;

import dev.weir.engine.api.PixelFormat;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

import java.io.IOException;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_count;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_alloc_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_init_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

/**
 * Encodes packed 8-bit pictures with one FFmpeg encoder into one muxer (an MP4 file, or the {@code image2}
 * muxer that writes one file per picture), calling libavcodec, libavformat and libswscale directly.
 *
 * <pre>
 *  byte[] ─one bulk copy─▶ native packed buffer ─sws_scale─▶ AVFrame in the encoder's format (YUV 4:2:0, RGB)
 *         ─send/receive─▶ AVPacket ─rescale time stamps─▶ av_interleaved_write_frame ─▶ file(s)
 * </pre>
 *
 * <p>The constructor allocates and opens everything, writes the container header and fails with one line
 * naming the node and file; {@link #write} and {@link #finish()} then create no Java objects. Not thread-safe;
 * {@link #close()} frees everything, whatever state the encoder is in.
 */
final class FfmpegEncoder implements AutoCloseable {

    /** Sets encoder-specific fields and private options on the context before it is opened. */
    @FunctionalInterface
    interface Tuning {
        void apply(AVCodecContext codec) throws IOException;
    }

    /**
     * What to write.
     *
     * @param url            where FFmpeg writes: a {@code file:} URL, or a file name pattern for {@code image2}
     * @param muxer          FFmpeg's short muxer name ({@code mp4}, {@code image2})
     * @param encoder        FFmpeg's encoder name ({@code libopenh264}, {@code png}, {@code mjpeg})
     * @param encoderFormat  the {@code AVPixelFormat} the encoder takes
     * @param fullRange      whether YUV output uses the full 0..255 range (JPEG) rather than 16..235 (video)
     * @param input          the layout of the pictures given to {@link #write}
     * @param width          picture width
     * @param height         picture height
     * @param timeBase       the encoder's time base as {num, den}: one tick of {@link #write}'s {@code pts}
     * @param muxerOptions   private options of the muxer
     * @param quality        the fixed quality (lambda) set on every picture, for encoders in fixed-quality
     *                       mode (MJPEG with {@code AV_CODEC_FLAG_QSCALE}); 0 for none
     * @param tuning         encoder settings
     */
    record Spec(String url, String muxer, String encoder, int encoderFormat, boolean fullRange, PixelFormat input,
                int width, int height, int[] timeBase, Map<String, String> muxerOptions, int quality, Tuning tuning) {
    }

    private final String who;
    private final int inputBytes;
    private final int height;
    private final int quality;

    private AVFormatContext fmt;
    private boolean ownsFile;
    private AVCodecContext codec;
    private AVFrame frame;
    private PointerPointer<?> frameData;
    private IntPointer frameLinesize;
    private AVPacket packet;
    private SwsContext sws;
    private BytePointer pixels;
    private PointerPointer<BytePointer> srcData;
    private IntPointer srcStride;
    private AVRational codecTimeBase;
    private AVRational streamTimeBase;

    /**
     * Opens the encoder and the output and writes the container header.
     *
     * @param who "node 'id' (type) file '...'" to start messages with
     * @throws IOException with a one-line message naming {@code who}
     */
    FfmpegEncoder(Spec spec, String who) throws IOException {
        Ffmpeg.load();
        this.who = who;
        this.height = spec.height();
        this.quality = spec.quality();
        this.inputBytes = Math.multiplyExact(Math.multiplyExact(spec.width(), spec.height()), spec.input().channels());
        try {
            open(spec);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open(Spec spec) throws IOException {
        AVCodec encoder = avcodec_find_encoder_by_name(spec.encoder());
        if (encoder == null) {
            throw new IOException(who + ": this FFmpeg build has no '" + spec.encoder() + "' encoder");
        }
        fmt = new AVFormatContext(null);
        int r = avformat_alloc_output_context2(fmt, null, spec.muxer(), spec.url());
        if (r < 0) {
            fmt = null;
            throw new IOException(who + ": cannot set up the " + spec.muxer() + " muxer: " + Ffmpeg.error(r));
        }
        codec = avcodec_alloc_context3(encoder);
        if (codec == null) {
            throw new IOException(who + ": out of memory for the encoder");
        }
        codecTimeBase = new AVRational().num(spec.timeBase()[0]).den(spec.timeBase()[1]);
        codec.width(spec.width()).height(spec.height()).pix_fmt(spec.encoderFormat()).time_base(codecTimeBase);
        // One picture per tick, so the frame rate is the inverse of the time base.
        AVRational frameRate = new AVRational().num(spec.timeBase()[1]).den(spec.timeBase()[0]);
        codec.framerate(frameRate);
        codec.color_range(spec.fullRange() ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG);
        // swscale converts with BT.601 coefficients; say so, so that players use the same matrix.
        codec.colorspace(AVCOL_SPC_SMPTE170M);
        if ((fmt.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            codec.flags(codec.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        spec.tuning().apply(codec);
        r = avcodec_open2(codec, encoder, (AVDictionary) null);
        if (r < 0) {
            throw new IOException(who + ": cannot open the '" + spec.encoder() + "' encoder for " + spec.width() + "x"
                    + spec.height() + ": " + Ffmpeg.error(r));
        }
        AVStream st = avformat_new_stream(fmt, null);
        if (st == null) {
            throw new IOException(who + ": out of memory for the output stream");
        }
        r = avcodec_parameters_from_context(st.codecpar(), codec);
        if (r < 0) {
            throw new IOException(who + ": cannot describe the stream: " + Ffmpeg.error(r));
        }
        st.time_base(codecTimeBase);
        // Lets the muxer record the rate (Matroska's default duration), so readers need not guess it from a few
        // time stamps.
        st.avg_frame_rate(frameRate);

        frame = av_frame_alloc();
        packet = av_packet_alloc();
        if (frame == null || packet == null) {
            throw new IOException(who + ": out of memory for the encoder");
        }
        frame.format(spec.encoderFormat()).width(spec.width()).height(spec.height());
        frame.color_range(codec.color_range()).colorspace(codec.colorspace());
        r = av_frame_get_buffer(frame, 0);
        if (r < 0) {
            throw new IOException(who + ": out of memory for a " + spec.width() + "x" + spec.height() + " picture");
        }
        frameData = frame.data();
        frameLinesize = frame.linesize();
        pixels = new BytePointer(inputBytes);
        srcData = new PointerPointer<>(4);
        srcData.put(0, pixels);
        srcStride = new IntPointer(4);
        srcStride.put(0, spec.width() * spec.input().channels());
        sws = sws_alloc_context();
        if (sws == null) {
            throw new IOException(who + ": out of memory for the pixel converter");
        }
        sws.src_w(spec.width()).src_h(spec.height()).src_format(Ffmpeg.avPixelFormat(spec.input())).src_range(1)
                .dst_w(spec.width()).dst_h(spec.height()).dst_format(spec.encoderFormat())
                .dst_range(spec.fullRange() ? 1 : 0).flags(SWS_BILINEAR).threads(1);
        r = sws_init_context(sws, (SwsFilter) null, (SwsFilter) null);
        if (r < 0) {
            throw new IOException(who + ": cannot convert " + spec.input() + " pictures for the encoder: "
                    + Ffmpeg.error(r));
        }

        if ((fmt.oformat().flags() & AVFMT_NOFILE) == 0) {
            AVIOContext pb = new AVIOContext(null);
            r = avio_open(pb, spec.url(), AVIO_FLAG_WRITE);
            if (r < 0) {
                throw new IOException(who + ": cannot create: " + Ffmpeg.error(r));
            }
            fmt.pb(pb);
            ownsFile = true;
        }
        AVDictionary options = new AVDictionary(null);
        try {
            for (Map.Entry<String, String> e : spec.muxerOptions().entrySet()) {
                av_dict_set(options, e.getKey(), e.getValue(), 0);
            }
            r = avformat_write_header(fmt, options);
            if (r < 0) {
                throw new IOException(who + ": cannot write the " + spec.muxer() + " header: " + Ffmpeg.error(r));
            }
            if (av_dict_count(options) > 0) {
                AVDictionaryEntry left = av_dict_get(options, "", null, AV_DICT_IGNORE_SUFFIX);
                throw new IllegalStateException("the " + spec.muxer() + " muxer ignored option '"
                        + left.key().getString() + "'");
            }
        } finally {
            av_dict_free(options);
        }
        // The muxer may have chosen its own time base for the stream (MP4 picks a finer one).
        streamTimeBase = new AVRational().num(st.time_base().num()).den(st.time_base().den());
    }

    /**
     * Encodes one picture, packed row-major in {@code src} from index 0, with presentation time {@code pts} in
     * ticks of the time base, and writes whatever packets the encoder has ready. Allocation-free.
     *
     * @throws IllegalStateException naming the node and file when encoding or writing fails (disk full)
     */
    void write(byte[] src, long pts) {
        pixels.put(src, 0, inputBytes);
        // The encoder may still hold a reference to the previous picture's buffers.
        int r = av_frame_make_writable(frame);
        if (r < 0) {
            throw new IllegalStateException(who + ": out of memory for a picture: " + Ffmpeg.error(r));
        }
        sws_scale(sws, srcData, srcStride, 0, height, frameData, frameLinesize);
        frame.pts(pts).duration(1);
        if (quality > 0) {
            frame.quality(quality);
        }
        r = avcodec_send_frame(codec, frame);
        if (r < 0) {
            throw new IllegalStateException(who + ": cannot encode: " + Ffmpeg.error(r));
        }
        drain();
    }

    private void drain() {
        while (true) {
            int r = avcodec_receive_packet(codec, packet);
            if (r == Ffmpeg.EAGAIN || r == Ffmpeg.EOF) {
                return;
            }
            if (r < 0) {
                throw new IllegalStateException(who + ": cannot encode: " + Ffmpeg.error(r));
            }
            if (packet.duration() <= 0) {
                // Every picture lasts one tick (constant frame rate). Encoders such as libopenh264 leave the
                // duration blank, and the MP4 muxer's edit list would then cut the last picture off.
                packet.duration(1);
            }
            av_packet_rescale_ts(packet, codecTimeBase, streamTimeBase);
            packet.stream_index(0);
            // Takes the packet's data and leaves it blank for the next one.
            r = av_interleaved_write_frame(fmt, packet);
            if (r < 0) {
                throw new IllegalStateException(who + ": cannot write: " + Ffmpeg.error(r));
            }
        }
    }

    /**
     * Flushes the encoder, writes the container trailer (the MP4 index) and closes the file. After it the
     * output is complete; {@link #close()} is still needed to free memory.
     *
     * @throws IllegalStateException naming the node and file when the last writes fail
     */
    void finish() {
        int r = avcodec_send_frame(codec, null);
        if (r < 0 && r != Ffmpeg.EOF) {
            throw new IllegalStateException(who + ": cannot flush the encoder: " + Ffmpeg.error(r));
        }
        drain();
        r = av_write_trailer(fmt);
        if (r < 0) {
            throw new IllegalStateException(who + ": cannot finish the file: " + Ffmpeg.error(r));
        }
        closeFile();
    }

    private void closeFile() {
        if (ownsFile && fmt != null) {
            ownsFile = false;
            int r = avio_closep(fmt.pb());
            if (r < 0) {
                throw new IllegalStateException(who + ": cannot close: " + Ffmpeg.error(r));
            }
        }
    }

    /**
     * Frees everything. Without a prior {@link #finish()} the output is abandoned: the muxer's memory is freed
     * and the file is closed as it is (the caller deletes it).
     */
    @Override
    public void close() {
        try {
            closeFile();
        } catch (IllegalStateException ignored) {
            // Abandoning or already reported by finish(): the caller decides what happens to the file.
        }
        if (fmt != null) {
            avformat_free_context(fmt);
            fmt = null;
        }
        if (codec != null) {
            avcodec_free_context(codec);
            codec = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        if (pixels != null) {
            pixels.close();
            srcData.close();
            srcStride.close();
            pixels = null;
        }
    }
}
