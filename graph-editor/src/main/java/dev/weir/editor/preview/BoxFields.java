package dev.weir.editor.preview;

import dev.weir.engine.api.Frame;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.api.preview.PreviewBoxes;

import java.util.List;

/**
 * Where the corners, score and class of a detection record are, resolved once per slot from the record schema's field
 * names: {@code x1, y1, x2, y2} in pixels of the source image, and optionally {@code score} and {@code class_id}.
 * Preview lanes carry {@link PreviewBoxes#SCHEMA}; reading by name also takes any other schema with those fields,
 * whatever their order.
 *
 * <p>Reading a field follows its kind (a FLOAT64 field holds raw double bits, an INT64 one a long), so a schema that
 * stores corners as integers reads right. Allocation-free after construction.
 */
final class BoxFields {

    private final int x1;
    private final int y1;
    private final int x2;
    private final int y2;
    private final int score;
    private final int classId;
    private final boolean[] isDouble;

    private BoxFields(RecordSchema schema) {
        this.x1 = find(schema, "x1");
        this.y1 = find(schema, "y1");
        this.x2 = find(schema, "x2");
        this.y2 = find(schema, "y2");
        this.score = find(schema, "score");
        this.classId = find(schema, "class_id");
        List<RecordSchema.Field> fields = schema.fields();
        this.isDouble = new boolean[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            isDouble[i] = fields.get(i).kind() == RecordSchema.FieldKind.FLOAT64;
        }
    }

    /**
     * The box fields of {@code schema}.
     *
     * @throws IllegalArgumentException naming the schema when it lacks a corner field
     */
    static BoxFields of(RecordSchema schema) {
        BoxFields f = new BoxFields(schema);
        if (f.x1 < 0 || f.y1 < 0 || f.x2 < 0 || f.y2 < 0) {
            throw new IllegalArgumentException("records<" + schema.name() + "> have no box: expected fields x1, y1,"
                    + " x2, y2 (as " + PreviewBoxes.SCHEMA.name() + ")");
        }
        return f;
    }

    private static int find(RecordSchema schema, String name) {
        for (int i = 0; i < schema.fields().size(); i++) {
            if (schema.fields().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private double get(Frame f, int record, int field) {
        return isDouble[field] ? f.recordDouble(record, field) : f.recordLong(record, field);
    }

    /** Left edge of record {@code r}, in source pixels. */
    double x1(Frame f, int r) {
        return get(f, r, x1);
    }

    /** Top edge. */
    double y1(Frame f, int r) {
        return get(f, r, y1);
    }

    /** Right edge. */
    double x2(Frame f, int r) {
        return get(f, r, x2);
    }

    /** Bottom edge. */
    double y2(Frame f, int r) {
        return get(f, r, y2);
    }

    /** Score in 0..1, or NaN when the schema has none. */
    double score(Frame f, int r) {
        return score < 0 ? Double.NaN : get(f, r, score);
    }

    /** Class index, or -1 when the schema has none. */
    int classId(Frame f, int r) {
        return classId < 0 ? -1 : (int) get(f, r, classId);
    }
}
