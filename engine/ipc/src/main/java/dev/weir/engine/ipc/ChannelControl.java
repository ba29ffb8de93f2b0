package dev.weir.engine.ipc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The small memory-mapped file that the processes sharing one queue channel coordinate through: the writer's count,
 * each reader's cursor (so the writer is bounded by the readers' progress, as in the in-process ring), the queue
 * segments, and an index ring for repositioning. Every process maps the same file, so a store by one is a load by
 * another; counters are written by exactly one process each, with release stores, and read with acquire loads.
 *
 * <pre>
 *  offset              size        field                     written by
 *  ------------------  ----------  ------------------------  ------------------------------------------------
 *       0              8           magic "WEIRQCH1"          creator
 *       8              4           capacity (power of two)   creator
 *      12              4           readers                   creator
 *      16              8           segment count             writer (new segment on each start and roll)
 *      64              8           published frames          writer   (own cache line)
 *      72              8           completed (0/1)           writer, or the supervisor for a dead group
 *      80              8           elements published        writer
 *     128 + 64 r       8           cursor of reader r        reader r: next frame it will read
 *     136 + 64 r       8           detached (0/1)            reader r, or the supervisor for a dead group
 *     144 + 64 r       8           dropped by reader r       reader r (lossy policies)
 *       S = 128+64R    8 x 1024    first frame of segment k  writer
 *       I = S + 8192   16 x cap    index ring: seq, queue index of frame seq (slot seq &amp; (cap-1))   writer
 * </pre>
 *
 * <b>Back-pressure.</b> The writer may publish frame {@code w} only if {@code w - cursor < capacity} for every
 * attached back-pressure reader; lossy readers never gate it. A reader that dies keeps its cursor in the file, so a
 * restarted reader resumes where it was and the writer waits for it meanwhile.
 */
final class ChannelControl implements AutoCloseable {

    static final long MAGIC = 0x3148435152494557L; // "WEIRQCH1" little-endian
    static final int MAX_SEGMENTS = 1024;
    private static final long OFF_CAPACITY = 8;
    private static final long OFF_READERS = 12;
    private static final long OFF_SEGMENTS = 16;
    private static final long OFF_PUBLISHED = 64;
    private static final long OFF_COMPLETED = 72;
    private static final long OFF_ELEMENTS = 80;
    private static final long OFF_READER = 128;
    private static final long READER_STRIDE = 64;

    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private final Arena arena;
    private final MemorySegment map;
    private final int capacity;
    private final int readers;
    private final long segStarts;
    private final long ring;
    private final long mask;

    private ChannelControl(Arena arena, MemorySegment map) {
        this.arena = arena;
        this.map = map;
        if (map.get(ValueLayout.JAVA_LONG, 0) != MAGIC) {
            throw new IllegalStateException("not a Weir channel control file");
        }
        this.capacity = map.get(ValueLayout.JAVA_INT, OFF_CAPACITY);
        this.readers = map.get(ValueLayout.JAVA_INT, OFF_READERS);
        this.segStarts = OFF_READER + READER_STRIDE * readers;
        this.ring = segStarts + 8L * MAX_SEGMENTS;
        this.mask = capacity - 1;
    }

    private static long size(int capacity, int readers) {
        return OFF_READER + READER_STRIDE * readers + 8L * MAX_SEGMENTS + 16L * capacity;
    }

    /** Creates (replacing) the control file of a channel, all counters zero. */
    static ChannelControl create(Path file, int capacity, int readers) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        }
        try {
            Files.deleteIfExists(file);
            long size = size(capacity, readers);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                Arena arena = Arena.ofShared();
                MemorySegment m = ch.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
                m.fill((byte) 0);
                m.set(ValueLayout.JAVA_INT, OFF_CAPACITY, capacity);
                m.set(ValueLayout.JAVA_INT, OFF_READERS, readers);
                LONG.setRelease(m, 0L, MAGIC);
                return new ChannelControl(arena, m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create channel control file " + file, e);
        }
    }

    /** Maps an existing control file. */
    static ChannelControl open(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Arena arena = Arena.ofShared();
            MemorySegment m = ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size(), arena);
            try {
                return new ChannelControl(arena, m);
            } catch (RuntimeException e) {
                arena.close();
                throw new IllegalStateException(file + ": " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open channel control file " + file, e);
        }
    }

    int capacity() {
        return capacity;
    }

    int readers() {
        return readers;
    }

    long published() {
        return (long) LONG.getAcquire(map, OFF_PUBLISHED);
    }

    void setPublished(long n) {
        LONG.setRelease(map, OFF_PUBLISHED, n);
    }

    boolean completed() {
        return (long) LONG.getAcquire(map, OFF_COMPLETED) != 0;
    }

    void setCompleted() {
        LONG.setRelease(map, OFF_COMPLETED, 1L);
    }

    long elements() {
        return (long) LONG.getOpaque(map, OFF_ELEMENTS);
    }

    void setElements(long n) {
        LONG.setOpaque(map, OFF_ELEMENTS, n);
    }

    long cursor(int reader) {
        return (long) LONG.getAcquire(map, OFF_READER + READER_STRIDE * reader);
    }

    void setCursor(int reader, long next) {
        LONG.setRelease(map, OFF_READER + READER_STRIDE * reader, next);
    }

    boolean detached(int reader) {
        return (long) LONG.getAcquire(map, OFF_READER + READER_STRIDE * reader + 8) != 0;
    }

    void setDetached(int reader) {
        LONG.setRelease(map, OFF_READER + READER_STRIDE * reader + 8, 1L);
    }

    long dropped(int reader) {
        return (long) LONG.getOpaque(map, OFF_READER + READER_STRIDE * reader + 16);
    }

    void setDropped(int reader, long n) {
        LONG.setOpaque(map, OFF_READER + READER_STRIDE * reader + 16, n);
    }

    int segmentCount() {
        return (int) (long) LONG.getAcquire(map, OFF_SEGMENTS);
    }

    /** First frame of segment {@code k}. */
    long segmentStart(int k) {
        return (long) LONG.getAcquire(map, segStarts + 8L * k);
    }

    /**
     * Registers a new segment whose first frame is {@code firstFrame} and returns its number.
     *
     * @throws IllegalStateException when the channel has used all its segments
     */
    int addSegment(long firstFrame) {
        int k = segmentCount();
        if (k >= MAX_SEGMENTS) {
            throw new IllegalStateException("channel has used all " + MAX_SEGMENTS + " queue segments");
        }
        LONG.setRelease(map, segStarts + 8L * k, firstFrame);
        LONG.setRelease(map, OFF_SEGMENTS, (long) k + 1);
        return k;
    }

    /** The segment holding frame {@code seq}: the last one that starts at or before it, or -1 when none exists. */
    int segmentOf(long seq) {
        int n = segmentCount();
        for (int k = n - 1; k >= 0; k--) {
            if (segmentStart(k) <= seq) {
                return k;
            }
        }
        return -1;
    }

    /** Records that frame {@code seq} is at queue index {@code queueIndex} (seqlock: seq -1 while writing). */
    void putIndex(long seq, long queueIndex) {
        long at = ring + 16L * (seq & mask);
        LONG.setRelease(map, at, -1L);
        LONG.setRelease(map, at + 8, queueIndex);
        LONG.setRelease(map, at, seq);
    }

    /** The queue index of frame {@code seq}, or -1 when the ring no longer (or not yet) holds it. */
    long indexOf(long seq) {
        long at = ring + 16L * (seq & mask);
        long s1 = (long) LONG.getAcquire(map, at);
        long idx = (long) LONG.getAcquire(map, at + 8);
        long s2 = (long) LONG.getAcquire(map, at);
        return s1 == seq && s2 == seq ? idx : -1;
    }

    /** Unmaps the file. The caller must not use this object afterwards. */
    @Override
    public void close() {
        arena.close();
    }
}
