package dev.weir.engine.runtime.channel;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.model.OverflowPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static dev.weir.engine.model.OverflowPolicy.BACKPRESSURE;
import static dev.weir.engine.model.OverflowPolicy.KEEP_LATEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link DelayedReader}: the z^-N initial items of a delay edge, then the channel's frames. */
class DelayedReaderTest {

    private static final DataType VECTOR = new DataType.VectorOf(ElementType.FLOAT32, Dim.of(4));
    private static final DataType COMPLEX_STREAM = new DataType.SampleStream(ElementType.COMPLEX64, Dim.of(4));
    private static final DataType RECORDS = new DataType.RecordsOf(RecordSchema.VALUE, Dim.of(3));

    private static RingChannel ring(DataType type, OverflowPolicy... policies) {
        List<RingChannel.ReaderSpec> specs = new ArrayList<>();
        for (int i = 0; i < policies.length; i++) {
            specs.add(new RingChannel.ReaderSpec("sink" + i, "in" + i, policies[i]));
        }
        return new RingChannel("source", "out", type, 8, specs);
    }

    private static void writeVector(ChannelWriter w, float value) {
        Frame f = w.claim();
        java.util.Arrays.fill(f.floats(), 0, 4, value);
        f.setIndex((long) value);
        w.publish();
    }

    @Test
    void vectorsGetFullZeroFramesThenTheChannelsFrames() {
        RingChannel ch = ring(VECTOR, BACKPRESSURE);
        ChannelWriter w = ch.writer();
        // Stale non-zero data in the ring must not leak into the initial items.
        writeVector(w, 9);
        ch.reader(0).release();
        DelayedReader r = new DelayedReader(ch.reader(0), 3);
        writeVector(w, 1);
        writeVector(w, 2);

        assertThat(r.available()).isEqualTo(3 + 2);
        for (int i = 0; i < 3; i++) {
            assertThat(r.isEndOfStream()).isFalse();
            Frame f = r.peek();
            assertThat(r.peek()).isSameAs(f);
            assertThat(f.length()).isEqualTo(4);
            assertThat(f.floats()).containsOnly(0f);
            assertThat(f.index()).isZero();
            assertThat(f.flags()).isZero();
            r.release();
            assertThat(r.available()).isEqualTo(3 - 1 - i + 2);
        }
        assertThat(r.peek().floats()[0]).isEqualTo(1f);
        r.release();
        assertThat(r.peek().floats()[0]).isEqualTo(2f);
        r.release();
        assertThat(r.available()).isZero();
        assertThatThrownBy(r::peek).isInstanceOf(IllegalStateException.class);
        assertThat(ch.reader(0).framesConsumed()).isEqualTo(3);
    }

    @ParameterizedTest(name = "delay {0}, chunk 4")
    @CsvSource({"1,'1'", "3,'3'", "4,'4'", "5,'4 1'", "10,'4 4 2'", "12,'4 4 4'"})
    void sampleStreamDelaysCountSamplesInChunkSizedFrames(int delay, String lengths) {
        RingChannel ch = ring(COMPLEX_STREAM, BACKPRESSURE);
        DelayedReader r = new DelayedReader(ch.reader(0), delay);
        List<Integer> expected = new ArrayList<>();
        for (String s : lengths.split(" ")) {
            expected.add(Integer.parseInt(s));
        }
        assertThat(r.available()).isEqualTo(expected.size());
        List<Integer> seen = new ArrayList<>();
        int samples = 0;
        while (r.available() > 0) {
            Frame f = r.peek();
            seen.add(f.length());
            samples += f.length();
            for (int k = 0; k < 2 * f.length(); k++) {
                assertThat(f.floats()[k]).as("re/im slot %d", k).isZero();
            }
            r.release();
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(samples).isEqualTo(delay);
    }

    @Test
    void consumeWorksAcrossInitialAndChannelFrames() {
        RingChannel ch = ring(COMPLEX_STREAM, BACKPRESSURE);
        DelayedReader r = new DelayedReader(ch.reader(0), 6); // frames of 4 and 2 zero samples
        Frame c = ch.writer().claim();
        c.setLength(3).setIndex(77);
        ch.writer().publish();

        assertThat(r.position()).isZero();
        r.consume(3);
        assertThat(r.position()).isEqualTo(3);
        assertThatThrownBy(() -> r.consume(2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in0");
        assertThatThrownBy(() -> r.consume(-1)).isInstanceOf(IllegalStateException.class);
        assertThat(r.position()).isEqualTo(3);
        r.consume(1); // the first initial frame is used up
        assertThat(r.position()).isZero();
        assertThat(r.peek().length()).isEqualTo(2);
        r.consume(1);
        r.release(); // release() in the middle of a frame resets the position
        assertThat(r.position()).isZero();
        assertThat(r.peek().index()).isEqualTo(77);
        r.consume(2);
        assertThat(r.position()).isEqualTo(2);
        assertThat(ch.reader(0).position()).isEqualTo(2);
        r.consume(1);
        assertThat(r.available()).isZero();
        assertThat(ch.reader(0).framesConsumed()).isOne();
    }

    @Test
    void recordListsGetEmptyInitialFrames() {
        RingChannel ch = ring(RECORDS, BACKPRESSURE);
        DelayedReader r = new DelayedReader(ch.reader(0), 2);
        Frame f = ch.writer().claim();
        f.setLength(1).setRecordLong(0, 0, 5);
        ch.writer().publish();

        assertThat(r.peek().length()).isZero();
        r.release();
        assertThat(r.peek().length()).isZero();
        r.consume(0); // an empty list is used up at once
        assertThat(r.peek().length()).isOne();
        assertThat(r.peek().recordLong(0, 0)).isEqualTo(5);
        r.release();
        assertThat(r.available()).isZero();
    }

    @Test
    void endOfStreamOnlyAfterTheInitialItemsAndTheChannelEnded() {
        RingChannel ch = ring(VECTOR, BACKPRESSURE);
        DelayedReader r = new DelayedReader(ch.reader(0), 2);
        ch.writer().complete();
        assertThat(ch.reader(0).isEndOfStream()).isTrue();
        assertThat(r.isEndOfStream()).as("two initial items are unread").isFalse();
        r.release();
        assertThat(r.isEndOfStream()).isFalse();
        r.peek();
        assertThat(r.isEndOfStream()).isFalse();
        r.release();
        assertThat(r.isEndOfStream()).isTrue();
        assertThat(r.available()).isZero();
    }

    @Test
    void initialItemsConsumedBeforeTheChannelEndsIsNotEndOfStream() {
        RingChannel ch = ring(VECTOR, BACKPRESSURE);
        DelayedReader r = new DelayedReader(ch.reader(0), 1);
        r.release();
        assertThat(r.isEndOfStream()).isFalse();
        writeVector(ch.writer(), 3);
        ch.writer().complete();
        assertThat(r.isEndOfStream()).isFalse();
        r.release();
        assertThat(r.isEndOfStream()).isTrue();
    }

    @Test
    void theDelayIsPrivateToItsReader() {
        RingChannel ch = ring(VECTOR, BACKPRESSURE, BACKPRESSURE);
        DelayedReader delayed = new DelayedReader(ch.reader(1), 2);
        writeVector(ch.writer(), 4);
        assertThat(ch.reader(0).peek().floats()[0]).as("the other reader is not delayed").isEqualTo(4f);
        ch.reader(0).release();
        assertThat(delayed.peek().floats()[0]).isZero();
        assertThat(ch.writer().remaining()).as("initial items take no room in the ring").isEqualTo(ch.capacity() - 1);
        delayed.release();
        delayed.release();
        assertThat(delayed.peek().floats()[0]).isEqualTo(4f);
        delayed.release();
        assertThat(ch.writer().remaining()).isEqualTo(ch.capacity());
    }

    @Test
    void delegatesNameTypePolicyAndMetrics() {
        RingChannel ch = ring(VECTOR, KEEP_LATEST);
        DelayedReader r = new DelayedReader(ch.reader(0), 1);
        assertThat(r.name()).isEqualTo("in0");
        assertThat(r.type()).isEqualTo(VECTOR);
        assertThat(r.policy()).isEqualTo(KEEP_LATEST);
        assertThat(r.isConnected()).isTrue();
        for (int i = 0; i < 3; i++) {
            writeVector(ch.writer(), i);
        }
        assertThat(r.backlog()).isEqualTo(ch.reader(0).backlog()).isEqualTo(3);
        r.release();
        assertThat(r.peek().floats()[0]).isEqualTo(2f);
        r.release();
        assertThat(r.framesConsumed()).isEqualTo(ch.reader(0).framesConsumed()).isOne();
        assertThat(r.framesDropped()).isEqualTo(ch.reader(0).framesDropped()).isEqualTo(2);
    }

    @Test
    void detachSkipsTheInitialItemsAndDetachesTheChannelReader() {
        RingChannel ch = ring(VECTOR, BACKPRESSURE);
        DelayedReader r = new DelayedReader(ch.reader(0), 5);
        r.detach();
        assertThat(ch.writer().isAbandoned()).isTrue();
        ch.writer().complete();
        assertThat(r.isEndOfStream()).isTrue();
    }

    @Test
    void aDelayBelowOneIsRejected() {
        RingChannel ch = ring(VECTOR, BACKPRESSURE);
        assertThatThrownBy(() -> new DelayedReader(ch.reader(0), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DelayedReader(ch.reader(0), -3)).isInstanceOf(IllegalArgumentException.class);
    }
}
