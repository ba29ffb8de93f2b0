package dev.weir.editor.preview;

/**
 * Reduces a trace of many samples to a minimum and a maximum per pixel column, so a 4096-point spectrum drawn 700
 * pixels wide costs 700 vertical spans instead of 4096 segments, and no peak between two columns is lost (plain
 * subsampling would drop a narrow tone). Neighbouring columns share their boundary sample, so the spans touch and the
 * trace reads as one connected line.
 *
 * <p>Pure Java, tested without a toolkit. Allocation-free: callers own the output arrays.
 */
final class MinMax {

    private MinMax() {
    }

    /**
     * Fills {@code lo[c]} and {@code hi[c]} for {@code columns} columns from {@code n} samples of {@code data} at
     * {@code offset + i * stride}; non-finite samples are skipped, and a column with none gets NaN.
     */
    static void columns(float[] data, int offset, int stride, int n, int columns, double[] lo, double[] hi) {
        for (int c = 0; c < columns; c++) {
            int a = (int) ((long) c * n / columns);
            int b = (int) ((long) (c + 1) * n / columns); // exclusive
            int from = Math.max(0, a - 1);
            int to = Math.min(n, Math.max(b, a + 1));
            double min = Double.NaN;
            double max = Double.NaN;
            for (int i = from; i < to; i++) {
                double v = data[offset + i * stride];
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

    /** As {@link #columns(float[], int, int, int, int, double[], double[])}, for double samples. */
    static void columns(double[] data, int offset, int stride, int n, int columns, double[] lo, double[] hi) {
        for (int c = 0; c < columns; c++) {
            int a = (int) ((long) c * n / columns);
            int b = (int) ((long) (c + 1) * n / columns);
            int from = Math.max(0, a - 1);
            int to = Math.min(n, Math.max(b, a + 1));
            double min = Double.NaN;
            double max = Double.NaN;
            for (int i = from; i < to; i++) {
                double v = data[offset + i * stride];
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
