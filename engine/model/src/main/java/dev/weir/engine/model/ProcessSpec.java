package dev.weir.engine.model;

import java.util.Objects;

/**
 * How the engine supervises one worker process group (every group but {@link NodeInstance#MAIN_PROCESS}).
 *
 * <pre>
 *   restart = on_failure:   dies -> wait backoff -> start -> dies -> wait 2 x backoff -> ... (at most maxBackoff)
 *                           after maxRestarts restarts the group stays down, as with restart = never
 * </pre>
 *
 * @param restart          whether a failed group is started again
 * @param maxRestarts      restarts allowed over one run, 0..1000
 * @param backoffMillis    wait before the first restart, 1..3 600 000 ms
 * @param maxBackoffMillis the longest wait between restarts, at least {@code backoffMillis}, at most one hour
 */
public record ProcessSpec(RestartPolicy restart, int maxRestarts, long backoffMillis, long maxBackoffMillis) {

    /** The limit of {@link #maxRestarts}. */
    public static final int MAX_RESTARTS = 1000;
    /** The limit of the back-off fields, in milliseconds. */
    public static final long MAX_BACKOFF_MILLIS = 3_600_000;

    /** Never restart; if restarts are switched on: 5 of them, 100 ms doubling up to 5 s. */
    public static final ProcessSpec DEFAULT = new ProcessSpec(RestartPolicy.NEVER, 5, 100, 5_000);

    public ProcessSpec {
        Objects.requireNonNull(restart, "restart");
        if (maxRestarts < 0 || maxRestarts > MAX_RESTARTS) {
            throw new IllegalArgumentException("max_restarts must be in 0.." + MAX_RESTARTS + ", was " + maxRestarts);
        }
        if (backoffMillis < 1 || backoffMillis > MAX_BACKOFF_MILLIS) {
            throw new IllegalArgumentException("backoff_ms must be in 1.." + MAX_BACKOFF_MILLIS + ", was "
                    + backoffMillis);
        }
        if (maxBackoffMillis < backoffMillis || maxBackoffMillis > MAX_BACKOFF_MILLIS) {
            throw new IllegalArgumentException("max_backoff_ms must be in backoff_ms (" + backoffMillis + ").."
                    + MAX_BACKOFF_MILLIS + ", was " + maxBackoffMillis);
        }
    }

    /** Restart on failure with the default limits. */
    public static ProcessSpec onFailure(int maxRestarts, long backoffMillis, long maxBackoffMillis) {
        return new ProcessSpec(RestartPolicy.ON_FAILURE, maxRestarts, backoffMillis, maxBackoffMillis);
    }

    /** The wait before restart number {@code restart} (1-based): the back-off doubled per earlier restart, capped. */
    public long backoffBefore(int restart) {
        long wait = backoffMillis;
        for (int i = 1; i < restart && wait < maxBackoffMillis; i++) {
            wait *= 2;
        }
        return Math.min(wait, maxBackoffMillis);
    }
}
