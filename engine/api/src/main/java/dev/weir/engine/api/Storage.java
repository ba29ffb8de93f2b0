package dev.weir.engine.api;

/**
 * The primitive array that backs a {@link Frame}. Exactly one array exists per frame, so a frame is one flat
 * block of primitives that can be copied as is into a memory-mapped file.
 */
public enum Storage {
    /** {@code float[]}, 4 bytes per slot. */
    FLOAT(4),
    /** {@code double[]}, 8 bytes per slot. */
    DOUBLE(8),
    /** {@code byte[]}, 1 byte per slot. */
    BYTE(1),
    /** {@code long[]}, 8 bytes per slot. */
    LONG(8);

    private final int slotBytes;

    Storage(int slotBytes) {
        this.slotBytes = slotBytes;
    }

    /** Bytes per array slot. */
    public int slotBytes() {
        return slotBytes;
    }
}
