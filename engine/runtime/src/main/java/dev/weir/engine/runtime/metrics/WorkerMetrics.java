package dev.weir.engine.runtime.metrics;

/**
 * One engine thread at one sampling instant.
 *
 * @param name           thread name
 * @param nodes          node ids it runs
 * @param allocatedBytes bytes the thread has allocated since it started (HotSpot's per-thread counter), or -1
 *                       when the JVM does not measure it; flat once warm, since the hot path does not allocate
 * @param alive          whether the thread still runs
 */
public record WorkerMetrics(String name, java.util.List<String> nodes, long allocatedBytes, boolean alive) {
    public WorkerMetrics {
        nodes = java.util.List.copyOf(nodes);
    }
}
