package dev.weir.kernels.image;

import dev.weir.kernels.Kernel;
import dev.weir.kernels.Parallel;

/**
 * Neighbourhood filters on packed 8-bit images of 1 or 3 channels, with OpenCV's {@code BORDER_REFLECT_101}:
 * the separable blurs, the Laplacian and the Sobel gradient magnitude. Each kernel is a static method over output
 * rows {@code from..to-1}; the constants bind them to their argument holders and run the {@link VectorKernels}
 * version instead when the Vector API is present ({@link Simd}). The stencils' row loops are {@link Parallel};
 * the separable filter's parallel unit is a band of rows (see {@link #separable}).
 *
 * <p>Interior pixels run in plain loops over contiguous slots with constant offsets; only the few columns within
 * a kernel radius of an edge look their neighbours up in a reflection table.
 */
public final class FilterKernels {

    private FilterKernels() {
    }

    /**
     * A separable filter, one task per output row: each band of rows computes the horizontal rows it needs into
     * its worker's ring and the vertical pass from there.
     */
    public static final Kernel<SeparableArgs> SEPARABLE = Kernel.of("image.separable", a -> a.height,
            SeparableArgs::grain, (a, from, to, worker) -> {
                if (Simd.ENABLED) {
                    VectorKernels.separable(a.src, a.dst, a.width, a.channels, a.kx, a.rx, a.cols, a.ky, a.rows,
                            a.add, a.mul, a.shift, a.ring[worker], a.acc[worker], from, to);
                } else {
                    separable(a.src, a.dst, a.width, a.channels, a.kx, a.rx, a.cols, a.ky, a.rows, a.add, a.mul,
                            a.shift, a.ring[worker], a.acc[worker], from, to);
                }
            });

    /** {@code |Laplacian|} saturated to 8 bits, one task per output row. */
    public static final Kernel<StencilArgs> LAPLACIAN = Kernel.of("image.laplacian", a -> a.height,
            (a, from, to, worker) -> {
                if (Simd.ENABLED) {
                    VectorKernels.laplacian(a.src, a.dst, a.width, a.height, a.channels, a.aperture, from, to);
                } else {
                    laplacian(a.src, a.dst, a.width, a.height, a.channels, a.aperture, from, to);
                }
            });

    /** Sobel gradient magnitude saturated to 8 bits, one task per output row. */
    public static final Kernel<StencilArgs> SOBEL_MAGNITUDE = Kernel.of("image.sobel_magnitude", a -> a.height,
            (a, from, to, worker) -> sobelMagnitude(a.src, a.dst, a.width, a.height, a.channels, from, to));

    /**
     * {@code round(sqrt(n))} saturated to 255 for every {@code n < 65281} (255.5 squared is 65280.25, so larger
     * sums all give 255). A 64 KB table: measured on 1280x720 grey, the table-driven Sobel took 3.2 to 5.3 ms
     * against 9.4 to 11.5 ms with {@code Math.sqrt} per pixel.
     */
    private static final byte[] ROOTS = new byte[65281];

    static {
        for (int n = 0; n < ROOTS.length; n++) {
            // The square root of an integer is never within 1e-4 of a half, so rounding the double is exact.
            ROOTS[n] = (byte) Math.min(255, (int) (Math.sqrt(n) + 0.5));
        }
    }

    /**
     * Output rows {@code from..to-1} of a separable filter:
     * {@code dst[y][x] = ((sum_i ky[i] * h[rows[y + i]][x] + add) * mul) >>> shift} (an unsigned 32-bit product),
     * where {@code h[r][x] = sum_j kx[j] * src[r][cols[x + j]]} per channel and must stay below 2^16 (true of the
     * Gaussian's weights, which sum to 256, and of box windows up to 257 pixels wide).
     *
     * <p>The band keeps the {@code ky.length} horizontal rows it needs in {@code ring} (unsigned 16-bit), slot
     * {@code p % n} holding padded row {@code p} (source row {@code rows[p]}), so each is computed once per band;
     * only the {@code ky.length - 1} rows around a band are computed twice, by both neighbours. The row loop is
     * therefore not {@link Parallel} itself (consecutive rows share the ring); the parallel unit is the band, and
     * every split into bands gives the same bytes. A device version would compute each output pixel from its
     * neighbourhood instead, or run the two passes as two kernels.
     *
     * @param ring {@code ky.length} rows of scratch, owned by the calling worker
     * @param acc  one row of scratch, owned by the calling worker
     */
    public static void separable(byte[] src, byte[] dst, int width, int cn, int[] kx, int rx, int[] cols, int[] ky,
                                 int[] rows, int add, int mul, int shift, short[] ring, int[] acc, int from, int to) {
        int rowLen = width * cn;
        int n = ky.length;
        for (int p = from; p < from + n - 1; p++) {
            horizontal(src, rows[p] * rowLen, ring, (p % n) * rowLen, width, cn, kx, rx, cols);
        }
        for (int y = from; y < to; y++) {
            int p = y + n - 1;
            horizontal(src, rows[p] * rowLen, ring, (p % n) * rowLen, width, cn, kx, rx, cols);
            int s0 = (y % n) * rowLen;
            int k0 = ky[0];
            for (int i = 0; i < rowLen; i++) {
                acc[i] = k0 * (ring[s0 + i] & 0xFFFF);
            }
            for (int j = 1; j < n; j++) {
                int kj = ky[j];
                int sj = ((y + j) % n) * rowLen;
                for (int i = 0; i < rowLen; i++) {
                    acc[i] += kj * (ring[sj + i] & 0xFFFF);
                }
            }
            int o = y * rowLen;
            for (int i = 0; i < rowLen; i++) {
                dst[o + i] = (byte) (((acc[i] + add) * mul) >>> shift);
            }
        }
    }

    /**
     * One horizontal row: {@code h[t + x] = sum_j k[j] * src[s + cols[x + j]]} per channel, for the input row
     * starting at slot {@code s}, written from slot {@code t} as unsigned 16-bit values.
     */
    static void horizontal(byte[] src, int s, short[] h, int t, int width, int cn, int[] k, int r, int[] cols) {
        horizontalRange(src, s, h, t, width, cn, k, r, cols, Math.min(r, width) * cn, Integer.MAX_VALUE);
    }

    /**
     * The part of a horizontal row a vector loop left: interior slots {@code from..hi-1} (slots whose taps all lie
     * inside the row; {@code hi} is clamped to that interior), then the border columns.
     */
    static void horizontalRange(byte[] src, int s, short[] h, int t, int width, int cn, int[] k, int r, int[] cols,
                                int from, int hi) {
        int n = k.length;
        int leftEnd = Math.min(r, width);
        int rightStart = Math.max(width - (n - 1 - r), leftEnd);
        int end = Math.min(hi, rightStart * cn);
        int off0 = s - r * cn;
        for (int i = from; i < end; i++) {
            int sum = 0;
            for (int j = 0; j < n; j++) {
                sum += k[j] * (src[off0 + j * cn + i] & 0xFF);
            }
            h[t + i] = (short) sum;
        }
        for (int x = 0; x < width; x++) {
            if (x == leftEnd && rightStart > leftEnd) {
                x = rightStart;
                if (x >= width) {
                    break;
                }
            }
            for (int c = 0; c < cn; c++) {
                int sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += k[j] * (src[s + cols[x + j] * cn + c] & 0xFF);
                }
                h[t + x * cn + c] = (short) sum;
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
        for (@Parallel int y = from; y < to; y++) {
            int u = Border.reflect101(y - 1, height) * rowLen;
            int d = Border.reflect101(y + 1, height) * rowLen;
            laplacianRow(src, dst, width, cn, aperture == 3, u, y * rowLen, d, cn, (width - 1) * cn);
        }
    }

    /**
     * One Laplacian row whose centre row starts at slot {@code c} (above: {@code u}, below: {@code d}): interior
     * slots {@code from..hi-1}, then the first and last columns, which reflect.
     */
    static void laplacianRow(byte[] src, byte[] dst, int width, int cn, boolean wide, int u, int c, int d,
                             int from, int hi) {
        if (wide) {
            for (int i = from; i < hi; i++) {
                int v = 2 * ((src[u + i - cn] & 0xFF) + (src[u + i + cn] & 0xFF) + (src[d + i - cn] & 0xFF)
                        + (src[d + i + cn] & 0xFF)) - 8 * (src[c + i] & 0xFF);
                dst[c + i] = (byte) Math.min(Math.abs(v), 255);
            }
        } else {
            for (int i = from; i < hi; i++) {
                int v = (src[u + i] & 0xFF) + (src[d + i] & 0xFF) + (src[c + i - cn] & 0xFF)
                        + (src[c + i + cn] & 0xFF) - 4 * (src[c + i] & 0xFF);
                dst[c + i] = (byte) Math.min(Math.abs(v), 255);
            }
        }
        // Both at once when the image is one pixel wide.
        edgeLaplacian(src, dst, width, cn, wide, u, c, d, 0);
        if (width > 1) {
            edgeLaplacian(src, dst, width, cn, wide, u, c, d, width - 1);
        }
    }

    private static void edgeLaplacian(byte[] src, byte[] dst, int width, int cn, boolean wide, int u, int c, int d,
                                      int x) {
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
            dst[c + m + ch] = (byte) Math.min(Math.abs(v), 255);
        }
    }

    /**
     * {@code min(255, round(sqrt(gx^2 + gy^2)))} per channel, from OpenCV's 3x3 Sobel derivatives
     * ({@code [-1 0 1]} across, {@code [1 2 1]} along), the square root looked up in a table.
     */
    public static void sobelMagnitude(byte[] src, byte[] dst, int width, int height, int cn, int from, int to) {
        int rowLen = width * cn;
        for (@Parallel int y = from; y < to; y++) {
            int u = Border.reflect101(y - 1, height) * rowLen;
            int d = Border.reflect101(y + 1, height) * rowLen;
            sobelRow(src, dst, width, cn, u, y * rowLen, d, cn, (width - 1) * cn);
        }
    }

    /** One Sobel row: interior slots {@code from..hi-1}, then the first and last columns. */
    private static void sobelRow(byte[] src, byte[] dst, int width, int cn, int u, int c, int d, int from, int hi) {
        for (int i = from; i < hi; i++) {
            int ul = src[u + i - cn] & 0xFF;
            int ur = src[u + i + cn] & 0xFF;
            int dl = src[d + i - cn] & 0xFF;
            int dr = src[d + i + cn] & 0xFF;
            int gx = ur - ul + 2 * ((src[c + i + cn] & 0xFF) - (src[c + i - cn] & 0xFF)) + dr - dl;
            int gy = dl + 2 * (src[d + i] & 0xFF) + dr - ul - 2 * (src[u + i] & 0xFF) - ur;
            dst[c + i] = magnitude(gx, gy);
        }
        edgeSobel(src, dst, width, cn, u, c, d, 0);
        if (width > 1) {
            edgeSobel(src, dst, width, cn, u, c, d, width - 1);
        }
    }

    private static void edgeSobel(byte[] src, byte[] dst, int width, int cn, int u, int c, int d, int x) {
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
            dst[c + m + ch] = magnitude(gx, gy);
        }
    }

    private static byte magnitude(int gx, int gy) {
        int n = gx * gx + gy * gy;
        return n < ROOTS.length ? ROOTS[n] : (byte) 255;
    }
}
