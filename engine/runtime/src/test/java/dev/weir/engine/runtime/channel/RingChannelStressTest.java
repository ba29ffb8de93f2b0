package dev.weir.engine.runtime.channel;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.model.OverflowPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.weir.engine.model.OverflowPolicy.BACKPRESSURE;
import static dev.weir.engine.model.OverflowPolicy.DROP_OLDEST;
import static dev.weir.engine.model.OverflowPolicy.KEEP_LATEST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RingChannel} under real threads: one writer and several readers, each on its own thread.
 *
 * <p>Sized for a 2-core machine: at most four threads, each backing off with {@link Thread#yield()} when it
 * cannot progress, and each test finishes in well under a few seconds. A failure on any thread stops all of
 * them and is rethrown on the test thread.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RingChannelStressTest {

    /** Deadline for all threads of one test; a test normally needs a fraction of it. */
    private static final long DEADLINE_MS = 8_000;

    private static final DataType ONE_LONG = new DataType.VectorOf(ElementType.INT64, Dim.of(1));
    private static final DataType WIDE = new DataType.VectorOf(ElementType.INT64, Dim.of(64));

    private static RingChannel ring(DataType type, int capacity, List<OverflowPolicy> policies) {
        List<RingChannel.ReaderSpec> specs = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            specs.add(new RingChannel.ReaderSpec("sink" + i, "in" + i, policies.get(i)));
        }
        return new RingChannel("source", "out", type, capacity, specs);
    }

    // ------------------------------------------------------------------------------------------ back-pressure

    @ParameterizedTest(name = "{0} back-pressure readers")
    @ValueSource(ints = {1, 2, 3})
    void everyBackPressureReaderSeesEveryNumberOnceInOrder(int readers) throws Exception {
        final long n = 2_000_000;
        List<OverflowPolicy> policies = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            policies.add(BACKPRESSURE);
        }
        RingChannel ch = ring(ONE_LONG, 1024, policies);
        try (Workers workers = new Workers()) {
            long[] consumed = new long[readers];
            for (int i = 0; i < readers; i++) {
                ChannelReader r = ch.reader(i);
                int id = i;
                workers.start("reader-" + i, () -> {
                    long expected = 0;
                    Backoff backoff = new Backoff();
                    while (true) {
                        int available = r.available();
                        if (available == 0) {
                            if (r.isEndOfStream()) {
                                break;
                            }
                            workers.checkNotAborted();
                            backoff.idle();
                            continue;
                        }
                        backoff.reset();
                        for (int k = 0; k < available; k++) {
                            Frame f = r.peek();
                            long v = f.longs()[0];
                            if (v != expected || f.index() != expected) {
                                throw new AssertionError("reader " + id + " expected " + expected + " but got "
                                        + v + " (index " + f.index() + ")");
                            }
                            r.release();
                            expected++;
                        }
                    }
                    consumed[id] = expected;
                });
            }
            ChannelWriter w = ch.writer();
            workers.start("writer", () -> {
                Backoff backoff = new Backoff();
                long v = 0;
                while (v < n) {
                    int room = w.remaining();
                    if (room == 0) {
                        workers.checkNotAborted();
                        backoff.idle();
                        continue;
                    }
                    backoff.reset();
                    long end = Math.min(n, v + room);
                    for (; v < end; v++) {
                        Frame f = w.claim();
                        f.longs()[0] = v;
                        f.setIndex(v);
                        w.publish();
                    }
                }
                w.complete();
            });
            workers.joinAll();
            for (int i = 0; i < readers; i++) {
                assertThat(consumed[i]).as("frames seen by reader %d", i).isEqualTo(n);
                assertThat(ch.reader(i).framesConsumed()).isEqualTo(n);
                assertThat(ch.reader(i).framesDropped()).isZero();
                assertThat(ch.reader(i).isEndOfStream()).isTrue();
            }
            assertThat(w.framesPublished()).isEqualTo(n);
            assertThat(w.elementsPublished()).isEqualTo(n);
        }
    }

    // -------------------------------------------------------------------------------------- lossy readers

    static List<List<OverflowPolicy>> lossyMixes() {
        return List.of(
                List.of(BACKPRESSURE, DROP_OLDEST),
                List.of(BACKPRESSURE, KEEP_LATEST),
                List.of(BACKPRESSURE, DROP_OLDEST, KEEP_LATEST));
    }

    /**
     * The writer fills each 64-element frame with one value v (v increasing). Slow lossy readers hold each
     * frame for a while, yielding now and then so the writer laps the ring under them, and check the frame is
     * whole and unchanged before and after; a back-pressure reader on the same ring still sees every value.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("lossyMixes")
    void lossyReadersNeverSeeATornOrRewrittenFrame(List<OverflowPolicy> policies) throws Exception {
        final long n = 200_000;
        RingChannel ch = ring(WIDE, 8, policies);
        ChannelWriter w = ch.writer();
        long[] seen = new long[policies.size()];
        long[] last = new long[policies.size()];
        long[] lapped = new long[policies.size()];
        try (Workers workers = new Workers()) {
            for (int i = 0; i < policies.size(); i++) {
                ChannelReader r = ch.reader(i);
                int id = i;
                if (policies.get(i) == BACKPRESSURE) {
                    workers.start("backpressure-" + i, () -> {
                        long expected = 0;
                        Backoff backoff = new Backoff();
                        while (true) {
                            if (r.available() == 0) {
                                if (r.isEndOfStream()) {
                                    break;
                                }
                                workers.checkNotAborted();
                                backoff.idle();
                                continue;
                            }
                            backoff.reset();
                            Frame f = r.peek();
                            assertWhole(f, expected, "back-pressure reader");
                            r.release();
                            expected++;
                        }
                        seen[id] = expected;
                        last[id] = expected - 1;
                    });
                } else {
                    workers.start(policies.get(i) + "-" + i, () -> {
                        SlowLossyReader slow = new SlowLossyReader(r, w, ch.capacity(), id);
                        slow.run(workers);
                        seen[id] = slow.frames;
                        last[id] = slow.last;
                        lapped[id] = slow.lapped;
                    });
                }
            }
            workers.start("writer", () -> {
                Backoff backoff = new Backoff();
                long v = 0;
                while (v < n) {
                    if (w.remaining() == 0) {
                        workers.checkNotAborted();
                        backoff.idle();
                        continue;
                    }
                    backoff.reset();
                    Frame f = w.claim();
                    fill(f, v++);
                    w.publish();
                }
                w.complete();
            });
            workers.joinAll();
        }
        for (int i = 0; i < policies.size(); i++) {
            ChannelReader r = ch.reader(i);
            assertThat(r.isEndOfStream()).isTrue();
            assertThat(last[i]).as("%s reader ends with the last frame", policies.get(i)).isEqualTo(n - 1);
            assertThat(r.framesConsumed()).isEqualTo(seen[i]);
            assertThat(r.framesConsumed() + r.framesDropped()).as("%s: consumed + dropped", policies.get(i))
                    .isEqualTo(n);
            if (policies.get(i) == BACKPRESSURE) {
                assertThat(seen[i]).isEqualTo(n);
            } else {
                assertThat(r.framesDropped()).as("the slow %s reader did fall behind", policies.get(i)).isPositive();
                assertThat(lapped[i]).as("frames the writer lapped while %s held them", policies.get(i)).isPositive();
            }
        }
    }

    /**
     * Lossy readers that each hold a frame for the whole run: the writer must publish everything without ever
     * seeing a full channel, and the held frames must come out untouched.
     */
    @Test
    void lossyReadersHoldingFramesNeverBlockTheWriter() throws Exception {
        final long n = 500_000;
        List<OverflowPolicy> policies = List.of(DROP_OLDEST, KEEP_LATEST);
        RingChannel ch = ring(WIDE, 4, policies);
        ChannelWriter w = ch.writer();
        CountDownLatch holding = new CountDownLatch(policies.size());
        CountDownLatch writerDone = new CountDownLatch(1);
        long[] writerNanos = new long[1];
        long[] last = new long[policies.size()];
        try (Workers workers = new Workers()) {
            for (int i = 0; i < policies.size(); i++) {
                ChannelReader r = ch.reader(i);
                int id = i;
                workers.start("holder-" + i, () -> {
                    Backoff backoff = new Backoff();
                    while (r.available() == 0) {
                        workers.checkNotAborted();
                        backoff.idle();
                    }
                    Frame held = r.peek();
                    long v = held.index();
                    assertWhole(held, v, "held frame before the writer runs");
                    holding.countDown();
                    // Slow as can be: hold the frame until the writer has published everything.
                    if (!writerDone.await(DEADLINE_MS, TimeUnit.MILLISECONDS)) {
                        throw new AssertionError("writer did not finish while the lossy reader held a frame");
                    }
                    assertWhole(held, v, "held frame after the writer lapped the ring many times");
                    r.release();
                    long prev = v;
                    while (true) {
                        if (r.available() == 0) {
                            if (r.isEndOfStream()) {
                                break;
                            }
                            throw new AssertionError("the stream is complete but neither available nor ended");
                        }
                        Frame f = r.peek();
                        long x = f.index();
                        assertWhole(f, x, "frame after the hold");
                        if (x <= prev) {
                            throw new AssertionError("values not increasing: " + prev + " then " + x);
                        }
                        prev = x;
                        r.release();
                    }
                    last[id] = prev;
                });
            }
            workers.start("writer", () -> {
                Frame first = w.claim();
                fill(first, 0);
                w.publish();
                if (!holding.await(DEADLINE_MS, TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("readers never took the first frame");
                }
                long t0 = System.nanoTime();
                for (long v = 1; v < n; v++) {
                    if (w.remaining() <= 0) {
                        throw new AssertionError("the writer was blocked at frame " + v + " by lossy readers");
                    }
                    fill(w.claim(), v);
                    w.publish();
                }
                writerNanos[0] = System.nanoTime() - t0;
                w.complete();
                writerDone.countDown();
            });
            workers.joinAll();
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(writerNanos[0])).as("writer time in ms").isLessThan(5_000);
        for (int i = 0; i < policies.size(); i++) {
            ChannelReader r = ch.reader(i);
            assertThat(last[i]).isEqualTo(n - 1);
            assertThat(r.isEndOfStream()).isTrue();
            assertThat(r.framesConsumed() + r.framesDropped()).isEqualTo(n);
        }
        if (policies.contains(KEEP_LATEST)) {
            assertThat(ch.reader(policies.indexOf(KEEP_LATEST)).framesConsumed()).isEqualTo(2);
        }
        assertThat(ch.reader(policies.indexOf(DROP_OLDEST)).framesConsumed()).isEqualTo(1 + ch.capacity());
    }

    /**
     * A free-running writer and continuously slow lossy readers of one kind: the writer never sees a full
     * channel and finishes in bounded time while the readers are busy holding frames.
     */
    @ParameterizedTest
    @EnumSource(value = OverflowPolicy.class, names = {"DROP_OLDEST", "KEEP_LATEST"})
    void slowLossyReadersNeverBlockAFreeRunningWriter(OverflowPolicy policy) throws Exception {
        final long n = 300_000;
        RingChannel ch = ring(WIDE, 4, List.of(policy, policy));
        ChannelWriter w = ch.writer();
        long[] writerNanos = new long[1];
        long[] frames = new long[2];
        try (Workers workers = new Workers()) {
            for (int i = 0; i < 2; i++) {
                ChannelReader r = ch.reader(i);
                int id = i;
                workers.start("slow-" + i, () -> {
                    SlowLossyReader slow = new SlowLossyReader(r, w, ch.capacity(), id);
                    slow.run(workers);
                    frames[id] = slow.frames;
                    if (slow.last != n - 1) {
                        throw new AssertionError("reader " + id + " ended at " + slow.last);
                    }
                });
            }
            workers.start("writer", () -> {
                long t0 = System.nanoTime();
                for (long v = 0; v < n; v++) {
                    if (w.remaining() <= 0) {
                        throw new AssertionError("the writer was blocked at frame " + v + " by lossy readers");
                    }
                    fill(w.claim(), v);
                    w.publish();
                    if ((v & 1023) == 0) {
                        workers.checkNotAborted();
                    }
                }
                writerNanos[0] = System.nanoTime() - t0;
                w.complete();
            });
            workers.joinAll();
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(writerNanos[0])).as("writer time in ms").isLessThan(5_000);
        for (int i = 0; i < 2; i++) {
            ChannelReader r = ch.reader(i);
            assertThat(r.framesConsumed()).isEqualTo(frames[i]).isLessThan(n);
            assertThat(r.framesConsumed() + r.framesDropped()).isEqualTo(n);
        }
    }

    /**
     * The tightest race of the pin protocol: a one- or two-frame ring, a free-running writer that rewrites the
     * same slots all the time, and lossy readers that peek, check and release as fast as they can. A reader that
     * pinned a cell the writer had already started to rewrite (or had rewritten) would see a torn frame, a
     * value that is not increasing, or one older than the policy allows.
     */
    @ParameterizedTest(name = "requested capacity {0}")
    @ValueSource(ints = {1, 2})
    void fastLossyReadersRacingAFreeRunningWriterNeverSeeATornFrame(int capacity) throws Exception {
        final long n = 300_000;
        List<OverflowPolicy> policies = List.of(KEEP_LATEST, DROP_OLDEST);
        RingChannel ch = ring(WIDE, capacity, policies);
        ChannelWriter w = ch.writer();
        long[] frames = new long[policies.size()];
        try (Workers workers = new Workers()) {
            for (int i = 0; i < policies.size(); i++) {
                ChannelReader r = ch.reader(i);
                int id = i;
                workers.start("racer-" + i, () -> {
                    boolean keepLatest = r.policy() == KEEP_LATEST;
                    long last = -1;
                    long count = 0;
                    int idle = 0;
                    while (true) {
                        long publishedBefore = w.framesPublished();
                        if (r.available() == 0) {
                            if (r.isEndOfStream()) {
                                break;
                            }
                            workers.checkNotAborted();
                            if (++idle % 64 == 0) {
                                Thread.yield();
                            }
                            continue;
                        }
                        Frame f = r.peek();
                        long v = f.index();
                        assertWhole(f, v, r.policy() + " racer");
                        if (v <= last || v < (keepLatest ? publishedBefore - 1 : publishedBefore - ch.capacity())) {
                            throw new AssertionError(r.policy() + " racer: got " + v + " after " + last + " with "
                                    + publishedBefore + " published before peek()");
                        }
                        r.release();
                        last = v;
                        count++;
                    }
                    if (last != n - 1) {
                        throw new AssertionError(r.policy() + " racer ended at " + last);
                    }
                    frames[id] = count;
                });
            }
            workers.start("writer", () -> {
                long seed = 42;
                for (long v = 0; v < n; v++) {
                    if (w.remaining() <= 0) {
                        throw new AssertionError("the writer was blocked at frame " + v + " by lossy readers");
                    }
                    fill(w.claim(), v);
                    w.publish();
                    // A little "work" per frame, so that readers pin while the writer claims: a writer that
                    // only fills frames laps a tiny ring faster than a reader can pin anything.
                    seed ^= seed << 13;
                    seed ^= seed >>> 7;
                    seed ^= seed << 17;
                    for (int i = (int) (seed & 31); i > 0; i--) {
                        Thread.onSpinWait();
                    }
                    if ((v & 4095) == 0) {
                        workers.checkNotAborted();
                        Thread.yield(); // let the readers in on a 2-core machine
                    }
                }
                w.complete();
            });
            workers.joinAll();
        }
        for (int i = 0; i < policies.size(); i++) {
            ChannelReader r = ch.reader(i);
            assertThat(r.framesConsumed()).isEqualTo(frames[i]);
            assertThat(r.framesConsumed() + r.framesDropped()).isEqualTo(n);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Writes {@code v} into every element and the index of a 64-element frame. */
    private static void fill(Frame f, long v) {
        Arrays.fill(f.longs(), 0, f.length(), v);
        f.setIndex(v);
    }

    /** Throws unless every element and the index of {@code f} hold {@code v}. */
    private static void assertWhole(Frame f, long v, String what) {
        if (f.index() != v) {
            throw new AssertionError(what + ": index " + f.index() + ", expected " + v);
        }
        if (f.length() != 64) {
            throw new AssertionError(what + ": length " + f.length());
        }
        long[] a = f.longs();
        for (int i = 0; i < 64; i++) {
            if (a[i] != v) {
                throw new AssertionError(what + ": torn frame, element " + i + " is " + a[i] + ", expected " + v);
            }
        }
    }

    /**
     * A lossy reader that holds every frame for a random while, yielding now and then so that the writer laps
     * the ring while the frame is pinned, and checks that what it holds is whole, unchanged, increasing and
     * recent enough for its policy.
     */
    private static final class SlowLossyReader {
        private final ChannelReader r;
        private final ChannelWriter w;
        private final int capacity;
        private final int id;
        private long seed;
        long frames;
        long last = -1;
        /** Frames the writer lapped while this reader held them. */
        long lapped;

        SlowLossyReader(ChannelReader r, ChannelWriter w, int capacity, int id) {
            this.r = r;
            this.w = w;
            this.capacity = capacity;
            this.id = id;
            this.seed = 0x9E3779B97F4A7C15L * (id + 1);
        }

        private int nextRandom() {
            seed ^= seed << 13;
            seed ^= seed >>> 7;
            seed ^= seed << 17;
            return (int) (seed >>> 33);
        }

        void run(Workers workers) throws InterruptedException {
            Backoff backoff = new Backoff();
            boolean keepLatest = r.policy() == KEEP_LATEST;
            while (true) {
                long publishedBefore = w.framesPublished();
                if (r.available() == 0) {
                    if (r.isEndOfStream()) {
                        return;
                    }
                    workers.checkNotAborted();
                    backoff.idle();
                    continue;
                }
                backoff.reset();
                Frame f = r.peek();
                long v = f.index();
                String who = r.policy() + " reader " + id;
                assertWhole(f, v, who + " at peek");
                if (v <= last) {
                    throw new AssertionError(who + ": " + v + " after " + last);
                }
                long oldestAllowed = keepLatest ? publishedBefore - 1 : publishedBefore - capacity;
                if (v < oldestAllowed) {
                    throw new AssertionError(who + ": got " + v + " although " + publishedBefore
                            + " frames were published before peek()");
                }
                // Hold the frame: spin a bit, then give the core away, so that on a small machine the writer
                // runs (and laps the ring) while the frame is pinned.
                int spin = nextRandom() & 255;
                for (int i = 0; i < spin; i++) {
                    Thread.onSpinWait();
                }
                Thread.yield();
                if (w.framesPublished() > v + capacity) {
                    lapped++; // the ring slot of v has been rewritten meanwhile: the writer had to swap
                }
                assertWhole(f, v, who + " after holding the frame");
                if (r.peek() != f) {
                    throw new AssertionError(who + ": peek() changed before release()");
                }
                r.release();
                frames++;
                last = v;
            }
        }
    }

    /** Spins briefly, then yields: there are only two cores for up to four threads. */
    private static final class Backoff {
        private int idle;

        void idle() {
            if (idle++ < 32) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }

        void reset() {
            idle = 0;
        }
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    /** Threads of one test: the first failure aborts the others and is rethrown by {@link #joinAll()}. */
    private static final class Workers implements AutoCloseable {
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean abort;

        void start(String name, Body body) {
            Thread t = new Thread(() -> {
                try {
                    body.run();
                } catch (Aborted ignored) {
                    // another thread failed first
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    abort = true;
                }
            }, "stress-" + name);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }

        void checkNotAborted() {
            if (abort) {
                throw new Aborted();
            }
        }

        void joinAll() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
            for (Thread t : threads) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left > 0) {
                    t.join(left);
                }
                if (t.isAlive()) {
                    StringBuilder where = new StringBuilder();
                    for (StackTraceElement e : t.getStackTrace()) {
                        where.append("\n\tat ").append(e);
                    }
                    abort = true;
                    Throwable first = failure.get();
                    AssertionError hang = new AssertionError(t.getName() + " did not finish within " + DEADLINE_MS
                            + " ms" + where, first);
                    throw hang;
                }
            }
            Throwable first = failure.get();
            if (first instanceof Error e) {
                throw e;
            }
            if (first != null) {
                throw new AssertionError(first);
            }
        }

        @Override
        public void close() throws InterruptedException {
            abort = true;
            for (Thread t : threads) {
                t.join(1_000);
            }
        }
    }

    private static final class Aborted extends RuntimeException {
        Aborted() {
            super(null, null, false, false);
        }
    }
}
