package dev.weir.editor.ui;

import dev.weir.editor.model.Arrange;
import dev.weir.editor.model.MoveNodesCommand;
import dev.weir.editor.model.Selection;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.Point;
import javafx.scene.input.MouseEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drags the selected nodes. While it runs, the canvas draws the nodes at preview positions; the document changes
 * once, on release, with one {@link MoveNodesCommand}, so a drag is one undo step however long it was. With snapping
 * on, the node under the cursor lands on the grid and the others keep their offsets to it.
 */
final class MoveGesture implements Gesture {

    /** Pixels the mouse must travel before a press becomes a drag, so a click never moves anything. */
    static final double THRESHOLD = 3;

    private final GraphCanvas canvas;
    private final String anchorId;
    private final double pressX;
    private final double pressY;
    private final Map<String, Point> start = new LinkedHashMap<>();
    private final boolean collapseOnClick;
    private boolean moving;

    /**
     * @param anchorId        the node that was pressed
     * @param collapseOnClick whether a click without a drag should leave only the anchor selected (a plain click
     *                        on a node of a larger selection)
     */
    MoveGesture(GraphCanvas canvas, String anchorId, double x, double y, boolean collapseOnClick) {
        this.canvas = canvas;
        this.anchorId = anchorId;
        this.pressX = x;
        this.pressY = y;
        this.collapseOnClick = collapseOnClick;
        for (String id : canvas.model().selection().nodes()) {
            NodeInstance n = canvas.model().document().nodes().get(id);
            if (n != null) {
                start.put(id, n.ui().position());
            }
        }
    }

    @Override
    public void drag(double x, double y, MouseEvent e) {
        if (!moving && Math.hypot(x - pressX, y - pressY) < THRESHOLD) {
            return;
        }
        moving = true;
        double scale = canvas.viewport().scale();
        double dx = (x - pressX) / scale;
        double dy = (y - pressY) / scale;
        Point anchor = start.get(anchorId);
        if (anchor != null && canvas.isSnapToGrid()) {
            dx = Arrange.snap(anchor.x() + dx, Arrange.GRID) - anchor.x();
            dy = Arrange.snap(anchor.y() + dy, Arrange.GRID) - anchor.y();
        }
        Map<String, Point> preview = new LinkedHashMap<>();
        for (Map.Entry<String, Point> s : start.entrySet()) {
            preview.put(s.getKey(), new Point(s.getValue().x() + dx, s.getValue().y() + dy));
        }
        canvas.setPreview(preview);
    }

    @Override
    public void release(double x, double y, MouseEvent e) {
        if (!moving) {
            if (collapseOnClick) {
                canvas.model().select(Selection.ofNode(anchorId));
            }
            return;
        }
        drag(x, y, e);
        Map<String, Point> moved = canvas.preview();
        canvas.setPreview(Map.of());
        canvas.run(() -> canvas.model().execute(MoveNodesCommand.of(moved)));
    }

    @Override
    public void cancel() {
        canvas.setPreview(Map.of());
    }
}
