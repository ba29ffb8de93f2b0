package dev.weir.editor.preview;

/**
 * Reduces a trace to one vertical span per pixel column: the lowest and highest value that the line through the
 * samples takes inside the column. A plot then draws one axis-aligned rectangle per column, which Prism fills
 * directly, instead of stroking a path through thousands of points, which its path rasterizer (Marlin) walks on the
 * render thread, scanline by scanline (see {@code docs/architecture.md}, "Preview panels", for the measured cost).
 *
 * <pre>
 *  sample i lies at x = i / (n - 1) of the width        column c covers x in [c, c + 1] / columns
 *  span of column c = min and max of: the line's value at both edges of the column (interpolated between the two
 *                     samples around each edge) and every sample inside the column
 * </pre>
 * The spans are exact for the piecewise-linear trace: a 4096-point spectrum drawn 700 pixels wide keeps a one-bin
 * peak, and 100 samples drawn 700 wide still read as a line (each column spans the segment that crosses it).
 * Neighbouring columns share their edge value, so the spans always touch. Non-finite samples are left out; a column
 * with no finite value gets NaN, which breaks the line there.
 *
 * <p>Pure Java, tested without a toolkit. Allocation-free: callers own the output arrays.
 */
final class MinMax {

    private MinMax() {
    }

    /** Fills {@code lo[c]} and {@code hi[c]} for {@code columns} columns from the first {@code n} of {@code data}. */
    static void trace(float[] data, int n, int columns, double[] lo, double[] hi) {
        if (n == 0) {
            java.util.Arrays.fill(lo, 0, columns, Double.NaN);
            java.util.Arrays.fill(hi, 0, columns, Double.NaN);
            return;
        }
        double scale = (n - 1) / (double) columns;
        for (int c = 0; c < columns; c++) {
            double a = c * scale;
            double b = (c + 1) * scale;
            double min = Double.NaN;
            double max = Double.NaN;
            int last = Math.min(n - 1, (int) b);
            for (int i = (int) Math.ceil(a); i <= last; i++) {
                double v = data[i];
                if (Double.isFinite(v)) {
                    if (!(v >= min)) {
                        min = v;
                    }
                    if (!(v <= max)) {
                        max = v;
                    }
                }
            }
            for (int k = 0; k < 2; k++) {
                double x = k == 0 ? a : b;
                int i = (int) x;
                double v = i >= n - 1 ? data[n - 1] : data[i] + (x - i) * (data[i + 1] - data[i]);
                if (Double.isFinite(v)) {
                    if (!(v >= min)) {
                        min = v;
                    }
                    if (!(v <= max)) {
                        max = v;
                    }
                }
            }
            lo[c] = min;
            hi[c] = max;
        }
    }
}
