package dev.weir.engine.runtime;

import dev.weir.engine.runtime.metrics.MetricsSnapshot;

import java.util.List;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param state         COMPLETED, STOPPED or FAILED
 * @param failure       the first node failure, when FAILED
 * @param closeFailures failures of {@code close} calls (reported, never hiding the main outcome)
 * @param finalMetrics  metrics sampled as the run ended
 */
public record RunResult(SessionState state, Optional<NodeFailure> failure, List<NodeFailure> closeFailures,
                        MetricsSnapshot finalMetrics) {
    public RunResult {
        closeFailures = List.copyOf(closeFailures);
    }
}
