package dev.weir.editor.ui;

import javafx.scene.Cursor;
import javafx.scene.input.MouseEvent;

/** Space-drag or middle-drag: moves the view; changes no document. */
final class PanGesture implements Gesture {

    private final GraphCanvas canvas;
    private double lastX;
    private double lastY;

    PanGesture(GraphCanvas canvas, double x, double y) {
        this.canvas = canvas;
        this.lastX = x;
        this.lastY = y;
        canvas.setCursor(Cursor.CLOSED_HAND);
    }

    @Override
    public void drag(double x, double y, MouseEvent e) {
        canvas.viewport().panBy(x - lastX, y - lastY);
        lastX = x;
        lastY = y;
        canvas.viewChanged();
    }

    @Override
    public void release(double x, double y, MouseEvent e) {
        drag(x, y, e);
        canvas.setCursor(canvas.isSpaceDown() ? Cursor.OPEN_HAND : Cursor.DEFAULT);
    }

    @Override
    public void cancel() {
        canvas.setCursor(Cursor.DEFAULT);
    }
}
