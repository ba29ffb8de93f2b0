package dev.weir.editor.ui;

import dev.weir.editor.testing.TestGraphs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.PortRef;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance path: from an empty window, build the seed's FFT example (examples/fft-sinusoids.dag) with the
 * palette, wires and the inspector only, save it, open it again, and get the same graph.
 */
class BuildFftGraphTest extends EditorFxTest {

    @Override
    Path initialFile() {
        return null;
    }

    @Test
    void buildSaveAndReopenTheFftExampleWithoutTouchingText() throws Exception {
        dragFromPalette("sinusoids", "source.sinusoids", 0, 100);
        dragFromPalette("fft", "dsp.fft", 260, 100);
        dragFromPalette("magnitude", "dsp.magnitude", 520, 100);
        assertThat(doc().nodes()).containsOnlyKeys("sinusoids", "fft", "magnitude");

        dragFromTo(output("sinusoids", "out"), input("fft", "in"));
        dragFromTo(output("fft", "out"), input("magnitude", "in"));
        assertThat(doc().edges()).hasSize(2);

        clickAt(title("sinusoids"));
        typeInto("#node-name", "Two tones");
        typeInto("#param-frequencies_hz", "1000, 5250");
        typeInto("#param-amplitudes", "1, 0.3");
        typeInto("#param-noise_std", "0.01");
        typeInto("#param-count", "4.8M");
        clickAt(title("fft"));
        typeInto("#node-name", "FFT 1024, hann, 50% overlap");
        typeInto("#param-hop", "512");
        clickAt(title("magnitude"));
        typeInto("#node-name", "Power in dB");
        clickOn(lookup("#param-mode").queryAs(ComboBox.class));
        clickOn("db");
        typeInto("#param-floor_db", "-150");
        clickOn("#param-fftshift");
        clickOn("#canvas");
        shortcut(KeyCode.SHIFT, KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("fft-graph");

        assertThat(window.model().problems()).isEmpty();
        Path file = state.resolve("fft.dag");
        dialogs.files.add(file);
        shortcut(KeyCode.S);
        assertThat(window.stage().getTitle()).isEqualTo("fft.dag — Weir");

        dialogs.files.add(file);
        shortcut(KeyCode.O);
        GraphDocument reopened = doc();
        assertThat(reopened).isEqualTo(TestGraphs.CODEC.read(file));
        assertThat(window.model().problems()).isEmpty();

        // Node for node the same computation as the seed's example (ids and layout aside).
        GraphDocument seed = TestGraphs.fft();
        Map<String, String> seedIds = Map.of("sinusoids", "tones", "fft", "fft", "magnitude", "spectrum");
        for (NodeInstance n : reopened.nodeList()) {
            NodeInstance s = seed.node(seedIds.get(n.id())).orElseThrow();
            NodeDescriptor d = TestGraphs.REGISTRY.find(n.type()).orElseThrow();
            assertThat(n.type()).isEqualTo(s.type());
            assertThat(n.name()).isEqualTo(s.name());
            assertThat(d.canonicalParams(n.params())).as(n.id()).isEqualTo(d.canonicalParams(s.params()));
        }
        Function<EdgeInstance, String> wiring = e -> e.from().port() + "->" + e.to().port();
        assertThat(reopened.edgeList()).extracting(EdgeInstance::from, EdgeInstance::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new PortRef("sinusoids", "out"), new PortRef("fft", "in")),
                org.assertj.core.groups.Tuple.tuple(new PortRef("fft", "out"), new PortRef("magnitude", "in")));
        assertThat(reopened.edgeList().stream().map(wiring).collect(Collectors.toList()))
                .isEqualTo(seed.edgeList().stream().map(wiring).collect(Collectors.toList()));
    }
}
