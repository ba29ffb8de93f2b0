package dev.weir.nodes.video;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.PixelFormat;

import java.util.List;
import java.util.Map;

/**
 * The pixel format param and image port type the video node descriptors share. Kept apart from {@link Ffmpeg}
 * on purpose: building a descriptor must not load FFmpeg's native libraries (about 27 MB, unpacked on first use),
 * since the registry builds every descriptor whenever it loads.
 */
final class VideoTypes {

    static final String BGR24 = "bgr24";
    static final String RGB24 = "rgb24";
    static final String GRAY8 = "gray8";

    private VideoTypes() {
    }

    /** The {@code pixel_format} param: how pixels are laid out in the image frames. */
    static ParamSpec pixelFormatParam(String doc) {
        return new ParamSpec("pixel_format", "Pixel format", new ParamType.ChoiceType(List.of(BGR24, RGB24, GRAY8)),
                BGR24, "", false, doc);
    }

    /** Image frames of any size in the format the {@code pixel_format} param picks; inference or the edge sizes them. */
    static DataType imageType() {
        return new DataType.ByParam("pixel_format", Map.of(
                BGR24, new DataType.ImageOf(PixelFormat.BGR24, Dim.any(), Dim.any()),
                RGB24, new DataType.ImageOf(PixelFormat.RGB24, Dim.any(), Dim.any()),
                GRAY8, new DataType.ImageOf(PixelFormat.GRAY8, Dim.any(), Dim.any())));
    }
}
