package dev.weir.engine.ipc;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.RecordSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resolved {@link DataType} as one line of text and back, for a recording's index file and the replay node's
 * {@code frame_type} param: {@code stream<float32>[1024]}, {@code vector<complex64>[480]},
 * {@code matrix<float32>[16x480]}, {@code image<rgb24>[640x480]},
 * {@code records<radar_detections{range_m:float64:m,snr_db:float64:dB}>[64]}. Unlike
 * {@link DataType#describe()} it keeps everything a frame's size depends on (a stream's chunk, a record schema's
 * fields), so {@code parse(format(t)).equals(t)}.
 */
public final class FrameTypes {

    private static final Pattern SHAPE = Pattern.compile("(stream|vector|matrix|image|records)<(.+)>\\[(\\d+)(?:x(\\d+))?]");
    private static final Pattern SCHEMA = Pattern.compile("([A-Za-z0-9_]+)\\{(.*)}");

    private FrameTypes() {
    }

    /**
     * The text of {@code type}.
     *
     * @throws IllegalArgumentException when the type is not resolved, or a record unit holds {@code , : { }}
     */
    public static String format(DataType type) {
        if (!type.isResolved()) {
            throw new IllegalArgumentException("type " + type.describe() + " is not resolved");
        }
        return switch (type) {
            case DataType.SampleStream s -> "stream<" + name(s.element()) + ">[" + size(s.chunk()) + "]";
            case DataType.VectorOf v -> "vector<" + name(v.element()) + ">[" + size(v.length()) + "]";
            case DataType.MatrixOf m -> "matrix<" + name(m.element()) + ">[" + size(m.rows()) + "x" + size(m.cols()) + "]";
            case DataType.ImageOf i -> "image<" + name(i.format()) + ">[" + size(i.width()) + "x" + size(i.height()) + "]";
            case DataType.RecordsOf r -> "records<" + schema(r.schema()) + ">[" + size(r.maxCount()) + "]";
            case DataType.ByParam b -> throw new IllegalArgumentException("type " + b.describe() + " is not resolved");
        };
    }

    /**
     * The type {@code text} names.
     *
     * @throws IllegalArgumentException naming the text when it is not one {@link #format} writes
     */
    public static DataType parse(String text) {
        Matcher m = SHAPE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("frame type '" + text + "' is not of the form kind<element>[size],"
                    + " such as vector<complex64>[480] or matrix<float32>[16x480]");
        }
        String kind = m.group(1);
        String inner = m.group(2);
        int a = Integer.parseInt(m.group(3));
        boolean two = m.group(4) != null;
        int b = two ? Integer.parseInt(m.group(4)) : 0;
        if (two != (kind.equals("matrix") || kind.equals("image"))) {
            throw new IllegalArgumentException("frame type '" + text + "': " + kind
                    + (two ? " has one size" : " has two sizes, AxB"));
        }
        return switch (kind) {
            case "stream" -> new DataType.SampleStream(element(inner, text), Dim.of(a));
            case "vector" -> new DataType.VectorOf(element(inner, text), Dim.of(a));
            case "matrix" -> new DataType.MatrixOf(element(inner, text), Dim.of(a), Dim.of(b));
            case "image" -> new DataType.ImageOf(pixel(inner, text), Dim.of(a), Dim.of(b));
            default -> new DataType.RecordsOf(parseSchema(inner, text), Dim.of(a));
        };
    }

    private static int size(Dim d) {
        return ((Dim.Fixed) d).size();
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String schema(RecordSchema s) {
        List<String> fields = new ArrayList<>();
        for (RecordSchema.Field f : s.fields()) {
            if (f.unit().matches(".*[,:{}].*")) {
                throw new IllegalArgumentException("record field '" + f.name() + "' has unit '" + f.unit()
                        + "', which a frame type text cannot hold");
            }
            fields.add(f.name() + ":" + name(f.kind()) + ":" + f.unit());
        }
        return s.name() + "{" + String.join(",", fields) + "}";
    }

    private static RecordSchema parseSchema(String inner, String text) {
        Matcher m = SCHEMA.matcher(inner);
        if (!m.matches()) {
            throw new IllegalArgumentException("frame type '" + text + "': records need a schema name{field:kind:unit,...}");
        }
        List<RecordSchema.Field> fields = new ArrayList<>();
        for (String f : m.group(2).split(",")) {
            String[] p = f.split(":", -1);
            if (p.length != 3) {
                throw new IllegalArgumentException("frame type '" + text + "': field '" + f + "' is not name:kind:unit");
            }
            fields.add(new RecordSchema.Field(p[0], enumValue(RecordSchema.FieldKind.class, p[1], text), p[2]));
        }
        return new RecordSchema(m.group(1), fields);
    }

    private static ElementType element(String s, String text) {
        return enumValue(ElementType.class, s, text);
    }

    private static PixelFormat pixel(String s, String text) {
        return enumValue(PixelFormat.class, s, text);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String s, String text) {
        for (E e : type.getEnumConstants()) {
            if (name(e).equals(s)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(name(e));
        }
        throw new IllegalArgumentException("frame type '" + text + "': unknown " + type.getSimpleName() + " '" + s
                + "'; expected one of " + String.join(", ", names));
    }
}
