package dev.weir.engine.model.dag;

import dev.weir.engine.api.Params;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.EdgeUi;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeState;
import dev.weir.engine.model.NodeUi;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.model.Point;
import dev.weir.engine.model.PortRef;
import dev.weir.engine.model.Transport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Two large, different, deterministic documents that the crash test saves in turn. */
final class CrashDocs {

    static final int NODES = 5_000;

    private CrashDocs() {
    }

    /** Version 0 or 1; they differ in every node and in length. */
    static GraphDocument version(int v) {
        Map<String, NodeInstance> nodes = new LinkedHashMap<>();
        Map<String, EdgeInstance> edges = new LinkedHashMap<>();
        for (int i = 0; i < NODES; i++) {
            String id = "n" + i;
            Params p = Params.of("gain", i * 0.5 + v, "taps", List.of(1L, 2L, (long) i), "label", "node " + i + " v" + v);
            if (v == 1) {
                p = p.with("extra", "only in version 1: " + "x".repeat(i % 17));
            }
            nodes.put(id, new NodeInstance(id, "test.stage", 1 + v, "Stage " + i, p,
                    i % 7 == 0 ? NodeState.DISABLED : NodeState.ENABLED, NodeUi.at(i * 10.0, v * 3.5)));
            if (i > 0) {
                String eid = "e" + i;
                edges.put(eid, new EdgeInstance(eid, new PortRef("n" + (i - 1), "out"), new PortRef(id, "in"),
                        new EdgeSpec(16 << v, OverflowPolicy.BACKPRESSURE, 0, Transport.AUTO),
                        new EdgeUi(v == 0 ? List.of() : List.of(new Point(i, i)))));
            }
        }
        return new GraphDocument(GraphDocument.CURRENT_FORMAT_VERSION, "crash", "Crash test v" + v, nodes, edges, Params.of("version", (long) v));
    }
}
