package dev.weir.engine.runtime.metrics;

import java.util.List;
import java.util.Objects;

/**
 * One worker process group at one sampling instant, as its supervisor sees it. The editor shows it on the group's
 * nodes; {@link MetricsSnapshot#format()} prints it.
 *
 * <pre>
 *   STARTING ──&gt; RUNNING ──&gt; COMPLETED | STOPPED
 *      ▲            │ dies or a node throws
 *      │            ▼
 *   RESTARTING &lt;── FAILED ──(restart never, or restarts used up)──&gt; GAVE_UP
 * </pre>
 *
 * @param name        group name
 * @param state       one of the states above
 * @param pid         the current (or last) process id, or -1 before the first start
 * @param restarts    restarts so far
 * @param lastFailure why it last failed, or "" when it never did
 * @param nodes       the group's node ids
 */
public record ProcessMetrics(String name, String state, long pid, int restarts, String lastFailure,
                             List<String> nodes) {
    public ProcessMetrics {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastFailure, "lastFailure");
        nodes = List.copyOf(nodes);
    }
}
