package dev.weir.engine.ipc;

import dev.weir.engine.api.Frame;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Copies a {@link Frame} to and from memory-mapped queue memory in exactly the layout {@link Frame} documents, and
 * nothing else (no Java serialization, no per-frame object):
 *
 * <pre>
 *  offset  size  field            (little-endian)
 *  ------  ----  ---------------
 *       0     8  index
 *       8     8  timestamp_nanos
 *      16     8  sample_rate      IEEE 754 double bits
 *      24     4  length           valid elements
 *      28     4  flags
 *      32     n  payload          length * slots per element * slot bytes, the backing array's slots as they are
 * </pre>
 *
 * <p>Each direction is one bulk copy between the frame's Java array and the mapped page: the queue's memory is
 * addressed through one {@link MemorySegment} spanning the address space (made once), so nothing is allocated per
 * frame and the JIT turns the copies into {@code memcpy}. A Java-array-backed frame cannot be read in place from the
 * mapping, so this single copy per side is the least Chronicle allows with Weir's frame API.
 */
final class FrameCodec {

    static final int HEADER_BYTES = Frame.HEADER_BYTES;

    /** All of memory, so that absolute addresses from Chronicle can be used as offsets without a new segment. */
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private FrameCodec() {
    }

    /** Bytes a slot of {@code frame}'s backing array takes. */
    static int slotBytes(Frame frame) {
        return switch (frame.storage()) {
            case FLOAT -> 4;
            case DOUBLE, LONG -> 8;
            case BYTE -> 1;
        };
    }

    /** Bytes {@code frame} takes in the queue, header included. */
    static int encodedBytes(Frame frame) {
        return HEADER_BYTES + frame.length() * frame.slotsPerElement() * slotBytes(frame);
    }

    /** The largest record a frame of this capacity can need. */
    static int maxEncodedBytes(Frame frame) {
        return HEADER_BYTES + frame.capacity() * frame.slotsPerElement() * slotBytes(frame);
    }

    /** Writes {@code frame} at {@code address}, which must have {@link #encodedBytes} writable bytes. */
    static void write(Frame frame, long address) {
        ALL.set(LONG, address, frame.index());
        ALL.set(LONG, address + 8, frame.timestampNanos());
        ALL.set(DOUBLE, address + 16, frame.sampleRate());
        ALL.set(INT, address + 24, frame.length());
        ALL.set(INT, address + 28, frame.flags());
        int slots = frame.length() * frame.slotsPerElement();
        long p = address + HEADER_BYTES;
        switch (frame.storage()) {
            case FLOAT -> MemorySegment.copy(frame.floats(), 0, ALL, FLOAT, p, slots);
            case DOUBLE -> MemorySegment.copy(frame.doubles(), 0, ALL, DOUBLE, p, slots);
            case LONG -> MemorySegment.copy(frame.longs(), 0, ALL, LONG, p, slots);
            case BYTE -> MemorySegment.copy(frame.bytes(), 0, ALL, ValueLayout.JAVA_BYTE, p, slots);
        }
    }

    /**
     * Reads the record of {@code available} bytes at {@code address} into {@code frame}.
     *
     * @throws IllegalStateException when the record is not a frame of this type (wrong size or length)
     */
    static void read(long address, long available, Frame frame, String channel) {
        if (available < HEADER_BYTES) {
            throw new IllegalStateException("channel " + channel + ": a record of " + available
                    + " bytes is shorter than a frame header");
        }
        int length = ALL.get(INT, address + 24);
        if (length < 0 || length > frame.capacity()) {
            throw new IllegalStateException("channel " + channel + ": a record says length " + length
                    + ", outside 0.." + frame.capacity() + " for " + frame.type().describe());
        }
        int slots = length * frame.slotsPerElement();
        long need = HEADER_BYTES + (long) slots * slotBytes(frame);
        if (available < need) {
            throw new IllegalStateException("channel " + channel + ": a record of " + available + " bytes holds"
                    + " less than its " + length + " elements (" + need + " bytes)");
        }
        frame.setIndex(ALL.get(LONG, address));
        frame.setTimestampNanos(ALL.get(LONG, address + 8));
        frame.setSampleRate(ALL.get(DOUBLE, address + 16));
        frame.setLength(length);
        frame.setFlags(ALL.get(INT, address + 28));
        long p = address + HEADER_BYTES;
        switch (frame.storage()) {
            case FLOAT -> MemorySegment.copy(ALL, FLOAT, p, frame.floats(), 0, slots);
            case DOUBLE -> MemorySegment.copy(ALL, DOUBLE, p, frame.doubles(), 0, slots);
            case LONG -> MemorySegment.copy(ALL, LONG, p, frame.longs(), 0, slots);
            case BYTE -> MemorySegment.copy(ALL, ValueLayout.JAVA_BYTE, p, frame.bytes(), 0, slots);
        }
    }

    /** The {@code index} and {@code timestamp_nanos} of the record at {@code address}, without copying the rest. */
    static long index(long address) {
        return ALL.get(LONG, address);
    }

    static long timestampNanos(long address) {
        return ALL.get(LONG, address + 8);
    }

    static double sampleRate(long address) {
        return ALL.get(DOUBLE, address + 16);
    }
}
