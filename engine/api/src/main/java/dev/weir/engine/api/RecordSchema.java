package dev.weir.engine.api;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of a small fixed-layout record, such as one detection or one counter value.
 *
 * <p>A record is stored as {@code fields().size()} consecutive {@code long} slots of a frame's
 * {@link Frame#longs()} array; {@link FieldKind#FLOAT64} fields hold the raw bits of a double. Records therefore
 * stay flat and are copied by value, which makes them the "immutable" element type of the engine: a reader
 * never sees a record change under it.
 *
 * @param name   schema name, compared when checking connections (for example {@code "boxes"})
 * @param fields fields in storage order
 */
public record RecordSchema(String name, List<Field> fields) {

    /** A field kind. */
    public enum FieldKind {
        /** A signed 64-bit integer. */
        INT64,
        /** A 64-bit float, stored as its raw bits. */
        FLOAT64
    }

    /**
     * One field.
     *
     * @param name snake_case field name
     * @param kind storage kind
     * @param unit unit for display (may be empty)
     */
    public record Field(String name, FieldKind kind, String unit) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** A single integer {@code value}: the element type of counting and arithmetic test graphs. */
    public static final RecordSchema VALUE = new RecordSchema("value",
            List.of(new Field("value", FieldKind.INT64, "")));

    /**
     * An image detection: box centre, size (pixels), score (0..1) and class id.
     */
    public static final RecordSchema BOXES = new RecordSchema("boxes", List.of(
            new Field("cx", FieldKind.FLOAT64, "px"),
            new Field("cy", FieldKind.FLOAT64, "px"),
            new Field("w", FieldKind.FLOAT64, "px"),
            new Field("h", FieldKind.FLOAT64, "px"),
            new Field("score", FieldKind.FLOAT64, ""),
            new Field("class_id", FieldKind.INT64, "")));

    public RecordSchema {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("record schema '" + name + "' has no fields");
        }
        Set<String> seen = new HashSet<>();
        for (Field f : fields) {
            if (!seen.add(f.name())) {
                throw new IllegalArgumentException("record schema '" + name + "' repeats field '" + f.name() + "'");
            }
        }
    }

    /** Index of the field called {@code fieldName}, for resolving once in {@code Processor.open}. */
    public int indexOf(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("record schema '" + name + "' has no field '" + fieldName + "'");
    }

    /** Long slots per record. */
    public int slots() {
        return fields.size();
    }
}
