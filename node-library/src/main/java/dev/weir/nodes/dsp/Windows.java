package dev.weir.nodes.dsp;

import java.util.List;
import java.util.Locale;

/**
 * Window functions, with the same definitions as {@code scipy.signal.get_window}: Hann, Hamming, Blackman and
 * Kaiser (with shape {@code beta}), symmetric (for filter design, as {@code firwin} uses) or periodic (for
 * spectral analysis, scipy's default {@code fftbins=True}). Nodes fill a preallocated array once in
 * {@code open} or {@code onParamsChanged}, never on the hot path.
 */
public final class Windows {

    /** A window shape. */
    public enum Shape {
        /** All ones. */
        RECTANGULAR,
        HANN,
        HAMMING,
        BLACKMAN,
        /** Kaiser with shape parameter beta. */
        KAISER;

        /** The snake_case name used in params. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The shape called {@code key}. */
        public static Shape of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    /** Param choices, in display order. */
    public static final List<String> KEYS = List.of("rectangular", "hann", "hamming", "blackman", "kaiser");

    private Windows() {
    }

    /**
     * Fills {@code w[0..n)} with the window.
     *
     * @param periodic true for the DFT-even window (length n+1 symmetric, last point dropped), as spectral
     *                 estimation uses; false for the symmetric one, as FIR design uses
     * @param beta     Kaiser shape; ignored for other shapes
     */
    public static void fill(double[] w, int n, Shape shape, boolean periodic, double beta) {
        if (n <= 0 || n > w.length) {
            throw new IllegalArgumentException("window length " + n + " outside 1.." + w.length);
        }
        if (n == 1) {
            w[0] = 1;
            return;
        }
        int m = periodic ? n + 1 : n;
        double denom = m - 1;
        double i0Beta = shape == Shape.KAISER ? besselI0(beta) : 1;
        for (int i = 0; i < n; i++) {
            double x = 2 * Math.PI * i / denom;
            w[i] = switch (shape) {
                case RECTANGULAR -> 1;
                case HANN -> 0.5 - 0.5 * Math.cos(x);
                case HAMMING -> 0.54 - 0.46 * Math.cos(x);
                case BLACKMAN -> 0.42 - 0.5 * Math.cos(x) + 0.08 * Math.cos(2 * x);
                case KAISER -> {
                    double r = 2.0 * i / denom - 1;
                    yield besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
                }
            };
        }
    }

    /** A fresh symmetric or periodic window of length n. Allocates: call it in {@code open}. */
    public static double[] of(int n, Shape shape, boolean periodic, double beta) {
        double[] w = new double[n];
        fill(w, n, shape, periodic, beta);
        return w;
    }

    /** The zeroth-order modified Bessel function of the first kind, by its power series (converges for all x). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
