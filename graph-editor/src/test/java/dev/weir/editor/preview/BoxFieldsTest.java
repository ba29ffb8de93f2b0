package dev.weir.editor.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.api.RecordSchema.Field;
import dev.weir.engine.api.RecordSchema.FieldKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoxFieldsTest {

    @Test
    void yolosCentreAndSizeBecomeCorners() {
        Frame f = new Frame(new DataType.RecordsOf(RecordSchema.BOXES, Dim.of(4)));
        f.setLength(1).setRecordDouble(0, 0, 100).setRecordDouble(0, 1, 50).setRecordDouble(0, 2, 40)
                .setRecordDouble(0, 3, 20).setRecordDouble(0, 4, 0.87).setRecordLong(0, 5, 2);
        BoxFields b = BoxFields.of(RecordSchema.BOXES);
        assertThat(b.x1(f, 0)).isEqualTo(80);
        assertThat(b.y1(f, 0)).isEqualTo(40);
        assertThat(b.x2(f, 0)).isEqualTo(120);
        assertThat(b.y2(f, 0)).isEqualTo(60);
        assertThat(b.score(f, 0)).isEqualTo(0.87);
        assertThat(b.classId(f, 0)).isEqualTo(2);
    }

    @Test
    void integerCornersAndNoScoreAreReadToo() {
        RecordSchema corners = new RecordSchema("rects", List.of(new Field("x1", FieldKind.INT64, "px"),
                new Field("y1", FieldKind.INT64, "px"), new Field("x2", FieldKind.INT64, "px"),
                new Field("y2", FieldKind.INT64, "px"), new Field("class", FieldKind.INT64, "")));
        Frame f = new Frame(new DataType.RecordsOf(corners, Dim.of(1)));
        f.setLength(1).setRecordLong(0, 0, 3).setRecordLong(0, 1, 4).setRecordLong(0, 2, 30).setRecordLong(0, 3, 40)
                .setRecordLong(0, 4, 7);
        BoxFields b = BoxFields.of(corners);
        assertThat(b.x1(f, 0)).isEqualTo(3);
        assertThat(b.y2(f, 0)).isEqualTo(40);
        assertThat(b.score(f, 0)).isNaN();
        assertThat(b.classId(f, 0)).isEqualTo(7);
    }

    @Test
    void recordsWithoutABoxAreRefusedByName() {
        assertThatThrownBy(() -> BoxFields.of(RecordSchema.VALUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("records<value>").hasMessageContaining("cx, cy, w, h");
    }
}
