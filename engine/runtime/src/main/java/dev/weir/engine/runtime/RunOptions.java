package dev.weir.engine.runtime;

import dev.weir.engine.api.preview.PreviewHub;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Settings of one run.
 *
 * @param workerThreads   threads of the cooperative pool (blocking nodes get their own on top); at least 1
 * @param metricsInterval how often metrics are sampled
 * @param idleStrategy    makes one idle strategy per worker thread
 * @param previews        where the run's preview slots go: the editor's preview panels, or
 *                        {@link PreviewHub#NONE} (the command line) so that preview nodes publish into slots nobody
 *                        reads. Only nodes in the main process reach it; a worker process's preview nodes publish
 *                        into unattached slots
 */
public record RunOptions(int workerThreads, Duration metricsInterval, Supplier<IdleStrategy> idleStrategy,
                         PreviewHub previews) {

    public RunOptions {
        if (workerThreads < 1 || workerThreads > 1024) {
            throw new IllegalArgumentException("worker threads must be in 1..1024, was " + workerThreads);
        }
        Objects.requireNonNull(metricsInterval, "metricsInterval");
        if (metricsInterval.toMillis() < 10) {
            throw new IllegalArgumentException("metrics interval must be at least 10 ms, was " + metricsInterval);
        }
        Objects.requireNonNull(idleStrategy, "idleStrategy");
        Objects.requireNonNull(previews, "previews");
    }

    /** Options without a preview viewer, as before previews existed. */
    public RunOptions(int workerThreads, Duration metricsInterval, Supplier<IdleStrategy> idleStrategy) {
        this(workerThreads, metricsInterval, idleStrategy, PreviewHub.NONE);
    }

    /** One worker per core, metrics every 100 ms, the default back-off, no preview viewer. */
    public static RunOptions defaults() {
        return new RunOptions(Runtime.getRuntime().availableProcessors(), Duration.ofMillis(100),
                BackoffIdleStrategy::defaults, PreviewHub.NONE);
    }

    public RunOptions withWorkerThreads(int n) {
        return new RunOptions(n, metricsInterval, idleStrategy, previews);
    }

    public RunOptions withMetricsInterval(Duration interval) {
        return new RunOptions(workerThreads, interval, idleStrategy, previews);
    }

    public RunOptions withIdleStrategy(Supplier<IdleStrategy> strategy) {
        return new RunOptions(workerThreads, metricsInterval, strategy, previews);
    }

    /**
     * A copy whose runs hand their preview slots to {@code hub}: the session attaches each slot when its preview
     * node opens, and detaches every one once the run has ended and its processors are closed. A plan made with
     * these options attaches to the same hub on every start.
     */
    public RunOptions withPreviews(PreviewHub hub) {
        return new RunOptions(workerThreads, metricsInterval, idleStrategy, hub);
    }
}
