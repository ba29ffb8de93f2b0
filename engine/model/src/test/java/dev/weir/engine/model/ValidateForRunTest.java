package dev.weir.engine.model;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.weir.engine.model.Graphs.graph;
import static dev.weir.engine.model.Graphs.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ValidateForRunTest {

    private final GraphValidator validator = new GraphValidator(TestNodes.REGISTRY);

    @Test
    void validGraphIsResolvedInDocumentOrder() {
        ValidatedGraph vg = validator.validateForRun(GraphValidatorTest.validGraph().build());

        assertThat(vg.nodes()).containsOnlyKeys("src", "fft1", "spectra", "sum1", "mix", "out", "out2");
        assertThat(vg.nodes().keySet()).containsExactly("src", "fft1", "spectra", "sum1", "mix", "out", "out2");
        assertThat(vg.edges()).extracting(EdgeInstance::id).containsExactly("e1", "e2", "e3", "e4", "e5", "e6", "e7");
    }

    @Test
    void resolvedNodeHasCanonicalCompleteParamsAndPorts() {
        ValidatedGraph vg = validator.validateForRun(GraphValidatorTest.validGraph().build());

        ResolvedNode fft = vg.node("fft1");
        assertThat(fft.id()).isEqualTo("fft1");
        assertThat(fft.descriptor().id()).isEqualTo("test.fft");
        assertThat(fft.params().asMap()).containsEntry("fft_size", 1024L).containsEntry("normalize", true);
        assertThat(fft.outputs()).singleElement().satisfies(p ->
                assertThat(p.type()).isEqualTo(new DataType.VectorOf(ElementType.COMPLEX64, Dim.of(1024))));
        assertThat(vg.node("sum1").inputs()).extracting(p -> p.name()).containsExactly("in0", "in1");
    }

    @Test
    void plannerHelpers() {
        ValidatedGraph vg = validator.validateForRun(GraphValidatorTest.validGraph().build());

        assertThat(vg.edgesFrom("src")).extracting(EdgeInstance::id).containsExactly("e1", "e3", "e4", "e6");
        assertThat(vg.edgesInto("sum1")).extracting(EdgeInstance::id).containsExactly("e3", "e4");
        assertThat(vg.edgesInto("src")).isEmpty();
        assertThat(vg.outputType(ref("fft1.out")))
                .isEqualTo(new DataType.VectorOf(ElementType.COMPLEX64, Dim.of(1024)));
        assertThat(vg.outputPort(ref("src.out")).index()).isZero();
        assertThat(vg.inputPort(ref("sum1.in1")).index()).isEqualTo(1);
        assertThat(vg.inputPort(ref("mix.lo")).optional()).isTrue();

        assertThatThrownBy(() -> vg.inputPort(ref("sum1.in7")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sum1'").hasMessageContaining("'in7'");
        assertThatThrownBy(() -> vg.outputType(ref("ghost.out")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ghost'");
    }

    @Test
    void topologicalOrderPutsEveryWriterBeforeItsReaders() {
        // Document order is deliberately backwards.
        GraphDocument doc = graph()
                .node("k", "test.stream_sink")
                .node("mix", "test.mixer")
                .node("sum1", "test.sum")
                .node("src", "test.source")
                .edge("e1", "src.out", "sum1.in0")
                .edge("e2", "src.out", "sum1.in1")
                .edge("e3", "sum1.out", "mix.in")
                .edge("e4", "mix.out", "k.in")
                .build();

        ValidatedGraph vg = validator.validateForRun(doc);

        assertThat(vg.topologicalOrder()).containsExactly("src", "sum1", "mix", "k");
        assertThat(vg.nodesInTopologicalOrder()).extracting(ResolvedNode::id).containsExactly("src", "sum1", "mix", "k");
    }

    @Test
    void independentNodesKeepDocumentOrder() {
        GraphDocument doc = graph()
                .node("c", "test.source").node("a", "test.source").node("b", "test.source")
                .build();

        assertThat(validator.validateForRun(doc).topologicalOrder()).containsExactly("c", "a", "b");
    }

    @Test
    void feedbackLoopThroughADelayIsValidAndOrderedByItsForwardEdges() {
        // m2's output returns to m1 through a one-sample delay: m1 must still come before m2.
        GraphDocument doc = graph()
                .node("k", "test.stream_sink")
                .node("m2", "test.mixer")
                .node("m1", "test.mixer")
                .node("src", "test.source")
                .edge("e1", "src.out", "m1.in")
                .edge("e2", "m1.out", "m2.in")
                .delayEdge("fb", "m2.out", "m1.lo", 1)
                .edge("e4", "m2.out", "k.in")
                .build();

        assertThat(validator.validate(doc)).isEmpty();
        ValidatedGraph vg = validator.validateForRun(doc);

        assertThat(vg.topologicalOrder()).containsExactly("src", "m1", "m2", "k");
        assertThat(vg.edges()).extracting(EdgeInstance::id).contains("fb");
        List<String> order = vg.topologicalOrder();
        for (EdgeInstance e : vg.edges()) {
            if (e.spec().delay() == 0) {
                assertThat(order.indexOf(e.from().node())).as(e.id()).isLessThan(order.indexOf(e.to().node()));
            }
        }
    }

    @Test
    void throwsWithEveryErrorOnItsOwnLine() {
        GraphDocument doc = graph()
                .node("src", "test.source")
                .node("n1", "dsp.nope")
                .node("fft1", "test.fft", "fft_size", 3)
                .node("k", "test.vector_sink")
                .edge("e1", "src.out", "k.in")
                .build();
        List<Problem> expected = validator.validate(doc);

        InvalidGraphException e = catchThrowableOfType(InvalidGraphException.class,
                () -> validator.validateForRun(doc));

        assertThat(e.problems()).isEqualTo(expected).hasSize(3);
        assertThat(e.errors()).isEqualTo(expected);
        assertThat(e.graphId()).isEqualTo("test_graph");
        List<String> lines = e.getMessage().lines().toList();
        assertThat(lines.getFirst()).contains("'test_graph'", "3 errors");
        assertThat(lines.subList(1, lines.size())).hasSize(3).satisfiesExactly(
                l -> assertThat(l).contains("UNKNOWN_TYPE", "node 'n1'"),
                l -> assertThat(l).contains("PARAM_INVALID", "node 'fft1' param 'fft_size' must be in 16..65536, was 3"),
                l -> assertThat(l).contains("TYPE_MISMATCH", "edge 'e1'"));
    }

    @Test
    void exceptionListsErrorsButNotWarnings() {
        Problem error = Problem.of(ProblemCode.MISSING_INPUT, "node 'k' required input 'in' is not connected", "k",
                null, "in", null);
        Problem warning = new Problem(Problem.Severity.WARNING, ProblemCode.UNSIZED_OUTPUT,
                "node 'u' output 'out' is a hint only", "u", null, "out", null);

        InvalidGraphException e = new InvalidGraphException("g", List.of(warning, error));

        assertThat(e.getMessage()).contains("1 error").contains(error.message()).doesNotContain(warning.message());
        assertThat(e.problems()).containsExactly(warning, error);
        assertThat(e.errors()).containsExactly(error);
        assertThatThrownBy(() -> new InvalidGraphException("g", List.of(warning)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
