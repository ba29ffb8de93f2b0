package dev.weir.engine.model;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.PixelFormat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.weir.engine.model.Graphs.graph;
import static dev.weir.engine.model.Graphs.ref;
import static org.assertj.core.api.Assertions.assertThat;

/** Output sizes that follow the inputs: a probing source, then filters that keep the size. */
class TypeInferenceTest {

    private static final DataType GREY_64X48 = new DataType.ImageOf(PixelFormat.GRAY8, Dim.of(64), Dim.of(48));

    private final GraphValidator validator = new GraphValidator(TestNodes.REGISTRY);

    @Test
    void sizesFlowFromTheProbedSourceThroughEveryFilterToTheSink() {
        GraphDocument doc = graph()
                // Readers first in the document: inference must follow the edges, not the document order.
                .node("sink", "test.grey_sink")
                .node("g2", "test.grey")
                .node("g1", "test.grey")
                .node("src", "test.probe_source", "file", "64x48")
                .edge("e1", "src.out", "g1.in")
                .edge("e2", "g1.out", "sink.in")
                .edge("e3", "src.out", "g2.in")
                .build();
        ValidatedGraph g = validator.validateForRun(doc);
        assertThat(g.node("src").output("out").orElseThrow().type())
                .isEqualTo(new DataType.ImageOf(PixelFormat.RGB24, Dim.of(64), Dim.of(48)));
        assertThat(g.node("g1").input("in").orElseThrow().type())
                .isEqualTo(new DataType.ImageOf(PixelFormat.RGB24, Dim.of(64), Dim.of(48)));
        assertThat(g.node("g1").output("out").orElseThrow().type()).isEqualTo(GREY_64X48);
        // The sink's open dimensions are replaced by what feeds it, so its processor knows the size in open().
        assertThat(g.node("sink").input("in").orElseThrow().type()).isEqualTo(GREY_64X48);
        // A second reader of the same source (fan-out) is sized the same way; its output feeds nothing.
        assertThat(g.node("g2").output("out").orElseThrow().type()).isEqualTo(GREY_64X48);
    }

    @Test
    void aFilterWithoutAnInputCannotSizeItsConnectedOutput() {
        GraphDocument doc = graph()
                .node("g1", "test.grey")
                .node("sink", "test.grey_sink")
                .edge("e1", "g1.out", "sink.in")
                .build();
        List<Problem> problems = validator.validate(doc);
        assertThat(problems).extracting(Problem::code)
                .containsExactlyInAnyOrder(ProblemCode.MISSING_INPUT, ProblemCode.UNSIZED_OUTPUT);
        Problem unsized = problems.stream().filter(p -> p.code() == ProblemCode.UNSIZED_OUTPUT).findFirst()
                .orElseThrow();
        assertThat(unsized.nodeId()).isEqualTo("g1");
        assertThat(unsized.message()).contains("output 'out'").contains("follows the node's inputs");
    }

    @Test
    void aSourceThatCannotProbeItsFileIsReportedOnceNamingTheNodeAndParam() {
        GraphDocument doc = graph()
                .node("src", "test.probe_source", "file", "missing.avi")
                .node("g1", "test.grey")
                .node("sink", "test.grey_sink")
                .edge("e1", "src.out", "g1.in")
                .edge("e2", "g1.out", "sink.in")
                .build();
        List<Problem> problems = validator.validate(doc);
        assertThat(problems).hasSize(2);
        assertThat(problems.getFirst().code()).isEqualTo(ProblemCode.PORT_UNRESOLVABLE);
        assertThat(problems.getFirst().nodeId()).isEqualTo("src");
        assertThat(problems.getFirst().message())
                .isEqualTo("node 'src' output types cannot be derived: param 'file': cannot open 'missing.avi'");
        assertThat(problems.getFirst().param()).isEqualTo("file");
        // The filter downstream stays open because of it, which is a consequence worth naming too.
        assertThat(problems.get(1).code()).isEqualTo(ProblemCode.UNSIZED_OUTPUT);
        assertThat(problems.get(1).nodeId()).isEqualTo("g1");
    }

    @Test
    void editorMayWireFiltersBeforeTheirSourceAndSeesInferredSizesOnceItIsThere() {
        GraphDocument loose = graph()
                .node("g1", "test.grey")
                .node("sink", "test.grey_sink")
                .node("thumb", "test.thumb_sink")
                .build();
        // g1's size is still open, but it follows g1's input, so wiring it now is allowed.
        assertThat(validator.explainWhyNot(loose, ref("g1.out"), ref("sink.in"))).isEmpty();

        GraphDocument fed = graph()
                .node("src", "test.probe_source", "file", "64x48")
                .node("g1", "test.grey")
                .node("thumb", "test.thumb_sink")
                .edge("e1", "src.out", "g1.in")
                .build();
        Problem p = validator.explainWhyNot(fed, ref("g1.out"), ref("thumb.in")).orElseThrow();
        assertThat(p.code()).isEqualTo(ProblemCode.TYPE_MISMATCH);
        assertThat(p.message()).contains("[64x48]").contains("[32x32]");
    }
}
