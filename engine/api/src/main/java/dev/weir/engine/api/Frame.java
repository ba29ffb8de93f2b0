package dev.weir.engine.api;

import java.util.Objects;

/**
 * One item on an edge: a fixed header and one flat primitive array, preallocated once per edge slot and
 * reused for the whole run.
 *
 * <p>A frame holds no object graph, so it maps one to one onto a memory-mapped record (the IPC channels
 * write exactly this layout):
 *
 * <pre>
 *  offset  size  field            meaning
 *  ------  ----  ---------------  ---------------------------------------------------------------
 *       0     8  index            producer-defined sequence: sample offset of the chunk's first
 *                                 sample, pulse index, video frame number
 *       8     8  timestamp_nanos  capture or generation time, or 0 when unknown
 *      16     8  sample_rate      samples (or pulses, or frames) per second, or 0 when unknown
 *      24     4  length           valid elements in the payload, 0..capacity
 *      28     4  flags            FLAG_* bits below
 *      32     n  payload          length * element size bytes of the backing array, little-endian
 * </pre>
 *
 * <p><b>Ownership.</b> A writer fills a frame between {@link OutputPort#claim()} and
 * {@link OutputPort#publish()}. After publishing, the frame belongs to its readers and is read-only for all
 * of them: several readers of one output see the very same frame, without a copy. A reader may use a frame
 * from {@link InputPort#peek()} until it calls {@link InputPort#release()}; keeping a reference past that
 * is a bug, because the engine refills the frame.
 */
public final class Frame {

    /** The first frame of a video frame group or burst. */
    public static final int FLAG_FRAME_START = 1;
    /** The first pulse of a coherent processing interval (CPI). */
    public static final int FLAG_CPI_START = 1 << 1;
    /** The last pulse of a CPI. */
    public static final int FLAG_CPI_END = 1 << 2;
    /** Items before this one were dropped (a lossy edge, a gap in a recording). */
    public static final int FLAG_DISCONTINUITY = 1 << 3;

    /** Bytes of the header in the binary layout above. */
    public static final int HEADER_BYTES = 32;

    private final DataType type;
    private final Storage storage;
    private final int elementCapacity;
    private final int components;
    private final float[] floats;
    private final double[] doubles;
    private final byte[] bytes;
    private final long[] longs;

    private long index;
    private long timestampNanos;
    private double sampleRate;
    private int length;
    private int flags;

    /**
     * Allocates a frame for items of {@code type}.
     *
     * @throws IllegalArgumentException when {@code type} still has unresolved dimensions
     */
    public Frame(DataType type) {
        this.type = Objects.requireNonNull(type, "type");
        if (!type.isResolved()) {
            throw new IllegalArgumentException("cannot allocate a frame of unresolved type " + type.describe());
        }
        this.storage = type.storage();
        this.elementCapacity = type.elementCapacity();
        int slots = type.slotCapacity();
        this.components = slots / Math.max(1, elementCapacity);
        this.floats = storage == Storage.FLOAT ? new float[slots] : null;
        this.doubles = storage == Storage.DOUBLE ? new double[slots] : null;
        this.bytes = storage == Storage.BYTE ? new byte[slots] : null;
        this.longs = storage == Storage.LONG ? new long[slots] : null;
        // Vectors, matrices and images are always full; streams and record lists start empty.
        this.length = type instanceof DataType.SampleStream || type instanceof DataType.RecordsOf ? 0 : elementCapacity;
    }

    /** The item type this frame was allocated for. */
    public DataType type() {
        return type;
    }

    /** The backing array kind. */
    public Storage storage() {
        return storage;
    }

    /** Largest number of elements this frame holds. */
    public int capacity() {
        return elementCapacity;
    }

    /** Array slots per element (2 for complex, channels for images, fields for records). */
    public int slotsPerElement() {
        return components;
    }

    /** The backing {@code float[]}; elements of complex types are interleaved re/im. */
    public float[] floats() {
        if (floats == null) {
            throw wrongStorage(Storage.FLOAT);
        }
        return floats;
    }

    /** The backing {@code double[]}. */
    public double[] doubles() {
        if (doubles == null) {
            throw wrongStorage(Storage.DOUBLE);
        }
        return doubles;
    }

    /** The backing {@code byte[]}. */
    public byte[] bytes() {
        if (bytes == null) {
            throw wrongStorage(Storage.BYTE);
        }
        return bytes;
    }

    /** The backing {@code long[]} (records and INT64 elements). */
    public long[] longs() {
        if (longs == null) {
            throw wrongStorage(Storage.LONG);
        }
        return longs;
    }

    private IllegalStateException wrongStorage(Storage wanted) {
        return new IllegalStateException("frame of " + type.describe() + " is " + storage + "-backed, not " + wanted);
    }

    /** Valid elements in the payload. */
    public int length() {
        return length;
    }

    /**
     * Sets the number of valid elements.
     *
     * @throws IndexOutOfBoundsException when outside 0..capacity
     */
    public Frame setLength(int length) {
        if (length < 0 || length > elementCapacity) {
            throw new IndexOutOfBoundsException("length " + length + " outside 0.." + elementCapacity
                    + " for " + type.describe());
        }
        this.length = length;
        return this;
    }

    /** Producer-defined index (sample offset, pulse index, frame number). */
    public long index() {
        return index;
    }

    public Frame setIndex(long index) {
        this.index = index;
        return this;
    }

    /** Time stamp in nanoseconds, or 0 when unknown. */
    public long timestampNanos() {
        return timestampNanos;
    }

    public Frame setTimestampNanos(long timestampNanos) {
        this.timestampNanos = timestampNanos;
        return this;
    }

    /** The {@code sample_rate} tag: samples, pulses or frames per second; 0 when unknown. */
    public double sampleRate() {
        return sampleRate;
    }

    public Frame setSampleRate(double sampleRate) {
        this.sampleRate = sampleRate;
        return this;
    }

    /** {@code FLAG_*} bits. */
    public int flags() {
        return flags;
    }

    public Frame setFlags(int flags) {
        this.flags = flags;
        return this;
    }

    /** Whether every bit of {@code flag} is set. */
    public boolean hasFlag(int flag) {
        return (flags & flag) == flag;
    }

    /** Copies index, time stamp, sample rate and flags (not the length) from {@code other}. */
    public Frame copyHeaderFrom(Frame other) {
        this.index = other.index;
        this.timestampNanos = other.timestampNanos;
        this.sampleRate = other.sampleRate;
        this.flags = other.flags;
        return this;
    }

    /**
     * Copies header, length and the valid part of the payload from {@code other}, which must have the same
     * storage and no larger length than this frame's capacity.
     */
    public Frame copyFrom(Frame other) {
        if (other.storage != storage || other.components != components) {
            throw new IllegalArgumentException("cannot copy " + other.type.describe() + " into " + type.describe());
        }
        setLength(other.length);
        copyHeaderFrom(other);
        int slots = other.length * components;
        switch (storage) {
            case FLOAT -> System.arraycopy(other.floats, 0, floats, 0, slots);
            case DOUBLE -> System.arraycopy(other.doubles, 0, doubles, 0, slots);
            case BYTE -> System.arraycopy(other.bytes, 0, bytes, 0, slots);
            case LONG -> System.arraycopy(other.longs, 0, longs, 0, slots);
        }
        return this;
    }

    /** Resets the header to zeros and the length to its initial value; the payload is left as is. */
    public Frame clearHeader() {
        index = 0;
        timestampNanos = 0;
        sampleRate = 0;
        flags = 0;
        length = type instanceof DataType.SampleStream || type instanceof DataType.RecordsOf ? 0 : elementCapacity;
        return this;
    }

    /** Field {@code field} of record {@code record} as a long (records and INT64 storage only). */
    public long recordLong(int record, int field) {
        return longs()[record * components + field];
    }

    /** Field {@code field} of record {@code record} as a double stored by {@link #setRecordDouble}. */
    public double recordDouble(int record, int field) {
        return Double.longBitsToDouble(longs()[record * components + field]);
    }

    /** Sets an INT64 field of a record. */
    public Frame setRecordLong(int record, int field, long value) {
        longs()[record * components + field] = value;
        return this;
    }

    /** Sets a FLOAT64 field of a record. */
    public Frame setRecordDouble(int record, int field, double value) {
        longs()[record * components + field] = Double.doubleToRawLongBits(value);
        return this;
    }

    @Override
    public String toString() {
        return "Frame[" + type.describe() + ", length=" + length + ", index=" + index + ", flags=" + flags + "]";
    }
}
