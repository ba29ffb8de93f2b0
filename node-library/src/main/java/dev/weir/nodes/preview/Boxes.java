package dev.weir.nodes.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.api.preview.PreviewBoxes;

/**
 * Detection boxes for the preview nodes: {@code vision.yolo}'s {@link RecordSchema#BOXES} (centre and size) in,
 * {@link PreviewBoxes#SCHEMA} (corners) out.
 */
final class Boxes {

    /** Field indexes of {@link RecordSchema#BOXES}, as {@code vision.yolo} writes them. */
    private static final int CX = 0, CY = 1, W = 2, H = 3, SCORE = 4, CLASS = 5;

    private Boxes() {
    }

    /** The input type: boxes lists of whatever length the detector declares. */
    static DataType inputType() {
        return new DataType.RecordsOf(RecordSchema.BOXES, Dim.any());
    }

    /** The lane type for lists of up to {@code maxCount} boxes. */
    static DataType laneType(int maxCount) {
        return new DataType.RecordsOf(PreviewBoxes.SCHEMA, Dim.of(maxCount));
    }

    /** The {@code class_names} param, as {@code vision.draw_boxes} has it. */
    static ParamSpec classNamesParam() {
        return new ParamSpec("class_names", "Class names", new ParamType.PathType(ParamType.PathMode.READ_FILE), "",
                "", false, "An ONNX model (its names metadata) or a text file of one name per line; empty for the 80 "
                + "COCO names.");
    }

    /**
     * Converts the boxes list {@code src} into corner boxes in {@code dst}, with {@code src}'s header and length.
     * Allocation-free.
     */
    static void toCorners(Frame src, Frame dst) {
        int n = src.length();
        dst.setLength(n).copyHeaderFrom(src);
        for (int r = 0; r < n; r++) {
            double cx = src.recordDouble(r, CX);
            double cy = src.recordDouble(r, CY);
            double hw = src.recordDouble(r, W) / 2;
            double hh = src.recordDouble(r, H) / 2;
            dst.setRecordDouble(r, PreviewBoxes.X1, cx - hw)
                    .setRecordDouble(r, PreviewBoxes.Y1, cy - hh)
                    .setRecordDouble(r, PreviewBoxes.X2, cx + hw)
                    .setRecordDouble(r, PreviewBoxes.Y2, cy + hh)
                    .setRecordDouble(r, PreviewBoxes.SCORE, src.recordDouble(r, SCORE))
                    .setRecordLong(r, PreviewBoxes.CLASS_ID, src.recordLong(r, CLASS));
        }
    }
}
