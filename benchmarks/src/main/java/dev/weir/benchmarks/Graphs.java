package dev.weir.benchmarks;

import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.PortRef;
import dev.weir.nodes.basic.BasicNodes;

/** Graph documents shared by the benchmarks. */
final class Graphs {

    private Graphs() {
    }

    /** The basic node types plus the benchmark-only ones. */
    static NodeRegistry registry() {
        return NodeRegistry.of(new BasicNodes(), new BenchNodes());
    }

    static GraphDocument node(GraphDocument doc, String id, String type, Object... params) {
        return doc.withNode(NodeInstance.of(id, type, 1, Params.of(params)));
    }

    static GraphDocument edge(GraphDocument doc, String from, String to) {
        return doc.withEdge(EdgeInstance.of(from + "-" + to, new PortRef(from, "out"), new PortRef(to, "in")));
    }

    /**
     * {@code basic.counter} (f32, {@code count} samples; 0 = endless) followed by {@code multiplies}
     * {@code basic.multiply} nodes and a {@code basic.null_sink}, every node in f32 with chunks of {@code chunk}.
     * Node ids are {@code prefix + "src"}, {@code prefix + "m1"} ..., {@code prefix + "sink"}.
     */
    static GraphDocument f32Chain(GraphDocument doc, String prefix, long count, int chunk, int multiplies,
                                  double factor) {
        String prev = prefix + "src";
        doc = node(doc, prev, "basic.counter", "element", "f32", "chunk", (long) chunk, "count", count);
        for (int i = 1; i <= multiplies; i++) {
            String id = prefix + "m" + i;
            doc = node(doc, id, "basic.multiply", "element", "f32", "chunk", (long) chunk, "factor", factor);
            doc = edge(doc, prev, id);
            prev = id;
        }
        String sink = prefix + "sink";
        doc = node(doc, sink, "basic.null_sink", "element", "f32", "chunk", (long) chunk);
        return edge(doc, prev, sink);
    }
}
