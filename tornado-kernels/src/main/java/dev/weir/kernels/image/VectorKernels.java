package dev.weir.kernels.image;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * CPU bodies of the 8-bit kernels written with the Vector API ({@code jdk.incubator.vector}), used when the JVM
 * was started with {@code --add-modules jdk.incubator.vector} (see {@link Simd}). Each computes exactly what the
 * scalar kernel method of the same name computes (tests compare them byte for byte on odd sizes) and leaves the
 * last few pixels of a row, and every pixel next to a border, to that scalar code.
 *
 * <p>Why: C2 in JDK 25 does not auto-vectorise loops that widen bytes with {@code & 0xFF} or narrow ints back to
 * bytes, which is every 8-bit image kernel. Measured on a 2-core AVX2 machine, 1280x720 grey, best of 9 runs:
 * threshold 0.49 ms scalar against 0.04 ms here, a 4-neighbour Laplacian 2.1 to 3.7 ms against 0.26 to 0.43 ms;
 * a byte to int loop ran at the same speed with and without {@code -XX:-UseSuperWord}. Grey conversion (a stride-3
 * de-interleave) and the Sobel magnitude (square roots) stay scalar; see {@code docs/architecture.md}.
 *
 * <p>Allocation: vectors are objects to the interpreter and C1; only C2 keeps them in registers, and only while
 * every call that passes or returns one is inlined. A method that grows past C2's inlining budget leaves a call
 * site out, and a vector crossing it is boxed on every iteration. So no helper here takes or returns a vector:
 * each method loads, computes and stores in one body, and the methods called per row take arrays and indexes
 * only, so an inlining cut-off between them costs a call, never an allocation.
 */
final class VectorKernels {

    private static final VectorSpecies<Byte> B256 = ByteVector.SPECIES_256;
    private static final VectorSpecies<Byte> B128 = ByteVector.SPECIES_128;
    private static final VectorSpecies<Byte> B64 = ByteVector.SPECIES_64;
    private static final VectorSpecies<Short> S256 = ShortVector.SPECIES_256;
    private static final VectorSpecies<Short> S128 = ShortVector.SPECIES_128;
    private static final VectorSpecies<Integer> I256 = IntVector.SPECIES_256;

    private VectorKernels() {
    }

    /** See {@link PixelKernels#threshold}. */
    static void threshold(byte[] src, byte[] dst, int rowLen, int threshold, byte above, byte below, int from,
                          int to) {
        ByteVector hi = ByteVector.broadcast(B256, above);
        ByteVector lo = ByteVector.broadcast(B256, below);
        byte t = (byte) threshold;
        int start = from * rowLen;
        int end = to * rowLen;
        int i = start;
        // Rows are contiguous, so the band is one run of bytes.
        for (int last = end - B256.length(); i <= last; i += B256.length()) {
            ByteVector v = ByteVector.fromArray(B256, src, i);
            lo.blend(hi, v.compare(VectorOperators.UGT, t)).intoArray(dst, i);
        }
        for (; i < end; i++) {
            dst[i] = (src[i] & 0xFF) > threshold ? above : below;
        }
    }

    /**
     * See {@link FilterKernels#laplacian}. A 32-byte load viewed as 16 shorts holds the even bytes in the low
     * halves and the odd bytes in the high halves, so {@code and(0xFF)} and {@code >>> 8} widen both without a
     * lane conversion; the even and odd results are joined the same way ({@code even | odd << 8}) and stored as 32
     * bytes. A neighbour at an odd distance (1 or 3 slots) comes from a load at that offset, whose even and odd
     * lanes line up with the centre's. Sums stay within +-2040, so 16-bit lanes suffice.
     */
    static void laplacian(byte[] src, byte[] dst, int width, int height, int cn, int aperture, int from, int to) {
        int rowLen = width * cn;
        int hi = (width - 1) * cn;
        for (int y = from; y < to; y++) {
            int c = y * rowLen;
            int u = Border.reflect101(y - 1, height) * rowLen;
            int d = Border.reflect101(y + 1, height) * rowLen;
            int i = aperture == 3 ? laplacianDiagonal(src, dst, cn, u, c, d, hi)
                    : laplacianCross(src, dst, cn, u, c, d, hi);
            // The rest of the row, and both edge columns, as the scalar kernel computes them.
            FilterKernels.laplacianRow(src, dst, width, cn, aperture == 3, u, c, d, i, hi);
        }
    }

    /** Slots {@code cn..} of one row with the 4-neighbour kernel, 32 at a time; returns the first slot not done. */
    private static int laplacianCross(byte[] src, byte[] dst, int cn, int u, int c, int d, int hi) {
        int step = B256.length();
        int i = cn;
        for (; i <= hi - step; i += step) {
            ShortVector up = ByteVector.fromArray(B256, src, u + i).reinterpretAsShorts();
            ShortVector dn = ByteVector.fromArray(B256, src, d + i).reinterpretAsShorts();
            ShortVector l = ByteVector.fromArray(B256, src, c + i - cn).reinterpretAsShorts();
            ShortVector r = ByteVector.fromArray(B256, src, c + i + cn).reinterpretAsShorts();
            ShortVector m = ByteVector.fromArray(B256, src, c + i).reinterpretAsShorts();
            ShortVector even = up.and((short) 0xFF).add(dn.and((short) 0xFF)).add(l.and((short) 0xFF))
                    .add(r.and((short) 0xFF)).sub(m.and((short) 0xFF).lanewise(VectorOperators.LSHL, 2));
            ShortVector odd = up.lanewise(VectorOperators.LSHR, 8).add(dn.lanewise(VectorOperators.LSHR, 8))
                    .add(l.lanewise(VectorOperators.LSHR, 8)).add(r.lanewise(VectorOperators.LSHR, 8))
                    .sub(m.lanewise(VectorOperators.LSHR, 8).lanewise(VectorOperators.LSHL, 2));
            even.abs().min((short) 255).or(odd.abs().min((short) 255).lanewise(VectorOperators.LSHL, 8))
                    .reinterpretAsBytes().intoArray(dst, c + i);
        }
        return i;
    }

    /** Slots {@code cn..} of one row with the diagonal kernel, 32 at a time; returns the first slot not done. */
    private static int laplacianDiagonal(byte[] src, byte[] dst, int cn, int u, int c, int d, int hi) {
        int step = B256.length();
        int i = cn;
        for (; i <= hi - step; i += step) {
            ShortVector ul = ByteVector.fromArray(B256, src, u + i - cn).reinterpretAsShorts();
            ShortVector ur = ByteVector.fromArray(B256, src, u + i + cn).reinterpretAsShorts();
            ShortVector dl = ByteVector.fromArray(B256, src, d + i - cn).reinterpretAsShorts();
            ShortVector dr = ByteVector.fromArray(B256, src, d + i + cn).reinterpretAsShorts();
            ShortVector m = ByteVector.fromArray(B256, src, c + i).reinterpretAsShorts();
            ShortVector even = ul.and((short) 0xFF).add(ur.and((short) 0xFF)).add(dl.and((short) 0xFF))
                    .add(dr.and((short) 0xFF)).lanewise(VectorOperators.LSHL, 1)
                    .sub(m.and((short) 0xFF).lanewise(VectorOperators.LSHL, 3));
            ShortVector odd = ul.lanewise(VectorOperators.LSHR, 8).add(ur.lanewise(VectorOperators.LSHR, 8))
                    .add(dl.lanewise(VectorOperators.LSHR, 8)).add(dr.lanewise(VectorOperators.LSHR, 8))
                    .lanewise(VectorOperators.LSHL, 1)
                    .sub(m.lanewise(VectorOperators.LSHR, 8).lanewise(VectorOperators.LSHL, 3));
            even.abs().min((short) 255).or(odd.abs().min((short) 255).lanewise(VectorOperators.LSHL, 8))
                    .reinterpretAsBytes().intoArray(dst, c + i);
        }
        return i;
    }

    /** See {@link FilterKernels#separable}: the same band algorithm, rows and columns in vector lanes. */
    static void separable(byte[] src, byte[] dst, int width, int cn, int[] kx, int rx, int[] cols, int[] ky,
                          int[] rows, int add, int mul, int shift, short[] ring, int[] acc, int from, int to) {
        int rowLen = width * cn;
        int n = ky.length;
        for (int p = from; p < from + n - 1; p++) {
            horizontal(src, rows[p] * rowLen, ring, (p % n) * rowLen, width, cn, kx, rx, cols);
        }
        for (int y = from; y < to; y++) {
            int p = y + n - 1;
            horizontal(src, rows[p] * rowLen, ring, (p % n) * rowLen, width, cn, kx, rx, cols);
            vertical(ring, dst, rowLen, n, y, ky, add, mul, shift);
        }
    }

    /**
     * Output row {@code y} from the ring: 8 slots at a time in 32-bit lanes (the weighted sums need 24 bits), the
     * last few in scalar code.
     */
    private static void vertical(short[] ring, byte[] dst, int rowLen, int n, int y, int[] ky, int add, int mul,
                                 int shift) {
        int step = I256.length();
        int o = y * rowLen;
        int i = 0;
        for (; i <= rowLen - step; i += step) {
            IntVector s = IntVector.zero(I256);
            for (int j = 0; j < n; j++) {
                IntVector h = ((IntVector) ShortVector.fromArray(S128, ring, ((y + j) % n) * rowLen + i)
                        .convertShape(VectorOperators.S2I, I256, 0)).and(0xFFFF);
                s = s.add(h.mul(ky[j]));
            }
            s.add(add).mul(mul).lanewise(VectorOperators.LSHR, shift)
                    .convertShape(VectorOperators.I2B, B64, 0).reinterpretAsBytes().intoArray(dst, o + i);
        }
        for (; i < rowLen; i++) {
            int s = 0;
            for (int j = 0; j < n; j++) {
                s += ky[j] * (ring[((y + j) % n) * rowLen + i] & 0xFFFF);
            }
            dst[o + i] = (byte) (((s + add) * mul) >>> shift);
        }
    }

    /**
     * One horizontal row into the ring, as {@link FilterKernels#horizontal}: interior slots 16 at a time in 16-bit
     * lanes (the sums stay below 2^16, so wrapping 16-bit arithmetic is exact), the rest by the scalar code.
     */
    private static void horizontal(byte[] src, int s, short[] h, int t, int width, int cn, int[] k, int r,
                                   int[] cols) {
        int n = k.length;
        int leftEnd = Math.min(r, width);
        int rightStart = Math.max(width - (n - 1 - r), leftEnd);
        int lo = leftEnd * cn;
        int hi = rightStart * cn;
        int step = S256.length();
        int i = lo;
        for (; i <= hi - step; i += step) {
            ShortVector sum = ShortVector.zero(S256);
            for (int j = 0; j < n; j++) {
                ShortVector v = ((ShortVector) ByteVector.fromArray(B128, src, s + i + (j - r) * cn)
                        .convertShape(VectorOperators.B2S, S256, 0)).and((short) 0xFF);
                sum = sum.add(v.mul((short) k[j]));
            }
            sum.intoArray(h, t + i);
        }
        FilterKernels.horizontalRange(src, s, h, t, width, cn, k, r, cols, i, hi);
    }

    /** See {@link ResizeKernels#resizeCols}: 8 slots at a time in 32-bit lanes. */
    static void resizeCols(int[] tmp, byte[] dst, int rowLen, int[] y0, int[] y1, int[] b0, int[] b1, int stride,
                           int offset, int from, int to) {
        int step = I256.length();
        for (int y = from; y < to; y++) {
            int t0 = y0[y] * rowLen;
            int t1 = y1[y] * rowLen;
            int w0 = b0[y];
            int w1 = b1[y];
            int o = offset + y * stride;
            int i = 0;
            for (; i <= rowLen - step; i += step) {
                IntVector a = IntVector.fromArray(I256, tmp, t0 + i).lanewise(VectorOperators.ASHR, 4).mul(w0)
                        .lanewise(VectorOperators.ASHR, 16);
                IntVector b = IntVector.fromArray(I256, tmp, t1 + i).lanewise(VectorOperators.ASHR, 4).mul(w1)
                        .lanewise(VectorOperators.ASHR, 16);
                a.add(b).add(2).lanewise(VectorOperators.ASHR, 2).min(255)
                        .convertShape(VectorOperators.I2B, B64, 0).reinterpretAsBytes().intoArray(dst, o + i);
            }
            for (; i < rowLen; i++) {
                int v = ((((tmp[t0 + i] >> 4) * w0) >> 16) + (((tmp[t1 + i] >> 4) * w1) >> 16) + 2) >> 2;
                dst[o + i] = (byte) Math.min(v, 255);
            }
        }
    }
}
