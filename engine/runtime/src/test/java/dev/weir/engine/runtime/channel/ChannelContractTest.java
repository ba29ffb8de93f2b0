package dev.weir.engine.runtime.channel;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.model.OverflowPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import static dev.weir.engine.model.OverflowPolicy.BACKPRESSURE;
import static dev.weir.engine.model.OverflowPolicy.DROP_OLDEST;
import static dev.weir.engine.model.OverflowPolicy.KEEP_LATEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every {@link Channel} implementation must honour, in the manner of JCTools' queue sanity tests:
 * an implementation gets the whole suite by subclassing and implementing {@link #create}.
 *
 * <p>Only the {@link Channel}, {@link ChannelWriter} and {@link ChannelReader} interfaces are used here, so the
 * suite applies unchanged to the in-process ring and to the memory-mapped (IPC) channels. Everything is
 * single-threaded; the concurrent behaviour has its own stress tests per implementation.
 *
 * <p>Test methods are public so that a subclass in another package can override (and so disable or adapt)
 * one of them.
 */
public abstract class ChannelContractTest {

    /** One {@code value} record per frame: the immutable element type. */
    protected static final DataType RECORDS = new DataType.RecordsOf(RecordSchema.VALUE, Dim.of(4));
    /** A fixed-length vector: frames are always full. */
    protected static final DataType VECTOR = new DataType.VectorOf(ElementType.INT64, Dim.of(8));
    /** A sample stream with chunks of up to 16 samples. */
    protected static final DataType STREAM = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(16));

    /**
     * A fresh channel with one reader per entry of {@code readerPolicies}, in that order.
     *
     * @param type           resolved item type
     * @param capacity       requested capacity in frames; the channel may hold more ({@link Channel#capacity()})
     * @param readerPolicies the readers' overflow policies
     */
    protected abstract Channel create(DataType type, int capacity, List<OverflowPolicy> readerPolicies);

    // ------------------------------------------------------------------------------------------------ helpers

    protected Channel create(int capacity, OverflowPolicy... policies) {
        return create(RECORDS, capacity, List.of(policies));
    }

    /** Publishes one record frame holding {@code value}; the index header carries it too. */
    protected static void write(ChannelWriter w, long value) {
        assertThat(w.remaining()).as("remaining() before writing %d", value).isPositive();
        Frame f = w.claim();
        f.setLength(1).setRecordLong(0, 0, value);
        f.setIndex(value);
        w.publish();
    }

    /** Peeks, checks the frame is consistent, releases and returns the value it held. */
    protected static long read(ChannelReader r) {
        assertThat(r.available()).as("available() of %s", r.name()).isPositive();
        Frame f = r.peek();
        assertThat(f.length()).isEqualTo(1);
        long v = f.recordLong(0, 0);
        assertThat(f.index()).as("header and payload of one frame").isEqualTo(v);
        r.release();
        return v;
    }

    /** Reads everything available now. */
    protected static List<Long> drain(ChannelReader r) {
        List<Long> out = new ArrayList<>();
        while (r.available() > 0) {
            out.add(read(r));
        }
        return out;
    }

    protected static List<Long> range(long fromInclusive, long toExclusive) {
        List<Long> out = new ArrayList<>();
        for (long v = fromInclusive; v < toExclusive; v++) {
            out.add(v);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------- basic shape

    @Test
    public void describesItself() {
        Channel ch = create(RECORDS, 4, List.of(BACKPRESSURE, DROP_OLDEST, KEEP_LATEST));
        assertThat(ch.type()).isEqualTo(RECORDS);
        assertThat(ch.capacity()).isGreaterThanOrEqualTo(4);
        assertThat(ch.readerCount()).isEqualTo(3);
        assertThat(ch.reader(0).policy()).isEqualTo(BACKPRESSURE);
        assertThat(ch.reader(1).policy()).isEqualTo(DROP_OLDEST);
        assertThat(ch.reader(2).policy()).isEqualTo(KEEP_LATEST);
        assertThat(ch.writer().type()).isEqualTo(RECORDS);
        assertThat(ch.writer().isConnected()).isTrue();
        assertThat(ch.writer().name()).isNotBlank();
        for (int i = 0; i < 3; i++) {
            ChannelReader r = ch.reader(i);
            assertThat(r.type()).isEqualTo(RECORDS);
            assertThat(r.isConnected()).isTrue();
            assertThat(r.name()).isNotBlank();
            assertThat(r.available()).isZero();
            assertThat(r.position()).isZero();
            assertThat(r.isEndOfStream()).isFalse();
            assertThat(r.backlog()).isZero();
            assertThat(r.framesConsumed()).isZero();
            assertThat(r.framesDropped()).isZero();
        }
        assertThat(ch.writer().framesPublished()).isZero();
        assertThat(ch.writer().elementsPublished()).isZero();
        assertThat(ch.writer().remaining()).isEqualTo(ch.capacity());
    }

    @Test
    public void readersAreStable() {
        Channel ch = create(4, BACKPRESSURE, BACKPRESSURE);
        assertThat(ch.reader(0)).isSameAs(ch.reader(0)).isNotSameAs(ch.reader(1));
        assertThat(ch.writer()).isSameAs(ch.writer());
    }

    // --------------------------------------------------------------------------- claim / publish / peek / release

    @Test
    public void framesArriveInOrderWithTheirContent() {
        Channel ch = create(STREAM, 4, List.of(BACKPRESSURE));
        ChannelWriter w = ch.writer();
        ChannelReader r = ch.reader(0);
        int cap = ch.capacity();
        long next = 0;
        long expected = 0;
        // Several laps, with every fill level from 1 to capacity.
        for (int batch = 1; batch <= cap; batch++) {
            for (int lap = 0; lap < 3; lap++) {
                for (int i = 0; i < batch; i++, next++) {
                    Frame f = w.claim();
                    int len = (int) (next % 16) + 1;
                    float[] a = f.floats();
                    for (int k = 0; k < len; k++) {
                        a[k] = next * 100 + k;
                    }
                    f.setLength(len).setIndex(next).setTimestampNanos(next * 7).setSampleRate(48_000 + next)
                            .setFlags((int) next & 0xF);
                    w.publish();
                }
                assertThat(r.available()).isEqualTo(batch);
                for (int i = 0; i < batch; i++, expected++) {
                    Frame f = r.peek();
                    assertThat(r.peek()).as("peek() again before release()").isSameAs(f);
                    int len = (int) (expected % 16) + 1;
                    assertThat(f.length()).isEqualTo(len);
                    assertThat(f.index()).isEqualTo(expected);
                    assertThat(f.timestampNanos()).isEqualTo(expected * 7);
                    assertThat(f.sampleRate()).isEqualTo(48_000.0 + expected);
                    assertThat(f.flags()).isEqualTo((int) expected & 0xF);
                    for (int k = 0; k < len; k++) {
                        assertThat(f.floats()[k]).isEqualTo((float) (expected * 100 + k));
                    }
                    r.release();
                }
                assertThat(r.available()).isZero();
            }
        }
        assertThat(w.framesPublished()).isEqualTo(next);
        assertThat(r.framesConsumed()).isEqualTo(next);
    }

    @Test
    public void claimResetsTheHeader() {
        Channel ch = create(1, BACKPRESSURE);
        ChannelWriter w = ch.writer();
        ChannelReader r = ch.reader(0);
        for (int i = 0; i < 3 * ch.capacity() + 1; i++) {
            Frame f = w.claim();
            assertThat(f.length()).as("a record frame starts empty").isZero();
            assertThat(f.index()).isZero();
            assertThat(f.timestampNanos()).isZero();
            assertThat(f.sampleRate()).isZero();
            assertThat(f.flags()).isZero();
            f.setLength(2).setIndex(i + 1).setTimestampNanos(5).setSampleRate(6).setFlags(Frame.FLAG_DISCONTINUITY);
            w.publish();
            r.release();
        }
    }

    @Test
    public void claimResetsVectorFramesToFullLength() {
        Channel ch = create(VECTOR, 1, List.of(BACKPRESSURE));
        ChannelWriter w = ch.writer();
        for (int i = 0; i < 2 * ch.capacity() + 1; i++) {
            Frame f = w.claim();
            assertThat(f.length()).isEqualTo(8);
            f.setLength(3);
            w.publish();
            assertThat(ch.reader(0).peek().length()).isEqualTo(3);
            ch.reader(0).release();
        }
    }

    @Test
    public void claimTwiceBeforePublishReturnsTheSameFrame() {
        Channel ch = create(4, BACKPRESSURE);
        ChannelWriter w = ch.writer();
        Frame first = w.claim();
        first.setLength(1).setRecordLong(0, 0, 42).setIndex(42);
        int remaining = w.remaining();
        Frame second = w.claim();
        assertThat(second).isSameAs(first);
        assertThat(second.index()).as("a second claim keeps what was written").isEqualTo(42);
        assertThat(second.length()).isEqualTo(1);
        assertThat(w.remaining()).as("a repeated claim takes no more room").isEqualTo(remaining);
        w.publish();
        assertThat(w.framesPublished()).isOne();
        assertThat(ch.reader(0).available()).isOne();
        assertThat(read(ch.reader(0))).isEqualTo(42);
        assertThat(w.claim()).as("after publish() the next claim moves on").isNotNull();
    }

    @Test
    public void publishWithoutClaimThrows() {
        Channel ch = create(4, BACKPRESSURE);
        ChannelWriter w = ch.writer();
        assertThatThrownBy(w::publish).isInstanceOf(IllegalStateException.class);
        w.claim();
        w.publish();
        assertThatThrownBy(w::publish).as("publish() twice for one claim()").isInstanceOf(IllegalStateException.class);
        assertThat(w.framesPublished()).isOne();
        assertThat(ch.reader(0).available()).isOne();
    }

    @Test
    public void claimWhenFullThrowsNamingThePort() {
        Channel ch = create(2, BACKPRESSURE);
        ChannelWriter w = ch.writer();
        for (int i = 0; i < ch.capacity(); i++) {
            write(w, i);
        }
        assertThat(w.remaining()).isZero();
        assertThatThrownBy(w::claim)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(w.name());
        assertThat(w.framesPublished()).isEqualTo(ch.capacity());
        // The failed claim broke nothing.
        assertThat(read(ch.reader(0))).isZero();
        write(w, ch.capacity());
        assertThat(drain(ch.reader(0))).isEqualTo(range(1, ch.capacity() + 1));
    }

    @Test
    public void remainingCountsDownAndBackUp() {
        Channel ch = create(4, BACKPRESSURE);
        ChannelWriter w = ch.writer();
        ChannelReader r = ch.reader(0);
        int cap = ch.capacity();
        for (int lap = 0; lap < 3; lap++) {
            for (int i = 0; i < cap; i++) {
                assertThat(w.remaining()).isEqualTo(cap - i);
                write(w, i);
            }
            assertThat(w.remaining()).isZero();
            for (int i = 1; i <= cap; i++) {
                read(r);
                assertThat(w.remaining()).as("after %d releases", i).isEqualTo(i);
            }
        }
        // Partly full: release moves remaining() up even though it never reached zero.
        write(w, 0);
        write(w, 1);
        assertThat(w.remaining()).isEqualTo(cap - 2);
        read(r);
        assertThat(w.remaining()).isEqualTo(cap - 1);
        read(r);
        assertThat(w.remaining()).isEqualTo(cap);
    }

    @ParameterizedTest
    @EnumSource(OverflowPolicy.class)
    public void peekReleaseAndConsumeWithNothingAvailableThrow(OverflowPolicy policy) {
        Channel ch = create(4, policy);
        ChannelReader r = ch.reader(0);
        assertNothingToRead(r);
        write(ch.writer(), 1);
        assertThat(read(r)).isEqualTo(1);
        assertNothingToRead(r);
        ch.writer().complete();
        assertNothingToRead(r);
        assertThat(r.isEndOfStream()).isTrue();
    }

    private static void assertNothingToRead(ChannelReader r) {
        long consumed = r.framesConsumed();
        assertThat(r.available()).isZero();
        assertThatThrownBy(r::peek).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(r::release).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> r.consume(1)).isInstanceOf(IllegalStateException.class);
        assertThat(r.framesConsumed()).as("failed calls consume nothing").isEqualTo(consumed);
        assertThat(r.position()).isZero();
    }

    // ------------------------------------------------------------------------------------------------ fan-out

    @Test
    public void readersShareTheSameFrameAndReleaseIndependently() {
        Channel ch = create(4, BACKPRESSURE, BACKPRESSURE);
        ChannelWriter w = ch.writer();
        ChannelReader a = ch.reader(0);
        ChannelReader b = ch.reader(1);
        int cap = ch.capacity();
        write(w, 7);
        Frame shared = a.peek();
        assertThat(b.peek()).as("fan-out does not copy: both readers get the very same frame").isSameAs(shared);
        assertThat(shared.recordLong(0, 0)).isEqualTo(7);

        a.release();
        assertThat(a.available()).isZero();
        assertThat(b.available()).as("a release by one reader does not consume for the other").isOne();
        assertThat(b.peek()).isSameAs(shared);
        assertThat(b.peek().recordLong(0, 0)).isEqualTo(7);
        assertThat(w.remaining()).as("b still holds frame 7").isEqualTo(cap - 1);

        // a keeps up, b lags: b gates the writer.
        for (int i = 0; i < cap - 1; i++) {
            write(w, 8 + i);
            assertThat(read(a)).isEqualTo(8 + i);
        }
        assertThat(w.remaining()).as("the slowest back-pressure reader gates the writer").isZero();
        assertThat(a.backlog()).isZero();
        assertThat(b.backlog()).isEqualTo(cap);
        assertThat(read(b)).isEqualTo(7);
        assertThat(w.remaining()).isOne();
        write(w, 7 + cap);
        assertThat(w.remaining()).isZero();
        assertThat(drain(b)).isEqualTo(range(8, 8 + cap));
        assertThat(w.remaining()).as("a still holds the newest frame").isEqualTo(cap - 1);
        assertThat(drain(a)).containsExactly(7L + cap);
        assertThat(w.remaining()).isEqualTo(cap);
        assertThat(a.framesConsumed()).isEqualTo(b.framesConsumed()).isEqualTo(cap + 1);
    }

    @Test
    public void readersOfEveryPolicyShareTheSameFrame() {
        Channel ch = create(4, BACKPRESSURE, DROP_OLDEST, KEEP_LATEST);
        write(ch.writer(), 3);
        Frame f = ch.reader(0).peek();
        assertThat(ch.reader(1).peek()).isSameAs(f);
        assertThat(ch.reader(2).peek()).isSameAs(f);
        for (int i = 0; i < 3; i++) {
            ch.reader(i).release();
            assertThat(ch.reader(i).available()).isZero();
        }
    }

    @Test
    public void threeReadersEachSeeEveryFrame() {
        Channel ch = create(8, BACKPRESSURE, BACKPRESSURE, BACKPRESSURE);
        ChannelWriter w = ch.writer();
        List<List<Long>> seen = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Random random = new Random(1);
        long next = 0;
        while (next < 500) {
            int n = random.nextInt(w.remaining() + 1);
            for (int i = 0; i < n; i++) {
                write(w, next++);
            }
            for (int r = 0; r < 3; r++) {
                int k = random.nextInt(ch.reader(r).available() + 1);
                for (int i = 0; i < k; i++) {
                    seen.get(r).add(read(ch.reader(r)));
                }
            }
        }
        for (int r = 0; r < 3; r++) {
            seen.get(r).addAll(drain(ch.reader(r)));
            assertThat(seen.get(r)).isEqualTo(range(0, next));
        }
    }

    // ---------------------------------------------------------------------------------------- end of stream

    @ParameterizedTest
    @EnumSource(OverflowPolicy.class)
    public void endOfStreamOnlyAfterCompleteAndEverythingReleased(OverflowPolicy policy) {
        Channel ch = create(4, policy);
        ChannelWriter w = ch.writer();
        ChannelReader r = ch.reader(0);
        assertThat(r.isEndOfStream()).isFalse();
        write(w, 1);
        write(w, 2);
        assertThat(r.isEndOfStream()).isFalse();
        if (policy != KEEP_LATEST) {
            assertThat(read(r)).isEqualTo(1);
        }
        assertThat(r.isEndOfStream()).as("not completed yet").isFalse();
        w.complete();
        assertThat(r.isEndOfStream()).as("frame 2 is unread").isFalse();
        Frame f = r.peek();
        assertThat(f.recordLong(0, 0)).isEqualTo(2);
        assertThat(r.isEndOfStream()).as("frame 2 is not released").isFalse();
        r.release();
        assertThat(r.isEndOfStream()).isTrue();
        assertThat(r.available()).isZero();
    }

    @ParameterizedTest
    @EnumSource(OverflowPolicy.class)
    public void completingAnEmptyStreamEndsItAtOnce(OverflowPolicy policy) {
        Channel ch = create(4, policy, BACKPRESSURE);
        assertThat(ch.reader(0).isEndOfStream()).isFalse();
        ch.writer().complete();
        assertThat(ch.reader(0).isEndOfStream()).isTrue();
        assertThat(ch.reader(1).isEndOfStream()).isTrue();
    }

    @Test
    public void endOfStreamIsPerReader() {
        Channel ch = create(4, BACKPRESSURE, BACKPRESSURE);
        write(ch.writer(), 1);
        ch.writer().complete();
        read(ch.reader(0));
        assertThat(ch.reader(0).isEndOfStream()).isTrue();
        assertThat(ch.reader(1).isEndOfStream()).isFalse();
        read(ch.reader(1));
        assertThat(ch.reader(1).isEndOfStream()).isTrue();
    }

    // -------------------------------------------------------------------------------------- consume / position

    @ParameterizedTest
    @EnumSource(OverflowPolicy.class)
    public void consumeTakesElementsAndReleasesAUsedUpFrame(OverflowPolicy policy) {
        Channel ch = create(STREAM, 4, List.of(policy));
        ChannelWriter w = ch.writer();
        ChannelReader r = ch.reader(0);
        publishChunk(w, 0, 10);
        if (policy != KEEP_LATEST) {
            publishChunk(w, 1, 5);
        }
        assertThat(r.position()).isZero();
        Frame head = r.peek();
        assertThat(head.index()).isZero();

        r.consume(3);
        assertThat(r.position()).isEqualTo(3);
        assertThat(r.peek()).as("a partly consumed frame stays the head").isSameAs(head);
        r.consume(0);
        assertThat(r.position()).isEqualTo(3);

        assertThatThrownBy(() -> r.consume(8)).as("only 7 elements are left")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> r.consume(-1)).isInstanceOf(IllegalStateException.class);
        assertThat(r.position()).as("a failed consume takes nothing").isEqualTo(3);
        assertThat(r.peek()).isSameAs(head);
        assertThat(r.framesConsumed()).isZero();

        r.consume(7);
        assertThat(r.framesConsumed()).as("using up the frame releases it").isOne();
        assertThat(r.position()).isZero();
        if (policy == KEEP_LATEST) {
            assertThat(r.available()).isZero();
            return;
        }
        assertThat(r.peek().index()).isEqualTo(1);
        r.consume(2);
        assertThat(r.position()).isEqualTo(2);
        r.release();
        assertThat(r.position()).as("release() resets the position").isZero();
        assertThat(r.framesConsumed()).isEqualTo(2);
        assertThat(r.available()).isZero();
        assertThatThrownBy(() -> r.consume(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    public void consumeOfAnEmptyRecordListReleasesIt() {
        Channel ch = create(4, BACKPRESSURE);
        ChannelWriter w = ch.writer();
        w.claim(); // no records: length 0
        w.publish();
        write(w, 5);
        ChannelReader r = ch.reader(0);
        assertThat(r.peek().length()).isZero();
        r.consume(0);
        assertThat(r.framesConsumed()).isOne();
        assertThat(read(r)).isEqualTo(5);
    }

    @Test
    public void positionIsPerReader() {
        Channel ch = create(STREAM, 4, List.of(BACKPRESSURE, BACKPRESSURE));
        publishChunk(ch.writer(), 0, 10);
        ch.reader(0).consume(4);
        assertThat(ch.reader(0).position()).isEqualTo(4);
        assertThat(ch.reader(1).position()).isZero();
        ch.reader(1).consume(10);
        assertThat(ch.reader(1).available()).isZero();
        assertThat(ch.reader(0).position()).isEqualTo(4);
        assertThat(ch.reader(0).available()).isOne();
    }

    protected static void publishChunk(ChannelWriter w, long index, int length) {
        Frame f = w.claim();
        for (int k = 0; k < length; k++) {
            f.floats()[k] = index * 1000 + k;
        }
        f.setLength(length).setIndex(index);
        w.publish();
    }

    // ------------------------------------------------------------------------------------------------- detach

    @Test
    public void aDetachedReaderNoLongerGatesTheWriter() {
        Channel ch = create(4, BACKPRESSURE, BACKPRESSURE);
        ChannelWriter w = ch.writer();
        ChannelReader fast = ch.reader(0);
        ChannelReader slow = ch.reader(1);
        int cap = ch.capacity();
        for (int i = 0; i < cap; i++) {
            write(w, i);
            read(fast);
        }
        assertThat(w.remaining()).isZero();
        slow.detach();
        assertThat(w.isAbandoned()).isFalse();
        assertThat(w.remaining()).isEqualTo(cap);
        for (int i = cap; i < 5 * cap; i++) {
            write(w, i);
            assertThat(read(fast)).isEqualTo(i);
        }
        fast.detach();
        assertThat(w.isAbandoned()).isTrue();
        assertThat(w.remaining()).as("nobody gates an abandoned writer").isPositive();
        write(w, 99);
    }

    @Test
    public void detachingAReaderThatHoldsAFrameFreesIt() {
        Channel ch = create(STREAM, 4, List.of(BACKPRESSURE, BACKPRESSURE));
        ChannelWriter w = ch.writer();
        int cap = ch.capacity();
        for (int i = 0; i < cap; i++) {
            publishChunk(w, i, 4);
        }
        ch.reader(1).peek();
        ch.reader(1).consume(2);
        releaseFrames(ch.reader(0), cap);
        assertThat(w.remaining()).isZero();
        ch.reader(1).detach();
        assertThat(w.remaining()).isEqualTo(cap);
    }

    private static void releaseFrames(ChannelReader r, int frames) {
        for (int i = 0; i < frames; i++) {
            r.release();
        }
    }

    @ParameterizedTest
    @EnumSource(OverflowPolicy.class)
    public void abandonedOnlyWhenEveryReaderDetached(OverflowPolicy policy) {
        Channel ch = create(4, policy, BACKPRESSURE, policy);
        ChannelWriter w = ch.writer();
        assertThat(w.isAbandoned()).isFalse();
        ch.reader(2).detach();
        assertThat(w.isAbandoned()).isFalse();
        ch.reader(0).detach();
        assertThat(w.isAbandoned()).isFalse();
        ch.reader(1).detach();
        assertThat(w.isAbandoned()).isTrue();
    }

    @Test
    public void aChannelWithoutReadersIsNeitherConnectedNorAbandoned() {
        Channel ch = create(RECORDS, 2, List.of());
        ChannelWriter w = ch.writer();
        assertThat(ch.readerCount()).isZero();
        assertThat(w.isConnected()).isFalse();
        assertThat(w.isAbandoned()).isFalse();
        for (int i = 0; i < 10 * ch.capacity(); i++) {
            write(w, i); // never full: nobody gates the writer
        }
        assertThat(w.framesPublished()).isEqualTo(10L * ch.capacity());
        w.complete();
    }

    // ------------------------------------------------------------------------------------------------ metrics

    @Test
    public void metricsCountFramesElementsConsumptionAndBacklog() {
        Channel ch = create(STREAM, 4, List.of(BACKPRESSURE, BACKPRESSURE));
        ChannelWriter w = ch.writer();
        ChannelReader a = ch.reader(0);
        ChannelReader b = ch.reader(1);
        publishChunk(w, 0, 3);
        publishChunk(w, 1, 16);
        publishChunk(w, 2, 0);
        assertThat(w.framesPublished()).isEqualTo(3);
        assertThat(w.elementsPublished()).isEqualTo(19);
        assertThat(a.backlog()).isEqualTo(3);
        assertThat(b.backlog()).isEqualTo(3);
        a.release();
        a.consume(10);
        assertThat(a.framesConsumed()).isOne();
        assertThat(a.backlog()).as("a partly consumed frame is still backlog").isEqualTo(2);
        a.consume(6);
        assertThat(a.framesConsumed()).isEqualTo(2);
        assertThat(a.backlog()).isOne();
        assertThat(b.framesConsumed()).isZero();
        assertThat(b.backlog()).isEqualTo(3);
        assertThat(a.framesDropped()).isZero();
        assertThat(b.framesDropped()).isZero();
        assertThat(w.framesPublished()).as("reading changes nothing on the writer side").isEqualTo(3);
        assertThat(w.elementsPublished()).isEqualTo(19);
    }

    @Test
    public void backlogIsAtMostTheCapacity() {
        Channel ch = create(4, BACKPRESSURE, DROP_OLDEST, KEEP_LATEST);
        ChannelWriter w = ch.writer();
        int cap = ch.capacity();
        for (int i = 0; i < cap; i++) {
            write(w, i);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(ch.reader(i).backlog()).isEqualTo(cap);
        }
        drain(ch.reader(0));
        for (int i = 0; i < 3 * cap; i++) {
            write(w, cap + i);
            read(ch.reader(0));
        }
        assertThat(ch.reader(0).backlog()).isZero();
        assertThat(ch.reader(1).backlog()).isEqualTo(cap);
        assertThat(ch.reader(2).backlog()).isBetween(1, cap);
    }

    // ------------------------------------------------------------------------------------------ lossy readers

    @Test
    public void dropOldestKeepsTheNewestCapacityFramesInOrder() {
        Channel ch = create(4, DROP_OLDEST);
        ChannelWriter w = ch.writer();
        ChannelReader r = ch.reader(0);
        int cap = ch.capacity();
        int total = 3 * cap + 1;
        for (int i = 0; i < total; i++) {
            assertThat(w.remaining()).as("a lossy reader never blocks the writer").isPositive();
            write(w, i);
        }
        assertThat(r.available()).isEqualTo(cap);
        assertThat(r.backlog()).isEqualTo(cap);
        assertThat(drain(r)).isEqualTo(range(total - cap, total));
        assertThat(r.framesDropped()).isEqualTo(total - cap);
        assertThat(r.framesConsumed()).isEqualTo(cap);

        // No overflow afterwards: nothing more is lost.
        write(w, total);
        write(w, total + 1);
        assertThat(drain(r)).containsExactly((long) total, total + 1L);
        assertThat(r.framesDropped()).isEqualTo(total - cap);
    }

    @Test
    public void dropOldestLosesOnlyWhatWasOverwritten() {
        Channel ch = create(4, DROP_OLDEST);
        ChannelWriter w = ch.writer();
        ChannelReader r = ch.reader(0);
        int cap = ch.capacity();
        List<Long> seen = new ArrayList<>();
        long next = 0;
        for (int round = 0; round < 20; round++) {
            int n = round % (2 * cap + 1);
            for (int i = 0; i < n; i++) {
                write(w, next++);
            }
            if (r.available() > 0) {
                seen.add(read(r)); // at most one per round: the reader falls behind
            }
            assertThat(r.framesConsumed() + r.framesDropped() + r.backlog()).isEqualTo(next);
        }
        seen.addAll(drain(r));
        assertThat(seen).isSorted().doesNotHaveDuplicates();
        assertThat(seen.getLast()).isEqualTo(next - 1);
        assertThat(r.framesConsumed()).isEqualTo(seen.size());
        assertThat(r.framesDropped()).isEqualTo(next - seen.size());
    }

    @Test
    public void keepLatestOnlyEverSeesTheNewestFrame() {
        Channel ch = create(4, KEEP_LATEST);
        ChannelWriter w = ch.writer();
        ChannelReader r = ch.reader(0);
        int cap = ch.capacity();
        for (int i = 0; i < 3; i++) {
            write(w, i);
        }
        assertThat(r.available()).isOne();
        assertThat(read(r)).isEqualTo(2);
        assertThat(r.available()).isZero();
        write(w, 3);
        assertThat(read(r)).isEqualTo(3);
        for (int i = 4; i < 4 + 5 * cap; i++) {
            assertThat(w.remaining()).isPositive();
            write(w, i);
            assertThat(r.available()).isOne();
        }
        assertThat(read(r)).isEqualTo(3 + 5L * cap);
        assertThat(r.available()).isZero();
        long published = w.framesPublished();
        assertThat(r.framesConsumed()).isEqualTo(3);
        assertThat(r.framesDropped()).isEqualTo(published - 3);
    }

    @ParameterizedTest
    @EnumSource(value = OverflowPolicy.class, names = {"DROP_OLDEST", "KEEP_LATEST"})
    public void aFrameHeldByALossyReaderIsNotRewrittenWhileTheWriterLapsIt(OverflowPolicy policy) {
        Channel ch = create(VECTOR, 2, List.of(policy));
        ChannelWriter w = ch.writer();
        ChannelReader r = ch.reader(0);
        int cap = ch.capacity();
        writeVector(w, 0);
        Frame held = r.peek();
        assertThat(held.longs()[0]).isZero();
        for (int v = 1; v <= 4 * cap + 1; v++) {
            assertThat(w.remaining()).isPositive();
            Frame f = w.claim();
            assertThat(f).as("the writer must not claim the frame a reader holds").isNotSameAs(held);
            fillVector(f, v);
            w.publish();
            assertThat(r.peek()).as("peek() keeps returning the held frame").isSameAs(held);
        }
        assertVector(held, 0);
        assertThat(r.isEndOfStream()).isFalse();
        r.release();
        long last = 4L * cap + 1;
        if (policy == KEEP_LATEST) {
            assertThat(r.available()).isOne();
            assertVector(r.peek(), last);
            r.release();
        } else {
            assertThat(r.available()).isEqualTo(cap);
            for (long v = last - cap + 1; v <= last; v++) {
                assertVector(r.peek(), v);
                r.release();
            }
        }
        assertThat(r.available()).isZero();
        assertThat(r.framesConsumed() + r.framesDropped()).isEqualTo(w.framesPublished());
    }

    @Test
    public void severalLossyReadersMayEachHoldAFrameWhileTheWriterLaps() {
        Channel ch = create(VECTOR, 2, List.of(DROP_OLDEST, KEEP_LATEST, DROP_OLDEST, KEEP_LATEST));
        ChannelWriter w = ch.writer();
        int cap = ch.capacity();
        long v = 0;
        Frame[] held = new Frame[4];
        long[] heldValue = new long[4];
        // Readers pin frames at different times, so different slots (and spares) are held.
        for (int i = 0; i < 4; i++) {
            writeVector(w, v++);
            held[i] = ch.reader(i).peek();
            heldValue[i] = held[i].longs()[0];
        }
        for (int lap = 0; lap < 5 * cap; lap++) {
            writeVector(w, v++);
            for (int i = 0; i < 4; i++) {
                assertVector(held[i], heldValue[i]);
            }
        }
        // Rotate: each reader releases and takes a new frame while the others keep theirs.
        for (int round = 0; round < 20; round++) {
            int i = round % 4;
            ch.reader(i).release();
            held[i] = ch.reader(i).peek();
            heldValue[i] = held[i].longs()[0];
            for (int k = 0; k < 2 * cap; k++) {
                writeVector(w, v++);
                for (int j = 0; j < 4; j++) {
                    assertVector(held[j], heldValue[j]);
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            ch.reader(i).release();
        }
    }

    @Test
    public void lossyReadersDoNotGateTheWriterButBackPressureReadersDo() {
        Channel ch = create(4, DROP_OLDEST, BACKPRESSURE, KEEP_LATEST);
        ChannelWriter w = ch.writer();
        ChannelReader dropOldest = ch.reader(0);
        ChannelReader backpressure = ch.reader(1);
        ChannelReader keepLatest = ch.reader(2);
        int cap = ch.capacity();
        for (int i = 0; i < cap; i++) {
            write(w, i);
        }
        assertThat(w.remaining()).as("gated by the back-pressure reader alone").isZero();
        read(dropOldest);
        read(keepLatest);
        assertThat(w.remaining()).as("lossy readers free no room").isZero();
        assertThat(read(backpressure)).isZero();
        assertThat(w.remaining()).isOne();

        long next = cap;
        for (int i = 0; i < 5 * cap; i++) {
            write(w, next++);
            assertThat(read(backpressure)).isEqualTo(next - cap);
        }
        assertThat(drain(backpressure)).isEqualTo(range(next - cap + 1, next));
        assertThat(backpressure.framesDropped()).isZero();
        assertThat(drain(dropOldest)).isEqualTo(range(next - cap, next));
        assertThat(drain(keepLatest)).containsExactly(next - 1);
        assertThat(dropOldest.framesConsumed() + dropOldest.framesDropped()).isEqualTo(next);
        assertThat(keepLatest.framesConsumed() + keepLatest.framesDropped()).isEqualTo(next);

        // A detached back-pressure reader leaves a channel of lossy readers that never blocks.
        backpressure.detach();
        for (int i = 0; i < 3 * cap; i++) {
            assertThat(w.remaining()).isPositive();
            write(w, next++);
        }
        w.complete();
        assertThat(drain(dropOldest)).isEqualTo(range(next - cap, next));
        assertThat(drain(keepLatest)).containsExactly(next - 1);
        assertThat(dropOldest.isEndOfStream()).isTrue();
        assertThat(keepLatest.isEndOfStream()).isTrue();
    }

    /**
     * A frame the writer has claimed but not yet published must not take the newest published frame away from
     * a lossy reader: whatever {@code available()} says, {@code peek()} must honour, however small the channel.
     */
    @ParameterizedTest
    @EnumSource(value = OverflowPolicy.class, names = {"DROP_OLDEST", "KEEP_LATEST"})
    public void lossyReadersKeepTheNewestPublishedFrameWhileTheWriterFillsTheNext(OverflowPolicy policy) {
        for (int requested : new int[]{1, 2, 4}) {
            Channel ch = create(VECTOR, requested, List.of(policy));
            ChannelWriter w = ch.writer();
            ChannelReader r = ch.reader(0);
            long v = 0;
            for (int round = 0; round < 3 * ch.capacity() + 2; round++) {
                writeVector(w, v++);
                assertThat(w.remaining()).isPositive();
                Frame claimed = w.claim(); // being filled, not published
                fillVector(claimed, -1);
                assertThat(r.available()).as("requested capacity %d, round %d", requested, round).isPositive();
                Frame f = r.peek();
                assertThat(f).isNotSameAs(claimed);
                long seen = f.index();
                assertVector(f, seen);
                if (policy == KEEP_LATEST) {
                    assertThat(seen).as("the newest published frame").isEqualTo(v - 1);
                } else {
                    assertThat(seen).isBetween(v - ch.capacity(), v - 1);
                }
                r.release();
                fillVector(claimed, v++);
                w.publish();
                Frame after = r.peek();
                assertVector(after, after.index());
                if (policy == KEEP_LATEST) {
                    assertThat(after.index()).isEqualTo(v - 1);
                }
                releaseAll(r);
            }
        }
    }

    private static void releaseAll(ChannelReader r) {
        while (r.available() > 0) {
            r.release();
        }
    }

    @Test
    public void aLossyReaderHoldingAFrameIsNotAtEndOfStream() {
        Channel ch = create(2, DROP_OLDEST);
        ChannelWriter w = ch.writer();
        ChannelReader r = ch.reader(0);
        write(w, 0);
        r.peek();
        for (int i = 1; i < 4 * ch.capacity(); i++) {
            write(w, i);
        }
        w.complete();
        assertThat(r.isEndOfStream()).isFalse();
        r.release();
        List<Long> rest = drain(r);
        assertThat(rest).isNotEmpty();
        assertThat(rest.getLast()).isEqualTo(4L * ch.capacity() - 1);
        assertThat(r.isEndOfStream()).isTrue();
    }

    // ------------------------------------------------------------------------------------- randomized model

    /**
     * Random single-threaded interleavings against a simple model: back-pressure readers must match it exactly,
     * lossy readers must see increasing values from the newest {@code capacity} frames, and every frame is
     * consumed, dropped or still in the backlog.
     */
    @Test
    public void randomInterleavingsMatchTheModel() {
        List<OverflowPolicy> policies = List.of(BACKPRESSURE, DROP_OLDEST, KEEP_LATEST, BACKPRESSURE);
        for (int seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            Channel ch = create(RECORDS, 1 + random.nextInt(8), policies);
            ChannelWriter w = ch.writer();
            int cap = ch.capacity();
            List<Deque<Long>> model = new ArrayList<>();
            long[] lastSeen = new long[policies.size()];
            java.util.Arrays.fill(lastSeen, -1);
            for (int i = 0; i < policies.size(); i++) {
                model.add(new ArrayDeque<>());
            }
            long next = 0;
            for (int step = 0; step < 2000; step++) {
                int op = random.nextInt(policies.size() + 1);
                if (op == policies.size()) {
                    int expectedRemaining = cap;
                    for (int i = 0; i < policies.size(); i++) {
                        if (policies.get(i) == BACKPRESSURE) {
                            expectedRemaining = Math.min(expectedRemaining, cap - model.get(i).size());
                        }
                    }
                    assertThat(w.remaining()).as("seed %d step %d", seed, step).isEqualTo(expectedRemaining);
                    if (expectedRemaining > 0) {
                        write(w, next);
                        for (Deque<Long> q : model) {
                            q.addLast(next);
                        }
                        next++;
                    }
                } else {
                    ChannelReader r = ch.reader(op);
                    if (r.available() == 0) {
                        continue;
                    }
                    long v = read(r);
                    assertThat(v).isGreaterThan(lastSeen[op]);
                    lastSeen[op] = v;
                    Deque<Long> q = model.get(op);
                    if (policies.get(op) == BACKPRESSURE) {
                        assertThat(v).as("seed %d step %d", seed, step).isEqualTo(q.removeFirst());
                    } else {
                        assertThat(v).isGreaterThanOrEqualTo(next - cap);
                        if (policies.get(op) == KEEP_LATEST) {
                            assertThat(v).isEqualTo(next - 1);
                        }
                        q.removeIf(x -> x <= v);
                    }
                }
                for (int i = 0; i < policies.size(); i++) {
                    ChannelReader r = ch.reader(i);
                    assertThat(r.framesConsumed() + r.framesDropped() + r.backlog())
                            .as("seed %d reader %d: consumed + dropped + backlog", seed, i).isEqualTo(next);
                }
            }
            w.complete();
            for (int i = 0; i < policies.size(); i++) {
                List<Long> rest = drain(ch.reader(i));
                if (policies.get(i) == BACKPRESSURE) {
                    assertThat(rest).isEqualTo(new ArrayList<>(model.get(i)));
                } else if (!rest.isEmpty()) {
                    assertThat(rest).isSorted();
                    assertThat(rest.getLast()).isEqualTo(next - 1);
                    assertThat(Collections.min(rest)).isGreaterThan(lastSeen[i]);
                }
                assertThat(ch.reader(i).isEndOfStream()).isTrue();
            }
        }
    }

    // -------------------------------------------------------------------------------------- vector helpers

    protected static void writeVector(ChannelWriter w, long value) {
        assertThat(w.remaining()).isPositive();
        fillVector(w.claim(), value);
        w.publish();
    }

    protected static void fillVector(Frame f, long value) {
        long[] a = f.longs();
        for (int i = 0; i < f.length(); i++) {
            a[i] = value;
        }
        f.setIndex(value);
    }

    protected static void assertVector(Frame f, long value) {
        assertThat(f.index()).isEqualTo(value);
        long[] a = f.longs();
        for (int i = 0; i < f.length(); i++) {
            assertThat(a[i]).as("element %d", i).isEqualTo(value);
        }
    }
}
