package dev.weir.engine.runtime.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every node, edge and worker of a run at one sampling instant. Immutable; a session publishes a new one every
 * interval (100 ms by default), and listeners and the editor read them from any thread.
 *
 * @param sample          sample number, from 0
 * @param elapsedNanos    time since the run started
 * @param intervalNanos   length of the interval the rates cover (the whole run, in the final snapshot)
 * @param nodes           per node, in topological order
 * @param edges           per edge
 * @param workers         per engine thread of this process
 * @param processes       per worker process group (empty when the whole graph runs in one process)
 */
public record MetricsSnapshot(long sample, long elapsedNanos, long intervalNanos, List<NodeMetrics> nodes,
                              List<EdgeMetrics> edges, List<WorkerMetrics> workers, List<ProcessMetrics> processes) {

    /** No data yet. */
    public static final MetricsSnapshot EMPTY = new MetricsSnapshot(-1, 0, 0, List.of(), List.of(), List.of());

    /** A snapshot of a run in one process. */
    public MetricsSnapshot(long sample, long elapsedNanos, long intervalNanos, List<NodeMetrics> nodes,
                           List<EdgeMetrics> edges, List<WorkerMetrics> workers) {
        this(sample, elapsedNanos, intervalNanos, nodes, edges, workers, List.of());
    }

    public MetricsSnapshot {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        workers = List.copyOf(workers);
        processes = List.copyOf(processes);
    }

    /** The metrics of worker process group {@code name}. */
    public Optional<ProcessMetrics> process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The metrics of node {@code id}. */
    public Optional<NodeMetrics> node(String id) {
        return nodes.stream().filter(n -> n.nodeId().equals(id)).findFirst();
    }

    /** The metrics of edge {@code id}. */
    public Optional<EdgeMetrics> edge(String id) {
        return edges.stream().filter(e -> e.edgeId().equals(id)).findFirst();
    }

    /** A plain-text table for terminals and logs. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "t=%.1fs%n", elapsedNanos / 1e9));
        sb.append(String.format(Locale.ROOT, "%-20s %-22s %-10s %12s %12s %12s %12s %6s%n",
                "node", "type", "phase", "in", "out", "out/s", "elems/s", "busy"));
        for (NodeMetrics n : nodes) {
            sb.append(String.format(Locale.ROOT, "%-20s %-22s %-10s %12d %12d %12.1f %12.1f %5.1f%%%n",
                    clip(n.nodeId(), 20), clip(n.type(), 22), n.phase(), n.framesIn(), n.framesOut(),
                    n.framesOutPerSec(), n.elementsOutPerSec(), n.busyFraction() * 100));
        }
        if (!edges.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%-20s %-30s %9s %6s %12s %10s%n",
                    "edge", "from -> to", "backlog", "fill", "frames", "dropped"));
            for (EdgeMetrics e : edges) {
                sb.append(String.format(Locale.ROOT, "%-20s %-30s %4d/%-4d %5.0f%% %12d %10d%n",
                        clip(e.edgeId(), 20), clip(e.from() + " -> " + e.to(), 30), e.backlog(), e.capacity(),
                        e.fill() * 100, e.frames(), e.dropped()));
            }
        }
        if (!processes.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%-20s %-11s %8s %8s  %s%n", "process", "state", "pid", "restarts",
                    "last failure"));
            for (ProcessMetrics p : processes) {
                sb.append(String.format(Locale.ROOT, "%-20s %-11s %8d %8d  %s%n", clip(p.name(), 20), p.state(),
                        p.pid(), p.restarts(), p.lastFailure()));
            }
        }
        return sb.toString();
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
