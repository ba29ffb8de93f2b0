package dev.weir.editor.model;

/**
 * The cubic Bézier an edge is drawn as, from an output port (leaving to the right) to an input port (entering from
 * the left). Its control points stand out horizontally by half the horizontal distance, and by more when the edge
 * runs backwards (a feedback edge), so it loops around instead of cutting through its nodes.
 *
 * @param x1 start (output port) x
 * @param y1 start y
 * @param x2 end (input port) x
 * @param y2 end y
 */
public record EdgeCurve(double x1, double y1, double x2, double y2) {

    /** Samples used to measure the distance from a point to the curve. */
    private static final int SAMPLES = 32;

    /** How far the control points stand out from the ends. */
    public double reach() {
        double dx = x2 - x1;
        return dx >= 0 ? Math.max(40, dx * 0.5) : Math.max(80, Math.min(-dx * 0.5, 200) + Math.abs(y2 - y1) * 0.25);
    }

    /** First control point x. */
    public double c1x() {
        return x1 + reach();
    }

    /** Second control point x. */
    public double c2x() {
        return x2 - reach();
    }

    /** Left edge of a box that holds the whole curve (the convex hull of its control points). */
    public double minX() {
        return Math.min(Math.min(x1, x2), Math.min(c1x(), c2x()));
    }

    /** Right edge of the bounding box. */
    public double maxX() {
        return Math.max(Math.max(x1, x2), Math.max(c1x(), c2x()));
    }

    /** Top of the bounding box. */
    public double minY() {
        return Math.min(y1, y2);
    }

    /** Bottom of the bounding box. */
    public double maxY() {
        return Math.max(y1, y2);
    }

    /** Whether the curve's bounding box overlaps the rectangle; used to skip edges outside the view. */
    public boolean mayIntersect(double rx, double ry, double rw, double rh) {
        return minX() <= rx + rw && maxX() >= rx && minY() <= ry + rh && maxY() >= ry;
    }

    /** The point at parameter t in [0, 1], as {x, y}. */
    public double[] at(double t) {
        double u = 1 - t;
        double b0 = u * u * u;
        double b1 = 3 * u * u * t;
        double b2 = 3 * u * t * t;
        double b3 = t * t * t;
        return new double[] {b0 * x1 + b1 * c1x() + b2 * c2x() + b3 * x2, b0 * y1 + b1 * y1 + b2 * y2 + b3 * y2};
    }

    /** Approximate distance from the point to the curve (to a polyline through {@value #SAMPLES} samples). */
    public double distanceTo(double px, double py) {
        double best = Double.MAX_VALUE;
        double[] prev = at(0);
        for (int i = 1; i <= SAMPLES; i++) {
            double[] cur = at((double) i / SAMPLES);
            best = Math.min(best, segmentDistance(px, py, prev[0], prev[1], cur[0], cur[1]));
            prev = cur;
        }
        return best;
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double cx = ax + t * dx - px;
        double cy = ay + t * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }
}
