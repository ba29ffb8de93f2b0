package dev.weir.kernels.image;

import dev.weir.kernels.Kernel;
import dev.weir.kernels.Parallel;

/**
 * Neighbourhood filters on packed 8-bit images of 1 or 3 channels, with OpenCV's {@code BORDER_REFLECT_101}:
 * the two passes of the separable blurs, the Laplacian and the Sobel gradient magnitude. Each kernel is a static
 * method whose outer loop runs over output rows and is {@link Parallel}; the constants bind them to their
 * argument holders.
 *
 * <p>Interior pixels run in plain loops over contiguous slots with constant offsets (C2 vectorises them); only
 * the few columns within a kernel radius of an edge look their neighbours up in a reflection table.
 */
public final class FilterKernels {

    private FilterKernels() {
    }

    /** Horizontal pass of a separable filter, one task per input row. */
    public static final Kernel<SeparableArgs> SEPARABLE_ROWS = Kernel.of("image.separable_rows", a -> a.height,
            (a, from, to, worker) -> separableRows(a.src, a.tmp, a.width, a.channels, a.kx, a.rx, a.cols, from, to));

    /** Vertical pass of a separable filter and conversion to bytes, one task per output row. */
    public static final Kernel<SeparableArgs> SEPARABLE_COLS = Kernel.of("image.separable_cols", a -> a.height,
            (a, from, to, worker) -> separableCols(a.tmp, a.dst, a.width * a.channels, a.ky, a.rows, a.add, a.mul,
                    a.shift, a.acc[worker], from, to));

    /** {@code |Laplacian|} saturated to 8 bits, one task per output row. */
    public static final Kernel<StencilArgs> LAPLACIAN = Kernel.of("image.laplacian", a -> a.height,
            (a, from, to, worker) -> laplacian(a.src, a.dst, a.width, a.height, a.channels, a.aperture, from, to));

    /** Sobel gradient magnitude saturated to 8 bits, one task per output row. */
    public static final Kernel<StencilArgs> SOBEL_MAGNITUDE = Kernel.of("image.sobel_magnitude", a -> a.height,
            (a, from, to, worker) -> sobelMagnitude(a.src, a.dst, a.width, a.height, a.channels, from, to));

    /**
     * {@code tmp[y][x] = sum_j k[j] * src[y][cols[x + j]]} per channel, for rows {@code from..to-1}.
     *
     * @param cols reflection table of radius {@code r}: column {@code x - r + j} is {@code cols[x + j]}
     */
    public static void separableRows(byte[] src, int[] tmp, int width, int cn, int[] k, int r, int[] cols,
                                     int from, int to) {
        int rowLen = width * cn;
        int n = k.length;
        // Columns whose taps all fall inside the row: [leftEnd, rightStart).
        int leftEnd = Math.min(r, width);
        int rightStart = Math.max(width - (n - 1 - r), leftEnd);
        int lo = leftEnd * cn;
        int hi = rightStart * cn;
        for (@Parallel int y = from; y < to; y++) {
            int base = y * rowLen;
            if (lo < hi) {
                int k0 = k[0];
                int off0 = base - r * cn;
                for (int i = lo; i < hi; i++) {
                    tmp[base + i] = k0 * (src[off0 + i] & 0xFF);
                }
                for (int j = 1; j < n; j++) {
                    int kj = k[j];
                    int off = base + (j - r) * cn;
                    for (int i = lo; i < hi; i++) {
                        tmp[base + i] += kj * (src[off + i] & 0xFF);
                    }
                }
            }
            for (int x = 0; x < width; x++) {
                if (x == leftEnd && rightStart > leftEnd) {
                    x = rightStart;
                    if (x >= width) {
                        break;
                    }
                }
                for (int c = 0; c < cn; c++) {
                    int s = 0;
                    for (int j = 0; j < n; j++) {
                        s += k[j] * (src[base + cols[x + j] * cn + c] & 0xFF);
                    }
                    tmp[base + x * cn + c] = s;
                }
            }
        }
    }

    /**
     * {@code dst[y][i] = ((sum_j k[j] * tmp[rows[y + j]][i] + add) * mul) >>> shift}, for rows {@code from..to-1};
     * the product is taken as an unsigned 32-bit number.
     *
     * @param acc one row of scratch, owned by the calling worker
     */
    public static void separableCols(int[] tmp, byte[] dst, int rowLen, int[] k, int[] rows, int add, int mul,
                                     int shift, int[] acc, int from, int to) {
        int n = k.length;
        for (@Parallel int y = from; y < to; y++) {
            int s0 = rows[y] * rowLen;
            int k0 = k[0];
            for (int i = 0; i < rowLen; i++) {
                acc[i] = k0 * tmp[s0 + i];
            }
            for (int j = 1; j < n; j++) {
                int kj = k[j];
                int sj = rows[y + j] * rowLen;
                for (int i = 0; i < rowLen; i++) {
                    acc[i] += kj * tmp[sj + i];
                }
            }
            int o = y * rowLen;
            for (int i = 0; i < rowLen; i++) {
                dst[o + i] = (byte) (((acc[i] + add) * mul) >>> shift);
            }
        }
    }

    /**
     * {@code min(255, |L|)} per channel, where L is OpenCV's Laplacian: with {@code aperture} 1 the 4-neighbour
     * kernel {@code [0 1 0; 1 -4 1; 0 1 0]}, with 3 the kernel {@code [2 0 2; 0 -8 0; 2 0 2]}. Equals
     * {@code convertScaleAbs(Laplacian(src, CV_16S, aperture))}.
     */
    public static void laplacian(byte[] src, byte[] dst, int width, int height, int cn, int aperture,
                                 int from, int to) {
        int rowLen = width * cn;
        boolean wide = aperture == 3;
        for (@Parallel int y = from; y < to; y++) {
            int c = y * rowLen;
            int u = Border.reflect101(y - 1, height) * rowLen;
            int d = Border.reflect101(y + 1, height) * rowLen;
            int o = y * rowLen;
            int lo = cn;
            int hi = (width - 1) * cn;
            if (wide) {
                for (int i = lo; i < hi; i++) {
                    int v = 2 * ((src[u + i - cn] & 0xFF) + (src[u + i + cn] & 0xFF) + (src[d + i - cn] & 0xFF)
                            + (src[d + i + cn] & 0xFF)) - 8 * (src[c + i] & 0xFF);
                    dst[o + i] = (byte) Math.min(Math.abs(v), 255);
                }
            } else {
                for (int i = lo; i < hi; i++) {
                    int v = (src[u + i] & 0xFF) + (src[d + i] & 0xFF) + (src[c + i - cn] & 0xFF)
                            + (src[c + i + cn] & 0xFF) - 4 * (src[c + i] & 0xFF);
                    dst[o + i] = (byte) Math.min(Math.abs(v), 255);
                }
            }
            // The first and last columns reflect (both at once when the image is one pixel wide).
            edgeLaplacian(src, dst, width, cn, wide, u, c, d, o, 0);
            if (width > 1) {
                edgeLaplacian(src, dst, width, cn, wide, u, c, d, o, width - 1);
            }
        }
    }

    private static void edgeLaplacian(byte[] src, byte[] dst, int width, int cn, boolean wide, int u, int c, int d,
                                      int o, int x) {
        int l = Border.reflect101(x - 1, width) * cn;
        int r = Border.reflect101(x + 1, width) * cn;
        int m = x * cn;
        for (int ch = 0; ch < cn; ch++) {
            int v;
            if (wide) {
                v = 2 * ((src[u + l + ch] & 0xFF) + (src[u + r + ch] & 0xFF) + (src[d + l + ch] & 0xFF)
                        + (src[d + r + ch] & 0xFF)) - 8 * (src[c + m + ch] & 0xFF);
            } else {
                v = (src[u + m + ch] & 0xFF) + (src[d + m + ch] & 0xFF) + (src[c + l + ch] & 0xFF)
                        + (src[c + r + ch] & 0xFF) - 4 * (src[c + m + ch] & 0xFF);
            }
            dst[o + m + ch] = (byte) Math.min(Math.abs(v), 255);
        }
    }

    /**
     * {@code min(255, round(sqrt(gx^2 + gy^2)))} per channel, from OpenCV's 3x3 Sobel derivatives
     * ({@code [-1 0 1]} across, {@code [1 2 1]} along). The square root of an integer below 2^21 is never within
     * 1e-4 of a half, so rounding the double square root is exact.
     */
    public static void sobelMagnitude(byte[] src, byte[] dst, int width, int height, int cn, int from, int to) {
        int rowLen = width * cn;
        for (@Parallel int y = from; y < to; y++) {
            int c = y * rowLen;
            int u = Border.reflect101(y - 1, height) * rowLen;
            int d = Border.reflect101(y + 1, height) * rowLen;
            int o = y * rowLen;
            int hi = (width - 1) * cn;
            for (int i = cn; i < hi; i++) {
                int ul = src[u + i - cn] & 0xFF;
                int ur = src[u + i + cn] & 0xFF;
                int dl = src[d + i - cn] & 0xFF;
                int dr = src[d + i + cn] & 0xFF;
                int gx = ur - ul + 2 * ((src[c + i + cn] & 0xFF) - (src[c + i - cn] & 0xFF)) + dr - dl;
                int gy = dl + 2 * (src[d + i] & 0xFF) + dr - ul - 2 * (src[u + i] & 0xFF) - ur;
                dst[o + i] = magnitude(gx, gy);
            }
            edgeSobel(src, dst, width, cn, u, c, d, o, 0);
            if (width > 1) {
                edgeSobel(src, dst, width, cn, u, c, d, o, width - 1);
            }
        }
    }

    private static void edgeSobel(byte[] src, byte[] dst, int width, int cn, int u, int c, int d, int o, int x) {
        int l = Border.reflect101(x - 1, width) * cn;
        int r = Border.reflect101(x + 1, width) * cn;
        int m = x * cn;
        for (int ch = 0; ch < cn; ch++) {
            int ul = src[u + l + ch] & 0xFF;
            int ur = src[u + r + ch] & 0xFF;
            int dl = src[d + l + ch] & 0xFF;
            int dr = src[d + r + ch] & 0xFF;
            int gx = ur - ul + 2 * ((src[c + r + ch] & 0xFF) - (src[c + l + ch] & 0xFF)) + dr - dl;
            int gy = dl + 2 * (src[d + m + ch] & 0xFF) + dr - ul - 2 * (src[u + m + ch] & 0xFF) - ur;
            dst[o + m + ch] = magnitude(gx, gy);
        }
    }

    private static byte magnitude(int gx, int gy) {
        return (byte) Math.min(255, (int) (Math.sqrt(gx * gx + gy * gy) + 0.5));
    }
}
