package dev.weir.editor.run;

import dev.weir.editor.testing.TestGraphs;
import dev.weir.engine.api.Params;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeState;
import dev.weir.engine.model.NodeUi;
import dev.weir.engine.model.Point;
import dev.weir.engine.model.ProcessSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the running graph takes live, and what waits for the next run (the FFT example: tones, fft, spectrum). */
class RunDiffTest {

    private final GraphDocument fft = TestGraphs.fft();

    private RunDiff diff(GraphDocument current) {
        return RunDiff.between(fft, current, TestGraphs.REGISTRY);
    }

    private GraphDocument withParam(GraphDocument doc, String node, String key, Object value) {
        NodeInstance n = doc.nodes().get(node);
        return doc.withNode(n.withParams(n.params().with(key, value)));
    }

    @Test
    void theSameDocumentHasNoDifference() {
        assertThat(diff(fft).isEmpty()).isTrue();
    }

    @Test
    void layoutNamesAndMetadataDoNotChangeWhatRuns() {
        NodeInstance tones = fft.nodes().get("tones");
        GraphDocument moved = fft.withNode(tones.withUi(new NodeUi(new Point(500, 500))).withName("renamed"))
                .withName("Another name").withMetadata(Params.of("description", "changed"));
        assertThat(diff(moved)).isEqualTo(RunDiff.NONE);
    }

    @Test
    void aHotParamIsLiveAndAColdOneIsQueued() {
        RunDiff d = diff(withParam(withParam(fft, "fft", "hop", 256), "fft", "fft_size", 2048));
        assertThat(d.hot()).containsOnlyKeys("fft");
        assertThat(d.hot().get("fft")).isEqualTo(Params.of("hop", 256L));
        assertThat(d.queued()).containsExactly("node 'fft' param 'fft_size' (not live)");
    }

    @Test
    void aParamResetToItsDefaultEqualsTheDefaultWrittenOut() {
        // floor_db is -150 in the file; the type's default is -200. Removing the key means the default.
        NodeInstance spectrum = fft.nodes().get("spectrum");
        GraphDocument removed = fft.withNode(spectrum.withParams(spectrum.params().without("floor_db")));
        assertThat(diff(removed).hot().get("spectrum")).isEqualTo(Params.of("floor_db", -200.0));
        GraphDocument explicit = withParam(removed, "spectrum", "floor_db", -200.0);
        assertThat(RunDiff.between(removed, explicit, TestGraphs.REGISTRY).isEmpty()).isTrue();
    }

    @Test
    void anIntegerGivenForARealParamIsTheSameValue() {
        // The type check widens 1 to 1.0; the runner would see no change.
        GraphDocument a = withParam(fft, "spectrum", "floor_db", -150);
        assertThat(diff(a).isEmpty()).isTrue();
    }

    @Test
    void structuralChangesAreQueuedOneLineEach() {
        NodeInstance tones = fft.nodes().get("tones");
        EdgeInstance e1 = fft.edges().get("e1");
        GraphDocument changed = fft
                .withNode(NodeInstance.of("extra", "dsp.fft", 1, Params.empty()))
                .withoutEdge("e2")
                .withEdge(e1.withSpec(new EdgeSpec(64, e1.spec().overflow(), 0, e1.spec().transport())))
                .withNode(tones.withProcess("worker"))
                .withProcessSpec("worker", ProcessSpec.onFailure(3, 100, 1000));
        RunDiff d = diff(changed);
        assertThat(d.hot()).isEmpty();
        assertThat(d.queued()).containsExactly("node 'extra' added", "node 'tones' moved to process 'worker'",
                "edge 'e1' spec changed", "edge 'e2' removed", "process supervision changed");
    }

    @Test
    void aNodeWhoseStateChangedGetsNoLiveParams() {
        NodeInstance fftNode = fft.nodes().get("fft");
        GraphDocument disabled = fft.withNode(fftNode.withState(NodeState.DISABLED).withParam("hop", 128));
        RunDiff d = diff(disabled);
        assertThat(d.hot()).isEmpty();
        assertThat(d.queued()).containsExactly("node 'fft' disabled");
        // Params of a node disabled in both documents change nothing that runs.
        GraphDocument hopChanged = withParam(disabled, "fft", "hop", 64);
        assertThat(RunDiff.between(disabled, hopChanged, TestGraphs.REGISTRY).isEmpty()).isTrue();
    }

    @Test
    void anInvalidHotValueStaysLiveSoThatTheRunnerRefusesItWithItsReason() {
        // hop must be >= 0: the runner's refusal, not the diff, names the problem.
        RunDiff d = diff(withParam(fft, "fft", "hop", -5));
        assertThat(d.hot().get("fft")).isEqualTo(Params.of("hop", -5L));
        assertThat(d.queued()).isEmpty();
    }
}
