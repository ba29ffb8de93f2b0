package dev.weir.nodes.video;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds a source to real time: a frame stamped {@code t} leaves no earlier than {@code wall0 + (t - t0)}, where
 * {@code (wall0, t0)} is the anchor set by the first frame. Pacing against that absolute schedule, not sleeping a
 * frame interval each time, keeps the long-run rate exact whatever the sleep overshoot.
 *
 * <p>A frame that is already more than {@link #MAX_LAG_NANOS} late moves the anchor to now instead of being
 * hurried along with its successors: after a pause, or behind a consumer slower than real time, the source goes
 * on at the stream's pace rather than bursting to catch up.
 *
 * <p>Parks the calling thread (a BLOCKING node's own); an interrupt, which is how the engine stops such a node,
 * ends the wait at once and leaves the flag set. Allocation-free.
 */
final class Pacer {

    /** How late a frame may be before the schedule is restarted from it. */
    static final long MAX_LAG_NANOS = 250_000_000L;

    private boolean anchored;
    private long wall0;
    private long t0;

    /** Forgets the schedule; the next frame starts a new one (realtime switched on, a new run). */
    void reset() {
        anchored = false;
    }

    /**
     * Waits until the frame stamped {@code timestampNanos} is due.
     *
     * @return false when the wait was interrupted (the run is stopping)
     */
    boolean await(long timestampNanos) {
        long now = System.nanoTime();
        if (!anchored || now - (wall0 + (timestampNanos - t0)) > MAX_LAG_NANOS) {
            anchored = true;
            wall0 = now;
            t0 = timestampNanos;
            return !Thread.currentThread().isInterrupted();
        }
        long due = wall0 + (timestampNanos - t0);
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            long wait = due - System.nanoTime();
            if (wait <= 0) {
                return true;
            }
            LockSupport.parkNanos(wait);
        }
    }
}
