package dev.weir.editor.ui;

import dev.weir.editor.model.Selection;
import dev.weir.editor.model.SetParamCommand;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.Point;
import dev.weir.engine.model.Problem;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Selection, clipboard, view and problem gestures on the FFT example. */
class CanvasGesturesTest extends EditorFxTest {

    @Test
    void marqueeSelectsWhatItTouchesAndAClickOnEmptyCanvasClears() {
        NodeInstance tones = doc().node("tones").orElseThrow();
        Point p = tones.ui().position();
        dragFromTo(screen(p.x() - 30, p.y() - 30), screen(p.x() + 300, p.y() + 20));
        assertThat(window.model().selection().nodes()).containsExactlyInAnyOrder("tones", "fft");
        clickAt(screen(canvasAt(0.1, 0.9)));
        assertThat(window.model().selection().isEmpty()).isTrue();
    }

    @Test
    void shiftClickAddsAndRemoves() {
        Assumptions.assumeFalse(headless(), "Shift+click needs a real display (xvfb-run)");
        clickAt(title("tones"));
        press(KeyCode.SHIFT);
        clickAt(title("spectrum"));
        assertThat(window.model().selection().nodes()).containsExactly("tones", "spectrum");
        clickAt(title("tones"));
        release(KeyCode.SHIFT);
        assertThat(window.model().selection().nodes()).containsExactly("spectrum");
    }

    @Test
    void deleteDuplicateAndSelectAll() {
        clickAt(title("spectrum"));
        tap(KeyCode.DELETE);
        assertThat(doc().nodes()).doesNotContainKey("spectrum");
        assertThat(doc().edges()).containsOnlyKeys("e1");
        shortcut(KeyCode.Z);
        assertThat(doc().nodes()).containsKey("spectrum");

        clickAt(title("fft"));
        shortcut(KeyCode.D);
        assertThat(doc().nodes()).containsKey("fft_2");
        assertThat(window.model().selection().nodes()).containsExactly("fft_2");

        shortcut(KeyCode.A);
        assertThat(window.model().selection()).isEqualTo(Selection.all(doc()));
    }

    @Test
    void cutCopyAndPasteGoThroughTheClipboardAsDagText() {
        clickAt(title("fft"));
        shortcut(KeyCode.C);
        String text = fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(text).startsWith("{")
                .contains("\"format_version\": " + dev.weir.engine.model.GraphDocument.CURRENT_FORMAT_VERSION)
                .contains("\"type\": \"dsp.fft\"");

        Point first = canvasAt(0.2, 0.8);
        moveTo(screen(first));
        shortcut(KeyCode.V);
        NodeInstance pasted = doc().node("fft_2").orElseThrow();
        assertThat(pasted.params()).isEqualTo(doc().node("fft").orElseThrow().params());
        assertThat(pasted.ui().position()).isEqualTo(first);

        clickAt(title("tones"));
        shortcut(KeyCode.X);
        assertThat(doc().nodes()).doesNotContainKey("tones");
        Point second = canvasAt(0.6, 0.85);
        moveTo(screen(second));
        shortcut(KeyCode.V);
        assertThat(doc().node("tones").orElseThrow().ui().position()).isEqualTo(second);
        assertThat(window.model().history().undoLabel()).contains("Paste 1 node");
    }

    @Test
    void wheelZoomsAboutTheCursorAndCtrlZeroResets() {
        Point2D anchor = screen(440, 100);
        moveTo(anchor);
        scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomed = fx(() -> window.canvas().viewport().scale());
        assertThat(zoomed).isNotEqualTo(1.0);
        // The canvas point under the cursor stays under it.
        Point2D again = screen(440, 100);
        assertThat(again.getX()).isCloseTo(anchor.getX(), within(2.0));
        assertThat(again.getY()).isCloseTo(anchor.getY(), within(2.0));

        shortcut(KeyCode.DIGIT0);
        assertThat(fx(() -> window.canvas().viewport().scale())).isEqualTo(1.0);
        shortcut(KeyCode.MINUS);
        assertThat(fx(() -> window.canvas().viewport().scale())).isEqualTo(0.8, within(1e-9));
        shortcut(KeyCode.SHIFT, KeyCode.F);
        assertThat(lookup("#status-zoom").queryLabeled().getText()).endsWith("%");
    }

    @Test
    void spaceDragAndMiddleDragPan() {
        double tx = fx(() -> window.canvas().viewport().translateX());
        Point2D empty = fx(() -> window.canvas().localToScreen(60, window.canvas().getHeight() - 60));
        moveTo(empty);
        press(MouseButton.MIDDLE);
        moveTo(empty.add(80, 30));
        release(MouseButton.MIDDLE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> window.canvas().viewport().translateX())).isCloseTo(tx + 80, within(2.0));
        assertThat(window.model().history().canUndo()).as("panning edits nothing").isFalse();

        clickAt(empty.add(80, 30));
        press(KeyCode.SPACE);
        dragFromTo(title("fft"), title("fft").add(50, 0));
        release(KeyCode.SPACE);
        assertThat(fx(() -> window.canvas().viewport().translateX())).isCloseTo(tx + 130, within(3.0));
        assertThat(window.model().history().canUndo()).as("space-drag on a node pans, it does not move").isFalse();
    }

    @Test
    void clickingAProblemSelectsItsNode() {
        interact(() -> window.model().execute(new SetParamCommand("fft", "fft_size", 1L)));
        List<Problem> problems = window.problems().list().getItems();
        assertThat(problems).anySatisfy(p -> assertThat(p.nodeId()).isEqualTo("fft"));
        interact(() -> window.model().select(Selection.empty()));
        clickOn(lookup("#problems-list .list-cell").nth(0).queryLabeled());
        assertThat(window.model().selection().nodes()).containsExactly("fft");
        screenshot("problem-selected");
    }

    @Test
    void theShortcutsWindowListsTheMenuKeysAndGestures() {
        tap(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Window w = listTargetWindows().stream().filter(x -> x instanceof Stage s
                && "Keyboard shortcuts".equals(s.getTitle())).findFirst().orElseThrow();
        assertThat(from(w.getScene().getRoot()).lookup("Undo").tryQuery()).isPresent();
        assertThat(from(w.getScene().getRoot()).lookup((javafx.scene.control.Labeled l) -> l.getText().contains("Ctrl+Y"))
                .tryQuery()).isPresent();
        assertThat(from(w.getScene().getRoot()).lookup("Space+drag, or drag with the middle button").tryQuery())
                .isPresent();
        interact(((Stage) w)::close);
    }

    @Test
    void darkTheme() {
        clickAt(title("fft"));
        clickOn("#tool-dark_theme");
        screenshot("editor-dark");
        clickOn("#tool-dark_theme");
        assertThat(new dev.weir.editor.files.Settings(state).darkTheme()).isFalse();
    }
}
