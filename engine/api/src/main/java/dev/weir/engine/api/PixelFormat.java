package dev.weir.engine.api;

/** Pixel layout of an {@link DataType.ImageOf image frame}. */
public enum PixelFormat {
    /** Packed 8-bit R, G, B; {@code width * height * 3} bytes. */
    RGB24(Storage.BYTE, 3),
    /** Packed 8-bit B, G, R (FFmpeg's and OpenCV's usual order); {@code width * height * 3} bytes. */
    BGR24(Storage.BYTE, 3),
    /** One 8-bit luma channel; {@code width * height} bytes. */
    GRAY8(Storage.BYTE, 1),
    /** Three planes of float R, G, B in 0..1, plane after plane (the layout neural networks take). */
    PLANAR_F32(Storage.FLOAT, 3);

    private final Storage storage;
    private final int channels;

    PixelFormat(Storage storage, int channels) {
        this.storage = storage;
        this.channels = channels;
    }

    /** Which backing array holds the pixels. */
    public Storage storage() {
        return storage;
    }

    /** Channels per pixel. */
    public int channels() {
        return channels;
    }
}
