package dev.weir.benchmarks.editor;

import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeState;
import dev.weir.engine.model.NodeUi;
import dev.weir.engine.model.PortRef;

/**
 * A large valid graph of real node types for the canvas benchmark: {@code rows x cols} nodes on a grid, each row a
 * chain from a {@code basic.counter} through {@code basic.multiply} nodes, every fourth node a two-input
 * {@code basic.sum} whose second input comes from the row above (the last row feeds the first), so edges run both
 * along rows and across them. 25 x 40 gives 1000 nodes and 1200 edges.
 */
final class LargeGraph {

    private LargeGraph() {
    }

    static GraphDocument grid(NodeRegistry registry, int rows, int cols) {
        GraphDocument doc = GraphDocument.empty("large", rows * cols + " nodes");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                String type = c == 0 ? "basic.counter" : isSum(c) ? "basic.sum" : "basic.multiply";
                var d = registry.find(type).orElseThrow(() -> new IllegalStateException("node library missing " + type));
                doc = doc.withNode(new NodeInstance(id(r, c), type, d.version(), "", d.defaults(), NodeState.ENABLED,
                        NodeUi.at(c * 240.0, r * 160.0)));
            }
        }
        int e = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 1; c < cols; c++) {
                String into = isSum(c) ? "in0" : "in";
                doc = doc.withEdge(EdgeInstance.of("e" + ++e, new PortRef(id(r, c - 1), "out"), new PortRef(id(r, c), into)));
                if (isSum(c)) {
                    int above = (r + rows - 1) % rows;
                    doc = doc.withEdge(EdgeInstance.of("e" + ++e, new PortRef(id(above, c - 1), "out"),
                            new PortRef(id(r, c), "in1")));
                }
            }
        }
        return doc;
    }

    private static boolean isSum(int c) {
        return c % 4 == 0;
    }

    private static String id(int r, int c) {
        return "n" + r + "_" + c;
    }
}
