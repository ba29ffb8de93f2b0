package dev.weir.editor.ui;

import dev.weir.editor.model.NodeShape;
import dev.weir.editor.model.Selection;
import javafx.scene.input.MouseEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * A drag on empty canvas: selects the nodes the rectangle touches (added to the selection with Shift or the
 * shortcut key). A click without a drag clears the selection.
 */
final class MarqueeGesture implements Gesture {

    private final GraphCanvas canvas;
    private final double x0;
    private final double y0;
    private final boolean additive;
    private final Selection before;
    private boolean dragged;

    MarqueeGesture(GraphCanvas canvas, double x, double y, boolean additive) {
        this.canvas = canvas;
        this.x0 = x;
        this.y0 = y;
        this.additive = additive;
        this.before = canvas.model().selection();
    }

    @Override
    public void drag(double x, double y, MouseEvent e) {
        if (!dragged && Math.hypot(x - x0, y - y0) < MoveGesture.THRESHOLD) {
            return;
        }
        dragged = true;
        canvas.setMarquee(new double[] {Math.min(x0, x), Math.min(y0, y), Math.abs(x - x0), Math.abs(y - y0)});
        canvas.model().select(selectionFor(x, y));
    }

    private Selection selectionFor(double x, double y) {
        Viewport v = canvas.viewport();
        double mx = v.toModelX(Math.min(x0, x));
        double my = v.toModelY(Math.min(y0, y));
        double mw = Math.abs(x - x0) / v.scale();
        double mh = Math.abs(y - y0) / v.scale();
        List<String> hit = new ArrayList<>();
        for (NodeShape s : canvas.model().shapes()) {
            if (s.intersects(mx, my, mw, mh)) {
                hit.add(s.nodeId());
            }
        }
        Selection s = Selection.ofNodes(hit);
        return additive ? before.union(s) : s;
    }

    @Override
    public void release(double x, double y, MouseEvent e) {
        canvas.setMarquee(null);
        if (!dragged) {
            if (!additive) {
                canvas.model().select(Selection.empty());
            }
            return;
        }
        canvas.model().select(selectionFor(x, y));
    }

    @Override
    public void cancel() {
        canvas.setMarquee(null);
        canvas.model().select(before);
    }
}
