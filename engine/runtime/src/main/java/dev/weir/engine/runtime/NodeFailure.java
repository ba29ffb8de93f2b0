package dev.weir.engine.runtime;

import java.util.Objects;

/**
 * Why a run failed: the node, the lifecycle phase and the cause.
 *
 * @param nodeId the failing node's id
 * @param phase  {@code open}, {@code process}, {@code params}, {@code complete} or {@code close}
 * @param cause  what it threw
 */
public record NodeFailure(String nodeId, String phase, Throwable cause) {
    public NodeFailure {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(cause, "cause");
    }

    /** One line for users: {@code node 'fft' failed in process: IllegalStateException: ...}. */
    public String message() {
        String m = cause.getMessage();
        return "node '" + nodeId + "' failed in " + phase + ": " + cause.getClass().getSimpleName()
                + (m == null ? "" : ": " + m);
    }
}
