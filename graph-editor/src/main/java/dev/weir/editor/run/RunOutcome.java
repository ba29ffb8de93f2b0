package dev.weir.editor.run;

import java.util.List;
import java.util.Objects;

/**
 * How a run ended.
 *
 * @param state    how it ended
 * @param failures failed nodes with their messages, the failure that ended the run first (a failing worker
 *                 process group reports each of its nodes), then failures of processors' {@code close}, which
 *                 are reported but do not make a run FAILED; empty after a clean run
 * @param last     the metrics sampled as the run ended
 */
public record RunOutcome(End state, List<RunMetrics.NodeFault> failures, RunMetrics last) {

    /** How a run ended. */
    public enum End { COMPLETED, STOPPED, FAILED }

    public RunOutcome {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(last, "last");
        failures = List.copyOf(failures);
    }
}
