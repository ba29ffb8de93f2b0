package dev.weir.editor.preview;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region holding one {@link Canvas} that always has the region's size (in whole pixels), and says when it was
 * resized so its owner redraws. A plain {@code Canvas} is not resizable, so layout panes would leave it at its first
 * size.
 */
final class CanvasView extends Region {

    private final Canvas canvas = new Canvas();
    private Runnable onResized = () -> { };

    CanvasView() {
        getChildren().add(canvas);
        setMinSize(80, 60);
        setPrefSize(480, 280);
    }

    /** Called after the canvas changed size (its old content is then stale). */
    void setOnResized(Runnable r) {
        this.onResized = r;
    }

    GraphicsContext graphics() {
        return canvas.getGraphicsContext2D();
    }

    /** Width in whole pixels. */
    double canvasWidth() {
        return canvas.getWidth();
    }

    /** Height in whole pixels. */
    double canvasHeight() {
        return canvas.getHeight();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            onResized.run();
        }
    }
}
