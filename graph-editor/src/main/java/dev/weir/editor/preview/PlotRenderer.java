package dev.weir.editor.preview;

import dev.weir.engine.api.Frame;
import dev.weir.engine.api.preview.PreviewAxis;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSpec;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * {@link PreviewKind#TIME_PLOT} and {@link PreviewKind#SPECTRUM}: one line plot of lane 0 (a stream window or a
 * vector of real samples) with labelled axes.
 *
 * <ul>
 *   <li>x follows {@link PreviewKind}'s "Positions along x": the spec's fixed axis; else {@code (index + i) / rate}
 *       from the frame's header (seconds for a time plot, Hz for a spectrum); else sample or bin numbers.</li>
 *   <li>y: the spec's fixed axis, or an {@link AutoRange} that follows the data (the amplitude of a time plot, dB of
 *       a spectrum).</li>
 * </ul>
 * The trace is one vertical span per pixel column ({@link MinMax#trace}), so a narrow peak is never lost between
 * columns and a frame costs one rectangle per column, however many samples there are. The canvas thumbnail is
 * rasterized into a small {@code int[]} the same way, by hand: cheaper than a snapshot, and free of the canvas's
 * command buffer.
 */
final class PlotRenderer extends PreviewRenderer {

    static final int THUMB_W = 180;
    static final int THUMB_H = 64;

    private final boolean spectrum;
    private final CanvasView view = new CanvasView();
    private final Axes axes = new Axes();
    private final AutoRange auto = new AutoRange();

    private Frame frame;
    private double[] lo = new double[0];
    private double[] hi = new double[0];

    private final int[] thumbPixels = new int[THUMB_W * THUMB_H];
    private final PixelBuffer<IntBuffer> thumbBuffer = new PixelBuffer<>(THUMB_W, THUMB_H,
            IntBuffer.wrap(thumbPixels), PixelFormat.getIntArgbPreInstance());
    private final WritableImage thumbImage = new WritableImage(thumbBuffer);
    private final double[] thumbLo = new double[THUMB_W];
    private final double[] thumbHi = new double[THUMB_W];
    private boolean thumbValid;

    PlotRenderer(PreviewSpec spec) {
        super(spec);
        this.spectrum = spec.kind() == PreviewKind.SPECTRUM;
        view.setId("preview-plot");
    }

    @Override
    Region view() {
        return view;
    }

    @Override
    void setRedrawRequest(Runnable r) {
        view.setOnResized(r);
    }

    @Override
    void accept(Frame[] lanes) {
        frame = lanes[0];
        if (!spec.y().isFixed()) {
            double min = Double.NaN;
            double max = Double.NaN;
            int n = frame.length();
            float[] data = frame.floats();
            for (int i = 0; i < n; i++) {
                double v = data[i];
                if (Double.isFinite(v)) {
                    if (!(v >= min)) {
                        min = v;
                    }
                    if (!(v <= max)) {
                        max = v;
                    }
                }
            }
            auto.update(min, max);
        }
    }

    /** Value of the y axis at the bottom of the plot. */
    private double yLo() {
        return spec.y().isFixed() ? spec.y().min() : auto.isEmpty() ? -1 : auto.lo();
    }

    /** Value of the y axis at the top of the plot. */
    private double yHi() {
        return spec.y().isFixed() ? spec.y().max() : auto.isEmpty() ? 1 : auto.hi();
    }

    @Override
    void draw() {
        double w = view.canvasWidth();
        double h = view.canvasHeight();
        if (w < 2 || h < 2) {
            return;
        }
        GraphicsContext gc = view.graphics();
        axes.layout(w, h, 14);
        int n = frame == null ? 0 : frame.length();
        PreviewAxis x = spec.x();
        long index = frame == null ? 0 : frame.index();
        double last = index + Math.max(1, n - 1);
        if (x.isFixed()) {
            axes.x(x.min(), x.max(), x.label(), x.unit());
        } else if (frame != null && frame.sampleRate() > 0) {
            double rate = frame.sampleRate();
            axes.x(index / rate, last / rate, or(x.label(), spectrum ? "frequency" : "time"),
                    or(x.unit(), spectrum ? "Hz" : "s"));
        } else {
            axes.x(index, last, or(x.label(), spectrum ? "bin" : "sample"), x.unit());
        }
        PreviewAxis y = spec.y();
        axes.y(yLo(), yHi(), or(y.label(), spectrum ? "magnitude" : "amplitude"),
                y.label().isEmpty() && y.unit().isEmpty() && spectrum ? "dB" : y.unit());
        axes.drawFrame(gc, w, h, theme, true);
        if (n == 0) {
            return;
        }
        trace(gc, n, theme.trace());
    }

    private static String or(String s, String fallback) {
        return s.isEmpty() ? fallback : s;
    }

    /**
     * Draws the frame's {@code n} samples as one vertical span per pixel column ({@link MinMax#trace}): axis-aligned
     * rectangles, which Prism fills without its path rasterizer. A stroked path through the same points cost the
     * render thread about 26 ms per picture for a 4096-point spectrum, the rectangles a fraction of that (see
     * {@code docs/architecture.md}, "Preview panels").
     */
    private void trace(GraphicsContext gc, int n, Color color) {
        int cols = (int) axes.width();
        if (lo.length < cols) {
            lo = new double[cols];
            hi = new double[cols];
        }
        MinMax.trace(frame.floats(), n, cols, lo, hi);
        double top = axes.top();
        double bottom = top + axes.height();
        gc.setFill(color);
        for (int c = 0; c < cols; c++) {
            if (Double.isNaN(lo[c])) {
                continue; // no finite sample here: a gap in the line
            }
            // Half a pixel more at each end: a flat stretch is a line of one to two pixels, never a hairline.
            double y0 = Math.floor(clamp(axes.py(hi[c]), top, bottom) - 0.5);
            double y1 = Math.ceil(clamp(axes.py(lo[c]), top, bottom) + 0.5);
            gc.fillRect(axes.left() + c, y0, 1, Math.max(1, y1 - y0));
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    @Override
    Axes axes() {
        return axes;
    }

    @Override
    boolean hasThumbnail() {
        return true;
    }

    @Override
    Image thumbnail() {
        return thumbValid ? thumbImage : null;
    }

    /** One vertical span per thumbnail column, from the column's min to its max. */
    @Override
    void updateThumbnail() {
        int bg = PreviewTheme.argb(theme.plot());
        int fg = PreviewTheme.argb(theme.trace());
        Arrays.fill(thumbPixels, bg);
        int n = frame == null ? 0 : frame.length();
        if (n > 0) {
            MinMax.trace(frame.floats(), n, THUMB_W, thumbLo, thumbHi);
            double yl = yLo();
            double span = yHi() - yl;
            for (int c = 0; c < THUMB_W; c++) {
                if (Double.isNaN(thumbLo[c])) {
                    continue;
                }
                int r0 = row(thumbHi[c], yl, span);
                int r1 = row(thumbLo[c], yl, span);
                for (int r = r0; r <= r1; r++) {
                    thumbPixels[r * THUMB_W + c] = fg;
                }
            }
        }
        thumbBuffer.updateBuffer(b -> null);
        thumbValid = true;
    }

    /** Thumbnail row of value {@code v}: the top row for the top of the range. */
    private static int row(double v, double lo, double span) {
        double r = (THUMB_H - 1) * (1 - (v - lo) / span);
        return r <= 0 ? 0 : r >= THUMB_H - 1 ? THUMB_H - 1 : (int) Math.round(r);
    }
}
