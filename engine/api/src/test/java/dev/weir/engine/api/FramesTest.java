package dev.weir.engine.api;

import dev.weir.engine.api.testing.Frames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FramesTest {

    private static final DataType F32 = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(8));
    private static final DataType C64 = new DataType.SampleStream(ElementType.COMPLEX64, Dim.of(8));

    @Test
    void floatsSetsLengthInElements() {
        Frame f = Frames.floats(F32, 1, 2, 3);
        assertThat(f.length()).isEqualTo(3);
        assertThat(f.floats()).startsWith(1, 2, 3);
        Frame c = Frames.floats(C64, 1, 0, 0, 1);
        assertThat(c.length()).isEqualTo(2);
        assertThat(Frames.floats(F32).length()).isZero();
    }

    @Test
    void buildersCheckTheType() {
        assertThatThrownBy(() -> Frames.floats(C64, 1, 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("3 slots do not make whole elements of stream<complex64> (2 slots per element)");
        assertThatThrownBy(() -> Frames.floats(F32, new float[9]))
                .hasMessage("stream<float32> frames hold at most 8 elements, got 9");
        DataType vec = new DataType.VectorOf(ElementType.FLOAT32, Dim.of(3));
        assertThatThrownBy(() -> Frames.floats(vec, 1, 2)).hasMessage("vector<float32>[3] frames hold exactly 3 elements, got 2");
        assertThat(Frames.floats(vec, 1, 2, 3).length()).isEqualTo(3);
        assertThatThrownBy(() -> Frames.doubles(F32, 1.0))
                .hasMessage("stream<float32> is FLOAT-backed; Frames.doubles builds DOUBLE-backed frames");
        DataType u8 = new DataType.SampleStream(ElementType.UINT8, Dim.of(4));
        assertThat(Frames.bytes(u8, 0, 255).bytes()[1]).isEqualTo((byte) 255);
        assertThatThrownBy(() -> Frames.bytes(u8, 256)).hasMessage("byte slot 0 must be 0..255, was 256");
        DataType i64 = new DataType.SampleStream(ElementType.INT64, Dim.of(4));
        assertThat(Frames.longs(i64, 5, 6).longs()).startsWith(5, 6);
    }

    @Test
    void chunksAndSplits() {
        List<Frame> chunks = Frames.floatChunks(F32, new float[] {1}, new float[] {2, 3});
        assertThat(chunks).extracting(Frame::length).containsExactly(1, 2);
        List<Frame> split = Frames.split(F32, 3, 1, 2, 3, 4, 5, 6, 7);
        assertThat(split).extracting(Frame::length).containsExactly(3, 3, 1);
        assertThat(split.get(2).floats()[0]).isEqualTo(7);
        assertThat(Frames.split(C64, 2, 1, 0, 2, 0, 3, 0)).extracting(Frame::length).containsExactly(2, 1);
        assertThatThrownBy(() -> Frames.split(F32, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        DataType f64 = new DataType.SampleStream(ElementType.FLOAT64, Dim.of(2));
        assertThat(Frames.doubleChunks(f64, new double[] {1, 2}, new double[] {3})).extracting(Frame::length).containsExactly(2, 1);
        DataType i64 = new DataType.SampleStream(ElementType.INT64, Dim.of(2));
        assertThat(Frames.longChunks(i64, new long[] {1})).singleElement().extracting(Frame::length).isEqualTo(1);
    }

    @Test
    void valuesAreSingleRecordFrames() {
        List<Frame> v = Frames.values(7, -1);
        assertThat(v).allSatisfy(f -> {
            assertThat(f.type()).isEqualTo(Frames.VALUE_TYPE);
            assertThat(f.length()).isEqualTo(1);
        });
        assertThat(v).extracting(f -> f.recordLong(0, 0)).containsExactly(7L, -1L);
    }

    @Test
    void headersForNumberedAndSampleIndexedStreams() {
        assertThat(Frames.numbered(Frames.values(5, 6, 7))).extracting(Frame::index).containsExactly(0L, 1L, 2L);
        List<Frame> s = Frames.sampleIndexed(Frames.floatChunks(F32, new float[] {1, 2, 3}, new float[] {}, new float[] {4}), 8000);
        assertThat(s).extracting(Frame::index).containsExactly(0L, 3L, 3L);
        assertThat(s).extracting(Frame::sampleRate).containsOnly(8000.0);
    }

    @Test
    void copies() {
        Frame f = Frames.floats(F32, 1, 2).setIndex(3);
        Frame c = Frames.copyOf(f);
        assertThat(c).isNotSameAs(f);
        assertThat(Frames.difference(f, c, 0)).isEmpty();
        assertThat(Frames.copyOf(List.of(f, f))).hasSize(2).doesNotContain(f);
    }

    @Test
    void differenceComparesTypeLengthHeaderAndPayload() {
        Frame a = Frames.floats(F32, 1, 2, 3).setIndex(1).setSampleRate(8000).setFlags(1).setTimestampNanos(5);
        assertThat(Frames.difference(a, Frames.copyOf(a), 0)).isEmpty();
        assertThat(Frames.difference(a, Frames.floats(C64, 1, 2), 0))
                .contains("differs in type: expected stream<float32>, was stream<complex64>");
        assertThat(Frames.difference(a, Frames.copyOf(a).setLength(2), 0))
                .contains("differs in length: expected 3, was 2 (expected [1.0, 2.0, 3.0], was [1.0, 2.0])");
        assertThat(Frames.difference(a, Frames.copyOf(a).setIndex(2), 0))
                .contains("differs in header field index: expected 1, was 2");
        assertThat(Frames.difference(a, Frames.copyOf(a).setSampleRate(0), 0))
                .contains("differs in header field sample_rate: expected 8000.0, was 0.0");
        assertThat(Frames.difference(a, Frames.copyOf(a).setFlags(0), 0))
                .contains("differs in header field flags: expected 1, was 0");
        Frame later = Frames.copyOf(a).setTimestampNanos(6);
        assertThat(Frames.difference(a, later, 0)).as("time stamps are ignored by default").isEmpty();
        assertThat(Frames.difference(a, later, 0, true))
                .contains("differs in header field timestamp_nanos: expected 5, was 6");
        Frame b = Frames.copyOf(a);
        b.floats()[1] = 0;
        b.floats()[2] = 0;
        assertThat(Frames.difference(a, b, 0)).contains("differs at element 1: expected 2.0, was 0.0 (and 1 more differing slot)");
    }

    @Test
    void streamChunkCapacityDoesNotMatter() {
        DataType big = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(1024));
        assertThat(Frames.difference(Frames.floats(F32, 1), Frames.floats(big, 1), 0)).isEmpty();
    }

    @Test
    void tolerance() {
        Frame a = Frames.floats(F32, 1.0f);
        Frame b = Frames.floats(F32, 1.001f);
        assertThat(Frames.difference(a, b, 0)).isPresent();
        assertThat(Frames.difference(a, b, 0.01)).isEmpty();
        assertThat(Frames.difference(Frames.floats(F32, Float.NaN), Frames.floats(F32, Float.NaN), 0)).isEmpty();
        assertThat(Frames.difference(Frames.floats(F32, 0f), Frames.floats(F32, -0f), 0)).isEmpty();
        assertThat(Frames.difference(Frames.floats(F32, Float.POSITIVE_INFINITY), Frames.floats(F32, Float.POSITIVE_INFINITY), 1)).isEmpty();
        assertThatThrownBy(() -> Frames.difference(a, b, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frames.difference(a, b, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void differenceNamesSlotsInTheTermsOfTheirType() {
        Frame c = Frames.floats(C64, 1, 2, 3, 4);
        Frame c2 = Frames.copyOf(c);
        c2.floats()[3] = 0;
        assertThat(Frames.difference(c, c2, 0)).contains("differs at element 1 (im): expected 4.0, was 0.0");

        DataType m = new DataType.MatrixOf(ElementType.FLOAT64, Dim.of(2), Dim.of(3));
        Frame m1 = Frames.doubles(m, 0, 1, 2, 3, 4, 5);
        Frame m2 = Frames.copyOf(m1);
        m2.doubles()[4] = -4;
        assertThat(Frames.difference(m1, m2, 0)).contains("differs at element 4 (row 1, col 1): expected 4.0, was -4.0");

        DataType rgb = new DataType.ImageOf(PixelFormat.RGB24, Dim.of(2), Dim.of(1));
        Frame i1 = Frames.bytes(rgb, 10, 20, 30, 200, 210, 220);
        Frame i2 = Frames.copyOf(i1);
        i2.bytes()[4] = 0;
        assertThat(Frames.difference(i1, i2, 0)).contains("differs at pixel 1 channel 1: expected 210, was 0");

        DataType planar = new DataType.ImageOf(PixelFormat.PLANAR_F32, Dim.of(2), Dim.of(1));
        Frame p1 = Frames.floats(planar, 0, 1, 2, 3, 4, 5);
        Frame p2 = Frames.copyOf(p1);
        p2.floats()[3] = 0;
        assertThat(Frames.difference(p1, p2, 0)).contains("differs at pixel 1 channel 1: expected 3.0, was 0.0");

        DataType boxes = new DataType.RecordsOf(RecordSchema.BOXES, Dim.of(2));
        Frame r1 = new Frame(boxes).setLength(1).setRecordDouble(0, 4, 0.5).setRecordLong(0, 5, 3);
        Frame r2 = Frames.copyOf(r1).setRecordDouble(0, 4, 0.25);
        assertThat(Frames.difference(r1, r2, 0)).contains("differs at record 0 field 'score': expected 0.5, was 0.25");
        assertThat(Frames.difference(r1, r2, 0.3)).as("FLOAT64 record fields use the tolerance").isEmpty();
        Frame r3 = Frames.copyOf(r1).setRecordLong(0, 5, 4);
        assertThat(Frames.difference(r1, r3, 0.3)).contains("differs at record 0 field 'class_id': expected 3, was 4");
    }

    @Test
    void describeAbbreviatesLongPayloads() {
        assertThat(Frames.describe(Frames.floats(F32, 1, 2).setIndex(4).setSampleRate(10)))
                .isEqualTo("stream<float32> length=2 index=4 sample_rate=10.0 flags=0 [1.0, 2.0]");
        DataType wide = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(16));
        assertThat(Frames.describe(Frames.floats(wide, new float[10]))).endsWith("0.0, 0.0, ... 2 more]");
        assertThat(Frames.describe(Frames.values(3).getFirst())).endsWith("[3]");
    }
}
