package dev.weir.engine.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Settings of one run.
 *
 * @param workerThreads   threads of the cooperative pool (blocking nodes get their own on top); at least 1
 * @param metricsInterval how often metrics are sampled
 * @param idleStrategy    makes one idle strategy per worker thread
 */
public record RunOptions(int workerThreads, Duration metricsInterval, Supplier<IdleStrategy> idleStrategy) {

    public RunOptions {
        if (workerThreads < 1 || workerThreads > 1024) {
            throw new IllegalArgumentException("worker threads must be in 1..1024, was " + workerThreads);
        }
        Objects.requireNonNull(metricsInterval, "metricsInterval");
        if (metricsInterval.toMillis() < 10) {
            throw new IllegalArgumentException("metrics interval must be at least 10 ms, was " + metricsInterval);
        }
        Objects.requireNonNull(idleStrategy, "idleStrategy");
    }

    /** One worker per core, metrics every 100 ms, the default back-off. */
    public static RunOptions defaults() {
        return new RunOptions(Runtime.getRuntime().availableProcessors(), Duration.ofMillis(100),
                BackoffIdleStrategy::defaults);
    }

    public RunOptions withWorkerThreads(int n) {
        return new RunOptions(n, metricsInterval, idleStrategy);
    }

    public RunOptions withMetricsInterval(Duration interval) {
        return new RunOptions(workerThreads, interval, idleStrategy);
    }

    public RunOptions withIdleStrategy(Supplier<IdleStrategy> strategy) {
        return new RunOptions(workerThreads, metricsInterval, strategy);
    }
}
