package dev.weir.kernels.image;

/**
 * Arguments of the bilinear resize, optionally into a rectangle of a larger, padded output (the letterbox). The
 * coefficient tables follow OpenCV's {@code INTER_LINEAR} for 8-bit images exactly, so results equal
 * {@code cv2.resize} bit for bit:
 *
 * <ul>
 *   <li>Source coordinate of output {@code d}: {@code f = (float) ((d + 0.5) * (1 / (dstSize / srcSize)) - 0.5)},
 *       the half-pixel-centre convention, computed in float as OpenCV does; {@code s = floor(f)}, {@code f -= s}.</li>
 *   <li>Horizontally, a coordinate left of the first pixel or right of the last clamps to it with weight 1;
 *       vertically it does not clamp the weights, only the rows (so both taps read the edge row).</li>
 *   <li>Weights in Q11 ({@code INTER_RESIZE_COEF_BITS}): {@code rint((1 - f) * 2048)} and {@code rint(f * 2048)},
 *       computed in float.</li>
 *   <li>The horizontal pass keeps {@code a0 * p0 + a1 * p1} exactly; the vertical pass is OpenCV's SIMD one:
 *       {@code (((t0 >> 4) * b0 >> 16) + ((t1 >> 4) * b1 >> 16) + 2) >> 2}.</li>
 * </ul>
 *
 * <pre>
 *   output (outWidth x outHeight)      left
 *   +-------------------------------+  |
 *   |  pad                          |  v
 *   |    +---------------------+    |  &lt;- top
 *   |    | resized source      |    |
 *   |    | (width x height)    |    |
 *   |    +---------------------+    |
 *   |  pad                          |
 *   +-------------------------------+
 * </pre>
 */
public final class ResizeArgs {

    /** The input image; read-only. */
    public byte[] src;
    /** The output image. */
    public byte[] dst;
    /** Bytes per pixel. */
    public final int channels;
    /** Input width in pixels. */
    public final int srcWidth;
    /** Input height in pixels. */
    public final int srcHeight;
    /** Width of the resized picture. */
    public final int width;
    /** Height of the resized picture. */
    public final int height;
    /** Output width in pixels (equal to {@link #width} without padding). */
    public final int outWidth;
    /** Output height in pixels. */
    public final int outHeight;
    /** Column of the output where the resized picture starts. */
    public final int left;
    /** Row of the output where the resized picture starts. */
    public final int top;
    /** Padding byte, changed between launches by a hot param change. */
    public byte pad;

    /** Per output slot of a resized row: the input slot of tap 0 (within a row). */
    public final int[] x0;
    /** Per output slot: the input slot of tap 1 (within a row). */
    public final int[] x1;
    /** Per output slot: Q11 weight of tap 0. */
    public final int[] a0;
    /** Per output slot: Q11 weight of tap 1. */
    public final int[] a1;
    /** Per resized row: the input row of tap 0. */
    public final int[] y0;
    /** Per resized row: the input row of tap 1. */
    public final int[] y1;
    /** Per resized row: Q11 weight of tap 0. */
    public final int[] b0;
    /** Per resized row: Q11 weight of tap 1. */
    public final int[] b1;
    /** The input rows some resized row reads, ascending: the horizontal pass computes only these. */
    public final int[] usedRows;
    /** Horizontal pass: {@code srcHeight * width * channels} sums (rows not in {@link #usedRows} stay unused). */
    public final int[] tmp;

    /** A plain resize from {@code srcWidth x srcHeight} to {@code width x height}. */
    public ResizeArgs(int srcWidth, int srcHeight, int channels, int width, int height) {
        this(srcWidth, srcHeight, channels, width, height, width, height, 0, 0);
    }

    /**
     * A resize to {@code width x height} placed at ({@code left}, {@code top}) of an output of
     * {@code outWidth x outHeight}.
     *
     * @throws IllegalArgumentException when a size is not positive or the picture does not fit the output
     */
    public ResizeArgs(int srcWidth, int srcHeight, int channels, int width, int height, int outWidth, int outHeight,
                      int left, int top) {
        if (srcWidth < 1 || srcHeight < 1 || width < 1 || height < 1 || channels < 1) {
            throw new IllegalArgumentException("resize sizes must be positive: " + srcWidth + "x" + srcHeight + " -> "
                    + width + "x" + height + " (" + channels + " channels)");
        }
        if (left < 0 || top < 0 || left + width > outWidth || top + height > outHeight) {
            throw new IllegalArgumentException("a " + width + "x" + height + " picture at (" + left + ", " + top
                    + ") does not fit a " + outWidth + "x" + outHeight + " output");
        }
        this.channels = channels;
        this.srcWidth = srcWidth;
        this.srcHeight = srcHeight;
        this.width = width;
        this.height = height;
        this.outWidth = outWidth;
        this.outHeight = outHeight;
        this.left = left;
        this.top = top;

        int slots = width * channels;
        x0 = new int[slots];
        x1 = new int[slots];
        a0 = new int[slots];
        a1 = new int[slots];
        double scaleX = 1.0 / ((double) width / srcWidth);
        for (int dx = 0; dx < width; dx++) {
            float f = (float) ((dx + 0.5) * scaleX - 0.5);
            int sx = (int) Math.floor(f);
            f -= sx;
            if (sx < 0) {
                f = 0;
                sx = 0;
            }
            if (sx >= srcWidth - 1) {
                f = 0;
                sx = srcWidth - 1;
            }
            int w0 = q11(1f - f);
            int w1 = q11(f);
            int next = Math.min(sx + 1, srcWidth - 1);
            for (int c = 0; c < channels; c++) {
                int s = dx * channels + c;
                x0[s] = sx * channels + c;
                x1[s] = next * channels + c;
                a0[s] = w0;
                a1[s] = w1;
            }
        }

        y0 = new int[height];
        y1 = new int[height];
        b0 = new int[height];
        b1 = new int[height];
        boolean[] used = new boolean[srcHeight];
        double scaleY = 1.0 / ((double) height / srcHeight);
        for (int dy = 0; dy < height; dy++) {
            float f = (float) ((dy + 0.5) * scaleY - 0.5);
            int sy = (int) Math.floor(f);
            f -= sy;
            y0[dy] = clamp(sy, srcHeight);
            y1[dy] = clamp(sy + 1, srcHeight);
            b0[dy] = q11(1f - f);
            b1[dy] = q11(f);
            used[y0[dy]] = true;
            used[y1[dy]] = true;
        }
        int count = 0;
        for (boolean u : used) {
            count += u ? 1 : 0;
        }
        usedRows = new int[count];
        for (int y = 0, k = 0; y < srcHeight; y++) {
            if (used[y]) {
                usedRows[k++] = y;
            }
        }
        tmp = new int[Math.multiplyExact(srcHeight, slots)];
    }

    /** {@code saturate_cast<short>(w * 2048)} on a float, rounding half to even as cvRound. */
    private static int q11(float w) {
        return (int) Math.rint(w * 2048f);
    }

    private static int clamp(int y, int n) {
        return Math.max(0, Math.min(y, n - 1));
    }
}
