package dev.weir.engine.model;

/** A canvas position in editor units. */
public record Point(double x, double y) {
    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("canvas position must be finite, was (" + x + ", " + y + ")");
        }
    }
}
