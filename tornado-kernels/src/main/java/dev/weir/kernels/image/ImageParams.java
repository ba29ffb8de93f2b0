package dev.weir.kernels.image;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.PixelFormat;
import dev.weir.kernels.KernelBackends;
import dev.weir.kernels.cpu.CpuBackendProvider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The params and port types the image nodes share. */
final class ImageParams {

    /** Pixel formats by the value of the {@code format} param. */
    static final Map<String, PixelFormat> FORMATS;

    static {
        Map<String, PixelFormat> m = new LinkedHashMap<>();
        m.put("gray8", PixelFormat.GRAY8);
        m.put("rgb24", PixelFormat.RGB24);
        m.put("bgr24", PixelFormat.BGR24);
        FORMATS = java.util.Collections.unmodifiableMap(m);
    }

    /** The {@code backend} choices: what {@link KernelBackends} can pick from today. */
    static final List<String> BACKENDS = List.of(KernelBackends.AUTO, CpuBackendProvider.NAME);

    private ImageParams() {
    }

    /** The {@code format} param over {@code choices} (keys of {@link #FORMATS}); it types the ports, so not hot. */
    static ParamSpec format(List<String> choices, String def) {
        return new ParamSpec("format", "Pixel format", new ParamType.ChoiceType(choices), def, "", false,
                "Pixel layout of the images: gray8 (one byte), rgb24 or bgr24 (three bytes, packed).");
    }

    /** The {@code backend} param. */
    static ParamSpec backend() {
        return new ParamSpec("backend", "Backend", new ParamType.ChoiceType(BACKENDS), KernelBackends.AUTO, "",
                false, "Where the kernels run: auto picks the best available backend (today the CPU on every core).");
    }

    /** The {@code threads} param. */
    static ParamSpec threads() {
        return ParamSpec.integer("threads", "Threads", 0, 0, 1024, "threads", false,
                "CPU threads a frame is split over; 0 uses every core. Nodes with the same value share one pool.");
    }

    /** An image of format {@code format} and any size. */
    static DataType anySize(PixelFormat format) {
        return new DataType.ImageOf(format, Dim.any(), Dim.any());
    }

    /** An image type chosen by the {@code format} param among {@code choices}, of any size. */
    static DataType byFormat(List<String> choices) {
        Map<String, DataType> options = new LinkedHashMap<>();
        for (String c : choices) {
            options.put(c, anySize(FORMATS.get(c)));
        }
        return new DataType.ByParam("format", options);
    }

    /** An image type chosen by the {@code format} param, sized by the {@code width} and {@code height} params. */
    static DataType byFormatSized(List<String> choices) {
        Map<String, DataType> options = new LinkedHashMap<>();
        for (String c : choices) {
            options.put(c, new DataType.ImageOf(FORMATS.get(c), Dim.param("width"), Dim.param("height")));
        }
        return new DataType.ByParam("format", options);
    }
}
