package dev.weir.engine.model;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.ResolvedPort;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A document that {@link GraphValidator#validateForRun} found free of errors, with everything derived from it
 * that the runtime planner needs: resolved nodes, the edges that take part in the run and an order to start
 * nodes in. Holding one is proof that every enabled node has a known type, valid params and resolved ports, and
 * that every active edge joins existing, compatible ports.
 *
 * @param document         the validated document
 * @param nodes            every enabled node, resolved, in document order
 * @param edges            the active edges (both ends enabled), in document order
 * @param topologicalOrder the ids of {@code nodes} so that every edge without a delay goes from an earlier node to
 *                         a later one; edges with a delay are ignored, so feedback loops through them are fine.
 *                         Ties are broken by document order, so the order is stable across runs
 */
public record ValidatedGraph(GraphDocument document, Map<String, ResolvedNode> nodes, List<EdgeInstance> edges,
                             List<String> topologicalOrder) {

    public ValidatedGraph {
        Objects.requireNonNull(document, "document");
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = List.copyOf(edges);
        topologicalOrder = List.copyOf(topologicalOrder);
        if (topologicalOrder.size() != nodes.size() || !new HashSet<>(topologicalOrder).equals(nodes.keySet())) {
            throw new IllegalArgumentException("topological order " + topologicalOrder
                    + " must list every node exactly once: " + nodes.keySet());
        }
    }

    /**
     * The resolved node {@code nodeId}.
     *
     * @throws IllegalArgumentException when it is not an enabled node of the graph
     */
    public ResolvedNode node(String nodeId) {
        ResolvedNode n = nodes.get(nodeId);
        if (n == null) {
            throw new IllegalArgumentException("graph '" + document.id() + "' has no enabled node '" + nodeId + "'");
        }
        return n;
    }

    /** The resolved nodes in {@link #topologicalOrder()}, the order in which the planner creates processors. */
    public List<ResolvedNode> nodesInTopologicalOrder() {
        List<ResolvedNode> out = new ArrayList<>(topologicalOrder.size());
        for (String id : topologicalOrder) {
            out.add(nodes.get(id));
        }
        return out;
    }

    /**
     * The active edges that feed node {@code nodeId}, in document order. The planner calls it per node to wire
     * its inputs.
     */
    public List<EdgeInstance> edgesInto(String nodeId) {
        List<EdgeInstance> out = new ArrayList<>();
        for (EdgeInstance e : edges) {
            if (e.to().node().equals(nodeId)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The active edges that read from node {@code nodeId}, in document order. The planner calls it per node to
     * give each output ring its readers; an output may feed many edges.
     */
    public List<EdgeInstance> edgesFrom(String nodeId) {
        List<EdgeInstance> out = new ArrayList<>();
        for (EdgeInstance e : edges) {
            if (e.from().node().equals(nodeId)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The output port {@code ref} names.
     *
     * @throws IllegalArgumentException when the node is not in the graph or has no such output
     */
    public ResolvedPort outputPort(PortRef ref) {
        return node(ref.node()).output(ref.port()).orElseThrow(() -> new IllegalArgumentException(
                "node '" + ref.node() + "' has no output '" + ref.port() + "'"));
    }

    /**
     * The resolved type of the output {@code ref} names: what the planner sizes an edge's preallocated frames by.
     * It is always {@link DataType#isResolved() resolved} for a connected output.
     *
     * @throws IllegalArgumentException when the node is not in the graph or has no such output
     */
    public DataType outputType(PortRef ref) {
        return outputPort(ref).type();
    }

    /**
     * The input port {@code ref} names, whose index is where the planner puts the edge among the node's inputs.
     *
     * @throws IllegalArgumentException when the node is not in the graph or has no such input
     */
    public ResolvedPort inputPort(PortRef ref) {
        return node(ref.node()).input(ref.port()).orElseThrow(() -> new IllegalArgumentException(
                "node '" + ref.node() + "' has no input '" + ref.port() + "'"));
    }
}
