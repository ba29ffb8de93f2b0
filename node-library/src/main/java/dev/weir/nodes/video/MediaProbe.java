package dev.weir.nodes.video;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.InputFiles;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.TypeInference;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

/**
 * Reads the picture size from a video or image file's header, for the sources' {@link TypeInference}: the
 * validator needs the size to type the output port (and so to preallocate every frame of the edge) before a
 * run, and may ask after every edit in the editor.
 *
 * <p>Answers are cached by (absolute path, size, modification time), so re-validating an unchanged graph does
 * not touch the file again, while a file replaced on disk is probed afresh. The cache is bounded and shared
 * by all node instances; it holds only small records.
 */
final class MediaProbe {

    /**
     * What a probe found.
     *
     * @param width  picture width in pixels
     * @param height picture height in pixels
     * @param fps    average frame rate, or 0 when the file does not say (a still image)
     * @param codec  FFmpeg's codec name, for messages
     */
    record Info(int width, int height, double fps, String codec) {
    }

    private record Key(String path, long size, long modified) {
    }

    private static final int CACHE_ENTRIES = 64;

    private static final Map<Key, Info> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Info> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    private MediaProbe() {
    }

    /**
     * The inference of a source whose outputs are images of the size stored in the file named by its
     * {@code path} param; other outputs keep their declared types.
     *
     * @param what "video" or "image", for messages
     */
    static TypeInference imageSizeFromFile(String what) {
        return (params, inputs, outputs) -> {
            Info info = probe("path", what, params.getString("path"));
            List<DataType> types = new ArrayList<>(outputs.size());
            for (ResolvedPort out : outputs) {
                if (out.type() instanceof DataType.ImageOf img) {
                    types.add(new DataType.ImageOf(img.format(), Dim.of(info.width()), Dim.of(info.height())));
                } else {
                    types.add(out.type());
                }
            }
            return types;
        };
    }

    /**
     * The size of the first video stream of {@code path} (a still image is a one-frame video to FFmpeg).
     *
     * @param param the param holding the path, named in messages
     * @param what  "video" or "image", for messages
     * @throws IllegalArgumentException naming the param and the file, such as
     *                                  {@code param 'path': cannot open video '/x/y.avi': No such file or directory}
     */
    static Info probe(String param, String what, String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("param '" + param + "': no " + what + " file chosen");
        }
        Path file = InputFiles.resolve(path);
        String prefix = "param '" + param + "': cannot open " + what + " '" + file + "': ";
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(prefix + (Files.exists(file) ? "cannot read it" : "No such file"));
        }
        if (attrs.isDirectory()) {
            throw new IllegalArgumentException(prefix + "it is a directory");
        }
        Key key = new Key(file.toString(), attrs.size(), attrs.lastModifiedTime().toMillis());
        synchronized (CACHE) {
            Info cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Info info = read(file, prefix);
        synchronized (CACHE) {
            CACHE.put(key, info);
        }
        return info;
    }

    private static Info read(Path file, String prefix) {
        Ffmpeg.load();
        AVFormatContext fmt = new AVFormatContext(null);
        int r = avformat_open_input(fmt, Ffmpeg.url(file), null, null);
        if (r < 0) {
            throw new IllegalArgumentException(prefix + Ffmpeg.error(r));
        }
        try {
            r = avformat_find_stream_info(fmt, (org.bytedeco.ffmpeg.avutil.AVDictionary) null);
            if (r < 0) {
                throw new IllegalArgumentException(prefix + Ffmpeg.error(r));
            }
            int index = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (org.bytedeco.ffmpeg.avcodec.AVCodec) null, 0);
            if (index < 0) {
                throw new IllegalArgumentException(prefix + "it has no video stream");
            }
            var stream = fmt.streams(index);
            AVCodecParameters par = stream.codecpar();
            if (par.width() <= 0 || par.height() <= 0) {
                throw new IllegalArgumentException(prefix + "its video stream does not state a picture size");
            }
            return new Info(par.width(), par.height(), Ffmpeg.frameRate(fmt, stream),
                    org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name(par.codec_id()).getString());
        } finally {
            avformat_close_input(fmt);
        }
    }
}
