package dev.weir.editor.preview;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The plot area of a preview canvas and its two axes: where the area lies in the canvas, which values its edges
 * stand for, and how to draw the frame around it (background, grid, ticks, labels, titles).
 *
 * <p>Each axis maps linearly from the value at one edge to the value at the other, in either direction (a waterfall's
 * time axis runs from 0 at the top, the newest row, downwards). Grid lines are one-pixel {@code fillRect}s, which
 * Prism fills without its path rasterizer (see {@code CanvasRenderer}). Used on the FX thread; allocation-free once
 * the tick labels are built (see {@link AxisTicks}).
 */
final class Axes {

    static final Font FONT = Font.font("System", 11);
    /** Room for the y tick labels. */
    static final double LEFT = 58;
    /** Room for the x tick labels and the x title. */
    static final double BOTTOM = 38;
    /** Room for the y title, written above the plot area. */
    static final double TOP = 22;

    final AxisTicks xTicks = new AxisTicks();
    final AxisTicks yTicks = new AxisTicks();

    private double left;
    private double top;
    private double width;
    private double height;
    private double xAtLeft;
    private double xAtRight = 1;
    private double yAtBottom;
    private double yAtTop = 1;

    /** Places the plot area inside a canvas of {@code w x h} pixels, {@code right} pixels kept free at the right. */
    void layout(double w, double h, double right) {
        left = LEFT;
        top = TOP;
        width = Math.max(1, Math.floor(w - LEFT - right));
        height = Math.max(1, Math.floor(h - TOP - BOTTOM));
    }

    /** The horizontal axis: {@code atLeft} at the left edge of the plot area, {@code atRight} at its right edge. */
    void x(double atLeft, double atRight, String label, String unit) {
        xAtLeft = atLeft;
        xAtRight = atRight;
        xTicks.update(Math.min(atLeft, atRight), Math.max(atLeft, atRight), (int) (width / 90) + 1, label, unit);
    }

    /** The vertical axis: {@code atBottom} at the bottom edge of the plot area, {@code atTop} at its top edge. */
    void y(double atBottom, double atTop, String label, String unit) {
        yAtBottom = atBottom;
        yAtTop = atTop;
        yTicks.update(Math.min(atBottom, atTop), Math.max(atBottom, atTop), (int) (height / 36) + 1, label, unit);
    }

    double left() {
        return left;
    }

    double top() {
        return top;
    }

    double width() {
        return width;
    }

    double height() {
        return height;
    }

    /** Canvas x of value {@code v} on the horizontal axis. */
    double px(double v) {
        return left + (v - xAtLeft) / (xAtRight - xAtLeft) * width;
    }

    /** Canvas y of value {@code v} on the vertical axis. */
    double py(double v) {
        return top + height - (v - yAtBottom) / (yAtTop - yAtBottom) * height;
    }

    /**
     * Clears the canvas and draws the plot area's background, grid lines at the ticks (when {@code grid}), the tick
     * labels and the two titles. The caller draws the data on top.
     */
    void drawFrame(GraphicsContext gc, double w, double h, PreviewTheme theme, boolean grid) {
        gc.setFill(theme.background());
        gc.fillRect(0, 0, w, h); // covers the whole canvas: the canvas drops every older command
        gc.setFill(theme.plot());
        gc.fillRect(left, top, width, height);
        gc.setFont(FONT);
        gc.setFill(theme.grid());
        for (int i = 0; i < xTicks.count(); i++) {
            double x = Math.round(px(xTicks.value(i)));
            if (grid) {
                gc.fillRect(x, top, 1, height);
            }
        }
        for (int i = 0; i < yTicks.count(); i++) {
            double y = Math.round(py(yTicks.value(i)));
            if (grid) {
                gc.fillRect(left, y, width, 1);
            }
        }
        gc.setFill(theme.axis());
        gc.fillRect(left, top + height, width, 1);
        gc.fillRect(left - 1, top, 1, height + 1);

        gc.setFill(theme.text());
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < xTicks.count(); i++) {
            double x = Math.round(px(xTicks.value(i)));
            gc.fillRect(x, top + height, 1, 4);
            gc.fillText(xTicks.label(i), x, top + height + 5);
        }
        gc.fillText(xTicks.title(), left + width / 2, top + height + 21);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i < yTicks.count(); i++) {
            double y = Math.round(py(yTicks.value(i)));
            gc.fillRect(left - 4, y, 4, 1);
            gc.fillText(yTicks.label(i), left - 6, y);
        }
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.fillText(yTicks.title(), 6, top - 5);
    }
}
