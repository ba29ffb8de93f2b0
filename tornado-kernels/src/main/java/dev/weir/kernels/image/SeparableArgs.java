package dev.weir.kernels.image;

/**
 * Arguments of the separable 8-bit filters (Gaussian and box blur). Allocated once per node, when it opens; the
 * node points {@link #src} and {@link #dst} at the current frame's arrays before each launch and replaces the
 * weights between launches (a hot param change).
 *
 * <pre>
 *  src (bytes) --rows: h = sum_j kx[j] * src[x - rx + j]--&gt; ring of ky.length rows (16-bit, per worker)
 *              --cols: acc = sum_j ky[j] * h[y - ry + j]--&gt; dst = ((acc + add) * mul) &gt;&gt;&gt; shift
 *                                                              (unsigned 32-bit product)
 * </pre>
 *
 * Pixels are packed row-major, {@code channels} bytes per pixel, no padding; taps step by whole pixels. The
 * horizontal rows live only in each worker's ring (OpenCV's {@code FilterEngine} does the same), so a blur reads
 * its input once and writes its output once.
 */
public final class SeparableArgs {

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
    /** Per worker: {@code ky.length} horizontal rows (unsigned 16-bit), the ring the vertical pass reads. */
    public short[][] ring;
    /** Per worker: one row of vertical accumulators. */
    public final int[][] acc;
    /** Horizontal weights. */
    public int[] kx;
    /** Horizontal anchor: tap j of output x reads input x - rx + j; at or right of the centre. */
    public int rx;
    /** Column reflection table, {@code Border.table(width, rx)}: tap j of output x reads {@code cols[x + j]}. */
    public int[] cols;
    /** Vertical weights. */
    public int[] ky;
    /** Vertical anchor. */
    public int ry;
    /** Row reflection table, {@code Border.table(height, ry)}: tap j of output y reads {@code rows[y + j]}. */
    public int[] rows;
    /** Rounding added to the vertical sum. */
    public int add;
    /** Fixed-point scale of the vertical sum (1 for none). */
    public int mul;
    /** Final right shift. */
    public int shift;

    /**
     * Buffers for images of {@code width x height} pixels of {@code channels} bytes, for up to {@code workers}
     * threads.
     */
    public SeparableArgs(int width, int height, int channels, int workers) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.acc = new int[workers][Math.multiplyExact(width, channels)];
        this.ring = new short[workers][0];
    }

    /** Slots per row. */
    public int rowLength() {
        return width * channels;
    }

    /**
     * The smallest worthwhile band of output rows: each band recomputes {@code ky.length - 1} horizontal rows
     * around it, so a band of at least 8 times that keeps the extra work under an eighth.
     */
    public int grain() {
        return Math.max(16, 8 * (ky.length - 1));
    }

    /**
     * Sets the weights: horizontal {@code kx} anchored at {@code rx}, vertical {@code ky} anchored at {@code ry},
     * and the output conversion; rebuilds the reflection tables and, when the kernel height changes, the rings.
     * Allocates; call between launches only.
     *
     * @throws IllegalArgumentException when an anchor lies left of (above) its kernel's centre, or outside it
     */
    public void weights(int[] kx, int rx, int[] ky, int ry, int add, int mul, int shift) {
        checkAnchor("horizontal", kx.length, rx);
        checkAnchor("vertical", ky.length, ry);
        this.kx = kx.clone();
        this.rx = rx;
        this.cols = Border.table(width, rx);
        this.ky = ky.clone();
        this.ry = ry;
        this.rows = Border.table(height, ry);
        this.add = add;
        this.mul = mul;
        this.shift = shift;
        int ringLen = Math.multiplyExact(ky.length, rowLength());
        if (ring[0].length != ringLen) {
            ring = new short[acc.length][ringLen];
        }
    }

    private static void checkAnchor(String which, int n, int anchor) {
        // The tables reach rx past each edge, which covers the last tap only when rx >= n - 1 - rx.
        if (n < 1 || anchor >= n || anchor < n - 1 - anchor) {
            throw new IllegalArgumentException(which + " anchor " + anchor + " does not fit a kernel of " + n
                    + " taps (it must be at or right of the centre)");
        }
    }
}
