package dev.weir.editor.model;

import dev.weir.editor.testing.TestGraphs;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeState;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.model.Point;
import dev.weir.engine.model.PortRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each command on the FFT example: what it changes, what it leaves alone, and when it refuses. */
class CommandsTest {

    private final GraphDocument doc = TestGraphs.fft();

    @Test
    void addNodeAddsAndRefusesATakenId() throws Exception {
        NodeInstance n = NodeInstance.of("sink", "basic.null_sink", 1, dev.weir.engine.api.Params.empty());
        GraphDocument after = new AddNodeCommand(n).apply(doc);
        assertThat(after.nodes()).containsKey("sink").hasSize(4);
        assertThatThrownBy(() -> new AddNodeCommand(n).apply(after)).hasMessageContaining("'sink'");
        assertThatThrownBy(() -> new AddNodeCommand(NodeInstance.of("e1", "basic.null_sink", 1,
                dev.weir.engine.api.Params.empty())).apply(doc)).hasMessageContaining("already used");
    }

    @Test
    void deleteTakesTheNodesEdgesAlong() throws Exception {
        GraphDocument after = new DeleteCommand(Set.of("fft"), Set.of()).apply(doc);
        assertThat(after.nodes()).doesNotContainKey("fft");
        assertThat(after.edges()).isEmpty();
        GraphDocument oneEdge = new DeleteCommand(Set.of(), Set.of("e2")).apply(doc);
        assertThat(oneEdge.edges()).containsOnlyKeys("e1");
        assertThat(oneEdge.nodes()).hasSize(3);
        assertThat(new DeleteCommand(Set.of("fft"), Set.of("e1")).label()).isEqualTo("Delete 1 node and 1 edge");
        assertThatThrownBy(() -> new DeleteCommand(Set.of("x"), Set.of()).apply(doc)).hasMessageContaining("'x'");
    }

    @Test
    void moveChangesLayoutOnly() throws Exception {
        GraphDocument after = MoveNodesCommand.of(Map.of("fft", new Point(5, 6), "tones", new Point(7, 8))).apply(doc);
        assertThat(after.node("fft").orElseThrow().ui().position()).isEqualTo(new Point(5, 6));
        assertThat(after.node("fft").orElseThrow().params()).isEqualTo(doc.node("fft").orElseThrow().params());
        assertThat(after.edges()).isEqualTo(doc.edges());
        assertThat(MoveNodesCommand.of(Map.of("fft", new Point(5, 6), "tones", new Point(7, 8))).label())
                .isEqualTo("Move 2 nodes");
    }

    @Test
    void connectAddsAnEdgeBetweenExistingNodes() throws Exception {
        GraphDocument cut = new DeleteCommand(Set.of(), Set.of("e2")).apply(doc);
        EdgeInstance e = EdgeInstance.of("e9", new PortRef("fft", "out"), new PortRef("spectrum", "in"));
        assertThat(new ConnectCommand(e).apply(cut).edges()).containsKey("e9");
        EdgeInstance dangling = EdgeInstance.of("e9", new PortRef("fft", "out"), new PortRef("gone", "in"));
        assertThatThrownBy(() -> new ConnectCommand(dangling).apply(cut)).hasMessageContaining("'gone'");
        assertThatThrownBy(() -> new ConnectCommand(EdgeInstance.of("e1", e.from(), e.to())).apply(cut))
                .hasMessageContaining("already used");
    }

    @Test
    void setParamSetsAndResets() throws Exception {
        GraphDocument set = new SetParamCommand("fft", "fft_size", 2048L).apply(doc);
        assertThat(set.node("fft").orElseThrow().params().getLong("fft_size")).isEqualTo(2048);
        assertThat(set.node("fft").orElseThrow().ui()).isEqualTo(doc.node("fft").orElseThrow().ui());
        GraphDocument reset = new SetParamCommand("fft", "fft_size", null).apply(set);
        assertThat(reset.node("fft").orElseThrow().params().has("fft_size")).isFalse();
        assertThatThrownBy(() -> new SetParamCommand("x", "a", 1L).apply(doc)).hasMessageContaining("'x'");
        assertThatThrownBy(() -> new SetParamCommand("fft", "a", new Object()).apply(doc))
                .isInstanceOf(CommandException.class);
    }

    @Test
    void renameStateAndEdgeSpec() throws Exception {
        assertThat(new RenameNodeCommand("fft", "Spectrum").apply(doc).node("fft").orElseThrow().name())
                .isEqualTo("Spectrum");
        assertThat(new SetNodeStateCommand(Set.of("fft"), NodeState.DISABLED).apply(doc).node("fft").orElseThrow()
                .enabled()).isFalse();
        EdgeSpec spec = EdgeSpec.DEFAULT.withOverflow(OverflowPolicy.DROP_OLDEST).withCapacity(4);
        assertThat(new SetEdgeSpecCommand("e1", spec).apply(doc).edge("e1").orElseThrow().spec()).isEqualTo(spec);
        assertThatThrownBy(() -> new SetEdgeSpecCommand("e7", spec).apply(doc)).hasMessageContaining("'e7'");
    }

    @Test
    void aCompositeAppliesAllOrNothing() throws Exception {
        CompositeCommand ok = new CompositeCommand("Two", List.of(new RenameNodeCommand("fft", "a"),
                new RenameNodeCommand("tones", "b")));
        GraphDocument after = ok.apply(doc);
        assertThat(after.node("fft").orElseThrow().name()).isEqualTo("a");
        assertThat(after.node("tones").orElseThrow().name()).isEqualTo("b");
        CompositeCommand bad = new CompositeCommand("Bad", List.of(new RenameNodeCommand("fft", "a"),
                new RenameNodeCommand("nope", "b")));
        DocumentHistory h = new DocumentHistory(doc);
        assertThatThrownBy(() -> h.execute(bad)).isInstanceOf(CommandException.class);
        assertThat(h.current()).isSameAs(doc);
    }

    @Test
    void setProcessMovesEveryNodeInOneUndoStepAndRefusesBadNames() throws Exception {
        DocumentHistory h = new DocumentHistory(doc);
        assertThat(h.execute(new SetProcessCommand(Set.of("fft", "spectrum"), "dsp"))).isTrue();
        assertThat(h.current().nodes().get("fft").process()).isEqualTo("dsp");
        assertThat(h.current().nodes().get("spectrum").process()).isEqualTo("dsp");
        assertThat(h.current().nodes().get("tones").process()).isEqualTo(NodeInstance.MAIN_PROCESS);
        assertThat(h.undoLabel()).contains("Move 2 nodes to process 'dsp'");
        assertThat(h.execute(new SetProcessCommand(Set.of("fft", "spectrum"), "dsp"))).as("no change").isFalse();
        h.undo();
        assertThat(h.current()).isEqualTo(doc);
        assertThatThrownBy(() -> new SetProcessCommand(Set.of("fft"), "2 bad").apply(doc))
                .hasMessageContaining("process '2 bad' must start with a letter");
        assertThatThrownBy(() -> new SetProcessCommand(Set.of("gone"), "w").apply(doc))
                .hasMessageContaining("node 'gone'");
    }
}
