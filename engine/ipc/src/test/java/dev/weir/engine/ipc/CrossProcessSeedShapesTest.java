package dev.weir.engine.ipc;

import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.model.Transport;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.Session;
import dev.weir.engine.runtime.SessionState;
import dev.weir.engine.runtime.testnodes.Collector;
import dev.weir.engine.runtime.testnodes.GraphBuilder;
import dev.weir.engine.runtime.testnodes.TestNodes;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime's seed shapes (one to two, two to one, diamond, hourglass, feedback through a delay, fan-out to a fast
 * and a slow reader under each overflow policy), all in one document, with every edge crossing between the test's
 * JVM and a worker process. The outputs equal those of the same document run in one process: exactly for the
 * lossless shapes, and by the lossy policies' guarantees (increasing, newest kept, drops counted) for the others.
 */
class CrossProcessSeedShapesTest {

    private static final int N = 2000;
    private static final int CHUNK = 97;

    @TempDir
    Path tmp;

    private static Object[] el(String element, Object... more) {
        Object[] out = new Object[more.length + 4];
        out[0] = "element";
        out[1] = element;
        out[2] = "chunk";
        out[3] = CHUNK;
        System.arraycopy(more, 0, out, 4, more.length);
        return out;
    }

    /** Every shape in one document, node ids prefixed per shape. */
    static GraphDocument shapes(String element) {
        Object[] one = element.equals("value") ? new Object[]{"element", element} : new Object[]{"element", element, "chunk", 1};
        GraphBuilder g = new GraphBuilder("shapes-" + element)
                // one to two
                .node("a_src", "basic.counter", el(element, "count", N))
                .node("a_x2", "basic.multiply", el(element, "factor", 2))
                .node("a_x3", "basic.multiply", el(element, "factor", 3))
                .node("a_k2", "test.collect", el(element)).node("a_k3", "test.collect", el(element))
                .edge("a_src.out", "a_x2.in").edge("a_src.out", "a_x3.in")
                .edge("a_x2.out", "a_k2.in").edge("a_x3.out", "a_k3.in")
                // two to one
                .node("b_s1", "basic.counter", el(element, "count", N))
                .node("b_s2", "basic.counter", el(element, "count", N, "start", 1000))
                .node("b_sum", "basic.sum", el(element)).node("b_k", "test.collect", el(element))
                .edge("b_s1.out", "b_sum.in0").edge("b_s2.out", "b_sum.in1").edge("b_sum.out", "b_k.in")
                // diamond
                .node("c_src", "basic.counter", el(element, "count", N))
                .node("c_x2", "basic.multiply", el(element, "factor", 2))
                .node("c_x3", "basic.multiply", el(element, "factor", 3))
                .node("c_sum", "basic.sum", el(element)).node("c_k", "test.collect", el(element))
                .edge("c_src.out", "c_x2.in").edge("c_src.out", "c_x3.in")
                .edge("c_x2.out", "c_sum.in0").edge("c_x3.out", "c_sum.in1").edge("c_sum.out", "c_k.in")
                // hourglass
                .node("d_s1", "basic.counter", el(element, "count", N))
                .node("d_s2", "basic.counter", el(element, "count", N))
                .node("d_sum", "basic.sum", el(element))
                .node("d_waist", "basic.multiply", el(element, "factor", 1))
                .node("d_x2", "basic.multiply", el(element, "factor", 2))
                .node("d_x3", "basic.multiply", el(element, "factor", 3))
                .node("d_a", "test.collect", el(element)).node("d_b", "test.collect", el(element))
                .edge("d_s1.out", "d_sum.in0").edge("d_s2.out", "d_sum.in1").edge("d_sum.out", "d_waist.in")
                .edge("d_waist.out", "d_x2.in").edge("d_waist.out", "d_x3.in")
                .edge("d_x2.out", "d_a.in").edge("d_x3.out", "d_b.in")
                // feedback through a delay: y[n] = x[n] + y[n-1]
                .node("f_src", "basic.counter", el(element, "count", 400))
                .node("f_sum", "basic.sum", el(element))
                .node("f_back", "basic.multiply", el(element, "factor", 1))
                .node("f_k", "test.collect", el(element))
                .edge("f_src.out", "f_sum.in0").edge("f_sum.out", "f_back.in")
                .edge("f_back.out", "f_sum.in1", EdgeSpec.DEFAULT.withDelay(1)).edge("f_sum.out", "f_k.in");
        for (OverflowPolicy policy : OverflowPolicy.values()) {
            String p = "g" + policy.ordinal() + "_";
            int n = policy == OverflowPolicy.BACKPRESSURE ? 200 : 5000;
            Object[] src = element.equals("value") ? new Object[]{"element", element, "count", n}
                    : new Object[]{"element", element, "chunk", 1, "count", n};
            Object[] slow = element.equals("value") ? new Object[]{"element", element, "period_us", 2000}
                    : new Object[]{"element", element, "chunk", 1, "period_us", 2000};
            g.node(p + "src", "basic.counter", src).node(p + "fast", "test.collect", one)
                    .node(p + "slow", "test.collect", slow)
                    .edge(p + "src.out", p + "fast.in", EdgeSpec.DEFAULT.withCapacity(64))
                    .edge(p + "src.out", p + "slow.in", EdgeSpec.DEFAULT.withCapacity(4).withOverflow(policy));
        }
        return g.build();
    }

    private static RunResult run(Engine engine, GraphDocument doc) {
        Session s = engine.start(doc, RunOptions.defaults().withWorkerThreads(2));
        RunResult r = s.await(Duration.ofSeconds(90)).orElseGet(() -> {
            s.stop();
            throw new AssertionError("run of " + doc.id() + " did not complete; metrics:\n" + s.metrics().format());
        });
        assertThat(r.failure()).as("failure").isEmpty();
        assertThat(r.state()).isEqualTo(SessionState.COMPLETED);
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"value", "f32"})
    void everyEdgeAcrossProcessesGivesTheInProcessOutputs(String element) {
        GraphDocument local = shapes(element);
        GraphDocument split = IpcTesting.everyEdgeCrosses(local, "w");
        assertThat(split.nodeList()).anyMatch(n -> n.process().equals("w"));
        for (var e : split.edgeList()) {
            assertThat(split.transportOf(e)).as("edge %s", e.id()).isEqualTo(Transport.IPC);
        }

        Collector inProcess = new Collector();
        run(new Engine(TestNodes.registry(inProcess), null), local);
        Collector crossed = new Collector();
        RunResult r = run(new Engine(TestNodes.registry(crossed), IpcTesting.transport(tmp)), split);

        for (String sink : List.of("a_k2", "a_k3", "b_k", "c_k", "d_a", "d_b", "f_k", "g0_fast", "g0_slow",
                "g1_fast", "g2_fast")) {
            assertThat(crossed.values(sink)).as("sink %s", sink).isNotEmpty().isEqualTo(inProcess.values(sink));
        }
        assertThat(crossed.values("c_k")).isEqualTo(LongStream.range(0, N).map(i -> 5 * i).boxed().toList());
        for (String slow : List.of("g1_slow", "g2_slow")) {
            List<Long> v = crossed.values(slow);
            assertThat(v).as(slow).isNotEmpty().isSorted().doesNotHaveDuplicates();
            assertThat(v.getLast()).as("the newest item survives %s", slow).isEqualTo(4999L);
            assertThat(v.size()).isLessThan(5000);
        }
        assertThat(r.finalMetrics().edge("e" + (split.edgeList().size() - 2)).orElseThrow().dropped())
                .as("drops of the drop-oldest edge, read from the shared counters").isPositive();
        assertThat(r.finalMetrics().process("w").orElseThrow().state()).isEqualTo("COMPLETED");
        assertThat(IpcTesting.leftovers(tmp.resolve("runs"))).as("run folder removed").isEmpty();
        assertThat(IpcTesting.liveChildren()).as("worker processes").isEmpty();
    }
}
