package dev.weir.kernels.image;

/**
 * OpenCV's default border, {@code BORDER_REFLECT_101}: {@code gfedcb|abcdefgh|gfedcba}, the edge pixel not
 * repeated. Index tables are built when a node opens, so kernels only look indexes up.
 */
public final class Border {

    private Border() {
    }

    /**
     * The in-range index that {@code p} reflects to in {@code 0..n-1}; reflects as often as needed, so kernels
     * wider than the image fold back and forth as in OpenCV's {@code borderInterpolate}. A length of 1 always
     * gives 0.
     */
    public static int reflect101(int p, int n) {
        if (n == 1) {
            return 0;
        }
        int q = p;
        while (q < 0 || q >= n) {
            if (q < 0) {
                q = -q;
            }
            if (q >= n) {
                q = 2 * n - 2 - q;
            }
        }
        return q;
    }

    /**
     * Entry {@code i} is {@code reflect101(i - radius, n)} for {@code i} in {@code 0..n + 2 * radius - 1}: the
     * source index of tap {@code j} of output {@code x} is {@code table[x + j]}.
     */
    public static int[] table(int n, int radius) {
        int[] t = new int[n + 2 * radius];
        for (int i = 0; i < t.length; i++) {
            t[i] = reflect101(i - radius, n);
        }
        return t;
    }
}
