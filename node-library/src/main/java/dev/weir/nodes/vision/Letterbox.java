package dev.weir.nodes.vision;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Ultralytics' letterbox for one source size and one model input size, fused with the rest of the preprocessing:
 * packed 8-bit BGR or RGB in, planar float RGB in 0..1 out, written straight into the model's input tensor.
 *
 * <h2>Geometry (as Ultralytics' {@code LetterBox} with {@code auto=False, center=True})</h2>
 * <pre>
 *   r      = min(dstW / srcW, dstH / srcH)                 keep the aspect ratio
 *   width  = round(srcW r), height = round(srcH r)         Python's round: half to even
 *   left   = round((dstW - width) / 2 - 0.1)               the odd pixel of padding goes right / bottom
 *   top    = round((dstH - height) / 2 - 0.1)
 *
 *   +-------------------- dstW ---------------------+
 *   |                  pad (114)                    |  top rows
 *   |-----+-------------------------------+---------|
 *   | pad |  source resized to width x    |   pad   |
 *   |     |  height, bilinear             |         |
 *   |-----+-------------------------------+---------|
 *   |                  pad (114)                    |
 *   +-----------------------------------------------+
 *   model coordinates (x, y) map back to the source as ((x - left) / r, (y - top) / r)
 * </pre>
 *
 * <h2>Resampling</h2>
 * Bilinear with pixel centres aligned ({@code src = (dst + 0.5) / r' - 0.5}, clamped at the borders, where
 * {@code r' = width / srcW} per axis), which is what OpenCV's {@code INTER_LINEAR} computes; OpenCV rounds its
 * result to 8 bits, this keeps the float, so values differ by at most half a grey level. It is separable: each
 * source row is interpolated horizontally once (into a two-row cache, de-interleaving the channels and scaling by
 * 1/255 on the way), then each output row is a blend of two cached rows, a contiguous loop the JIT vectorises,
 * copied into the tensor plane by plane. The padding never changes for a fixed geometry, so {@link #pad} writes it
 * once and {@link #fill} only the picture.
 *
 * <p>An instance holds scratch rows and is used by one thread. {@link #fill} does not allocate.
 */
public final class Letterbox {

    /** Ultralytics' padding grey, 114 of 255. */
    public static final float PAD_VALUE = 114f / 255f;

    private final int srcWidth;
    private final int srcHeight;
    private final int dstWidth;
    private final int dstHeight;
    private final double scale;
    private final int width;
    private final int height;
    private final int left;
    private final int top;

    /** Byte offsets (x * 3) of the two source pixels blended for each output column, and the second's weight. */
    private final int[] x0;
    private final int[] x1;
    private final float[] wx;
    /** Source rows blended for each output row, and the second's weight. */
    private final int[] y0;
    private final int[] y1;
    private final float[] wy;
    /** Two horizontally resampled source rows, planar R, G, B (each {@code 3 * width} floats), and their rows. */
    private final float[][] rows = new float[2][];
    private final int[] rowOf = {-1, -1};
    /** One finished output row of one plane. */
    private final float[] line;

    /**
     * The letterbox of a {@code srcWidth x srcHeight} image into a {@code dstWidth x dstHeight} model input.
     *
     * @throws IllegalArgumentException when a size is not positive
     */
    public Letterbox(int srcWidth, int srcHeight, int dstWidth, int dstHeight) {
        if (srcWidth < 1 || srcHeight < 1 || dstWidth < 1 || dstHeight < 1) {
            throw new IllegalArgumentException("letterbox sizes must be positive, were " + srcWidth + "x" + srcHeight
                    + " into " + dstWidth + "x" + dstHeight);
        }
        this.srcWidth = srcWidth;
        this.srcHeight = srcHeight;
        this.dstWidth = dstWidth;
        this.dstHeight = dstHeight;
        this.scale = Math.min((double) dstWidth / srcWidth, (double) dstHeight / srcHeight);
        this.width = Math.clamp((long) Math.rint(srcWidth * scale), 1, dstWidth);
        this.height = Math.clamp((long) Math.rint(srcHeight * scale), 1, dstHeight);
        this.left = (int) Math.rint((dstWidth - width) / 2.0 - 0.1);
        this.top = (int) Math.rint((dstHeight - height) / 2.0 - 0.1);

        x0 = new int[width];
        x1 = new int[width];
        wx = new float[width];
        taps(srcWidth, width, x0, x1, wx, 3);
        y0 = new int[height];
        y1 = new int[height];
        wy = new float[height];
        taps(srcHeight, height, y0, y1, wy, 1);
        rows[0] = new float[3 * width];
        rows[1] = new float[3 * width];
        line = new float[width];
    }

    /**
     * For each of {@code dst} output positions, the two source positions (times {@code stride}) and the weight
     * of the second, as OpenCV's INTER_LINEAR computes them.
     */
    private static void taps(int src, int dst, int[] i0, int[] i1, float[] w, int stride) {
        double step = (double) src / dst;
        for (int d = 0; d < dst; d++) {
            double s = (d + 0.5) * step - 0.5;
            int a = (int) Math.floor(s);
            double f = s - a;
            if (a < 0) {
                a = 0;
                f = 0;
            }
            if (a >= src - 1) {
                a = src - 1;
                f = 0;
            }
            i0[d] = a * stride;
            i1[d] = Math.min(a + 1, src - 1) * stride;
            w[d] = (float) f;
        }
    }

    /** Source width in pixels. */
    public int srcWidth() {
        return srcWidth;
    }

    /** Source height in pixels. */
    public int srcHeight() {
        return srcHeight;
    }

    /** Model input width. */
    public int dstWidth() {
        return dstWidth;
    }

    /** Model input height. */
    public int dstHeight() {
        return dstHeight;
    }

    /** The scale factor r from source to model pixels. */
    public double scale() {
        return scale;
    }

    /** Width of the resized picture inside the model input. */
    public int width() {
        return width;
    }

    /** Height of the resized picture inside the model input. */
    public int height() {
        return height;
    }

    /** Columns of padding left of the picture. */
    public int left() {
        return left;
    }

    /** Rows of padding above the picture. */
    public int top() {
        return top;
    }

    /** A model x coordinate in source pixels (not clipped). */
    public double toSourceX(double x) {
        return (x - left) / scale;
    }

    /** A model y coordinate in source pixels (not clipped). */
    public double toSourceY(double y) {
        return (y - top) / scale;
    }

    /**
     * Writes the padding grey into every element of {@code tensor} outside the picture. {@code tensor} is a float32
     * {@code [1, 3, dstHeight, dstWidth]} tensor in native byte order. Call once per tensor: {@link #fill} never
     * touches the padding.
     */
    public void pad(MemorySegment tensor) {
        checkTensor(tensor);
        for (int p = 0; p < 3; p++) {
            for (int y = 0; y < dstHeight; y++) {
                long row = ((long) p * dstHeight + y) * dstWidth;
                boolean inside = y >= top && y < top + height;
                for (int x = 0; x < dstWidth; x++) {
                    if (!inside || x < left || x >= left + width) {
                        tensor.setAtIndex(ValueLayout.JAVA_FLOAT, row + x, PAD_VALUE);
                    }
                }
            }
        }
    }

    /**
     * Resamples {@code pixels} (packed 8-bit, {@code srcWidth * srcHeight * 3} bytes, row-major) into the picture
     * area of {@code tensor} as planar R, G, B floats in 0..1.
     *
     * <p>Called from {@code process}; allocates nothing.
     *
     * @param bgr whether the pixels are B, G, R (else R, G, B)
     */
    public void fill(byte[] pixels, boolean bgr, MemorySegment tensor) {
        checkTensor(tensor);
        if (pixels.length < srcWidth * srcHeight * 3) {
            throw new IllegalArgumentException("image of " + pixels.length + " bytes is smaller than " + srcWidth
                    + "x" + srcHeight + "x3");
        }
        rowOf[0] = -1;
        rowOf[1] = -1;
        int w = width;
        long plane = (long) dstHeight * dstWidth;
        for (int y = 0; y < height; y++) {
            float[] a = rows[row(pixels, bgr, y0[y], y1[y])];
            float[] b = rows[row(pixels, bgr, y1[y], y0[y])];
            float f = wy[y];
            long at = (long) (top + y) * dstWidth + left;
            for (int p = 0; p < 3; p++) {
                int o = p * w;
                for (int x = 0; x < w; x++) {
                    float va = a[o + x];
                    line[x] = va + (b[o + x] - va) * f;
                }
                MemorySegment.copy(line, 0, tensor, ValueLayout.JAVA_FLOAT, (p * plane + at) * Float.BYTES, w);
            }
        }
    }

    /**
     * The cache slot holding source row {@code sy}, computing it into the slot that
     * does not hold {@code keep}, the other row the current output row needs.
     */
    private int row(byte[] px, boolean bgr, int sy, int keep) {
        if (rowOf[0] == sy) {
            return 0;
        }
        if (rowOf[1] == sy) {
            return 1;
        }
        int slot = rowOf[0] == keep ? 1 : 0;
        resampleRow(px, bgr, sy, rows[slot]);
        rowOf[slot] = sy;
        return slot;
    }

    /** One source row resampled horizontally into planar R, G, B, scaled to 0..1. */
    private void resampleRow(byte[] px, boolean bgr, int sy, float[] out) {
        int w = width;
        int base = sy * srcWidth * 3;
        // Planes in R, G, B order; for BGR input, byte 0 of a pixel is B and goes to plane 2.
        int r = bgr ? 2 : 0;
        int b = bgr ? 0 : 2;
        int oR = 0;
        int oG = w;
        int oB = 2 * w;
        final float k = 1f / 255f;
        for (int x = 0; x < w; x++) {
            int i = base + x0[x];
            int j = base + x1[x];
            float f = wx[x];
            float g0 = (1 - f) * k;
            float g1 = f * k;
            out[oR + x] = (px[i + r] & 0xFF) * g0 + (px[j + r] & 0xFF) * g1;
            out[oG + x] = (px[i + 1] & 0xFF) * g0 + (px[j + 1] & 0xFF) * g1;
            out[oB + x] = (px[i + b] & 0xFF) * g0 + (px[j + b] & 0xFF) * g1;
        }
    }

    private void checkTensor(MemorySegment tensor) {
        long need = 3L * dstWidth * dstHeight * Float.BYTES;
        if (tensor.byteSize() < need) {
            throw new IllegalArgumentException("tensor of " + tensor.byteSize() + " bytes is smaller than [1, 3, "
                    + dstHeight + ", " + dstWidth + "] floats");
        }
    }
}
