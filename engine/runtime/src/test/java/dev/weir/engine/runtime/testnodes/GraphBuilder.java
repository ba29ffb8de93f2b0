package dev.weir.engine.runtime.testnodes;

import dev.weir.engine.api.Params;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.PortRef;

/** Short graph construction for tests: {@code g.node("src", "basic.counter", "count", 10).edge("src.out", "k.in")}. */
public final class GraphBuilder {

    private GraphDocument doc;
    private int edges;

    public GraphBuilder(String id) {
        doc = GraphDocument.empty(id, id);
    }

    /** Adds a node with params given as alternating keys and values. */
    public GraphBuilder node(String id, String type, Object... params) {
        doc = doc.withNode(NodeInstance.of(id, type, 1, Params.of(params)));
        return this;
    }

    /** Adds a default edge between {@code node.port} references. */
    public GraphBuilder edge(String from, String to) {
        return edge(from, to, EdgeSpec.DEFAULT);
    }

    /** Adds an edge with a spec. */
    public GraphBuilder edge(String from, String to, EdgeSpec spec) {
        doc = doc.withEdge(new EdgeInstance("e" + (++edges), ref(from), ref(to), spec,
                dev.weir.engine.model.EdgeUi.NONE));
        return this;
    }

    private static PortRef ref(String s) {
        int dot = s.indexOf('.');
        return new PortRef(s.substring(0, dot), s.substring(dot + 1));
    }

    public GraphDocument build() {
        return doc;
    }
}
