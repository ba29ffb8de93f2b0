package dev.weir.editor.ui;

/**
 * The canvas's view transform: {@code screen = model * scale + translate}. Plain arithmetic with no JavaFX in it,
 * so zooming about the cursor and fitting are unit-tested directly.
 */
public final class Viewport {

    /** Smallest zoom (5 %). */
    public static final double MIN_SCALE = 0.05;
    /** Largest zoom (400 %). */
    public static final double MAX_SCALE = 4;

    private double scale = 1;
    private double tx;
    private double ty;

    /** Zoom factor: screen pixels per canvas unit. */
    public double scale() {
        return scale;
    }

    /** Screen x of canvas x = 0. */
    public double translateX() {
        return tx;
    }

    /** Screen y of canvas y = 0. */
    public double translateY() {
        return ty;
    }

    /** Canvas x under screen x. */
    public double toModelX(double sx) {
        return (sx - tx) / scale;
    }

    /** Canvas y under screen y. */
    public double toModelY(double sy) {
        return (sy - ty) / scale;
    }

    /** Screen x of canvas x. */
    public double toScreenX(double mx) {
        return mx * scale + tx;
    }

    /** Screen y of canvas y. */
    public double toScreenY(double my) {
        return my * scale + ty;
    }

    /** Moves the view by screen pixels. */
    public void panBy(double dx, double dy) {
        tx += dx;
        ty += dy;
    }

    /** Sets everything at once. */
    public void set(double scale, double tx, double ty) {
        this.scale = clamp(scale);
        this.tx = tx;
        this.ty = ty;
    }

    /** Multiplies the zoom by {@code factor}, keeping the canvas point under (sx, sy) where it is. */
    public void zoomAt(double factor, double sx, double sy) {
        zoomTo(scale * factor, sx, sy);
    }

    /** Sets the zoom, keeping the canvas point under (sx, sy) where it is. */
    public void zoomTo(double newScale, double sx, double sy) {
        double mx = toModelX(sx);
        double my = toModelY(sy);
        scale = clamp(newScale);
        tx = sx - mx * scale;
        ty = sy - my * scale;
    }

    /**
     * Shows the canvas rectangle (x, y, w, h) centred in a view of (viewW, viewH) pixels with {@code margin}
     * pixels around it, zoomed no further in than {@code maxScale}.
     */
    public void fit(double x, double y, double w, double h, double viewW, double viewH, double margin,
                    double maxScale) {
        double availW = Math.max(1, viewW - 2 * margin);
        double availH = Math.max(1, viewH - 2 * margin);
        double s = clamp(Math.min(maxScale, Math.min(availW / Math.max(w, 1), availH / Math.max(h, 1))));
        scale = s;
        tx = viewW / 2 - (x + w / 2) * s;
        ty = viewH / 2 - (y + h / 2) * s;
    }

    /** Centres canvas point (mx, my) in a view of (viewW, viewH) pixels at the current zoom. */
    public void centerOn(double mx, double my, double viewW, double viewH) {
        tx = viewW / 2 - mx * scale;
        ty = viewH / 2 - my * scale;
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
