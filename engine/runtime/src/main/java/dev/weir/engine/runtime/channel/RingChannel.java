package dev.weir.engine.runtime.channel;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.model.OverflowPolicy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Objects;

/**
 * The in-process channel: a bounded single-writer, multi-reader ring of preallocated frames, as in GNU Radio's
 * buffers and Disruptor's ring. Every reader sees the same frames, so fan-out never copies.
 *
 * <pre>
 *                      published (next seq to write)
 *                              v
 *   cells: [ s-8 | s-7 | ... | s-1 |  s  | ... ]   cell index = seq &amp; mask
 *                 ^                 ^
 *     reader B cursor          reader A cursor      (each reader: next seq to read)
 *
 *   writer may claim seq w  iff  w - cursor &lt; capacity  for every live BACKPRESSURE reader
 * </pre>
 *
 * <h2>Lossy readers</h2>
 * DROP_OLDEST and KEEP_LATEST readers never gate the writer. When the writer is about to lap such a reader it
 * moves the reader's cursor forward with a CAS (the reader loses the oldest frames). A lossy reader may be
 * reading the very frame the writer wants to overwrite; to keep that frame intact without waiting, each frame
 * lives in a {@link Cell} with a pin count, and the writer swaps a pinned cell for a spare one. The protocol is
 * a Dekker-style handshake on two volatile fields:
 * <pre>
 *   writer (claim)                       lossy reader (peek)
 *   cell.seq = WRITING   (volatile)      cell.pins += 1        (volatile)
 *   if cell.pins != 0: swap cell         if cell.seq != c: unpin, retry
 * </pre>
 * Either the writer sees the pin and swaps, or the reader sees WRITING and retries, so a reader never reads a
 * frame that is being rewritten. Each lossy reader pins at most one cell at a time, so one spare cell per lossy
 * reader always leaves an unpinned one to swap in.
 *
 * <p>Channels whose readers all apply back-pressure skip all of this: no pins, no CAS, only two ordered stores
 * per published frame.
 */
public final class RingChannel implements Channel {

    private static final long WRITING = -1L;
    private static final VarHandle PINS;
    private static final VarHandle CELL_SEQ;
    private static final VarHandle OPAQUE_LONG;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            PINS = l.findVarHandle(Cell.class, "pins", int.class);
            CELL_SEQ = l.findVarHandle(Cell.class, "seq", long.class);
            OPAQUE_LONG = l.findVarHandle(Counter.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A frame and the state that lets lossy readers read it safely. */
    static final class Cell {
        final Frame frame;
        volatile long seq = Long.MIN_VALUE;
        volatile int pins;

        Cell(Frame frame) {
            this.frame = frame;
        }
    }

    /** A single-writer counter that other threads read for metrics. */
    static final class Counter {
        long value;

        void add(long n) {
            OPAQUE_LONG.setOpaque(this, value + n);
        }

        long read() {
            return (long) OPAQUE_LONG.getOpaque(this);
        }
    }

    private final String name;
    private final String writerPort;
    private final DataType type;
    private final int capacity;
    private final int mask;
    private final Cell[] cells;
    private final Cell[] spares;
    private final boolean lossy;
    private final Sequence published = new Sequence(0);
    private volatile boolean completed;
    private final RingWriter writer;
    private final RingReader[] readers;
    private final RingReader[] backpressureReaders;
    private final RingReader[] lossyReaders;

    /**
     * One reader of a ring.
     *
     * @param node   reading node id, for messages
     * @param port   reading port name, which is also the port's {@code name()}
     * @param policy what the reader does when it falls behind
     */
    public record ReaderSpec(String node, String port, OverflowPolicy policy) {
        public ReaderSpec {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /**
     * Creates a ring and preallocates all its frames.
     *
     * @param writerNode        writing node id, for messages
     * @param writerPort        writing port name, which is also the writer's {@code name()}
     * @param type              resolved item type
     * @param requestedCapacity frames per reader; rounded up to a power of two, and to at least 2 when a reader
     *                          is lossy
     * @param readerSpecs       the readers
     */
    public RingChannel(String writerNode, String writerPort, DataType type, int requestedCapacity,
                       List<ReaderSpec> readerSpecs) {
        this.name = writerNode + "." + writerPort;
        this.writerPort = Objects.requireNonNull(writerPort, "writerPort");
        this.type = Objects.requireNonNull(type, "type");
        if (requestedCapacity < 1) {
            throw new IllegalArgumentException("channel " + name + ": capacity must be >= 1");
        }
        int lossyCount = 0;
        for (ReaderSpec r : readerSpecs) {
            if (r.policy() != OverflowPolicy.BACKPRESSURE) {
                lossyCount++;
            }
        }
        this.lossy = lossyCount > 0;
        // A lossy reader needs a second slot: claim() moves it to the oldest frame that stays intact,
        // next - capacity + 1, before publish(). With one slot that is `next` itself, not yet published, and the
        // only slot is being rewritten in place, so between claim() and publish() a lossy reader that had seen
        // available() == 1 found nothing and its peek() threw. With two slots, frame next - 1 stays readable.
        this.capacity = roundUpToPowerOfTwo(lossy ? Math.max(2, requestedCapacity) : requestedCapacity);
        this.mask = capacity - 1;
        this.cells = new Cell[capacity];
        for (int i = 0; i < capacity; i++) {
            cells[i] = new Cell(new Frame(type));
        }
        this.spares = new Cell[lossyCount];
        for (int i = 0; i < lossyCount; i++) {
            spares[i] = new Cell(new Frame(type));
        }
        this.readers = new RingReader[readerSpecs.size()];
        this.lossyReaders = new RingReader[lossyCount];
        this.backpressureReaders = new RingReader[readers.length - lossyCount];
        int b = 0;
        int l = 0;
        for (int i = 0; i < readers.length; i++) {
            RingReader r = new RingReader(readerSpecs.get(i));
            readers[i] = r;
            if (r.lossy) {
                lossyReaders[l++] = r;
            } else {
                backpressureReaders[b++] = r;
            }
        }
        this.writer = new RingWriter();
    }

    /** The smallest power of two that is at least {@code n} (n in 1..2^30). */
    static int roundUpToPowerOfTwo(int n) {
        if (n > 1 << 30) {
            throw new IllegalArgumentException("capacity " + n + " is too large");
        }
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public ChannelWriter writer() {
        return writer;
    }

    @Override
    public int readerCount() {
        return readers.length;
    }

    @Override
    public ChannelReader reader(int i) {
        return readers[i];
    }

    @Override
    public String toString() {
        return "RingChannel[" + name + ", " + type.describe() + ", capacity " + capacity + ", readers " + readers.length + "]";
    }

    private final class RingWriter implements ChannelWriter {
        /** Sequence of the next frame to claim; equals frames published. Writer thread only. */
        private long next;
        private Cell claimed;
        /** Smallest back-pressure cursor last seen; refreshed by remaining(), and by claim() when it seems to leave no room. */
        private long gate;
        private final Counter elements = new Counter();

        @Override
        public String name() {
            return writerPort;
        }

        @Override
        public DataType type() {
            return type;
        }

        @Override
        public boolean isConnected() {
            return readers.length > 0;
        }

        /**
         * Exact: re-reads the back-pressure cursors on every call. (It used to re-read them only when the cached
         * {@link #gate} showed a full ring, so after readers released frames it kept reporting the old, smaller
         * value; a processor that needs k &gt; 1 frames of room, waiting for {@code remaining() >= k}, could then
         * wait forever on a drained channel.) The cheap cached check stays in {@link #claim()}.
         */
        @Override
        public int remaining() {
            gate = minBackpressureCursor();
            return (int) (capacity - (next - gate));
        }

        /** Whether one frame can be claimed: the cached gate suffices unless it shows a full ring. */
        private boolean hasRoom() {
            if (next - gate < capacity) {
                return true;
            }
            gate = minBackpressureCursor();
            return next - gate < capacity;
        }

        private long minBackpressureCursor() {
            long min = next;
            for (RingReader r : backpressureReaders) {
                if (!r.detached) {
                    min = Math.min(min, r.cursor.get());
                }
            }
            return min;
        }

        @Override
        public Frame claim() {
            if (claimed != null) {
                return claimed.frame;
            }
            if (!hasRoom()) {
                throw new IllegalStateException("output " + name + " is full: check remaining() before claim()");
            }
            int index = (int) next & mask;
            Cell cell = cells[index];
            if (lossy) {
                overtakeLossyReaders();
                CELL_SEQ.setVolatile(cell, WRITING);
                if ((int) PINS.getVolatile(cell) != 0) {
                    cell = swapPinnedCell(index, cell);
                }
            }
            claimed = cell;
            cell.frame.clearHeader();
            return cell.frame;
        }

        /** Moves every lossy reader that the next frame would lap past the frame that will be overwritten. */
        private void overtakeLossyReaders() {
            long oldestKept = next - capacity + 1;
            for (RingReader r : lossyReaders) {
                long c = r.cursor.get();
                if (c < oldestKept && !r.detached && r.cursor.compareAndSet(c, oldestKept)) {
                    r.droppedByWriter.add(oldestKept - c);
                }
            }
        }

        /** Puts an unpinned spare in place of {@code pinned}; the pinned cell becomes a spare once unpinned. */
        private Cell swapPinnedCell(int index, Cell pinned) {
            for (int i = 0; i < spares.length; i++) {
                Cell spare = spares[i];
                if ((int) PINS.getVolatile(spare) == 0) {
                    CELL_SEQ.setVolatile(spare, WRITING);
                    if ((int) PINS.getVolatile(spare) != 0) {
                        continue; // a reader that still had a stale reference pinned it meanwhile
                    }
                    spares[i] = pinned;
                    cells[index] = spare; // published to readers by the release store in publish()
                    return spare;
                }
            }
            throw new IllegalStateException("channel " + name + ": no unpinned spare frame; a lossy reader pins more than one frame");
        }

        @Override
        public void publish() {
            Cell cell = claimed;
            if (cell == null) {
                throw new IllegalStateException("output " + name + ": publish() without claim()");
            }
            claimed = null;
            elements.add(cell.frame.length());
            if (lossy) {
                CELL_SEQ.setRelease(cell, next);
            }
            next++;
            published.setRelease(next);
        }

        @Override
        public void complete() {
            completed = true;
        }

        @Override
        public boolean isAbandoned() {
            if (readers.length == 0) {
                return false;
            }
            for (RingReader r : readers) {
                if (!r.detached) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public long framesPublished() {
            return published.get();
        }

        @Override
        public long elementsPublished() {
            return elements.read();
        }
    }

    private final class RingReader implements ChannelReader {
        private final String readerName;
        private final String portName;
        private final OverflowPolicy policy;
        private final boolean lossy;
        private final boolean keepLatest;
        /** Next sequence to read. Written by this reader; also moved forward by the writer for lossy readers. */
        final Sequence cursor = new Sequence(0);
        volatile boolean detached;
        final Counter droppedByWriter = new Counter();
        private final Counter droppedBySelf = new Counter();
        private final Counter consumed = new Counter();
        /** Lossy readers only: the pinned cell and its sequence, between peek and release. */
        private Cell held;
        private long heldSeq;
        private int position;

        RingReader(ReaderSpec spec) {
            this.readerName = spec.node() + "." + spec.port();
            this.portName = spec.port();
            this.policy = spec.policy();
            this.lossy = policy != OverflowPolicy.BACKPRESSURE;
            this.keepLatest = policy == OverflowPolicy.KEEP_LATEST;
        }

        @Override
        public String name() {
            return portName;
        }

        @Override
        public DataType type() {
            return type;
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public OverflowPolicy policy() {
            return policy;
        }

        @Override
        public int available() {
            if (held != null) {
                return 1;
            }
            long unread = published.get() - cursor.get();
            if (unread <= 0) {
                return 0;
            }
            if (keepLatest) {
                return 1;
            }
            return (int) Math.min(unread, capacity);
        }

        @Override
        public Frame peek() {
            if (!lossy) {
                long c = cursor.getPlain();
                if (published.get() <= c) {
                    throw new IllegalStateException("input " + readerName + ": peek() with nothing available");
                }
                return cells[(int) c & mask].frame;
            }
            return pin().frame;
        }

        private Cell pin() {
            if (held != null) {
                return held;
            }
            while (true) {
                long c = cursor.get();
                long p = published.get();
                if (c >= p) {
                    throw new IllegalStateException("input " + readerName + ": peek() with nothing available");
                }
                long wanted = keepLatest ? p - 1 : Math.max(c, p - capacity);
                if (wanted > c) {
                    if (cursor.compareAndSet(c, wanted)) {
                        droppedBySelf.add(wanted - c);
                    }
                    continue;
                }
                Cell cell = cells[(int) c & mask];
                PINS.getAndAdd(cell, 1);
                if ((long) CELL_SEQ.getVolatile(cell) != c) {
                    // Overwritten, or being written: the writer has moved our cursor on; look again.
                    PINS.getAndAdd(cell, -1);
                    Thread.onSpinWait();
                    continue;
                }
                held = cell;
                heldSeq = c;
                return cell;
            }
        }

        @Override
        public void release() {
            if (!lossy) {
                long c = cursor.getPlain();
                if (published.get() <= c) {
                    throw new IllegalStateException("input " + readerName + ": release() with nothing available");
                }
                position = 0;
                consumed.add(1);
                cursor.setRelease(c + 1);
                return;
            }
            Cell cell = pin();
            held = null;
            position = 0;
            PINS.getAndAdd(cell, -1);
            consumed.add(1);
            if (!cursor.compareAndSet(heldSeq, heldSeq + 1)) {
                // The writer already moved us past this frame and counted it as dropped, but we did read it.
                droppedBySelf.add(-1);
            }
        }

        @Override
        public int position() {
            return position;
        }

        @Override
        public void consume(int elements) {
            Frame f = peek();
            position = ChannelReader.advance(readerName, f, position, elements);
            if (position == f.length()) {
                release();
            }
        }

        @Override
        public boolean isEndOfStream() {
            return completed && held == null && cursor.get() >= published.get();
        }

        @Override
        public void detach() {
            if (held != null) {
                PINS.getAndAdd(held, -1);
                held = null;
            }
            detached = true;
        }

        @Override
        public long framesConsumed() {
            return consumed.read();
        }

        @Override
        public long framesDropped() {
            return droppedByWriter.read() + droppedBySelf.read();
        }

        @Override
        public int backlog() {
            return (int) Math.max(0, Math.min(capacity, published.get() - cursor.get()));
        }
    }
}
