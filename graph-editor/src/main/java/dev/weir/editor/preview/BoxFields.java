package dev.weir.editor.preview;

import dev.weir.engine.api.Frame;
import dev.weir.engine.api.RecordSchema;

import java.util.List;

/**
 * Where the box, score and class of a detection record are, resolved once per slot from the record schema's field
 * names. {@link RecordSchema#BOXES} (what {@code vision.yolo} publishes) stores centre and size ({@code cx, cy, w, h});
 * schemas with corners ({@code x1, y1, x2, y2}) are read too. Coordinates are pixels of the source image. Score and
 * class are optional ({@code score}; {@code class_id} or {@code class}).
 *
 * <p>Reading a field follows its kind (a FLOAT64 field holds raw double bits, an INT64 one a long), so a schema that
 * stores pixel corners as integers reads right. Allocation-free after construction.
 */
final class BoxFields {

    private final boolean corners;
    private final int a;
    private final int b;
    private final int c;
    private final int d;
    private final int score;
    private final int classId;
    private final boolean[] isDouble;

    private BoxFields(RecordSchema schema, boolean corners, int a, int b, int c, int d, int score, int classId) {
        this.corners = corners;
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        this.score = score;
        this.classId = classId;
        List<RecordSchema.Field> fields = schema.fields();
        this.isDouble = new boolean[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            isDouble[i] = fields.get(i).kind() == RecordSchema.FieldKind.FLOAT64;
        }
    }

    /**
     * The box fields of {@code schema}.
     *
     * @throws IllegalArgumentException naming the schema when it has neither centre-and-size nor corner fields
     */
    static BoxFields of(RecordSchema schema) {
        int score = find(schema, "score");
        int cls = find(schema, "class_id");
        if (cls < 0) {
            cls = find(schema, "class");
        }
        int[] centre = {find(schema, "cx"), find(schema, "cy"), find(schema, "w"), find(schema, "h")};
        if (allFound(centre)) {
            return new BoxFields(schema, false, centre[0], centre[1], centre[2], centre[3], score, cls);
        }
        int[] corner = {find(schema, "x1"), find(schema, "y1"), find(schema, "x2"), find(schema, "y2")};
        if (allFound(corner)) {
            return new BoxFields(schema, true, corner[0], corner[1], corner[2], corner[3], score, cls);
        }
        throw new IllegalArgumentException("records<" + schema.name() + "> have no box: expected fields cx, cy, w, h"
                + " or x1, y1, x2, y2");
    }

    private static boolean allFound(int[] idx) {
        for (int i : idx) {
            if (i < 0) {
                return false;
            }
        }
        return true;
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
        return corners ? get(f, r, a) : get(f, r, a) - get(f, r, c) / 2;
    }

    /** Top edge. */
    double y1(Frame f, int r) {
        return corners ? get(f, r, b) : get(f, r, b) - get(f, r, d) / 2;
    }

    /** Right edge. */
    double x2(Frame f, int r) {
        return corners ? get(f, r, c) : get(f, r, a) + get(f, r, c) / 2;
    }

    /** Bottom edge. */
    double y2(Frame f, int r) {
        return corners ? get(f, r, d) : get(f, r, b) + get(f, r, d) / 2;
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
