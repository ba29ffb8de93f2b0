package dev.weir.kernels.image;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vector API bodies equal the scalar kernel methods byte for byte, on random images of every width from 1 to
 * 70 (vector loops, their tails and the border columns meet at every offset) and on one wide image, for 1 and 3
 * channels. The surefire argLine adds the incubator module, so {@link Simd#ENABLED} holds here.
 */
class VectorKernelsTest {

    private static final int[] HEIGHTS = {1, 2, 3, 7};

    private static byte[] random(SplittableRandom rnd, int n, boolean extremes) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            // Mostly extremes in one half of the cases: saturation and the widest sums are where lanes overflow.
            b[i] = (byte) (extremes && rnd.nextInt(3) > 0 ? (rnd.nextBoolean() ? 255 : 0) : rnd.nextInt(256));
        }
        return b;
    }

    private interface Shape {
        void check(int w, int h, int cn, byte[] src, SplittableRandom rnd);
    }

    private static void everyShape(Shape s) {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int cn : new int[] {1, 3}) {
            for (int h : HEIGHTS) {
                for (int w = 1; w <= 70; w++) {
                    s.check(w, h, cn, random(rnd, w * h * cn, w % 2 == 0), rnd);
                }
            }
            s.check(1283, 9, cn, random(rnd, 1283 * 9 * cn, false), rnd);
        }
    }

    @Test
    void theVectorApiIsOnInTests() {
        assertThat(Simd.ENABLED).isTrue();
    }

    @Test
    void thresholdMatchesTheScalarKernel() {
        everyShape((w, h, cn, src, rnd) -> {
            int t = rnd.nextInt(256);
            byte above = (byte) rnd.nextInt(256);
            byte below = (byte) rnd.nextInt(256);
            byte[] want = new byte[src.length];
            byte[] got = new byte[src.length];
            // A band that starts after row 0, as a worker's chunk does.
            int from = h > 2 ? 1 : 0;
            PixelKernels.threshold(src, want, w * cn, t, above, below, from, h);
            VectorKernels.threshold(src, got, w * cn, t, above, below, from, h);
            assertThat(got).as("%dx%dx%d t=%d", w, h, cn, t).isEqualTo(want);
        });
    }

    @Test
    void laplacianMatchesTheScalarKernelForBothApertures() {
        everyShape((w, h, cn, src, rnd) -> {
            for (int aperture : new int[] {1, 3}) {
                byte[] want = new byte[src.length];
                byte[] got = new byte[src.length];
                FilterKernels.laplacian(src, want, w, h, cn, aperture, 0, h);
                VectorKernels.laplacian(src, got, w, h, cn, aperture, 0, h);
                assertThat(got).as("%dx%dx%d aperture %d", w, h, cn, aperture).isEqualTo(want);
            }
        });
    }

    @Test
    void separableMatchesTheScalarKernelForGaussianAndBoxWeights() {
        everyShape((w, h, cn, src, rnd) -> {
            int kind = rnd.nextInt(3);
            SeparableArgs a = new SeparableArgs(w, h, cn, 1);
            if (kind == 0) {
                // sigma 0.3 gives a centre weight of 256 - 2: the largest products in 16-bit lanes.
                double sigma = rnd.nextBoolean() ? 0.3 : 0.5 + rnd.nextDouble() * 3;
                int n = GaussianCoefficients.sizeFor(sigma);
                int[] k = GaussianCoefficients.fixedPoint(n, sigma);
                a.weights(k, n / 2, k, n / 2, 1 << 15, 1, 16);
            } else {
                int k = 1 + rnd.nextInt(16);
                int[] ones = new int[k];
                java.util.Arrays.fill(ones, 1);
                int[] div = BoxBlurNode.divisor(k * k);
                a.weights(ones, k / 2, ones, k / 2, div[1], div[0], 23);
            }
            byte[] want = new byte[src.length];
            byte[] got = new byte[src.length];
            int from = h > 3 ? 2 : 0;
            FilterKernels.separable(src, want, w, cn, a.kx, a.rx, a.cols, a.ky, a.rows, a.add, a.mul, a.shift,
                    a.ring[0], a.acc[0], from, h);
            VectorKernels.separable(src, got, w, cn, a.kx, a.rx, a.cols, a.ky, a.rows, a.add, a.mul, a.shift,
                    a.ring[0], a.acc[0], from, h);
            assertThat(got).as("%dx%dx%d kernel %s", w, h, cn, java.util.Arrays.toString(a.kx)).isEqualTo(want);
        });
    }

    @Test
    void resizeColumnsMatchTheScalarKernel() {
        everyShape((w, h, cn, src, rnd) -> {
            int outW = 1 + rnd.nextInt(2 * w + 1);
            int outH = 1 + rnd.nextInt(2 * h + 1);
            ResizeArgs a = new ResizeArgs(w, h, cn, outW, outH);
            ResizeKernels.resizeRows(src, a.tmp, w * cn, outW * cn, a.usedRows, a.x0, a.x1, a.a0, a.a1, 0,
                    a.usedRows.length);
            byte[] want = new byte[outW * outH * cn];
            byte[] got = new byte[want.length];
            ResizeKernels.resizeCols(a.tmp, want, outW * cn, a.y0, a.y1, a.b0, a.b1, outW * cn, 0, 0, outH);
            VectorKernels.resizeCols(a.tmp, got, outW * cn, a.y0, a.y1, a.b0, a.b1, outW * cn, 0, 0, outH);
            assertThat(got).as("%dx%dx%d -> %dx%d", w, h, cn, outW, outH).isEqualTo(want);
        });
    }
}
