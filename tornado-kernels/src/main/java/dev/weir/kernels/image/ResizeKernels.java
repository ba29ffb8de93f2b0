package dev.weir.kernels.image;

import dev.weir.kernels.Kernel;
import dev.weir.kernels.Parallel;

/**
 * Bilinear resize (OpenCV's {@code INTER_LINEAR}, see {@link ResizeArgs}) and the constant border of a letterbox.
 * Static kernel methods with a {@link Parallel} outer loop over rows, bound to {@link ResizeArgs} by the constants;
 * the vertical pass runs its {@link VectorKernels} body when the Vector API is present (the horizontal pass gathers
 * through index tables and stays scalar).
 */
public final class ResizeKernels {

    private ResizeKernels() {
    }

    /** Horizontal pass over the input rows some output row reads. */
    public static final Kernel<ResizeArgs> ROWS = Kernel.of("image.resize_rows", a -> a.usedRows.length,
            (a, from, to, worker) -> resizeRows(a.src, a.tmp, a.srcWidth * a.channels, a.width * a.channels,
                    a.usedRows, a.x0, a.x1, a.a0, a.a1, from, to));

    /** Vertical pass into the picture's rectangle of the output, one task per resized row. */
    public static final Kernel<ResizeArgs> COLS = Kernel.of("image.resize_cols", a -> a.height,
            (a, from, to, worker) -> {
                int stride = a.outWidth * a.channels;
                int offset = (a.top * a.outWidth + a.left) * a.channels;
                if (Simd.ENABLED) {
                    VectorKernels.resizeCols(a.tmp, a.dst, a.width * a.channels, a.y0, a.y1, a.b0, a.b1, stride,
                            offset, from, to);
                } else {
                    resizeCols(a.tmp, a.dst, a.width * a.channels, a.y0, a.y1, a.b0, a.b1, stride, offset, from, to);
                }
            });

    /** Fills the output outside the picture's rectangle with the pad byte, one task per output row. */
    public static final Kernel<ResizeArgs> PAD = Kernel.of("image.pad", a -> a.outHeight,
            (a, from, to, worker) -> pad(a.dst, a.outWidth * a.channels, a.top, a.height,
                    a.left * a.channels, a.width * a.channels, a.pad, from, to));

    /**
     * {@code tmp[y][i] = src[y][x0[i]] * a0[i] + src[y][x1[i]] * a1[i]} for the input rows {@code rows[from..to-1]}.
     */
    public static void resizeRows(byte[] src, int[] tmp, int srcRowLen, int rowLen, int[] rows, int[] x0, int[] x1,
                                  int[] a0, int[] a1, int from, int to) {
        for (@Parallel int r = from; r < to; r++) {
            int y = rows[r];
            int s = y * srcRowLen;
            int t = y * rowLen;
            for (int i = 0; i < rowLen; i++) {
                tmp[t + i] = (src[s + x0[i]] & 0xFF) * a0[i] + (src[s + x1[i]] & 0xFF) * a1[i];
            }
        }
    }

    /**
     * Resized row {@code y}: {@code (((tmp[y0] >> 4) * b0 >> 16) + ((tmp[y1] >> 4) * b1 >> 16) + 2) >> 2},
     * written at {@code offset + y * stride} of {@code dst}.
     */
    public static void resizeCols(int[] tmp, byte[] dst, int rowLen, int[] y0, int[] y1, int[] b0, int[] b1,
                                  int stride, int offset, int from, int to) {
        for (@Parallel int y = from; y < to; y++) {
            int t0 = y0[y] * rowLen;
            int t1 = y1[y] * rowLen;
            int w0 = b0[y];
            int w1 = b1[y];
            int o = offset + y * stride;
            for (int i = 0; i < rowLen; i++) {
                int v = ((((tmp[t0 + i] >> 4) * w0) >> 16) + (((tmp[t1 + i] >> 4) * w1) >> 16) + 2) >> 2;
                dst[o + i] = (byte) Math.min(v, 255);
            }
        }
    }

    /**
     * Output row {@code y} outside the picture: the whole row above {@code top} and from {@code top + height} on,
     * else the {@code leftSlots} slots before the picture and the ones after its {@code slots}.
     */
    public static void pad(byte[] dst, int rowLen, int top, int height, int leftSlots, int slots, byte value,
                           int from, int to) {
        for (@Parallel int y = from; y < to; y++) {
            int o = y * rowLen;
            if (y < top || y >= top + height) {
                for (int i = 0; i < rowLen; i++) {
                    dst[o + i] = value;
                }
            } else {
                for (int i = 0; i < leftSlots; i++) {
                    dst[o + i] = value;
                }
                for (int i = leftSlots + slots; i < rowLen; i++) {
                    dst[o + i] = value;
                }
            }
        }
    }
}
