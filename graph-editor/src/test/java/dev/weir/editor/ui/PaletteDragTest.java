package dev.weir.editor.ui;

import dev.weir.engine.model.NodeInstance;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

class PaletteDragTest extends EditorFxTest {

    @Test
    void draggingAPaletteEntryOntoTheCanvasAddsThatNodeWhereItIsDropped() {
        clickOn("#palette-search").write("null sink");
        WaitForAsyncUtils.waitForFxEvents();
        dev.weir.engine.model.Point drop = canvasAt(0.4, 0.8);
        Point2D target = screen(drop);
        drag("#palette-basic-null_sink", MouseButton.PRIMARY).moveTo(target).release(MouseButton.PRIMARY);

        NodeInstance added = doc().node("null_sink").orElseThrow();
        assertThat(added.type()).isEqualTo("basic.null_sink");
        // Held by its title bar, a little in from the left edge, and snapped to the grid.
        assertThat(added.ui().position().x()).isBetween(drop.x() - 60, drop.x());
        assertThat(added.ui().position().y()).isBetween(drop.y() - 40, drop.y());
        assertThat(added.ui().position().x() % 20).isZero();
        assertThat(window.model().selection().nodes()).containsExactly("null_sink");
        assertThat(window.model().history().undoLabel()).contains("Add null_sink");
        screenshot("palette-drop");

        clickOn("#canvas");
        tap(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Z);
        assertThat(doc().nodes()).doesNotContainKey("null_sink");
    }
}
