package dev.weir.engine.runtime;

/**
 * The states of a {@link Session}.
 *
 * <pre>
 *   STARTING ──&gt; RUNNING &lt;──&gt; PAUSED
 *       │           │  │
 *       │           │  └──&gt; COMPLETED  (every node finished on its own)
 *       │           └─────&gt; STOPPED    (stop() was called)
 *       └───────────────&gt;  FAILED     (a node threw; every processor still closed)
 * </pre>
 */
public enum SessionState {
    STARTING, RUNNING, PAUSED, COMPLETED, STOPPED, FAILED;

    /** Whether the run is over. */
    public boolean isTerminal() {
        return this == COMPLETED || this == STOPPED || this == FAILED;
    }
}
