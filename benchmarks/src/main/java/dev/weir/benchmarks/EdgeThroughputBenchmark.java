package dev.weir.benchmarks;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.runtime.channel.ChannelReader;
import dev.weir.engine.runtime.channel.ChannelWriter;
import dev.weir.engine.runtime.channel.RingChannel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Items per second through one in-process edge, against an LMAX Disruptor 4 ring in the same run.
 *
 * <p>Every variant moves one {@code long} per item from a writer thread (the JMH thread) to a reader thread (a
 * daemon thread started per trial) through a ring of {@value #RING_SIZE} preallocated slots:
 * <ul>
 *   <li>{@link #ringChannel}: a {@link RingChannel} of {@code records<value>[1]} frames (what
 *       {@code basic.counter} emits with {@code element=value}) with one BACKPRESSURE reader. The writer does what
 *       the basic nodes do per frame: {@code remaining() > 0}, {@code claim}, {@code setLength(1)},
 *       {@code setRecordLong}, {@code publish}; the reader takes {@code available()} frames, then
 *       {@code peek / recordLong / release} each.</li>
 *   <li>{@link #disruptor} (the baseline): a {@code Disruptor} with {@code ProducerType.SINGLE}, the event a
 *       preallocated holder of one {@code long}; the writer does {@code next / get / publish}, the reader is
 *       Disruptor's own {@code BatchEventProcessor}.</li>
 *   <li>{@link #disruptorWithFrames} (a control, no goal): the same Disruptor whose preallocated event holds a
 *       Weir {@link Frame} of the same type, written and read exactly like the RingChannel's frames. It separates
 *       what the ring algorithm costs from what the frame format costs.</li>
 * </ul>
 *
 * <p>Every side waits the same way, as Disruptor's {@code YieldingWaitStrategy} does: {@value #SPINS} busy
 * spins, then {@code Thread.yield()} per retry. The Disruptor readers use that strategy; the RingChannel reader
 * and all writers use {@link SpinThenYield}, the same algorithm (the Disruptor writers check
 * {@code hasAvailableCapacity(1)} before {@code next()}, so they never reach the 1 ns park of a full
 * {@code next()}). Yielding rather than pure spinning keeps the numbers meaningful on a small machine that also
 * runs other work: a pure spinner that loses its core stalls its partner for a whole scheduler slice.
 *
 * <p>One operation moves {@value #BATCH} items and then waits until the reader has taken the last one, so the
 * score is items/s end to end.
 *
 * <p><b>A fresh ring per iteration.</b> Every iteration builds a new ring and a new reader thread behind a
 * padding allocation of random size. The score then averages over slot layouts (which neighbouring slots share a
 * cache line with the one being written) and over thread placements, instead of fixing one of each per fork.
 * Runs on a VM still differ by up to 2x to 3x from fork to fork, and sometimes within a fork, for both rings
 * alike (see the README). Use {@code -f} to average over forks.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 16, time = 1)
@Fork(1)
@Threads(1)
public class EdgeThroughputBenchmark {

    /** Slots in every ring. */
    public static final int RING_SIZE = 1024;
    /** Items per benchmark operation. */
    public static final int BATCH = 1 << 16;
    /** Busy spins before a waiter starts yielding (YieldingWaitStrategy's count). */
    public static final int SPINS = 100;

    /** Disruptor's YieldingWaitStrategy as a reusable waiter: spin {@value #SPINS} times, then yield. */
    static final class SpinThenYield {
        private int counter = SPINS;

        void idle() {
            if (counter > 0) {
                counter--;
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }

        void reset() {
            counter = SPINS;
        }
    }

    /** A {@code long} on its own cache line, written by the reader thread and polled by the writer. */
    static final class PaddedLong {
        private static final VarHandle VALUE;

        static {
            try {
                VALUE = MethodHandles.lookup().findVarHandle(PaddedLong.class, "value", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @SuppressWarnings("unused")
        long p01, p02, p03, p04, p05, p06, p07;
        private long value;
        @SuppressWarnings("unused")
        long p11, p12, p13, p14, p15, p16, p17;

        long get() {
            return (long) VALUE.getAcquire(this);
        }

        void set(long v) {
            VALUE.setRelease(this, v);
        }
    }

    /** Shifts the next allocations by a random multiple of 8 bytes below 512, to vary the ring's layout. */
    static Object randomPadding() {
        return new long[ThreadLocalRandom.current().nextInt(64)];
    }

    /** Waits until the reader has taken {@code target} items. */
    private static void awaitConsumed(PaddedLong consumed, long target, SpinThenYield idle) {
        idle.reset();
        while (consumed.get() < target) {
            idle.idle();
        }
    }

    // ---- Weir RingChannel -------------------------------------------------------------------------------------

    @State(Scope.Benchmark)
    public static class RingState {
        ChannelWriter writer;
        ChannelReader reader;
        final PaddedLong consumed = new PaddedLong();
        final SpinThenYield writerIdle = new SpinThenYield();
        long sent;
        volatile boolean running;
        volatile long checksum;
        Thread consumer;
        Object padding;

        @Setup(Level.Iteration)
        public void setUp() {
            sent = 0;
            consumed.set(0);
            padding = randomPadding();
            RingChannel channel = new RingChannel("bench", "out", BenchNodes.VALUE_TYPE, RING_SIZE,
                    List.of(new RingChannel.ReaderSpec("reader", "in", OverflowPolicy.BACKPRESSURE)));
            if (channel.capacity() != RING_SIZE) {
                throw new IllegalStateException("ring capacity " + channel.capacity());
            }
            writer = channel.writer();
            reader = channel.reader(0);
            running = true;
            consumer = Thread.ofPlatform().name("ring-reader").daemon(true).start(this::consume);
        }

        private void consume() {
            ChannelReader in = reader;
            PaddedLong done = consumed;
            SpinThenYield idle = new SpinThenYield();
            long count = 0;
            long sum = 0;
            while (running) {
                int n = in.available();
                if (n == 0) {
                    idle.idle();
                    continue;
                }
                idle.reset();
                sum += drain(in, n);
                count += n;
                done.set(count);
            }
            checksum = sum;
        }

        /** Reads {@code n} available frames; a method of its own so that it is compiled normally, not on-stack. */
        private static long drain(ChannelReader in, int n) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                Frame f = in.peek();
                sum += f.recordLong(0, 0);
                in.release();
            }
            return sum;
        }

        @TearDown(Level.Iteration)
        public void tearDown() throws InterruptedException {
            running = false;
            consumer.join();
            if (consumed.get() != sent) {
                throw new IllegalStateException("reader took " + consumed.get() + " of " + sent + " items");
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long ringChannel(RingState s) {
        ChannelWriter out = s.writer;
        SpinThenYield idle = s.writerIdle;
        long base = s.sent;
        for (int i = 0; i < BATCH; i++) {
            if (out.remaining() == 0) {
                idle.reset();
                do {
                    idle.idle();
                } while (out.remaining() == 0);
            }
            out.claim().setLength(1).setRecordLong(0, 0, base + i);
            out.publish();
        }
        long target = base + BATCH;
        s.sent = target;
        awaitConsumed(s.consumed, target, idle);
        return target;
    }

    // ---- LMAX Disruptor ---------------------------------------------------------------------------------------

    /** The baseline's preallocated event: one long. */
    public static final class LongEvent {
        long value;
    }

    /** The control's preallocated event: a Weir frame, as a RingChannel cell holds one. */
    public static final class FrameEvent {
        final Frame frame = new Frame(BenchNodes.VALUE_TYPE);
    }

    /** A started single-producer Disruptor and the reader's progress. */
    abstract static class DisruptorRun<E> {
        Disruptor<E> disruptor;
        RingBuffer<E> ring;
        final PaddedLong consumed = new PaddedLong();
        final SpinThenYield writerIdle = new SpinThenYield();
        long sent;
        long sum;
        Object padding;
        Thread readerThread;

        void start(Supplier<E> events) {
            sent = 0;
            consumed.set(0);
            padding = randomPadding();
            readerThread = null;
            disruptor = new Disruptor<>(events::get, RING_SIZE, r -> {
                readerThread = Thread.ofPlatform().name("disruptor-reader").daemon(true).unstarted(r);
                return readerThread;
            }, ProducerType.SINGLE, new YieldingWaitStrategy());
            EventHandler<E> handler = (event, sequence, endOfBatch) -> {
                sum += read(event);
                if (endOfBatch) {
                    consumed.set(sequence + 1);
                }
            };
            disruptor.handleEventsWith(handler);
            ring = disruptor.start();
        }

        abstract long read(E event);

        void stop() throws InterruptedException {
            disruptor.halt();
            readerThread.join(); // before the next iteration's reader starts
            if (consumed.get() != sent) {
                throw new IllegalStateException("reader took " + consumed.get() + " of " + sent + " items");
            }
        }

        /** Waits for room the way the other writers do, then claims the next sequence. */
        long next() {
            if (!ring.hasAvailableCapacity(1)) {
                writerIdle.reset();
                do {
                    writerIdle.idle();
                } while (!ring.hasAvailableCapacity(1));
            }
            return ring.next();
        }
    }

    @State(Scope.Benchmark)
    public static class LongEventState extends DisruptorRun<LongEvent> {
        @Setup(Level.Iteration)
        public void setUp() {
            start(LongEvent::new);
        }

        @Override
        long read(LongEvent event) {
            return event.value;
        }

        @TearDown(Level.Iteration)
        public void tearDown() throws InterruptedException {
            stop();
        }
    }

    @State(Scope.Benchmark)
    public static class FrameEventState extends DisruptorRun<FrameEvent> {
        @Setup(Level.Iteration)
        public void setUp() {
            start(FrameEvent::new);
        }

        @Override
        long read(FrameEvent event) {
            return event.frame.recordLong(0, 0);
        }

        @TearDown(Level.Iteration)
        public void tearDown() throws InterruptedException {
            stop();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long disruptor(LongEventState s) {
        RingBuffer<LongEvent> ring = s.ring;
        long base = s.sent;
        for (int i = 0; i < BATCH; i++) {
            long seq = s.next();
            ring.get(seq).value = base + i;
            ring.publish(seq);
        }
        long target = base + BATCH;
        s.sent = target;
        awaitConsumed(s.consumed, target, s.writerIdle);
        return target;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long disruptorWithFrames(FrameEventState s) {
        RingBuffer<FrameEvent> ring = s.ring;
        long base = s.sent;
        for (int i = 0; i < BATCH; i++) {
            long seq = s.next();
            ring.get(seq).frame.clearHeader().setLength(1).setRecordLong(0, 0, base + i);
            ring.publish(seq);
        }
        long target = base + BATCH;
        s.sent = target;
        awaitConsumed(s.consumed, target, s.writerIdle);
        return target;
    }
}
