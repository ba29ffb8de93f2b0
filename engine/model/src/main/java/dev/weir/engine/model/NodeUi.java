package dev.weir.engine.model;

import java.util.Objects;

/**
 * Layout of a node on the canvas, kept apart from its params (as GRC keeps {@code states} apart from
 * {@code parameters}), so that moving a node never touches what it computes.
 *
 * @param position top-left corner
 */
public record NodeUi(Point position) {
    /** At the origin. */
    public static final NodeUi ORIGIN = new NodeUi(new Point(0, 0));

    public NodeUi {
        Objects.requireNonNull(position, "position");
    }

    public static NodeUi at(double x, double y) {
        return new NodeUi(new Point(x, y));
    }
}
