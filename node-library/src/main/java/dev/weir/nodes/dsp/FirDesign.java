package dev.weir.nodes.dsp;

/**
 * Windowed-sinc FIR design, the same algorithm as {@code scipy.signal.firwin(numtaps, cutoff, window=window,
 * pass_zero=pass_zero, scale=True, fs=fs)}. Called from {@code open} and {@code onParamsChanged}; allocates.
 */
public final class FirDesign {

    private FirDesign() {
    }

    /**
     * The taps of a linear-phase filter.
     *
     * <p>Bands: the cutoffs split 0..fs/2 into bands that alternately pass and stop, starting with a pass band
     * when {@code passZero} (low-pass with one cutoff, band-stop with two) and a stop band otherwise (high-pass,
     * band-pass). Each pass band [l, r] (in units of Nyquist) adds {@code r sinc(r m) - l sinc(l m)} with
     * m = i - (numtaps-1)/2; the sum is multiplied by the symmetric window and scaled to unit gain at the centre
     * of the first pass band (0 Hz, Nyquist, or its middle), as scipy's {@code scale=True}.
     *
     * @param numtaps    filter length; must be odd when the filter passes Nyquist (high-pass, band-stop)
     * @param cutoffsHz  strictly increasing, each in (0, fs/2)
     * @param passZero   whether 0 Hz is in a pass band
     * @param sampleRate fs in Hz
     * @throws IllegalArgumentException naming what is wrong, with scipy's rules
     */
    public static double[] firwin(int numtaps, double[] cutoffsHz, boolean passZero, Windows.Shape window,
                                  double beta, double sampleRate) {
        if (numtaps < 1) {
            throw new IllegalArgumentException("numtaps must be >= 1, was " + numtaps);
        }
        if (cutoffsHz.length == 0) {
            throw new IllegalArgumentException("at least one cutoff is needed");
        }
        double nyq = sampleRate / 2;
        double[] c = new double[cutoffsHz.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = cutoffsHz[i] / nyq;
            if (!(c[i] > 0 && c[i] < 1)) {
                throw new IllegalArgumentException("cutoff " + cutoffsHz[i] + " Hz must be between 0 and the Nyquist "
                        + "frequency " + nyq + " Hz (exclusive)");
            }
            if (i > 0 && !(c[i] > c[i - 1])) {
                throw new IllegalArgumentException("cutoffs must be strictly increasing, were "
                        + java.util.Arrays.toString(cutoffsHz));
            }
        }
        boolean passNyquist = ((c.length & 1) == 1) ^ passZero;
        if (passNyquist && numtaps % 2 == 0) {
            throw new IllegalArgumentException("a filter with a pass band at the Nyquist frequency needs an odd "
                    + "numtaps, was " + numtaps);
        }
        int edges = c.length + (passZero ? 1 : 0) + (passNyquist ? 1 : 0);
        double[] e = new double[edges];
        int k = 0;
        if (passZero) {
            e[k++] = 0;
        }
        for (double v : c) {
            e[k++] = v;
        }
        if (passNyquist) {
            e[k] = 1;
        }
        double alpha = 0.5 * (numtaps - 1);
        double[] h = new double[numtaps];
        for (int i = 0; i < numtaps; i++) {
            double m = i - alpha;
            double sum = 0;
            for (int b = 0; b < edges; b += 2) {
                sum += e[b + 1] * sinc(e[b + 1] * m) - e[b] * sinc(e[b] * m);
            }
            h[i] = sum;
        }
        double[] w = Windows.of(numtaps, window, false, beta);
        for (int i = 0; i < numtaps; i++) {
            h[i] *= w[i];
        }
        double left = e[0];
        double right = e[1];
        double f = left == 0 ? 0 : right == 1 ? 1 : 0.5 * (left + right);
        double s = 0;
        for (int i = 0; i < numtaps; i++) {
            s += h[i] * Math.cos(Math.PI * (i - alpha) * f);
        }
        for (int i = 0; i < numtaps; i++) {
            h[i] /= s;
        }
        return h;
    }

    /** Normalised sinc, sin(pi x) / (pi x), as numpy's. */
    static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }
}
