package dev.weir.engine.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.weir.engine.api.ElementType.COMPLEX128;
import static dev.weir.engine.api.ElementType.COMPLEX64;
import static dev.weir.engine.api.ElementType.FLOAT32;
import static dev.weir.engine.api.ElementType.FLOAT64;
import static dev.weir.engine.api.ElementType.INT64;
import static dev.weir.engine.api.ElementType.UINT8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameTest {

    private static DataType stream(ElementType e, int chunk) {
        return new DataType.SampleStream(e, Dim.of(chunk));
    }

    @Test
    void storagePerElementType() {
        assertThat(new Frame(stream(FLOAT32, 64)).floats()).hasSize(64);
        assertThat(new Frame(stream(COMPLEX64, 64)).floats()).hasSize(128);
        assertThat(new Frame(stream(FLOAT64, 64)).doubles()).hasSize(64);
        assertThat(new Frame(stream(COMPLEX128, 64)).doubles()).hasSize(128);
        assertThat(new Frame(stream(UINT8, 64)).bytes()).hasSize(64);
        assertThat(new Frame(stream(INT64, 64)).longs()).hasSize(64);
        assertThat(new Frame(stream(COMPLEX64, 64)).storage()).isEqualTo(Storage.FLOAT);
        assertThat(new Frame(stream(COMPLEX64, 64)).slotsPerElement()).isEqualTo(2);
        assertThat(new Frame(stream(FLOAT32, 64)).slotsPerElement()).isEqualTo(1);
    }

    @Test
    void storageOfImagesAndRecords() {
        Frame rgb = new Frame(new DataType.ImageOf(PixelFormat.RGB24, Dim.of(4), Dim.of(3)));
        assertThat(rgb.bytes()).hasSize(36);
        assertThat(rgb.capacity()).isEqualTo(12);
        assertThat(rgb.slotsPerElement()).isEqualTo(3);
        Frame planar = new Frame(new DataType.ImageOf(PixelFormat.PLANAR_F32, Dim.of(4), Dim.of(3)));
        assertThat(planar.floats()).hasSize(36);
        Frame boxes = new Frame(new DataType.RecordsOf(RecordSchema.BOXES, Dim.of(10)));
        assertThat(boxes.longs()).hasSize(60);
        assertThat(boxes.capacity()).isEqualTo(10);
        assertThat(boxes.slotsPerElement()).isEqualTo(6);
        Frame matrix = new Frame(new DataType.MatrixOf(COMPLEX64, Dim.of(2), Dim.of(3)));
        assertThat(matrix.floats()).hasSize(12);
        assertThat(matrix.capacity()).isEqualTo(6);
    }

    @Test
    void onlyTheBackingArrayExists() {
        Frame f = new Frame(stream(FLOAT32, 8));
        assertThatThrownBy(f::doubles).isInstanceOf(IllegalStateException.class)
                .hasMessage("frame of stream<float32> is FLOAT-backed, not DOUBLE");
        assertThatThrownBy(f::bytes).hasMessage("frame of stream<float32> is FLOAT-backed, not BYTE");
        assertThatThrownBy(f::longs).hasMessage("frame of stream<float32> is FLOAT-backed, not LONG");
        Frame img = new Frame(new DataType.ImageOf(PixelFormat.GRAY8, Dim.of(2), Dim.of(2)));
        assertThatThrownBy(img::floats).hasMessage("frame of image<gray8>[2x2] is BYTE-backed, not FLOAT");
        Frame d = new Frame(new DataType.VectorOf(FLOAT64, Dim.of(2)));
        assertThatThrownBy(d::floats).hasMessage("frame of vector<float64>[2] is DOUBLE-backed, not FLOAT");
    }

    @Test
    void initialLengthStreamsAndRecordsEmptyOthersFull() {
        assertThat(new Frame(stream(FLOAT32, 8)).length()).isZero();
        assertThat(new Frame(new DataType.RecordsOf(RecordSchema.VALUE, Dim.of(5))).length()).isZero();
        assertThat(new Frame(new DataType.VectorOf(FLOAT32, Dim.of(8))).length()).isEqualTo(8);
        assertThat(new Frame(new DataType.MatrixOf(FLOAT32, Dim.of(2), Dim.of(4))).length()).isEqualTo(8);
        assertThat(new Frame(new DataType.ImageOf(PixelFormat.GRAY8, Dim.of(2), Dim.of(4))).length()).isEqualTo(8);
    }

    @Test
    void unresolvedTypesCannotBeAllocated() {
        assertThatThrownBy(() -> new Frame(new DataType.VectorOf(FLOAT32, Dim.param("n"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot allocate a frame of unresolved type vector<float32>[${n}]");
        assertThatThrownBy(() -> new Frame(new DataType.VectorOf(FLOAT32, Dim.any())))
                .hasMessage("cannot allocate a frame of unresolved type vector<float32>[*]");
        assertThatThrownBy(() -> new Frame(new DataType.ByParam("t", Map.of("a", stream(FLOAT32, 1)))))
                .hasMessage("cannot allocate a frame of unresolved type ${t}");
        assertThatThrownBy(() -> new Frame(null)).isInstanceOf(NullPointerException.class).hasMessage("type");
    }

    @Test
    void setLengthBounds() {
        Frame f = new Frame(stream(COMPLEX64, 64));
        assertThat(f.setLength(0).length()).isZero();
        assertThat(f.setLength(64).length()).isEqualTo(64); // elements, not slots
        assertThatThrownBy(() -> f.setLength(65)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("length 65 outside 0..64 for stream<complex64>");
        assertThatThrownBy(() -> f.setLength(-1)).hasMessage("length -1 outside 0..64 for stream<complex64>");
        assertThat(f.length()).isEqualTo(64);
    }

    @Test
    void headerSettersChain() {
        Frame f = new Frame(stream(FLOAT32, 4)).setIndex(480).setTimestampNanos(123).setSampleRate(48_000)
                .setFlags(Frame.FLAG_CPI_START | Frame.FLAG_DISCONTINUITY).setLength(3);
        assertThat(f.index()).isEqualTo(480);
        assertThat(f.timestampNanos()).isEqualTo(123);
        assertThat(f.sampleRate()).isEqualTo(48_000);
        assertThat(f.flags()).isEqualTo(0b1010);
        assertThat(f.hasFlag(Frame.FLAG_CPI_START)).isTrue();
        assertThat(f.hasFlag(Frame.FLAG_CPI_START | Frame.FLAG_DISCONTINUITY)).isTrue();
        assertThat(f.hasFlag(Frame.FLAG_CPI_START | Frame.FLAG_CPI_END)).isFalse();
        assertThat(f.hasFlag(Frame.FLAG_FRAME_START)).isFalse();
        assertThat(f).hasToString("Frame[stream<float32>, length=3, index=480, flags=10]");
    }

    @Test
    void flagsAreDistinctBits() {
        int[] flags = {Frame.FLAG_FRAME_START, Frame.FLAG_CPI_START, Frame.FLAG_CPI_END, Frame.FLAG_DISCONTINUITY};
        int all = 0;
        for (int flag : flags) {
            assertThat(Integer.bitCount(flag)).isEqualTo(1);
            assertThat(all & flag).isZero();
            all |= flag;
        }
        assertThat(Frame.HEADER_BYTES).isEqualTo(32);
    }

    @Test
    void copyFromCopiesHeaderLengthAndValidPayload() {
        Frame src = new Frame(stream(FLOAT32, 4)).setIndex(7).setTimestampNanos(8).setSampleRate(9).setFlags(1).setLength(2);
        src.floats()[0] = 1;
        src.floats()[1] = 2;
        src.floats()[2] = 3; // beyond length: not copied
        Frame dst = new Frame(stream(FLOAT32, 64));
        dst.floats()[2] = -1;
        assertThat(dst.copyFrom(src)).isSameAs(dst);
        assertThat(dst.length()).isEqualTo(2);
        assertThat(dst.index()).isEqualTo(7);
        assertThat(dst.timestampNanos()).isEqualTo(8);
        assertThat(dst.sampleRate()).isEqualTo(9);
        assertThat(dst.flags()).isEqualTo(1);
        assertThat(dst.floats()).startsWith(1, 2, -1);
    }

    @Test
    void copyFromComplexCopiesBothComponents() {
        Frame src = new Frame(stream(COMPLEX128, 2)).setLength(2);
        src.doubles()[0] = 1;
        src.doubles()[1] = 2;
        src.doubles()[2] = 3;
        src.doubles()[3] = 4;
        Frame dst = new Frame(stream(COMPLEX128, 2)).copyFrom(src);
        assertThat(dst.doubles()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void copyFromEveryStorage() {
        Frame bytes = new Frame(stream(UINT8, 2)).setLength(2);
        bytes.bytes()[1] = (byte) 200;
        assertThat(new Frame(stream(UINT8, 2)).copyFrom(bytes).bytes()[1] & 0xFF).isEqualTo(200);
        Frame longs = new Frame(stream(INT64, 2)).setLength(1);
        longs.longs()[0] = Long.MIN_VALUE;
        assertThat(new Frame(stream(INT64, 2)).copyFrom(longs).longs()[0]).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void copyFromRefusesAnotherLayout() {
        Frame f32 = new Frame(stream(FLOAT32, 4));
        assertThatThrownBy(() -> f32.copyFrom(new Frame(stream(FLOAT64, 4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot copy stream<float64> into stream<float32>");
        assertThatThrownBy(() -> f32.copyFrom(new Frame(stream(COMPLEX64, 4))))
                .hasMessage("cannot copy stream<complex64> into stream<float32>");
        Frame big = new Frame(stream(FLOAT32, 8)).setLength(8);
        assertThatThrownBy(() -> f32.copyFrom(big)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void copyHeaderFromLeavesLengthAndPayload() {
        Frame src = new Frame(stream(FLOAT32, 4)).setIndex(1).setTimestampNanos(2).setSampleRate(3).setFlags(4).setLength(4);
        Frame dst = new Frame(stream(FLOAT32, 4)).setLength(1).copyHeaderFrom(src);
        assertThat(dst.length()).isEqualTo(1);
        assertThat(dst.index()).isEqualTo(1);
        assertThat(dst.timestampNanos()).isEqualTo(2);
        assertThat(dst.sampleRate()).isEqualTo(3);
        assertThat(dst.flags()).isEqualTo(4);
    }

    @Test
    void clearHeaderResetsHeaderAndLengthButNotPayload() {
        Frame s = new Frame(stream(FLOAT32, 4)).setIndex(1).setTimestampNanos(2).setSampleRate(3).setFlags(4).setLength(4);
        s.floats()[0] = 42;
        assertThat(s.clearHeader()).isSameAs(s);
        assertThat(s.index()).isZero();
        assertThat(s.timestampNanos()).isZero();
        assertThat(s.sampleRate()).isZero();
        assertThat(s.flags()).isZero();
        assertThat(s.length()).isZero();
        assertThat(s.floats()[0]).isEqualTo(42);

        Frame v = new Frame(new DataType.VectorOf(FLOAT32, Dim.of(4))).setLength(1).clearHeader();
        assertThat(v.length()).isEqualTo(4);
        Frame r = new Frame(new DataType.RecordsOf(RecordSchema.VALUE, Dim.of(4))).setLength(3).clearHeader();
        assertThat(r.length()).isZero();
    }

    @Test
    void recordAccessors() {
        Frame f = new Frame(new DataType.RecordsOf(RecordSchema.BOXES, Dim.of(3))).setLength(2);
        int cx = RecordSchema.BOXES.indexOf("cx");
        int score = RecordSchema.BOXES.indexOf("score");
        int classId = RecordSchema.BOXES.indexOf("class_id");
        f.setRecordDouble(1, cx, 320.5).setRecordDouble(1, score, 0.875).setRecordLong(1, classId, 17);
        assertThat(f.recordDouble(1, cx)).isEqualTo(320.5);
        assertThat(f.recordDouble(1, score)).isEqualTo(0.875);
        assertThat(f.recordLong(1, classId)).isEqualTo(17);
        // Layout: record r, field k lives at slot r * fields + k.
        assertThat(f.longs()[6 + classId]).isEqualTo(17);
        assertThat(f.longs()[6 + cx]).isEqualTo(Double.doubleToRawLongBits(320.5));
        assertThat(f.recordLong(0, classId)).isZero();
    }

    @Test
    void recordDoublesKeepEveryBit() {
        Frame f = new Frame(new DataType.RecordsOf(RecordSchema.BOXES, Dim.of(1)));
        for (double v : new double[] {-0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, -1e300}) {
            f.setRecordDouble(0, 0, v);
            assertThat(Double.doubleToRawLongBits(f.recordDouble(0, 0))).isEqualTo(Double.doubleToRawLongBits(v));
        }
    }

    @Test
    void recordAccessorsNeedLongStorage() {
        Frame f = new Frame(stream(FLOAT32, 4));
        assertThatThrownBy(() -> f.recordLong(0, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("frame of stream<float32> is FLOAT-backed, not LONG");
        assertThatThrownBy(() -> f.setRecordDouble(0, 0, 1.0)).isInstanceOf(IllegalStateException.class);
        // INT64 streams are long-backed too: one slot per element.
        Frame ints = new Frame(stream(INT64, 4)).setRecordLong(3, 0, 9);
        assertThat(ints.longs()[3]).isEqualTo(9);
    }
}
