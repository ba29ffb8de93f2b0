package dev.weir.editor.ui;

import dev.weir.editor.model.PortShape;
import dev.weir.engine.model.PortRef;
import dev.weir.engine.model.Problem;
import javafx.scene.input.MouseEvent;

import java.util.Optional;

/**
 * A wire dragged from a port. Over a port of the other direction it asks the validator
 * ({@link dev.weir.editor.model.EditorModel#whyNotConnect}): an accepted target lights up, a refused one shows the
 * validator's reason at the cursor. Released on an accepted port it adds the edge (one command); released on a
 * refused one it adds nothing and leaves the reason on screen for a moment and in the status bar.
 */
final class ConnectGesture implements Gesture {

    private final GraphCanvas canvas;
    private final PortShape from;
    private PortShape target;
    private Optional<Problem> verdict = Optional.empty();

    ConnectGesture(GraphCanvas canvas, PortShape from, double x, double y) {
        this.canvas = canvas;
        this.from = from;
        canvas.setWire(new GraphCanvas.Wire(from, x, y, null, false));
    }

    @Override
    public void drag(double x, double y, MouseEvent e) {
        PortShape over = canvas.portAt(x, y).filter(p -> p.input() != from.input()).orElse(null);
        if (over != target) {
            target = over;
            verdict = over == null ? Optional.empty() : canvas.model().whyNotConnect(outRef(over), inRef(over));
        }
        canvas.setWire(new GraphCanvas.Wire(from, x, y, target, target != null && verdict.isPresent()));
        if (target != null && verdict.isPresent()) {
            canvas.showReason(verdict.get().message(), x, y, false);
        } else {
            canvas.hideReason();
        }
    }

    private PortRef outRef(PortShape other) {
        PortShape out = from.input() ? other : from;
        return new PortRef(out.nodeId(), out.name());
    }

    private PortRef inRef(PortShape other) {
        PortShape in = from.input() ? from : other;
        return new PortRef(in.nodeId(), in.name());
    }

    @Override
    public void release(double x, double y, MouseEvent e) {
        drag(x, y, e);
        canvas.setWire(null);
        if (target == null) {
            canvas.hideReason();
            return;
        }
        PortShape t = target;
        if (verdict.isPresent()) {
            // Leave the reason where the user let go, so it can be read.
            canvas.showReason(verdict.get().message(), x, y, true);
            canvas.status("Connection refused: " + verdict.get().message());
            return;
        }
        canvas.hideReason();
        canvas.run(() -> canvas.model().connect(outRef(t), inRef(t)).ifPresent(p -> {
            canvas.showReason(p.message(), x, y, true);
            canvas.status("Connection refused: " + p.message());
        }));
    }

    @Override
    public void cancel() {
        canvas.setWire(null);
        canvas.hideReason();
    }
}
