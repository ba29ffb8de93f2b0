package dev.weir.nodes.dsp;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * An in-place, unscaled forward DFT of a fixed size n &ge; 1 on interleaved complex floats (re, im, re, im, ...),
 * that allocates nothing per call.
 *
 * <p>Why not JTransforms alone: its {@code FloatFFT_1D} handles every size, but for sizes that are not powers of
 * two it allocates on every call (its mixed-radix {@code cfftf} and its Bluestein path both create scratch
 * arrays, checked with {@code javap}), which a {@code process} method must not do. So powers of two go straight
 * to JTransforms, and every other size uses Bluestein's chirp-z algorithm here, with the chirp, the kernel's
 * spectrum and the scratch array all allocated in the constructor and a power-of-two JTransforms plan of size
 * m &ge; 2n-1 underneath:
 *
 * <pre>
 *   X[k] = w[k] * sum_j (x[j] w[j]) conj(w[k-j]),   w[k] = exp(-i pi k^2 / n)
 *        = w[k] * IFFT_m( FFT_m(x w, zero-padded) * FFT_m(conj w, wrapped) )[k]
 * </pre>
 *
 * The chirp phase is taken as {@code pi * (k^2 mod 2n) / n} in long and double arithmetic, because k^2 grows
 * past float (and eventually double) precision long before n does.
 *
 * <p>It is the FFT of every node that transforms on the hot path (FFT, IFFT, pulse compression, MTD), so that all
 * of them stay allocation-free at the sizes users pick (a radar's 480 or 1000 range bins, a CPI of 12 pulses).
 *
 * <p><b>Threads.</b> One instance per processor; not thread-safe (it owns a scratch array). Above 8192 points
 * JTransforms by default splits a power-of-two transform across its own thread pool (a JVM-wide setting in
 * {@code org.jtransforms.utils.CommonUtils}); those transforms allocate futures. Weir leaves that global setting
 * alone.
 */
public final class ComplexFft {

    private final int n;
    /** Size n for powers of two, else the Bluestein convolution size m. */
    private final FloatFFT_1D plan;
    private final int m;
    /** w[k], interleaved; null for powers of two. */
    private final float[] chirp;
    /** FFT_m of the wrapped conj(w); null for powers of two. */
    private final float[] kernel;
    /** 2m floats of scratch; null for powers of two. */
    private final float[] work;

    /**
     * Plans a transform of size {@code n}. Allocates: call it from {@code open} or {@code onParamsChanged}.
     *
     * @throws IllegalArgumentException when n &lt; 1 or n is too large for a power-of-two Bluestein size
     */
    public ComplexFft(int n) {
        if (n < 1 || n > (1 << 28)) {
            throw new IllegalArgumentException("FFT size must be in 1.." + (1 << 28) + ", was " + n);
        }
        this.n = n;
        if (Integer.bitCount(n) == 1) {
            this.m = n;
            this.plan = new FloatFFT_1D(n);
            this.chirp = null;
            this.kernel = null;
            this.work = null;
            return;
        }
        int size = Integer.highestOneBit(2 * n - 1);
        this.m = size < 2 * n - 1 ? size << 1 : size;
        this.plan = new FloatFFT_1D(m);
        this.chirp = new float[2 * n];
        this.kernel = new float[2 * m];
        this.work = new float[2 * m];
        long twoN = 2L * n;
        for (int k = 0; k < n; k++) {
            double angle = Math.PI * (((long) k * k) % twoN) / n;
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            chirp[2 * k] = (float) c;
            chirp[2 * k + 1] = (float) -s;
            // conj(w[k]) at k and, wrapped, at m - k: the convolution kernel is symmetric in k.
            kernel[2 * k] = (float) c;
            kernel[2 * k + 1] = (float) s;
            if (k > 0) {
                kernel[2 * (m - k)] = (float) c;
                kernel[2 * (m - k) + 1] = (float) s;
            }
        }
        plan.complexForward(kernel);
        // Fold the inverse transform's 1/m into the kernel once, instead of scaling on every call.
        float inv = 1f / m;
        for (int i = 0; i < 2 * m; i++) {
            kernel[i] *= inv;
        }
    }

    /** The transform size. */
    public int size() {
        return n;
    }

    /**
     * Replaces {@code a[0..2n)} by its unscaled forward DFT (numpy's {@code fft} with norm "backward").
     * Called on the processor's thread; allocation-free (see the class comment for sizes above 8192).
     */
    public void forward(float[] a) {
        if (chirp == null) {
            plan.complexForward(a);
            return;
        }
        float[] w = work;
        float[] c = chirp;
        for (int k = 0; k < n; k++) {
            float re = a[2 * k];
            float im = a[2 * k + 1];
            float cr = c[2 * k];
            float ci = c[2 * k + 1];
            w[2 * k] = re * cr - im * ci;
            w[2 * k + 1] = re * ci + im * cr;
        }
        java.util.Arrays.fill(w, 2 * n, 2 * m, 0f);
        plan.complexForward(w);
        float[] h = kernel;
        for (int k = 0; k < m; k++) {
            float re = w[2 * k];
            float im = w[2 * k + 1];
            float hr = h[2 * k];
            float hi = h[2 * k + 1];
            w[2 * k] = re * hr - im * hi;
            w[2 * k + 1] = re * hi + im * hr;
        }
        plan.complexInverse(w, false);
        for (int k = 0; k < n; k++) {
            float re = w[2 * k];
            float im = w[2 * k + 1];
            float cr = c[2 * k];
            float ci = c[2 * k + 1];
            a[2 * k] = re * cr - im * ci;
            a[2 * k + 1] = re * ci + im * cr;
        }
    }

    /**
     * Replaces {@code a[0..2n)} by its unscaled inverse DFT (sign +i, no 1/n), as conj(DFT(conj(a))), so both
     * directions share one plan. Allocation-free.
     */
    public void inverseUnscaled(float[] a) {
        for (int k = 1; k < 2 * n; k += 2) {
            a[k] = -a[k];
        }
        forward(a);
        for (int k = 1; k < 2 * n; k += 2) {
            a[k] = -a[k];
        }
    }

    /**
     * The factor numpy applies for a norm mode: "backward" scales only the inverse by 1/n, "ortho" both by
     * 1/sqrt(n), "forward" only the forward by 1/n.
     */
    static double scale(String norm, int n, boolean inverse) {
        return switch (norm) {
            case "ortho" -> 1.0 / Math.sqrt(n);
            case "forward" -> inverse ? 1.0 : 1.0 / n;
            case "backward" -> inverse ? 1.0 / n : 1.0;
            default -> throw new IllegalArgumentException("unknown norm '" + norm + "'; expected backward, ortho or forward");
        };
    }

    /** The norm choices, in numpy's order. */
    static final java.util.List<String> NORMS = java.util.List.of("backward", "ortho", "forward");
}
