package dev.weir.kernels.image;

/**
 * Arguments of the per-pixel kernels (grey conversion, threshold): one input and one output image, and the
 * constants of the operation, which a hot param change replaces between launches. Allocated once, when the node
 * opens; the node sets {@link #src} and {@link #dst} per frame.
 */
public final class PixelArgs {

    /** The input image; read-only. */
    public byte[] src;
    /** The output image. */
    public byte[] dst;
    /** Image width in pixels. */
    public final int width;
    /** Image height in pixels. */
    public final int height;
    /** Bytes per input pixel. */
    public final int channels;
    /** Grey: the fixed-point weight of input byte 0, 1 and 2 of each pixel (Q15). */
    public int w0;
    /** See {@link #w0}. */
    public int w1;
    /** See {@link #w0}. */
    public int w2;
    /** Threshold: inputs above this value map to {@link #above}, the others to {@link #below}. */
    public int threshold;
    /** See {@link #threshold}. */
    public byte above;
    /** See {@link #threshold}. */
    public byte below;

    /** Arguments for input images of {@code width x height} pixels of {@code channels} bytes. */
    public PixelArgs(int width, int height, int channels) {
        this.width = width;
        this.height = height;
        this.channels = channels;
    }
}
