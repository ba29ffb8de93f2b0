package dev.weir.engine.model;

import java.util.List;

/**
 * Layout of an edge: bend points the user placed, in canvas units; empty for a plain curve.
 */
public record EdgeUi(List<Point> points) {
    /** A plain curve. */
    public static final EdgeUi NONE = new EdgeUi(List.of());

    public EdgeUi {
        points = List.copyOf(points);
    }
}
