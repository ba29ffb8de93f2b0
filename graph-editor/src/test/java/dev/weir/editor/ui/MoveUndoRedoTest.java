package dev.weir.editor.ui;

import dev.weir.engine.model.Point;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoveUndoRedoTest extends EditorFxTest {

    private Point at(String id) {
        return doc().node(id).orElseThrow().ui().position();
    }

    @Test
    void aDragIsOneMoveThatUndoesAndRedoes() {
        Point before = at("fft");
        Point2D grab = title("fft");
        double scale = fx(() -> window.canvas().viewport().scale());
        // A long drag in many small steps: still one command.
        dragFromTo(grab, grab.add(100 * scale, 60 * scale));

        Point after = at("fft");
        assertThat(after).isEqualTo(new Point(before.x() + 100, before.y() + 60));
        assertThat(window.model().history().undoLabel()).contains("Move 1 node");
        assertThat(window.stage().getTitle()).startsWith("* ");

        clickOn("#canvas");
        shortcut(KeyCode.Z);
        assertThat(at("fft")).isEqualTo(before);
        assertThat(window.model().history().canUndo()).isFalse();
        assertThat(window.stage().getTitle()).doesNotStartWith("*");

        shortcut(KeyCode.SHIFT, KeyCode.Z);
        assertThat(at("fft")).isEqualTo(after);

        shortcut(KeyCode.Z);
        shortcut(KeyCode.Y);
        assertThat(at("fft")).isEqualTo(after);
    }

    @Test
    void aClickWithoutADragMovesNothing() {
        clickAt(title("fft"));
        assertThat(window.model().selection().nodes()).containsExactly("fft");
        assertThat(window.model().history().canUndo()).isFalse();
    }

    @Test
    void movingASelectionMovesEveryNodeOnce() {
        org.junit.jupiter.api.Assumptions.assumeFalse(headless(), "Shift+click needs a real display (xvfb-run)");
        clickAt(title("tones"));
        press(KeyCode.SHIFT);
        clickAt(title("fft"));
        release(KeyCode.SHIFT);
        assertThat(window.model().selection().nodes()).containsExactly("tones", "fft");
        Point tones = at("tones");
        Point spectrum = at("spectrum");
        double scale = fx(() -> window.canvas().viewport().scale());
        dragFromTo(title("fft"), title("fft").add(0, 80 * scale));
        assertThat(at("tones")).isEqualTo(new Point(tones.x(), tones.y() + 80));
        assertThat(at("spectrum")).isEqualTo(spectrum);
        assertThat(window.model().history().undoLabel()).contains("Move 2 nodes");
    }
}
