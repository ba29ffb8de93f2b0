package dev.weir.engine.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * Spins, then yields, then parks for exponentially growing periods up to a maximum (Agrona's
 * {@code BackoffIdleStrategy}). The maximum park bounds how long a worker takes to notice new input, a pause or
 * a stop, and so it bounds stop latency.
 *
 * <pre>
 *   work &gt; 0 ──&gt; reset
 *   idle: SPINNING (maxSpins) ──&gt; YIELDING (maxYields) ──&gt; PARKING (minPark, x2 ... maxPark)
 * </pre>
 */
public final class BackoffIdleStrategy implements IdleStrategy {

    private final long maxSpins;
    private final long maxYields;
    private final long minParkNanos;
    private final long maxParkNanos;

    private long spins;
    private long yields;
    private long parkNanos;

    /**
     * @param maxSpins     idle cycles spent spinning before yielding
     * @param maxYields    idle cycles spent yielding before parking
     * @param minParkNanos first park period
     * @param maxParkNanos longest park period
     */
    public BackoffIdleStrategy(long maxSpins, long maxYields, long minParkNanos, long maxParkNanos) {
        if (maxSpins < 0 || maxYields < 0 || minParkNanos < 1 || maxParkNanos < minParkNanos) {
            throw new IllegalArgumentException("invalid back-off: spins " + maxSpins + ", yields " + maxYields
                    + ", park " + minParkNanos + ".." + maxParkNanos + " ns");
        }
        this.maxSpins = maxSpins;
        this.maxYields = maxYields;
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
        reset();
    }

    /** The engine's default: 100 spins, 10 yields, then parks from 1 us up to 1 ms. */
    public static BackoffIdleStrategy defaults() {
        return new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            reset();
            return;
        }
        if (spins < maxSpins) {
            spins++;
            Thread.onSpinWait();
        } else if (yields < maxYields) {
            yields++;
            Thread.yield();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos << 1, maxParkNanos);
        }
    }

    @Override
    public void reset() {
        spins = 0;
        yields = 0;
        parkNanos = minParkNanos;
    }
}
