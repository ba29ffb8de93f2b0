package dev.weir.engine.api.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.RecordSchema;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreviewSlotTest {

    private static final DataType PLOT = new DataType.VectorOf(ElementType.FLOAT32, Dim.of(64));
    private static final DataType BOXES = new DataType.RecordsOf(RecordSchema.BOXES, Dim.of(8));

    private static PreviewSlot slot(DataType... lanes) {
        return new PreviewSlot("p1", PreviewSpec.of(PreviewKind.TIME_PLOT, "plot"), List.of(lanes));
    }

    /** Writes {@code value} into every lane's header index and payload, as the stress test's writer does. */
    private static void stamp(Frame[] lanes, long value) {
        for (Frame f : lanes) {
            f.setIndex(value);
            switch (f.storage()) {
                case FLOAT -> java.util.Arrays.fill(f.floats(), value);
                case LONG -> {
                    java.util.Arrays.fill(f.longs(), value);
                    f.setLength(f.capacity());
                }
                default -> throw new IllegalStateException(f.storage().name());
            }
        }
    }

    @Test
    void nothingToReadBeforeTheFirstPublish() {
        PreviewSlot s = slot(PLOT);

        assertThat(s.isFresh()).isFalse();
        assertThat(s.acquire()).isNull();
        assertThat(s.acquire()).as("still nothing after asking twice").isNull();
        assertThat(s.publishedCount()).isZero();
    }

    @Test
    void readerGetsWhatWasPublishedAndKeepsItUntilTheNextPublish() {
        PreviewSlot s = slot(PLOT, BOXES);
        stamp(s.claim(), 7);
        s.publish();

        assertThat(s.isFresh()).isTrue();
        Frame[] got = s.acquire();
        assertThat(got).hasSize(2);
        assertThat(got[0].index()).isEqualTo(7);
        assertThat(got[0].floats()).containsOnly(7f);
        assertThat(got[1].longs()).containsOnly(7L);
        assertThat(s.isFresh()).isFalse();
        assertThat(s.acquire()).as("nothing newer: the same set again").isSameAs(got);
        assertThat(got[0].index()).isEqualTo(7);
        assertThat(s.publishedCount()).isEqualTo(1);
    }

    @Test
    void newestPublishWinsAndSetsTheReaderNeverTookAreDropped() {
        PreviewSlot s = slot(PLOT);
        for (long v = 1; v <= 5; v++) {
            stamp(s.claim(), v);
            s.publish();
        }

        assertThat(s.acquire()[0].index()).isEqualTo(5);
        assertThat(s.publishedCount()).isEqualTo(5);

        stamp(s.claim(), 6);
        s.publish();
        stamp(s.claim(), 7);
        s.publish();
        assertThat(s.acquire()[0].index()).isEqualTo(7);
    }

    @Test
    void claimReturnsTheSameSetUntilPublish() {
        PreviewSlot s = slot(PLOT);

        assertThat(s.claim()).isSameAs(s.claim());
        Frame[] before = s.claim();
        s.publish();
        assertThat(s.claim()).isNotSameAs(before);
    }

    /**
     * Walks every interleaving of up to eight claim/publish/acquire steps (3^8 sequences) and checks, after each
     * step, that the writer's set and the reader's set are different objects, and that the reader sees the newest
     * value published before its last acquire.
     */
    @Test
    void writerAndReaderNeverHoldTheSameSet() {
        int steps = 8;
        int sequences = (int) Math.pow(3, steps);
        for (int code = 0; code < sequences; code++) {
            PreviewSlot s = slot(PLOT);
            Set<Frame[]> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            long published = 0;
            long expected = -1; // what the reader should see, -1 for nothing yet
            Frame[] held = null;
            int c = code;
            StringBuilder trace = new StringBuilder();
            for (int i = 0; i < steps; i++, c /= 3) {
                switch (c % 3) {
                    case 0 -> {
                        trace.append(" claim");
                        seen.add(s.claim());
                    }
                    case 1 -> {
                        trace.append(" publish");
                        stamp(s.claim(), ++published);
                        s.publish();
                    }
                    default -> {
                        trace.append(" acquire");
                        expected = published == 0 ? -1 : published;
                        held = s.acquire();
                        if (held != null) {
                            seen.add(held);
                        }
                    }
                }
                if (held != null) {
                    assertThat(s.claim()).as("after%s", trace).isNotSameAs(held);
                    assertThat(held[0].index()).as("reader's value after%s", trace).isEqualTo(expected);
                    assertThat(held[0].floats()).as("reader's payload after%s", trace).containsOnly((float) expected);
                } else {
                    assertThat(expected).as("nothing acquired after%s", trace).isEqualTo(-1);
                }
            }
            assertThat(seen).as("only the slot's three sets ever appear").hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    void refusesNoLanesAndUnresolvedLanes() {
        assertThatThrownBy(() -> slot())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'p1'").hasMessageContaining("lane");
        assertThatThrownBy(() -> slot(new DataType.VectorOf(ElementType.FLOAT32, Dim.any())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'p1'")
                .hasMessageContaining("lane 0").hasMessageContaining("vector<float32>[*]");
    }

    /**
     * One writer thread publishes as fast as it can, stamping every lane's index and payload with a counter; the
     * reader keeps acquiring and checks that a set is never torn (all lanes and all of the payload carry one
     * value) and that values never go backwards.
     */
    @Test
    void concurrentReaderNeverSeesATornOrOlderSet() throws InterruptedException {
        DataType big = new DataType.VectorOf(ElementType.FLOAT32, Dim.of(4096));
        PreviewSlot s = slot(big, BOXES, PLOT);
        long duration = TimeUnit.MILLISECONDS.toNanos(700);
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        AtomicLong written = new AtomicLong();
        Thread writer = Thread.ofPlatform().name("preview-writer").start(() -> {
            try {
                long end = System.nanoTime() + duration;
                long v = 0;
                while (System.nanoTime() < end) {
                    // Float payloads hold the counter exactly only below 2^24; a run stays far under it.
                    stamp(s.claim(), ++v);
                    s.publish();
                }
                written.set(v);
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        });
        long last = 0;
        long reads = 0;
        long distinct = 0;
        while (writer.isAlive() || s.isFresh()) {
            Frame[] lanes = s.acquire();
            if (lanes == null) {
                continue;
            }
            long v = lanes[0].index();
            for (int l = 0; l < lanes.length; l++) {
                Frame f = lanes[l];
                assertThat(f.index()).as("lane %d of set %d", l, v).isEqualTo(v);
                if (f.storage() == dev.weir.engine.api.Storage.FLOAT) {
                    float[] a = f.floats();
                    for (int i = 0; i < a.length; i++) {
                        if (a[i] != v) {
                            throw new AssertionError("torn set: lane " + l + " element " + i + " is " + a[i]
                                    + " in set " + v);
                        }
                    }
                } else {
                    assertThat(f.longs()).as("lane %d of set %d", l, v).containsOnly(v);
                }
            }
            assertThat(v).as("values never go backwards").isGreaterThanOrEqualTo(last);
            if (v > last) {
                distinct++;
            }
            last = v;
            reads++;
        }
        writer.join();
        assertThat(writerFailure.get()).isNull();
        assertThat(last).as("the reader ends on the newest set").isEqualTo(written.get());
        assertThat(s.publishedCount()).isEqualTo(written.get());
        // Not a timing assertion: only that both sides really ran concurrently for a while.
        assertThat(written.get()).isGreaterThan(100);
        assertThat(distinct).isGreaterThan(10);
        assertThat(reads).isGreaterThan(distinct - 1);
    }

    @Test
    void claimPublishAndAcquireAllocateNothingOnceWarm() {
        PreviewSlot s = slot(PLOT, BOXES);
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 50_000; i++) {
            cycle(s, i);
        }
        // A round may see a few bytes once from the JIT swapping code; a real allocation shows in every round.
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 3 && least != 0; round++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 50_000; i++) {
                cycle(s, i);
            }
            least = Math.min(least, mx.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(least).as("bytes allocated by 50,000 claim/publish/acquire cycles").isZero();
    }

    private static long sink;

    private static void cycle(PreviewSlot s, int i) {
        Frame[] w = s.claim();
        w[0].setIndex(i);
        s.publish();
        if ((i & 1) == 0 && s.isFresh()) {
            sink += s.acquire()[0].index();
        }
    }
}
