package dev.weir.editor.ui;

import dev.weir.editor.model.DeleteCommand;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.PortRef;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectTest extends EditorFxTest {

    @Test
    void draggingFromAnOutputToAnInputConnectsThem() {
        interact(() -> window.model().execute(new DeleteCommand(Set.of(), Set.of("e1"))));
        assertThat(doc().edges()).containsOnlyKeys("e2");

        dragFromTo(output("tones", "out"), input("fft", "in"));

        assertThat(doc().edgeList()).anySatisfy(e -> {
            assertThat(e.from()).isEqualTo(new PortRef("tones", "out"));
            assertThat(e.to()).isEqualTo(new PortRef("fft", "in"));
        });
        assertThat(window.model().problems()).isEmpty();
        assertThat(window.model().history().undoLabel()).contains("Connect tones.out to fft.in");
    }

    @Test
    void aWireCanAlsoBeDrawnFromTheInputBackToTheOutput() {
        interact(() -> window.model().execute(new DeleteCommand(Set.of(), Set.of("e2"))));
        dragFromTo(input("spectrum", "in"), output("fft", "out"));
        assertThat(doc().edgeList()).extracting(EdgeInstance::to).contains(new PortRef("spectrum", "in"));
    }

    @Test
    void anInvalidConnectionIsRefusedWithTheValidatorsReasonAtTheCursor() {
        GraphDocument before = doc();
        String expected = window.model().whyNotConnect(new PortRef("tones", "out"), new PortRef("spectrum", "in"))
                .orElseThrow().message();

        moveTo(output("tones", "out"));
        press(javafx.scene.input.MouseButton.PRIMARY);
        moveTo(input("spectrum", "in"));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Label reason = lookup("#connect-reason").queryAs(Label.class);
        assertThat(reason.isVisible()).isTrue();
        assertThat(reason.getText()).isEqualTo(expected)
                .startsWith("cannot connect tones.out to spectrum.in")
                .contains("does not fit input type vector<complex64>[1024]");
        // The reason sits at the cursor (moved left when it would run off the canvas).
        javafx.geometry.Point2D cursor = input("spectrum", "in");
        javafx.geometry.Bounds b = fx(() -> reason.localToScreen(reason.getBoundsInLocal()));
        assertThat(b.getMinX()).isLessThanOrEqualTo(cursor.getX() + 40);
        assertThat(b.getMaxX()).isGreaterThanOrEqualTo(cursor.getX() - 40);
        assertThat(Math.abs(b.getMinY() - cursor.getY())).isLessThan(80.0);
        screenshot("refused-connection");
        release(javafx.scene.input.MouseButton.PRIMARY);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(doc()).isSameAs(before);
        assertThat(window.model().history().canUndo()).isFalse();
        assertThat(reason.isVisible()).as("the reason stays a moment after the drop").isTrue();
        assertThat(window.statusBar().message().getText()).isEqualTo("Connection refused: " + expected);
    }
}
