package dev.weir.editor.ui;

import dev.weir.editor.files.Settings;
import dev.weir.editor.model.NodeShape;
import dev.weir.editor.preview.PreviewBoard;
import dev.weir.editor.preview.PreviewPanel;
import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.preview.PreviewAxis;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.preview.PreviewSpec;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Preview panels in a real editor window: the window's {@link PreviewBoard} fed the way a run feeds it (slots made
 * with the engine's API, published from another thread), the dock below the canvas, the View menu, canvas thumbnails.
 */
class PreviewPanelsInEditorTest extends EditorFxTest {

    /** A 320x180 bgr24 preview of node {@code id} ("spectrum" is a node of the FFT example on the canvas). */
    private static PreviewSlot video(String id) {
        return new PreviewSlot(id, new PreviewSpec(PreviewKind.VIDEO, "Camera", PreviewAxis.AUTO, PreviewAxis.AUTO,
                PreviewAxis.AUTO, List.of()), List.of(new DataType.ImageOf(PixelFormat.BGR24, Dim.of(320), Dim.of(180))));
    }

    /** Publishes one picture of one colour (0xRRGGBB), as the preview node's thread does. */
    private static void publish(PreviewSlot slot, int rgb) {
        byte[] b = slot.claim()[0].bytes();
        for (int i = 0; i < b.length; i += 3) {
            b[i] = (byte) rgb;
            b[i + 1] = (byte) (rgb >> 8);
            b[i + 2] = (byte) (rgb >> 16);
        }
        slot.publish();
    }

    private PreviewBoard board() {
        return window.previewHub();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
    }

    private boolean dockShown() {
        return fx(() -> board().dock().view().getScene() != null);
    }

    @Test
    void aRunsPreviewSlotsOpenTheDockBelowTheCanvas() {
        assertThat(dockShown()).isFalse();
        double canvasHeight = fx(() -> window.canvas().getHeight());
        PreviewSlot slot = video("spectrum");
        new Thread(() -> window.previewHub().attach(slot)).start(); // an engine thread
        waitUntil(() -> board().panel("spectrum").isPresent() && board().dock().view().getScene() != null);
        publish(slot, 0x2080C0);
        waitUntil(() -> board().stats("spectrum").orElseThrow().rendered() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> window.canvas().getHeight())).isLessThan(canvasHeight);
        double dockTop = fx(() -> board().dock().view().localToScene(0, 0).getY());
        double canvasBottom = fx(() -> window.canvas().localToScene(0, window.canvas().getHeight()).getY());
        assertThat(dockTop).isGreaterThanOrEqualTo(canvasBottom);
        screenshot("preview-dock");

        // View ▸ Preview Panels (Ctrl+Shift+P) hides and shows the dock; the panel stays.
        clickOn("#canvas");
        shortcut(KeyCode.SHIFT, KeyCode.P);
        assertThat(dockShown()).isFalse();
        shortcut(KeyCode.SHIFT, KeyCode.P);
        assertThat(dockShown()).isTrue();
        assertThat(fx(() -> board().dock().isOpen(board().panel("spectrum").orElseThrow()))).isTrue();
    }

    @Test
    void thumbnailsShowTheLatestPictureUnderThePreviewNode() {
        PreviewSlot slot = video("spectrum");
        board().attach(slot);
        publish(slot, 0xC04020);
        waitUntil(() -> board().stats("spectrum").orElseThrow().rendered() >= 1);
        // Room for the thumbnail: the dock away, the node in the middle of the canvas.
        clickOn("#canvas");
        shortcut(KeyCode.SHIFT, KeyCode.P);
        interact(() -> window.canvas().reveal("spectrum"));
        assertThat(thumbnailPixel()).as("off by default").isNotEqualTo(0xFFC04020);

        clickOn("View").clickOn("Preview Thumbnails on Canvas");
        waitUntil(() -> thumbnailPixelOnFx() == 0xFFC04020);
        assertThat(new Settings(state).previewThumbnails()).as("remembered").isTrue();
        screenshot("preview-thumbnail");

        // New pictures reach the canvas with no panel in sight: the thumbnail alone keeps the slot read.
        publish(slot, 0x30A050);
        waitUntil(() -> thumbnailPixelOnFx() == 0xFF30A050);
        publish(slot, 0x5020B0);
        waitUntil(() -> thumbnailPixelOnFx() == 0xFF5020B0);

        clickOn("View").clickOn("Preview Thumbnails on Canvas");
        waitUntil(() -> thumbnailPixelOnFx() != 0xFF5020B0);
        assertThat(new Settings(state).previewThumbnails()).isFalse();
    }

    /** The canvas pixel at the middle of node "spectrum"'s thumbnail (16:9, as wide as the node, just under it). */
    private int thumbnailPixel() {
        return fx(this::thumbnailPixelOnFx);
    }

    private int thumbnailPixelOnFx() {
        NodeShape s = window.model().shape("spectrum").orElseThrow();
        double h = s.width() * 9 / 16;
        Point2D p = window.canvas().toLocal(s.x() + s.width() / 2, s.maxY() + 6 + h / 2);
        Image img = window.canvas().snapshot(null, null);
        if (p.getX() < 0 || p.getY() < 0 || p.getX() >= img.getWidth() || p.getY() >= img.getHeight()) {
            throw new AssertionError("the thumbnail is out of view at " + p);
        }
        return img.getPixelReader().getArgb((int) p.getX(), (int) p.getY());
    }

    @Test
    void aClosedPanelOpensAgainFromTheViewMenuOrByDoubleClickingItsNode() {
        PreviewSlot slot = video("spectrum");
        board().attach(slot);
        publish(slot, 0x808080);
        waitUntil(() -> board().stats("spectrum").orElseThrow().rendered() >= 1);
        PreviewPanel panel = fx(() -> board().panel("spectrum").orElseThrow());
        fx(() -> {
            board().dock().close(panel);
            return null;
        });
        assertThat(fx(() -> board().dock().isOpen(panel))).isFalse();

        clickOn("View").clickOn("Show Preview").clickOn(panel.title());
        waitUntil(() -> board().dock().isOpen(panel));

        fx(() -> {
            board().dock().close(panel);
            return null;
        });
        interact(() -> window.canvas().reveal("spectrum")); // the dock took half the canvas
        doubleClickOn(title("spectrum"), javafx.scene.input.MouseButton.PRIMARY);
        waitUntil(() -> board().dock().isOpen(panel));
        // A double-click on a node without a preview opens nothing, and moves nothing.
        doubleClickOn(title("fft"), javafx.scene.input.MouseButton.PRIMARY);
        assertThat(fx(() -> board().nodeIds())).containsExactly("spectrum");
        assertThat(window.model().history().canUndo()).isFalse();
    }
}
