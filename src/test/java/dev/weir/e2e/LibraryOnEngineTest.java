package dev.weir.e2e;

import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.GraphValidator;
import dev.weir.engine.model.Problem;
import dev.weir.engine.model.ProblemCode;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.SessionState;
import dev.weir.engine.runtime.testnodes.Collector;
import dev.weir.engine.runtime.testnodes.GraphBuilder;
import dev.weir.engine.runtime.testnodes.TestNodes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node library found through ServiceLoader, validated by the model and run by the runtime: the path the app
 * takes, across all engine modules.
 */
class LibraryOnEngineTest {

    private final Collector collector = new Collector();
    private final NodeRegistry registry = NodeRegistry.load(getClass().getClassLoader()).with(new TestNodes(collector));

    @Test
    void serviceLoaderFindsTheBasicNodes() {
        assertThat(registry.all()).extracting(d -> d.id())
                .contains("basic.counter", "basic.multiply", "basic.sum", "basic.null_sink", "test.collect");
    }

    @Test
    void floatDiamondWithFeedbackRunsExactly() {
        int n = 5000;
        GraphDocument doc = new GraphBuilder("e2e")
                .node("src", "basic.counter", "element", "f32", "chunk", 256, "count", n)
                .node("x2", "basic.multiply", "element", "f32", "chunk", 100, "factor", 2)
                .node("x3", "basic.multiply", "element", "f32", "chunk", 64, "factor", 3)
                .node("sum", "basic.sum", "element", "f32", "chunk", 128)
                .node("k", "test.collect", "element", "f32", "chunk", 128)
                .edge("src.out", "x2.in").edge("src.out", "x3.in")
                .edge("x2.out", "sum.in0").edge("x3.out", "sum.in1")
                .edge("sum.out", "k.in", EdgeSpec.DEFAULT.withCapacity(3))
                .build();
        RunResult r = new Engine(registry).start(doc, RunOptions.defaults().withWorkerThreads(2))
                .await(Duration.ofSeconds(30)).orElseThrow();
        assertThat(r.state()).isEqualTo(SessionState.COMPLETED);
        // Chunks of 256, 100, 64 and 128 samples re-align by sample through the diamond.
        assertThat(collector.values("k")).isEqualTo(LongStream.range(0, n).map(i -> 5 * i).boxed().toList());
    }

    @Test
    void validatorReportsEveryProblemOfABrokenGraph() {
        GraphDocument doc = new GraphBuilder("broken")
                .node("src", "basic.counter", "count", -1)
                .node("x", "basic.multiply", "element", "f32")
                .node("y", "no.such_node")
                .node("k", "test.collect")
                .edge("src.out", "k.in")
                .edge("x.out", "k.in")
                .build();
        List<Problem> problems = new GraphValidator(registry).validate(doc);
        assertThat(problems).extracting(Problem::code).contains(ProblemCode.PARAM_INVALID,
                ProblemCode.UNKNOWN_TYPE, ProblemCode.MISSING_INPUT, ProblemCode.INPUT_FED_TWICE);
        assertThat(problems).extracting(Problem::code).contains(ProblemCode.TYPE_MISMATCH);
        // Each message names where the problem is: a node or an edge.
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).containsAnyOf("'src'", "'x'", "'y'", "'k'", "'e2'"));
    }
}
