package dev.weir.engine.api;

/**
 * The primitive element of a sample stream, vector or matrix, and how it is stored in a {@link Frame}.
 *
 * <p>Complex elements are stored interleaved (re, im, re, im, ...) in the backing array, so one complex
 * element occupies {@link #components()} array slots. Frame lengths always count <em>elements</em>, never
 * array slots.
 */
public enum ElementType {
    /** 32-bit IEEE float, stored in {@link Frame#floats()}. */
    FLOAT32(Storage.FLOAT, 1, 4),
    /** Complex of two 32-bit floats, interleaved in {@link Frame#floats()} (GNU Radio's complex64). */
    COMPLEX64(Storage.FLOAT, 2, 8),
    /** 64-bit IEEE double, stored in {@link Frame#doubles()}. */
    FLOAT64(Storage.DOUBLE, 1, 8),
    /** Complex of two 64-bit doubles, interleaved in {@link Frame#doubles()}. */
    COMPLEX128(Storage.DOUBLE, 2, 16),
    /** Unsigned byte, stored in {@link Frame#bytes()}; read it with {@code b & 0xFF}. */
    UINT8(Storage.BYTE, 1, 1),
    /** Signed 64-bit integer, stored in {@link Frame#longs()}. */
    INT64(Storage.LONG, 1, 8);

    private final Storage storage;
    private final int components;
    private final int bytes;

    ElementType(Storage storage, int components, int bytes) {
        this.storage = storage;
        this.components = components;
        this.bytes = bytes;
    }

    /** Which backing array of a frame holds elements of this type. */
    public Storage storage() {
        return storage;
    }

    /** Array slots per element: 2 for complex types, otherwise 1. */
    public int components() {
        return components;
    }

    /** Size of one element in bytes, as laid out in a memory-mapped frame. */
    public int bytes() {
        return bytes;
    }

    /** Whether the element is complex (interleaved re/im pairs). */
    public boolean isComplex() {
        return components == 2;
    }
}
