package dev.weir.nodes.eeg;

/**
 * Standard normal draws from a SplitMix64 stream through the polar Box-Muller method, with a fixed, documented
 * algorithm: unlike {@code java.util.Random#nextGaussian}, whose algorithm may change between JDKs, the same seed
 * gives the same signal on every JDK. Allocation-free; not thread-safe (one per processor).
 */
public final class Gaussian {

    private long state;
    private double spare;
    private boolean hasSpare;

    /** A stream seeded with {@code seed}. */
    public Gaussian(long seed) {
        this.state = seed;
    }

    /** The next uniform draw in [0, 1), 53 random bits. */
    public double uniform() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    /** The next standard normal draw. */
    public double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * uniform() - 1;
            v = 2 * uniform() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * Math.log(s) / s);
        spare = v * m;
        hasSpare = true;
        return u * m;
    }
}
