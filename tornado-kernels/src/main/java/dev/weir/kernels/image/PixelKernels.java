package dev.weir.kernels.image;

import dev.weir.kernels.Kernel;
import dev.weir.kernels.Parallel;

/**
 * Per-pixel kernels on packed 8-bit images: colour to grey and thresholds. Static kernel methods with a
 * {@link Parallel} outer loop over rows, bound to {@link PixelArgs} by the constants (the threshold runs its
 * {@link VectorKernels} body when the Vector API is present; grey stays scalar, see there).
 */
public final class PixelKernels {

    /**
     * OpenCV 4.6's {@code RGB2GRAY} weights for 8-bit images, in Q15: 0.299, 0.587 and 0.114 rounded so that they
     * sum to 32768. (The Q14 weights 4899, 9617, 1868 of older OpenCV versions differ in about 1 pixel in 200.)
     */
    public static final int R_WEIGHT = 9798;
    /** See {@link #R_WEIGHT}. */
    public static final int G_WEIGHT = 19235;
    /** See {@link #R_WEIGHT}. */
    public static final int B_WEIGHT = 3735;
    /** Fraction bits of the weights. */
    public static final int GREY_SHIFT = 15;

    private PixelKernels() {
    }

    /** Three-channel pixels to grey, one task per row. */
    public static final Kernel<PixelArgs> GREY = Kernel.of("image.grey", a -> a.height,
            (a, from, to, worker) -> grey(a.src, a.dst, a.width, a.w0, a.w1, a.w2, from, to));

    /** Binary threshold of every byte, one task per row. */
    public static final Kernel<PixelArgs> THRESHOLD = Kernel.of("image.threshold", a -> a.height,
            (a, from, to, worker) -> {
                if (Simd.ENABLED) {
                    VectorKernels.threshold(a.src, a.dst, a.width * a.channels, a.threshold, a.above, a.below,
                            from, to);
                } else {
                    threshold(a.src, a.dst, a.width * a.channels, a.threshold, a.above, a.below, from, to);
                }
            });

    /**
     * {@code dst = (w0 * b0 + w1 * b1 + w2 * b2 + 2^14) >> 15} for the bytes b0..b2 of each 3-byte pixel: OpenCV's
     * {@code cvtColor(..., COLOR_RGB2GRAY)} (or BGR2GRAY, with w0 and w2 swapped), bit for bit.
     */
    public static void grey(byte[] src, byte[] dst, int width, int w0, int w1, int w2, int from, int to) {
        for (@Parallel int y = from; y < to; y++) {
            int o = y * width;
            int s = o * 3;
            for (int x = 0; x < width; x++, s += 3) {
                dst[o + x] = (byte) ((w0 * (src[s] & 0xFF) + w1 * (src[s + 1] & 0xFF) + w2 * (src[s + 2] & 0xFF)
                        + (1 << (GREY_SHIFT - 1))) >> GREY_SHIFT);
            }
        }
    }

    /** {@code dst = src > threshold ? above : below} for every byte of rows {@code from..to-1}. */
    public static void threshold(byte[] src, byte[] dst, int rowLen, int threshold, byte above, byte below,
                                 int from, int to) {
        for (@Parallel int y = from; y < to; y++) {
            int o = y * rowLen;
            for (int i = 0; i < rowLen; i++) {
                dst[o + i] = (src[o + i] & 0xFF) > threshold ? above : below;
            }
        }
    }
}
