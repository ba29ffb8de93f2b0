package dev.weir.editor.preview;

/**
 * Paces work driven by JavaFX pulses to at most a given rate. JavaFX pulses at the display's refresh rate, which may
 * be above 60 Hz (a 144 Hz monitor), or back to back with {@code -Djavafx.animation.fullspeed=true}; drawing every
 * pulse would then cost more without anyone seeing more.
 *
 * <p>A frame is due when {@code now >= next - slack}; taking it moves {@code next} on by one period, and never to
 * less than {@code now + period - slack}. So:
 * <ul>
 *   <li>the long-run rate never exceeds the maximum: {@code next} advances by at least one period per frame, and a
 *       frame is never taken more than {@code slack} early, so any window of {@code T} seconds holds at most
 *       {@code 1 + (T + 2 slack) / period} frames;</li>
 *   <li>60 Hz pulses that jitter by up to a quarter period are all taken (a strict "at least one period since the
 *       last frame" would drop every pulse that comes a little early, halving the rate);</li>
 *   <li>after an idle spell the schedule restarts from the current pulse instead of granting a burst of catch-up
 *       frames.</li>
 * </ul>
 * Pure arithmetic on the caller's clock ({@code AnimationTimer}'s {@code now}), so it is tested without a toolkit.
 * Not thread-safe; used on the FX thread.
 */
final class FrameCap {

    private final long period;
    private final long slack;
    private long next;
    private boolean started;

    /** A cap of {@code maxPerSecond} frames per second. */
    FrameCap(int maxPerSecond) {
        if (maxPerSecond <= 0) {
            throw new IllegalArgumentException("frame rate cap must be positive, was " + maxPerSecond);
        }
        this.period = 1_000_000_000L / maxPerSecond;
        this.slack = period / 4;
    }

    /** Whether a frame may be drawn at {@code nowNanos}; if so it is counted as drawn. */
    boolean tryFrame(long nowNanos) {
        if (started && nowNanos - (next - slack) < 0) {
            return false;
        }
        long earliest = nowNanos + period - slack;
        next = started && next + period - earliest > 0 ? next + period : earliest;
        started = true;
        return true;
    }

    /** The minimum spacing between frames in the long run, in nanoseconds. */
    long periodNanos() {
        return period;
    }
}
