package dev.weir.editor.ui;

import dev.weir.editor.run.RunMetrics;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the canvas draws over the graph for a run: per node a metrics line ("1.2k it/s · 37%") or its failure, per
 * edge a fill level, per worker process group its state. Built once per metrics sample (about every 100 ms) on
 * the application thread, so that a frame only looks values up by id: no formatting and no allocation per frame.
 *
 * <p>Edge fill colours: below {@value #FILL_YELLOW} green (the reader keeps up), below {@value #FILL_RED} yellow
 * (a backlog is building), from {@value #FILL_RED} red (the reader is the bottleneck and back-pressure is
 * slowing its writer, or a lossy edge is about to drop).
 *
 * @param nodes  per node id
 * @param edges  fill 0..1 per edge id
 * @param groups per worker process group name
 * @param live   whether the run is still going (a finished run's last values stay, drawn muted)
 */
public record RunOverlay(Map<String, NodeView> nodes, Map<String, Double> edges, Map<String, GroupView> groups,
                  boolean live) {

    /** Fill from which an edge is drawn yellow. */
    public static final double FILL_YELLOW = 0.5;
    /** Fill from which an edge is drawn red. */
    public static final double FILL_RED = 0.9;

    /** Nothing to draw: no run yet, or the graph was edited since the last one. */
    public static final RunOverlay NONE = new RunOverlay(Map.of(), Map.of(), Map.of(), false);

    /**
     * One node.
     *
     * @param line  "1.2k it/s · 37%", or null when the node has no stats
     * @param fault its failure message, or null
     */
    public record NodeView(String line, String fault) {
    }

    /** Severity of a group's state: how its badge is coloured. */
    public enum Level { OK, WARNING, DANGER }

    /**
     * One worker process group.
     *
     * @param badge  "w · RUNNING", with restarts when there were any
     * @param level  its colour
     * @param detail the state, pid, restarts and last failure, for the hint and the problems list
     */
    public record GroupView(String badge, Level level, String detail) {
    }

    /** The overlay for one sample. */
    public static RunOverlay of(RunMetrics m, boolean live) {
        Map<String, NodeView> nodes = new HashMap<>();
        Map<String, String> faults = new HashMap<>();
        for (RunMetrics.NodeFault f : m.faults()) {
            faults.putIfAbsent(f.nodeId(), f.message());
        }
        for (RunMetrics.NodeStat n : m.nodes()) {
            String line = rate(n.itemsPerSecond()) + " it/s · " + Math.round(n.busy() * 100) + "%"
                    + (n.phase().equals("FINISHED") ? " · done" : "");
            nodes.put(n.nodeId(), new NodeView(line, faults.get(n.nodeId())));
        }
        for (Map.Entry<String, String> f : faults.entrySet()) {
            nodes.putIfAbsent(f.getKey(), new NodeView(null, f.getValue()));
        }
        Map<String, Double> edges = new HashMap<>();
        for (RunMetrics.EdgeStat e : m.edges()) {
            edges.put(e.edgeId(), Math.clamp(e.fill(), 0.0, 1.0));
        }
        Map<String, GroupView> groups = new HashMap<>();
        for (RunMetrics.GroupStat g : m.groups()) {
            groups.put(g.name(), group(g));
        }
        return new RunOverlay(Map.copyOf(nodes), Map.copyOf(edges), Map.copyOf(groups), live);
    }

    /** The same values, for a run that has ended. */
    RunOverlay ended() {
        return new RunOverlay(nodes, edges, groups, false);
    }

    private static GroupView group(RunMetrics.GroupStat g) {
        Level level = switch (g.state()) {
            case "FAILED", "GAVE_UP" -> Level.DANGER;
            case "RESTARTING", "STARTING" -> Level.WARNING;
            default -> Level.OK;
        };
        String badge = g.name() + " · " + g.state().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (g.restarts() > 0 ? " ↻" + g.restarts() : "");
        String detail = "process '" + g.name() + "': " + g.state() + (g.pid() > 0 ? ", pid " + g.pid() : "")
                + ", " + g.restarts() + (g.restarts() == 1 ? " restart" : " restarts")
                + (g.lastFailure().isEmpty() ? "" : "; last failure: " + g.lastFailure());
        return new GroupView(badge, level, detail);
    }

    /** Items per second in three significant figures at most: 0.5, 12, 340, 1.2k, 45k, 3.4M. */
    public static String rate(double perSecond) {
        double v = Math.max(0, perSecond);
        if (v < 10) {
            return v == 0 ? "0" : String.format(Locale.ROOT, "%.1f", v);
        }
        if (v < 999.5) { // what rounds to 1000 is shown as 1.0k
            return Long.toString(Math.round(v));
        }
        String[] units = {"k", "M", "G"};
        int u = -1;
        while (v >= 999.5 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (v < 10 ? String.format(Locale.ROOT, "%.1f", v) : Long.toString(Math.round(v))) + units[u];
    }

    /** The node's line, or null. */
    public NodeView node(String id) {
        return nodes.get(id);
    }

    /** Whether there is nothing to draw. */
    public boolean isEmpty() {
        return nodes.isEmpty() && edges.isEmpty() && groups.isEmpty();
    }

    /** Node ids with a failure, for tests and the hint. */
    public List<String> failedNodes() {
        return nodes.entrySet().stream().filter(e -> e.getValue().fault() != null).map(Map.Entry::getKey).sorted()
                .toList();
    }
}
