package dev.weir.kernels.image;

/**
 * The 8-bit fixed-point Gaussian kernel OpenCV's {@code GaussianBlur} uses for 8-bit images, reproduced step by
 * step so that blurred images equal OpenCV's bit for bit.
 *
 * <ol>
 *   <li>Kernel size from sigma as OpenCV does for 8-bit images: {@code round(sigma * 3 * 2 + 1) | 1}.</li>
 *   <li>Weights {@code exp(-d^2 / (2 sigma^2))} for the distances d from the centre, computed as OpenCV does,
 *       {@code exp(x * x * (-0.125 / sigma^2))} with {@code x = 2d}, the centre weight 1, normalised in double
 *       precision ({@code getGaussianKernelBitExact}).</li>
 *   <li>Quantised to multiples of 1/256 from the outside in, carrying each rounding error into the next weight
 *       (error diffusion, {@code getGaussianKernelFixedPoint_ED}); the centre takes what is left, so the weights
 *       sum to exactly 256.</li>
 * </ol>
 *
 * Each pass then sums {@code weight * value} exactly in integers: the horizontal pass keeps 8 fraction bits, the
 * vertical pass 16, and the result is rounded half up: {@code (sum + 2^15) >> 16}. Double arithmetic here is IEEE
 * like OpenCV's softdouble; {@code exp} is {@link StrictMath#exp}, and any last-place difference from OpenCV's
 * software exp could only matter when a scaled weight lies within 1e-13 of a rounding boundary.
 */
public final class GaussianCoefficients {

    /** Fraction bits of the weights: they sum to {@code 1 << FRACTION_BITS}. */
    public static final int FRACTION_BITS = 8;

    private GaussianCoefficients() {
    }

    /** OpenCV's kernel size for an 8-bit image when none is given: {@code round(6 sigma + 1) | 1}. */
    public static int sizeFor(double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be > 0 to derive a kernel size, was " + sigma);
        }
        return (int) Math.rint(sigma * 3 * 2 + 1) | 1;
    }

    /**
     * The {@code n} integer weights, summing to 256.
     *
     * @param n     odd kernel size
     * @param sigma standard deviation in pixels, &gt; 0
     */
    public static int[] fixedPoint(int n, double sigma) {
        if (n < 1 || n % 2 == 0) {
            throw new IllegalArgumentException("Gaussian kernel size must be odd and positive, was " + n);
        }
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be > 0, was " + sigma);
        }
        double[] exact = exact(n, sigma);
        int[] w = new int[n];
        int half = n / 2;
        double err = 0;
        long sum = 0;
        double scale = 1 << FRACTION_BITS;
        for (int i = 0; i < half; i++) {
            double adjusted = exact[i] * scale + err;
            long v = (long) Math.rint(adjusted); // round half to even, as cvRound
            err = adjusted - v;
            w[i] = (int) v;
            w[n - 1 - i] = (int) v;
            sum += v;
        }
        w[half] = (int) ((1 << FRACTION_BITS) - 2 * sum);
        return w;
    }

    /** The normalised double weights before quantisation (OpenCV's bit-exact kernel). */
    static double[] exact(int n, double sigma) {
        double scale2x = -0.125 / (sigma * sigma);
        int half = (n - 1) / 2;
        double[] values = new double[half];
        double sum = 0;
        for (int i = 0, x = 1 - n; i < half; i++, x += 2) {
            double t = StrictMath.exp((double) (x * x) * scale2x);
            values[i] = t;
            sum += t;
        }
        sum *= 2;
        sum += 1;
        double mul = 1 / sum;
        double[] out = new double[n];
        for (int i = 0; i < half; i++) {
            double t = values[i] * mul;
            out[i] = t;
            out[n - 1 - i] = t;
        }
        out[half] = mul;
        return out;
    }
}
