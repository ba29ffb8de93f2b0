package dev.weir.engine.ipc;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.runtime.channel.Channel;
import dev.weir.engine.runtime.channel.ChannelReader;
import dev.weir.engine.runtime.channel.ChannelWriter;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A channel on Chronicle Queue: one writer, any number of readers, each end possibly in another process. Frames go
 * into the queue in {@link FrameCodec}'s flat layout; the processes coordinate through a {@link ChannelControl}
 * file in the same folder.
 *
 * <pre>
 *   folder/
 *     channel.ctl      published, completed, reader cursors, segment starts, index ring (ChannelControl)
 *     seg-0000/        a Chronicle queue: frames 0 .. start(1)-1
 *     seg-0001/        opened by a restarted writer, or when seg-0000 passed the roll size
 *     ...
 * </pre>
 *
 * <b>Segments.</b> A writer opens a fresh segment whenever it starts (so a writer killed in the middle of a record
 * never leaves a half-written record in the way of its successor: readers switch segments by frame number and
 * never reach it) and whenever the current one has taken {@code rollBytes}. When every attached reader has passed a
 * segment and the channel does not record, the writer deletes it, so a long run keeps a bounded amount on disk.
 *
 * <p><b>Overflow policies</b> behave as in the in-process ring: back-pressure readers gate the writer by their
 * cursors ({@code remaining = capacity - (published - min cursor)}); a DROP_OLDEST reader that is more than
 * {@code capacity} behind skips to the newest {@code capacity} frames, a KEEP_LATEST reader to the newest one. The
 * queue never overwrites, so a lossy reader may hold a frame as long as it likes. Unlike the ring, every reader owns
 * its {@link Frame} (a copy out of the mapped queue), so fan-out copies once per reader.
 *
 * <p>Threading as for any {@link Channel}: the writer on one thread, each reader on one thread, metrics from any.
 */
public final class QueueChannel implements Channel, AutoCloseable {

    static {
        JvmFlags.disableAnalytics();
    }

    /** The control file's name in a channel folder. */
    public static final String CONTROL_FILE = "channel.ctl";
    /** Default bytes after which the writer starts a new segment. */
    public static final long DEFAULT_ROLL_BYTES = 256L << 20;

    /**
     * One reader.
     *
     * @param node   reading node id, for messages
     * @param port   reading port, the reader's {@code name()}
     * @param policy what the reader does when it falls behind
     */
    public record ReaderSpec(String node, String port, OverflowPolicy policy) {
        public ReaderSpec {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(policy, "policy");
        }
    }

    private final Path dir;
    private final String name;
    private final String writerPort;
    private final DataType type;
    private final List<ReaderSpec> specs;
    private final ChannelControl control;
    private final boolean keep;
    private final long rollBytes;
    private final int maxRecordBytes;
    /** Set while the local session fails: ends and detaches are then not written, so the group can restart. */
    private final BooleanSupplier failing;
    private QueueWriter writer;
    private final QueueReader[] readers;

    private QueueChannel(Path dir, String name, String writerPort, DataType type, List<ReaderSpec> specs,
                         ChannelControl control, boolean keep, long rollBytes, BooleanSupplier failing) {
        this.dir = dir;
        this.name = name;
        this.writerPort = writerPort;
        this.type = type;
        this.specs = List.copyOf(specs);
        this.control = control;
        this.keep = keep;
        this.rollBytes = rollBytes;
        this.failing = failing;
        this.maxRecordBytes = FrameCodec.maxEncodedBytes(new Frame(type));
        this.readers = new QueueReader[specs.size()];
        if (control.readers() != specs.size()) {
            control.close();
            throw new IllegalStateException("channel " + name + ": control file has " + control.readers()
                    + " readers, the plan " + specs.size());
        }
    }

    /**
     * The capacity a channel asked for {@code requested} frames gets: a power of two (the index ring is masked),
     * and at least 2 with a lossy reader, as the ring has.
     */
    public static int capacityFor(int requested, List<ReaderSpec> specs) {
        if (requested < 1 || requested > 1 << 30) {
            throw new IllegalArgumentException("capacity must be in 1..2^30, was " + requested);
        }
        boolean lossy = specs.stream().anyMatch(s -> s.policy() != OverflowPolicy.BACKPRESSURE);
        int n = lossy ? Math.max(2, requested) : requested;
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /**
     * Creates the channel's folder and control file (replacing a control file already there) and opens it.
     *
     * @param dir        the channel folder
     * @param writerNode writing node id; {@code writerNode.writerPort} names the channel in messages
     * @param capacity   requested frames per reader
     * @param keep       whether the queue is a recording (never deleted)
     */
    public static QueueChannel create(Path dir, String writerNode, String writerPort, DataType type, int capacity,
                                      List<ReaderSpec> specs, boolean keep) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create channel folder " + dir, e);
        }
        ChannelControl c = ChannelControl.create(dir.resolve(CONTROL_FILE), capacityFor(capacity, specs), specs.size());
        return new QueueChannel(dir, writerNode + "." + writerPort, writerPort, type, specs, c, keep,
                DEFAULT_ROLL_BYTES, () -> false);
    }

    /**
     * Opens a channel another process created (the coordinator creates every channel of a run before it starts
     * the workers).
     *
     * @param failing true while this process's session is failing (see {@link dev.weir.engine.runtime.TransportRun#failing()})
     */
    public static QueueChannel open(Path dir, String writerNode, String writerPort, DataType type,
                                    List<ReaderSpec> specs, boolean keep, BooleanSupplier failing) {
        return new QueueChannel(dir, writerNode + "." + writerPort, writerPort, type, specs,
                ChannelControl.open(dir.resolve(CONTROL_FILE)), keep, DEFAULT_ROLL_BYTES, failing);
    }

    /** The same channel with another roll size (tests roll small). */
    QueueChannel withRollBytes(long bytes) {
        return new QueueChannel(dir, name, writerPort, type, specs, control, keep, bytes, failing);
    }

    /** The channel folder. */
    public Path dir() {
        return dir;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public int capacity() {
        return control.capacity();
    }

    @Override
    public synchronized ChannelWriter writer() {
        if (writer == null) {
            writer = new QueueWriter();
        }
        return writer;
    }

    @Override
    public int readerCount() {
        return readers.length;
    }

    @Override
    public synchronized ChannelReader reader(int i) {
        if (readers[i] == null) {
            readers[i] = new QueueReader(i, specs.get(i));
        }
        return readers[i];
    }

    // ---- what the supervisor does for a group that stays down --------------------------------------------------

    /** Ends the stream for every reader: the writing group is gone for good. */
    void markCompleted() {
        control.setCompleted();
    }

    /** Stops reader {@code i} from gating the writer: the reading group is gone for good. */
    void markDetached(int i) {
        control.setDetached(i);
    }

    /** Frames published (any thread, any process). */
    long published() {
        return control.published();
    }

    /** Backlog of reader {@code i} from the shared counters (metrics for a reader in another process). */
    int backlogOf(int i) {
        return (int) Math.max(0, Math.min(capacity(), control.published() - control.cursor(i)));
    }

    long consumedOf(int i) {
        return control.cursor(i) - control.dropped(i);
    }

    long droppedOf(int i) {
        long virtual = specs.get(i).policy() == OverflowPolicy.BACKPRESSURE ? 0
                : Math.max(0, control.published() - capacity() - control.cursor(i));
        return control.dropped(i) + virtual;
    }

    /** Closes this process's queues and unmaps the control file. Any thread, once every end is idle. */
    @Override
    public synchronized void close() {
        if (writer != null) {
            writer.closeQueue();
        }
        for (QueueReader r : readers) {
            if (r != null) {
                r.closeQueue();
            }
        }
        control.close();
    }

    @Override
    public String toString() {
        return "QueueChannel[" + name + ", " + type.describe() + ", capacity " + capacity() + ", readers "
                + readers.length + ", " + dir + "]";
    }

    private Path segmentDir(int k) {
        return dir.resolve(String.format("seg-%04d", k));
    }

    /** Deletes a queue folder; a file still mapped elsewhere goes when its last mapping does (POSIX). */
    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }

    // ---- writer -----------------------------------------------------------------------------------------------

    private final class QueueWriter implements ChannelWriter {
        private final Frame frame = new Frame(type);
        private SingleChronicleQueue queue;
        private ExcerptAppender appender;
        private int segment = -1;
        private long segmentBytes;
        private long next;
        private long gate;
        private long elements;
        private boolean claimed;
        private boolean opened;

        /** Opens a new segment; the first frame goes there. On the writer's thread, lazily. */
        private void ensureOpen() {
            if (opened) {
                return;
            }
            opened = true;
            next = control.published();
            elements = control.elements();
            gate = next;
            newSegment();
        }

        private void newSegment() {
            int previous = segment;
            closeQueue();
            segment = control.addSegment(next);
            queue = Queues.open(segmentDir(segment), maxRecordBytes);
            appender = queue.createAppender();
            appender.singleThreadedCheckDisabled(true);
            segmentBytes = 0;
            if (previous >= 0 && !keep) {
                deletePassedSegments();
            }
        }

        /** Deletes segments every attached reader has left behind (never the newest). */
        private void deletePassedSegments() {
            long min = next;
            for (int i = 0; i < readers.length; i++) {
                if (!control.detached(i)) {
                    min = Math.min(min, control.cursor(i));
                }
            }
            int last = control.segmentCount() - 1;
            for (int k = 0; k < last; k++) {
                if (control.segmentStart(k + 1) <= min) {
                    deleteTree(segmentDir(k));
                }
            }
        }

        void closeQueue() {
            if (appender != null) {
                appender.close();
                appender = null;
            }
            if (queue != null) {
                queue.close();
                queue = null;
            }
        }

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

        private long minBackpressureCursor() {
            long min = next;
            for (int i = 0; i < readers.length; i++) {
                if (specs.get(i).policy() == OverflowPolicy.BACKPRESSURE && !control.detached(i)) {
                    min = Math.min(min, control.cursor(i));
                }
            }
            return min;
        }

        @Override
        public int remaining() {
            ensureOpen();
            gate = minBackpressureCursor();
            return (int) (capacity() - (next - gate));
        }

        @Override
        public Frame claim() {
            ensureOpen();
            if (claimed) {
                return frame;
            }
            if (next - gate >= capacity()) {
                gate = minBackpressureCursor();
                if (next - gate >= capacity()) {
                    throw new IllegalStateException("output " + name + " is full: check remaining() before claim()");
                }
            }
            claimed = true;
            frame.clearHeader();
            return frame;
        }

        @Override
        public void publish() {
            if (!claimed) {
                throw new IllegalStateException("output " + name + ": publish() without claim()");
            }
            claimed = false;
            int bytes = FrameCodec.encodedBytes(frame);
            if (segmentBytes > 0 && segmentBytes + bytes > rollBytes) {
                newSegment();
            }
            try (DocumentContext dc = appender.writingDocument()) {
                Bytes<?> b = dc.wire().bytes();
                long start = b.writePosition();
                b.writeSkip(bytes);
                FrameCodec.write(frame, b.addressForWrite(start));
            }
            segmentBytes += bytes;
            control.putIndex(next, appender.lastIndexAppended());
            elements += frame.length();
            control.setElements(elements);
            next++;
            control.setPublished(next);
        }

        @Override
        public void complete() {
            if (!failing.getAsBoolean()) {
                control.setCompleted();
            }
        }

        @Override
        public boolean isAbandoned() {
            if (readers.length == 0) {
                return false;
            }
            for (int i = 0; i < readers.length; i++) {
                if (!control.detached(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public long framesPublished() {
            return control.published();
        }

        @Override
        public long elementsPublished() {
            return control.elements();
        }
    }

    // ---- readers ----------------------------------------------------------------------------------------------

    private final class QueueReader implements ChannelReader {
        private final int slot;
        private final String readerName;
        private final String port;
        private final OverflowPolicy policy;
        private final boolean lossy;
        private final boolean keepLatest;
        private final Frame frame = new Frame(type);
        private SingleChronicleQueue queue;
        private ExcerptTailer tailer;
        private int segment = -1;
        /** Next frame to read, mirrored in the control file. */
        private long cursor;
        /** The frame number the tailer will read next, or -1 when it must be positioned. */
        private long tailerAt = -1;
        private long dropped;
        private boolean held;
        private long heldSeq;
        private int position;

        QueueReader(int slot, ReaderSpec spec) {
            this.slot = slot;
            this.readerName = spec.node() + "." + spec.port();
            this.port = spec.port();
            this.policy = spec.policy();
            this.lossy = policy != OverflowPolicy.BACKPRESSURE;
            this.keepLatest = policy == OverflowPolicy.KEEP_LATEST;
            this.cursor = control.cursor(slot);
            this.dropped = control.dropped(slot);
        }

        void closeQueue() {
            if (tailer != null) {
                tailer.close();
                tailer = null;
            }
            if (queue != null) {
                queue.close();
                queue = null;
            }
            segment = -1;
            tailerAt = -1;
        }

        @Override
        public String name() {
            return port;
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
            if (held) {
                return 1;
            }
            long unread = control.published() - cursor;
            if (unread <= 0) {
                return 0;
            }
            return keepLatest ? 1 : (int) Math.min(unread, capacity());
        }

        @Override
        public Frame peek() {
            if (held) {
                return frame;
            }
            long p = control.published();
            if (p <= cursor) {
                throw new IllegalStateException("input " + readerName + ": peek() with nothing available");
            }
            long target = keepLatest ? p - 1 : lossy ? Math.max(cursor, p - capacity()) : cursor;
            if (target > cursor) {
                dropped += target - cursor;
                control.setDropped(slot, dropped);
                cursor = target;
                control.setCursor(slot, cursor);
            }
            readAt(target);
            held = true;
            heldSeq = target;
            return frame;
        }

        /** Reads frame {@code seq} into {@link #frame}, moving to its segment and position first when needed. */
        private void readAt(long seq) {
            int k = control.segmentOf(seq);
            if (k < 0) {
                throw new IllegalStateException("channel " + name + ": frame " + seq + " is in no segment");
            }
            if (k != segment) {
                closeQueue();
                queue = Queues.open(segmentDir(k), maxRecordBytes);
                tailer = queue.createTailer();
                tailer.singleThreadedCheckDisabled(true);
                segment = k;
                tailerAt = -1;
            }
            if (tailerAt != seq) {
                position(k, seq);
            }
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    throw new IllegalStateException("channel " + name + ": frame " + seq
                            + " is published but not in the queue");
                }
                Bytes<?> b = dc.wire().bytes();
                long pos = b.readPosition();
                long n = b.readRemaining();
                FrameCodec.read(b.addressForRead(pos, (int) Math.min(Integer.MAX_VALUE, n)), n, frame, name);
            }
            tailerAt = seq + 1;
        }

        /** Moves the tailer of segment {@code k} to frame {@code seq}: by the index ring, else by skipping. */
        private void position(int k, long seq) {
            long start = control.segmentStart(k);
            if (seq == start) {
                tailer.toStart();
                return;
            }
            long idx = control.indexOf(seq);
            if (idx >= 0 && tailer.moveToIndex(idx)) {
                return;
            }
            // Older than the ring: walk from the segment's start, touching only record headers.
            tailer.toStart();
            for (long s = start; s < seq; s++) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        throw new IllegalStateException("channel " + name + ": frame " + s + " missing in segment " + k);
                    }
                }
            }
        }

        @Override
        public void release() {
            if (!held) {
                if (control.published() <= cursor) {
                    throw new IllegalStateException("input " + readerName + ": release() with nothing available");
                }
                peek();
            }
            held = false;
            position = 0;
            cursor = heldSeq + 1;
            control.setCursor(slot, cursor);
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
            return !held && control.completed() && cursor >= control.published();
        }

        @Override
        public void detach() {
            held = false;
            if (!failing.getAsBoolean()) {
                control.setDetached(slot);
            }
        }

        @Override
        public long framesConsumed() {
            return consumedOf(slot);
        }

        @Override
        public long framesDropped() {
            return droppedOf(slot);
        }

        @Override
        public int backlog() {
            return backlogOf(slot);
        }
    }
}
