package dev.weir.engine.model;

import dev.weir.engine.api.Params;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds test documents tersely: {@code graph().node("src", "test.source").edge("e1", "src.out", "k.in")}. */
final class Graphs {

    private final Map<String, NodeInstance> nodes = new LinkedHashMap<>();
    private final Map<String, EdgeInstance> edges = new LinkedHashMap<>();

    private Graphs() {
    }

    static Graphs graph() {
        return new Graphs();
    }

    /** A port reference written as {@code node.port}. */
    static PortRef ref(String nodeDotPort) {
        int dot = nodeDotPort.indexOf('.');
        return new PortRef(nodeDotPort.substring(0, dot), nodeDotPort.substring(dot + 1));
    }

    /** An enabled node of type version 1 with params given as alternating keys and values. */
    Graphs node(String id, String type, Object... params) {
        return node(NodeInstance.of(id, type, 1, Params.of(params)));
    }

    Graphs node(NodeInstance node) {
        nodes.put(node.id(), node);
        return this;
    }

    Graphs disabled(String id, String type, Object... params) {
        return node(NodeInstance.of(id, type, 1, Params.of(params)).withState(NodeState.DISABLED));
    }

    Graphs edge(String id, String from, String to) {
        return edge(id, from, to, EdgeSpec.DEFAULT);
    }

    Graphs edge(String id, String from, String to, EdgeSpec spec) {
        edges.put(id, EdgeInstance.of(id, ref(from), ref(to)).withSpec(spec));
        return this;
    }

    /** An edge whose spec has {@code delay} and the default capacity. */
    Graphs delayEdge(String id, String from, String to, int delay) {
        return edge(id, from, to, EdgeSpec.DEFAULT.withDelay(delay));
    }

    GraphDocument build() {
        return new GraphDocument(GraphDocument.CURRENT_FORMAT_VERSION, "test_graph", "Test graph", nodes, edges,
                Params.empty());
    }
}
