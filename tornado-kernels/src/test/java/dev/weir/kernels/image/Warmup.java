package dev.weir.kernels.image;

import java.util.Arrays;

/**
 * Compiles the {@link VectorKernels} bodies before tests measure allocation with short loops. Vector API code
 * allocates a box per vector until C2 compiles it with the intrinsics (interpreted and C1 code cannot keep vectors
 * in registers); a node in a long run compiles them within its first few hundred frames, but the oracle tests'
 * allocation loops are kept short to stay fast. {@code ImageNodesTest} checks one vector node with the verifier's
 * full default warm-up, without this class.
 */
final class Warmup {

    private static boolean done;

    private Warmup() {
    }

    static synchronized void vectorKernels() {
        if (done) {
            return;
        }
        int w = 64;
        int h = 8;
        byte[] src = new byte[w * h * 3];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) (i * 37);
        }
        byte[] dst = new byte[src.length];
        SeparableArgs sep = new SeparableArgs(w, h, 3, 1);
        int[] k = GaussianCoefficients.fixedPoint(5, 1.0);
        sep.weights(k, 2, k, 2, 1 << 15, 1, 16);
        ResizeArgs rs = new ResizeArgs(w, h, 3, 40, 5);
        for (int i = 0; i < 20_000; i++) {
            VectorKernels.threshold(src, dst, w * 3, 100, (byte) 255, (byte) 0, 0, h);
            VectorKernels.laplacian(src, dst, w, h, 3, 1 + 2 * (i & 1), 0, h);
            VectorKernels.separable(src, dst, w, 3, sep.kx, sep.rx, sep.cols, sep.ky, sep.rows, sep.add, sep.mul,
                    sep.shift, sep.ring[0], sep.acc[0], 0, h);
            VectorKernels.resizeCols(rs.tmp, dst, 40 * 3, rs.y0, rs.y1, rs.b0, rs.b1, 40 * 3, 0, 0, 5);
        }
        if (Arrays.hashCode(dst) == 42) {
            System.out.print(""); // keeps the loop's results alive
        }
        done = true;
    }
}
