package dev.weir.editor.model;

import dev.weir.editor.testing.TestGraphs;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.Point;
import dev.weir.engine.model.PortRef;
import dev.weir.engine.model.Problem;
import dev.weir.engine.model.ProblemCode;
import dev.weir.engine.model.dag.DagFormatException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EditorModelTest {

    private final EditorModel model = new EditorModel(TestGraphs.REGISTRY, TestGraphs.fft());

    @Test
    void newNodesGetFreshIdsAndDefaults() throws Exception {
        String id = model.addNode("dsp.fft", new Point(10, 10));
        assertThat(id).isEqualTo("fft_2");
        assertThat(model.selection().nodes()).containsExactly("fft_2");
        assertThat(model.document().node(id).orElseThrow().params())
                .isEqualTo(model.descriptor("dsp.fft").orElseThrow().defaults());
        assertThatThrownBy(() -> model.newNode("no.such", new Point(0, 0))).hasMessageContaining("no.such");
    }

    @Test
    void buildingTheFftGraphFromScratchGivesAValidGraph() throws Exception {
        EditorModel m = new EditorModel(TestGraphs.REGISTRY, GraphDocument.empty("g", "g"));
        String src = m.addNode("source.sinusoids", new Point(0, 100));
        String fft = m.addNode("dsp.fft", new Point(220, 100));
        String mag = m.addNode("dsp.magnitude", new Point(440, 100));
        assertThat(m.connect(new PortRef(src, "out"), new PortRef(fft, "in"))).isEmpty();
        assertThat(m.connect(new PortRef(fft, "out"), new PortRef(mag, "in"))).isEmpty();
        assertThat(m.problems()).isEmpty();
        assertThat(m.document().edges()).containsOnlyKeys("e1", "e2");
        assertThat(m.history().isDirty()).isTrue();
    }

    @Test
    void aConnectionIntoAPreviewIsKeepLatestSoThePreviewNeverHoldsItsWriterBack() throws Exception {
        String plot = model.addNode("preview.spectrum", new Point(600, 100));
        assertThat(model.connect(new PortRef("fft", "out"), new PortRef(plot, "in"))).isEmpty();
        var edge = model.document().edges().values().stream()
                .filter(e -> e.to().node().equals(plot)).findFirst().orElseThrow();
        assertThat(edge.spec().overflow()).isEqualTo(dev.weir.engine.model.OverflowPolicy.KEEP_LATEST);
        assertThat(edge.spec().capacity()).isEqualTo(2);
        assertThat(model.problems()).noneMatch(p -> p.code() == ProblemCode.PREVIEW_BACKPRESSURE);
        // Any other reader keeps the default, lossless spec.
        String mag = model.addNode("dsp.magnitude", new Point(600, 300));
        assertThat(model.connect(new PortRef("fft", "out"), new PortRef(mag, "in"))).isEmpty();
        var plain = model.document().edges().values().stream()
                .filter(e -> e.to().node().equals(mag)).findFirst().orElseThrow();
        assertThat(plain.spec()).isEqualTo(dev.weir.engine.model.EdgeSpec.DEFAULT);
    }

    @Test
    void aRefusedConnectionGivesTheValidatorsReasonAndChangesNothing() throws Exception {
        GraphDocument before = model.document();
        Optional<Problem> why = model.connect(new PortRef("tones", "out"), new PortRef("spectrum", "in"));
        assertThat(why).isPresent();
        assertThat(why.get().code()).isIn(ProblemCode.TYPE_MISMATCH, ProblemCode.INPUT_FED_TWICE);
        assertThat(why.get().message()).startsWith("cannot connect tones.out to spectrum.in");
        assertThat(model.document()).isSameAs(before);
    }

    @Test
    void problemsAreRecomputedAfterEachChangeAndKeyedByNodeAndEdge() throws Exception {
        assertThat(model.problems()).isEmpty();
        model.execute(new SetParamCommand("spectrum", "size", 512L));
        assertThat(model.problemsOfEdge("e2")).extracting(Problem::code).containsExactly(ProblemCode.TYPE_MISMATCH);
        model.execute(new SetParamCommand("fft", "fft_size", 1L));
        assertThat(model.problemsOfNode("fft")).extracting(Problem::code).contains(ProblemCode.PARAM_INVALID);
        model.undo();
        model.undo();
        assertThat(model.problems()).isEmpty();
    }

    @Test
    void undoDropsVanishedIdsFromTheSelection() throws Exception {
        String id = model.addNode("basic.null_sink", new Point(600, 100));
        List<Selection> seen = new ArrayList<>();
        model.addListener(new EditorModel.Listener() {
            @Override
            public void selectionChanged(Selection s) {
                seen.add(s);
            }
        });
        model.select(Selection.of(Set.of(id, "fft"), Set.of("e1")));
        model.undo();
        assertThat(model.selection()).isEqualTo(Selection.of(Set.of("fft"), Set.of("e1")));
        assertThat(seen).hasSize(2);
    }

    @Test
    void copyPasteRoundTripsThroughDagTextWithFreshIds() throws Exception {
        model.select(Selection.ofNodes(List.of("fft", "spectrum")));
        String text = model.copySelection().orElseThrow();
        assertThat(text).contains("\"format_version\"").contains("\"dsp.fft\"").doesNotContain("\"tones\"");
        assertThat(model.paste(text, new Point(1000, 500))).isTrue();
        GraphDocument d = model.document();
        assertThat(d.nodes()).containsKeys("fft_2", "spectrum_2");
        assertThat(d.node("fft_2").orElseThrow().ui().position()).isEqualTo(new Point(1000, 500));
        assertThat(d.node("spectrum_2").orElseThrow().ui().position()).isEqualTo(new Point(1220, 500));
        assertThat(d.node("fft_2").orElseThrow().params()).isEqualTo(d.node("fft").orElseThrow().params());
        assertThat(d.edgeList()).anySatisfy(e -> {
            assertThat(e.from()).isEqualTo(new PortRef("fft_2", "out"));
            assertThat(e.to()).isEqualTo(new PortRef("spectrum_2", "in"));
        });
        assertThat(model.selection().nodes()).containsExactly("fft_2", "spectrum_2");
        assertThat(model.history().undoLabel()).contains("Paste 2 nodes and 1 edge");
        model.undo();
        assertThat(model.document().nodes()).hasSameSizeAs(TestGraphs.fft().nodes());
    }

    @Test
    void pasteRefusesTextThatIsNotADagFile() {
        assertThatThrownBy(() -> model.paste("hello", null)).isInstanceOf(DagFormatException.class);
        assertThat(model.history().canUndo()).isFalse();
    }

    @Test
    void duplicateIsOneCommand() throws Exception {
        model.select(Selection.ofNode("tones"));
        assertThat(model.duplicateSelection()).isTrue();
        assertThat(model.document().node("tones_2").orElseThrow().ui().position()).isEqualTo(new Point(40, 140));
        assertThat(model.history().undoLabel()).contains("Duplicate 1 node");
    }

    @Test
    void deleteSelectionAndAlignAreSingleCommands() throws Exception {
        model.select(Selection.ofNodes(List.of("tones", "fft")));
        model.execute(new MoveNodesCommand(java.util.Map.of("fft", new Point(220, 300)), "m"));
        assertThat(model.alignSelection(Arrange.Alignment.TOP)).isTrue();
        assertThat(model.document().node("fft").orElseThrow().ui().position()).isEqualTo(new Point(220, 100));
        assertThat(model.alignSelection(Arrange.Alignment.TOP)).isFalse();
        assertThat(model.deleteSelection()).isTrue();
        assertThat(model.document().nodes()).doesNotContainKeys("tones", "fft").containsKey("spectrum")
                .hasSize(TestGraphs.fft().nodes().size() - 2);
        model.undo();
        assertThat(model.document().nodes()).hasSameSizeAs(TestGraphs.fft().nodes());
    }

    @Test
    void shapesAreCachedWhileTheNodeIsUnchanged() throws Exception {
        NodeShape before = model.shape("fft").orElseThrow();
        model.execute(new RenameNodeCommand("tones", "x"));
        assertThat(model.shape("fft").orElseThrow()).isSameAs(before);
        model.execute(new SetParamCommand("fft", "window", "hamming"));
        assertThat(model.shape("fft").orElseThrow()).isNotSameAs(before);
    }
}
