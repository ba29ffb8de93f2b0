package dev.weir.app;

import dev.weir.engine.api.Params;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.EdgeUi;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeUi;
import dev.weir.engine.model.NodeState;
import dev.weir.engine.model.PortRef;

/**
 * The graph {@code weir demo} runs when given no file: a float stream split into two scaled branches that are
 * summed again (a diamond), plus a running sum kept through a delay edge (a feedback loop), so that one run shows
 * fan-out, fan-in and feedback with live metrics.
 *
 * <pre>
 *            ┌─&gt; x2 ─┐
 *   counter ─┤       ├─&gt; sum ─&gt; sink
 *            └─&gt; x3 ─┘
 *   ticks ─&gt; acc ─┬─&gt; acc_sink
 *            ^    └─&gt; hold ─┐
 *            └──── z^-1 ────┘
 * </pre>
 */
final class DemoGraph {

    private DemoGraph() {
    }

    static GraphDocument build() {
        GraphDocument d = GraphDocument.empty("demo", "Weir demo: diamond and feedback");
        Object[] f32 = {"element", "f32", "chunk", 4096};
        d = node(d, "counter", "basic.counter", 0, 0, f32);
        d = node(d, "x2", "basic.multiply", 200, -60, with(f32, "factor", 2.0));
        d = node(d, "x3", "basic.multiply", 200, 60, with(f32, "factor", 3.0));
        d = node(d, "sum", "basic.sum", 400, 0, f32);
        d = node(d, "sink", "basic.null_sink", 600, 0, f32);
        d = node(d, "ticks", "basic.counter", 0, 200, new Object[]{"element", "value"});
        d = node(d, "acc", "basic.sum", 200, 200, new Object[]{"element", "value"});
        d = node(d, "hold", "basic.multiply", 400, 300, new Object[]{"element", "value", "factor", 1.0});
        d = node(d, "acc_sink", "basic.null_sink", 400, 200, new Object[]{"element", "value"});
        d = edge(d, "counter.out", "x2.in", EdgeSpec.DEFAULT);
        d = edge(d, "counter.out", "x3.in", EdgeSpec.DEFAULT);
        d = edge(d, "x2.out", "sum.in0", EdgeSpec.DEFAULT);
        d = edge(d, "x3.out", "sum.in1", EdgeSpec.DEFAULT);
        d = edge(d, "sum.out", "sink.in", EdgeSpec.DEFAULT);
        d = edge(d, "ticks.out", "acc.in0", EdgeSpec.DEFAULT);
        d = edge(d, "acc.out", "acc_sink.in", EdgeSpec.DEFAULT);
        d = edge(d, "acc.out", "hold.in", EdgeSpec.DEFAULT);
        d = edge(d, "hold.out", "acc.in1", EdgeSpec.DEFAULT.withDelay(1));
        return d;
    }

    private static Object[] with(Object[] base, Object... more) {
        Object[] out = new Object[base.length + more.length];
        System.arraycopy(base, 0, out, 0, base.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    private static GraphDocument node(GraphDocument d, String id, String type, double x, double y, Object[] params) {
        return d.withNode(new NodeInstance(id, type, 1, "", Params.of(params), NodeState.ENABLED, NodeUi.at(x, y)));
    }

    private static GraphDocument edge(GraphDocument d, String from, String to, EdgeSpec spec) {
        String id = d.freshId("e");
        return d.withEdge(new EdgeInstance(id, ref(from), ref(to), spec, EdgeUi.NONE));
    }

    private static PortRef ref(String s) {
        int dot = s.indexOf('.');
        return new PortRef(s.substring(0, dot), s.substring(dot + 1));
    }
}
