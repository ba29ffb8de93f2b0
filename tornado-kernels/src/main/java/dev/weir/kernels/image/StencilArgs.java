package dev.weir.kernels.image;

/**
 * Arguments of the 3x3 stencils (Laplacian, Sobel magnitude): input and output of the same size and layout, set
 * per frame by the node. Allocated once, when the node opens.
 */
public final class StencilArgs {

    /** The input image; read-only. */
    public byte[] src;
    /** The output image. */
    public byte[] dst;
    /** Image width in pixels. */
    public final int width;
    /** Image height in pixels. */
    public final int height;
    /** Bytes per pixel (1 or 3). */
    public final int channels;
    /** The Laplacian's aperture, 1 or 3; changed between launches by a hot param change. */
    public int aperture = 1;

    /** Arguments for images of {@code width x height} pixels of {@code channels} bytes. */
    public StencilArgs(int width, int height, int channels) {
        this.width = width;
        this.height = height;
        this.channels = channels;
    }
}
