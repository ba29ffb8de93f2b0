package dev.weir.engine.api.preview;

import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.api.RecordSchema.Field;
import dev.weir.engine.api.RecordSchema.FieldKind;

import java.util.List;

/**
 * The record layout of detection boxes in preview lanes ({@link PreviewKind#DETECTIONS} lane 0,
 * {@link PreviewKind#VIDEO} lane 1): corners rather than the centre and size that {@link RecordSchema#BOXES}
 * (what {@code vision.yolo} outputs) carries, because corners are what a viewer draws and lists.
 *
 * <pre>
 *  field      slot  kind     unit  meaning
 *  ---------  ----  -------  ----  -----------------------------------------------------------
 *  x1            0  float64  px    left edge, in pixels of the image the boxes belong to
 *  y1            1  float64  px    top edge
 *  x2            2  float64  px    right edge (x1 + width)
 *  y2            3  float64  px    bottom edge (y1 + height)
 *  score         4  float64        confidence, 0..1
 *  class_id      5  int64          class index; {@link PreviewSpec#classNames()} names it when it has that many
 * </pre>
 *
 * Read a field with {@code frame.recordDouble(r, X1)} or {@code frame.recordLong(r, CLASS_ID)}; the frame's
 * length is the number of boxes.
 */
public final class PreviewBoxes {

    /** The schema of preview boxes, named {@code preview_boxes}. */
    public static final RecordSchema SCHEMA = new RecordSchema("preview_boxes", List.of(
            new Field("x1", FieldKind.FLOAT64, "px"),
            new Field("y1", FieldKind.FLOAT64, "px"),
            new Field("x2", FieldKind.FLOAT64, "px"),
            new Field("y2", FieldKind.FLOAT64, "px"),
            new Field("score", FieldKind.FLOAT64, ""),
            new Field("class_id", FieldKind.INT64, "")));

    /** Field indexes of {@link #SCHEMA}, in storage order. */
    public static final int X1 = 0, Y1 = 1, X2 = 2, Y2 = 3, SCORE = 4, CLASS_ID = 5;

    private PreviewBoxes() {
    }
}
