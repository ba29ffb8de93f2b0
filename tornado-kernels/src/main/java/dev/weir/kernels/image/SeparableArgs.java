package dev.weir.kernels.image;

/**
 * Arguments of the separable 8-bit filters (Gaussian and box blur): a horizontal pass into {@link #tmp}, then a
 * vertical pass into {@link #dst}. Allocated once per node, when it opens; the node points {@link #src} and
 * {@link #dst} at the current frame's arrays before each launch and replaces the weights between launches (a hot
 * param change).
 *
 * <pre>
 *  src (bytes) --rows: tmp = sum_j kx[j] * src[x - rx + j]--&gt; tmp (ints) --cols: acc = sum_j ky[j] * tmp[y - ry + j]--&gt;
 *      dst = ((acc + add) * mul) &gt;&gt;&gt; shift     (unsigned 32-bit product)
 * </pre>
 *
 * Pixels are packed row-major, {@code channels} bytes per pixel, no padding; taps step by whole pixels.
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
    /** The horizontal pass: {@code height * width * channels} sums. */
    public final int[] tmp;
    /** One row of vertical accumulators per worker thread. */
    public final int[][] acc;
    /** Horizontal weights, odd or even length. */
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
        int rowLen = Math.multiplyExact(width, channels);
        this.tmp = new int[Math.multiplyExact(rowLen, height)];
        this.acc = new int[workers][rowLen];
    }

    /**
     * Sets the weights: horizontal {@code kx} anchored at {@code rx}, vertical {@code ky} anchored at {@code ry},
     * and the output conversion; rebuilds the reflection tables. Allocates; call between launches only.
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
    }

    private static void checkAnchor(String which, int n, int anchor) {
        // The tables reach rx past each edge, which covers the last tap only when rx >= n - 1 - rx.
        if (n < 1 || anchor >= n || anchor < n - 1 - anchor) {
            throw new IllegalArgumentException(which + " anchor " + anchor + " does not fit a kernel of " + n
                    + " taps (it must be at or right of the centre)");
        }
    }
}
