package dev.weir.editor.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.api.RecordSchema.Field;
import dev.weir.engine.api.RecordSchema.FieldKind;
import dev.weir.engine.api.preview.PreviewBoxes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoxFieldsTest {

    @Test
    void previewBoxesAreReadFieldByField() {
        Frame f = new Frame(new DataType.RecordsOf(PreviewBoxes.SCHEMA, Dim.of(4)));
        f.setLength(1).setRecordDouble(0, PreviewBoxes.X1, 80).setRecordDouble(0, PreviewBoxes.Y1, 40)
                .setRecordDouble(0, PreviewBoxes.X2, 120).setRecordDouble(0, PreviewBoxes.Y2, 60)
                .setRecordDouble(0, PreviewBoxes.SCORE, 0.87).setRecordLong(0, PreviewBoxes.CLASS_ID, 2);
        BoxFields b = BoxFields.of(PreviewBoxes.SCHEMA);
        assertThat(b.x1(f, 0)).isEqualTo(80);
        assertThat(b.y1(f, 0)).isEqualTo(40);
        assertThat(b.x2(f, 0)).isEqualTo(120);
        assertThat(b.y2(f, 0)).isEqualTo(60);
        assertThat(b.score(f, 0)).isEqualTo(0.87);
        assertThat(b.classId(f, 0)).isEqualTo(2);
    }

    @Test
    void integerCornersInAnotherOrderAndNoScoreAreReadToo() {
        RecordSchema rects = new RecordSchema("rects", List.of(new Field("class_id", FieldKind.INT64, ""),
                new Field("x1", FieldKind.INT64, "px"), new Field("y1", FieldKind.INT64, "px"),
                new Field("x2", FieldKind.INT64, "px"), new Field("y2", FieldKind.INT64, "px")));
        Frame f = new Frame(new DataType.RecordsOf(rects, Dim.of(1)));
        f.setLength(1).setRecordLong(0, 0, 7).setRecordLong(0, 1, 3).setRecordLong(0, 2, 4).setRecordLong(0, 3, 30)
                .setRecordLong(0, 4, 40);
        BoxFields b = BoxFields.of(rects);
        assertThat(b.x1(f, 0)).isEqualTo(3);
        assertThat(b.y2(f, 0)).isEqualTo(40);
        assertThat(b.score(f, 0)).isNaN();
        assertThat(b.classId(f, 0)).isEqualTo(7);
    }

    @Test
    void recordsWithoutCornersAreRefusedByName() {
        // vision.yolo's own records carry centre and size; a preview node converts them to corners.
        assertThatThrownBy(() -> BoxFields.of(RecordSchema.BOXES)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("records<boxes>").hasMessageContaining("x1, y1, x2, y2");
    }
}
