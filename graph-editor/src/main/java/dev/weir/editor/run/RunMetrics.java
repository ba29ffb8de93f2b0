package dev.weir.editor.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One metrics sample of a run, in the editor's terms (a copy of the engine's snapshot, plain values only).
 *
 * @param sample         sample number, from 0
 * @param elapsedSeconds since the run started
 * @param nodes          per node, for nodes of every process
 * @param edges          per edge
 * @param groups         per worker process group; empty when everything runs in the main process
 * @param faults         nodes that have failed so far (a group that died reports each of its nodes)
 */
public record RunMetrics(long sample, double elapsedSeconds, List<NodeStat> nodes, List<EdgeStat> edges,
                         List<GroupStat> groups, List<NodeFault> faults) {

    /** Before the first sample. */
    public static final RunMetrics EMPTY = new RunMetrics(-1, 0, List.of(), List.of(), List.of(), List.of());

    public RunMetrics {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        groups = List.copyOf(groups);
        faults = List.copyOf(faults);
    }

    /**
     * One node.
     *
     * @param nodeId        node id
     * @param phase         lifecycle phase (NEW, RUNNING, COMPLETING, FINISHED)
     * @param itemsPerSecond frames per second through the node over the last interval (outputs, or inputs for
     *                       a sink)
     * @param busy          share of the last interval spent inside the processor, 0..1
     * @param items         frames through the node since the start
     */
    public record NodeStat(String nodeId, String phase, double itemsPerSecond, double busy, long items) {
        public NodeStat {
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(phase, "phase");
        }
    }

    /**
     * One edge.
     *
     * @param edgeId   edge id
     * @param fill     backlog / capacity, 0..1
     * @param capacity frames the edge holds
     * @param dropped  frames its reader lost to a lossy overflow policy
     */
    public record EdgeStat(String edgeId, double fill, int capacity, long dropped) {
        public EdgeStat {
            Objects.requireNonNull(edgeId, "edgeId");
        }
    }

    /**
     * One worker process group, as its supervisor sees it.
     *
     * @param name        group name
     * @param state       STARTING, RUNNING, RESTARTING, FAILED, GAVE_UP, COMPLETED or STOPPED
     * @param pid         current or last process id, -1 before the first start
     * @param restarts    restarts so far
     * @param lastFailure why it last failed, "" when it never did
     * @param nodes       the group's node ids
     */
    public record GroupStat(String name, String state, long pid, int restarts, String lastFailure,
                            List<String> nodes) {
        public GroupStat {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(lastFailure, "lastFailure");
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * A node that failed.
     *
     * @param nodeId  node id
     * @param phase   where it failed (open, process, complete, close, or process group)
     * @param message what went wrong, one line
     */
    public record NodeFault(String nodeId, String phase, String message) {
        public NodeFault {
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The stats of one node, if sampled. */
    public Optional<NodeStat> node(String id) {
        return nodes.stream().filter(n -> n.nodeId().equals(id)).findFirst();
    }

    /** The stats of one edge, if sampled. */
    public Optional<EdgeStat> edge(String id) {
        return edges.stream().filter(e -> e.edgeId().equals(id)).findFirst();
    }
}
