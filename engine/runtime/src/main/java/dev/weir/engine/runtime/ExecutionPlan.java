package dev.weir.engine.runtime;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.Scheduling;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.model.ResolvedNode;
import dev.weir.engine.model.Transport;
import dev.weir.engine.model.ValidatedGraph;

import java.util.List;
import java.util.Objects;

/**
 * What a run will look like: channels, the readers of each, and which thread runs which node. A pure
 * description (Flink's JobGraph, Jet's ExecutionPlan): it holds no processor and no buffer, so it can be
 * printed, checked and started any number of times. {@link Session} turns it into running tasks.
 *
 * @param graph             the validated graph it was made from
 * @param nodes             every node in topological order
 * @param channels          one channel per connected output port
 * @param cooperativeGroups node ids per cooperative worker thread, each group in topological order and within one
 *                          process group (main first, then the others by name)
 * @param options           the options it was planned with
 */
public record ExecutionPlan(ValidatedGraph graph, List<PlannedNode> nodes, List<PlannedChannel> channels,
                            List<List<String>> cooperativeGroups, RunOptions options) {

    public ExecutionPlan {
        Objects.requireNonNull(graph, "graph");
        nodes = List.copyOf(nodes);
        channels = List.copyOf(channels);
        cooperativeGroups = cooperativeGroups.stream().map(List::copyOf).toList();
        Objects.requireNonNull(options, "options");
    }

    /**
     * One node's place in the plan.
     *
     * @param resolved the node, its descriptor, params and ports
     * @param inputs   one entry per resolved input port, in port order
     * @param outputs  one entry per resolved output port, in port order
     */
    public record PlannedNode(ResolvedNode resolved, List<PlannedInput> inputs, List<PlannedOutput> outputs) {
        public PlannedNode {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }

        public String id() {
            return resolved.id();
        }

        public Scheduling scheduling() {
            return resolved.descriptor().scheduling();
        }

        /** The process group the node runs in. */
        public String process() {
            return resolved.node().process();
        }
    }

    /**
     * An input port and where its frames come from.
     *
     * @param port        the port
     * @param channel     index into {@link #channels()}, or -1 when unconnected
     * @param readerIndex which reader of that channel
     * @param edgeId      the edge, or null when unconnected
     * @param delay       initial zero items (z^-N) the reader sees before the channel's frames
     */
    public record PlannedInput(ResolvedPort port, int channel, int readerIndex, String edgeId, int delay) {
    }

    /**
     * An output port and the channel it writes.
     *
     * @param port    the port
     * @param channel index into {@link #channels()}, or -1 when unconnected
     */
    public record PlannedOutput(ResolvedPort port, int channel) {
    }

    /**
     * A channel: one writer, one or more readers.
     *
     * @param writerNode   node id of the writer
     * @param writerPort   output port name
     * @param type         resolved item type
     * @param capacity     frames (the largest capacity any of its edges asks for)
     * @param readers      the readers, in reader-index order
     * @param transport    {@link Transport#IN_PROCESS} (a ring) or {@link Transport#IPC} (a queue): IPC when any of
     *                     its edges is ({@link dev.weir.engine.model.GraphDocument#transportOf}), since every reader of
     *                     one output shares its channel
     * @param recordEdge   the recorded edge whose settings name the recording, or null when nothing records
     * @param recordFolder that edge's folder ({@code ""}: the run's default), or null when nothing records
     */
    public record PlannedChannel(String writerNode, String writerPort, DataType type, int capacity,
                                 List<PlannedReader> readers, Transport transport, String recordEdge,
                                 String recordFolder) {
        public PlannedChannel {
            readers = List.copyOf(readers);
            Objects.requireNonNull(transport, "transport");
            if (transport == Transport.AUTO) {
                throw new IllegalArgumentException("channel " + writerNode + "." + writerPort
                        + ": a planned channel has a resolved transport, not auto");
            }
            if ((recordEdge == null) != (recordFolder == null)) {
                throw new IllegalArgumentException("channel " + writerNode + "." + writerPort
                        + ": record edge and folder go together");
            }
        }

        /** An in-process channel that records nothing. */
        public PlannedChannel(String writerNode, String writerPort, DataType type, int capacity,
                              List<PlannedReader> readers) {
            this(writerNode, writerPort, type, capacity, readers, Transport.IN_PROCESS, null, null);
        }

        /** Whether the channel's queue is kept after the run. */
        public boolean records() {
            return recordEdge != null;
        }

        /** {@code node.port} of the writer. */
        public String name() {
            return writerNode + "." + writerPort;
        }
    }

    /**
     * One reader of a channel: one edge.
     *
     * @param edgeId   the edge
     * @param node     reading node id
     * @param port     input port name
     * @param overflow the edge's overflow policy
     * @param delay    the edge's delay
     */
    public record PlannedReader(String edgeId, String node, String port, OverflowPolicy overflow, int delay) {
    }

    /** The planned node {@code id}. */
    public PlannedNode node(String id) {
        for (PlannedNode n : nodes) {
            if (n.id().equals(id)) {
                return n;
            }
        }
        throw new IllegalArgumentException("plan has no node '" + id + "'");
    }

    /** The process groups of the plan's nodes: {@code main} first (even when it runs no node), then by name. */
    public List<String> processes() {
        java.util.TreeSet<String> others = new java.util.TreeSet<>();
        for (PlannedNode n : nodes) {
            others.add(n.process());
        }
        others.remove(NodeInstance.MAIN_PROCESS);
        List<String> out = new java.util.ArrayList<>();
        out.add(NodeInstance.MAIN_PROCESS);
        out.addAll(others);
        return out;
    }

    /** The nodes of process group {@code process}, in topological order. */
    public List<PlannedNode> nodesOf(String process) {
        return nodes.stream().filter(n -> n.process().equals(process)).toList();
    }

    /** The cooperative worker groups of process group {@code process}. */
    public List<List<String>> cooperativeGroupsOf(String process) {
        return cooperativeGroups.stream().filter(g -> node(g.getFirst()).process().equals(process)).toList();
    }

    /** Whether a run needs a {@link ProcessTransport}: some node runs outside main, or some channel is a queue. */
    public boolean needsTransport() {
        return processes().size() > 1 || channels.stream().anyMatch(c -> c.transport() == Transport.IPC);
    }

    /** Threads a run of this plan starts: cooperative workers plus one per blocking node. */
    public int threadCount() {
        long blocking = nodes.stream().filter(n -> n.scheduling() == Scheduling.BLOCKING).count();
        return cooperativeGroups.size() + (int) blocking;
    }

    /**
     * The plan as a Graphviz digraph: one cluster per worker thread, nodes labelled with their type, edges with
     * their type, capacity, policy and delay.
     */
    public String toDot() {
        StringBuilder sb = new StringBuilder("digraph \"").append(escape(graph.document().id())).append("\" {\n");
        sb.append("  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        for (int w = 0; w < cooperativeGroups.size(); w++) {
            String process = node(cooperativeGroups.get(w).getFirst()).process();
            sb.append("  subgraph cluster_worker_").append(w).append(" {\n    label=\"worker ").append(w)
                    .append(process.equals(NodeInstance.MAIN_PROCESS) ? "" : " (process " + escape(process) + ")")
                    .append("\";\n");
            for (String id : cooperativeGroups.get(w)) {
                appendNode(sb, node(id), "    ");
            }
            sb.append("  }\n");
        }
        for (PlannedNode n : nodes) {
            if (n.scheduling() == Scheduling.BLOCKING) {
                sb.append("  subgraph \"cluster_blocking_").append(escape(n.id())).append("\" {\n    label=\"own thread\";\n");
                appendNode(sb, n, "    ");
                sb.append("  }\n");
            }
        }
        for (PlannedChannel c : channels) {
            for (PlannedReader r : c.readers()) {
                sb.append("  \"").append(escape(c.writerNode())).append("\" -> \"").append(escape(r.node()))
                        .append("\" [label=\"").append(escape(c.writerPort())).append(" -> ").append(escape(r.port()))
                        .append("\\n").append(escape(c.type().describe())).append(" x").append(c.capacity());
                if (r.overflow() != OverflowPolicy.BACKPRESSURE) {
                    sb.append("\\n").append(r.overflow().name().toLowerCase(java.util.Locale.ROOT));
                }
                if (r.delay() > 0) {
                    sb.append("\\nz^-").append(r.delay());
                }
                if (c.transport() == Transport.IPC) {
                    sb.append("\\nipc").append(c.records() ? ", recorded" : "");
                }
                sb.append("\"").append(r.delay() > 0 ? ", style=dashed" : "").append("];\n");
            }
        }
        return sb.append("}\n").toString();
    }

    private static void appendNode(StringBuilder sb, PlannedNode n, String indent) {
        sb.append(indent).append('"').append(escape(n.id())).append("\" [label=\"").append(escape(n.id()))
                .append("\\n").append(escape(n.resolved().descriptor().id())).append("\"];\n");
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
