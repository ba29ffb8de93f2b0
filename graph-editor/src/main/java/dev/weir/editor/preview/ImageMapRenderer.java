package dev.weir.editor.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.preview.PreviewAxis;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSpec;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;

import java.nio.IntBuffer;

/**
 * {@link PreviewKind#HEATMAP} and {@link PreviewKind#WATERFALL}: a real matrix drawn as a colour-mapped image
 * ({@link ColorMap#VIRIDIS}) with both axes labelled in the spec's units and a colour bar for the values.
 *
 * <pre>
 *  heatmap    matrix row r ──▶ image row rows-1-r   row 0 (y's minimum, e.g. the most negative velocity) at the bottom
 *  waterfall  matrix row r ──▶ image row r          spectra in time order, the newest (last) row at the bottom
 * </pre>
 * A fixed axis gives the values at the centres of the first and last row or column, so the image extends half a
 * cell beyond them. Otherwise a heatmap counts rows and columns; a waterfall's columns follow the frame's header as a
 * spectrum's bins do ({@code (index + c) / rate} Hz), and its rows count back from the newest. The value range is the
 * spec's fixed one, or an {@link AutoRange} over the frame's finite values; NaN cells ("no data yet") take the plot's
 * background colour. Cells are drawn without smoothing: each one stays a sharp rectangle, as a map of discrete bins
 * should look.
 *
 * <p>The image wraps the {@code int[]} the colour map writes into ({@code PixelBuffer}), so a frame costs one pass
 * over the matrix and one texture upload; the same image is the canvas thumbnail.
 */
final class ImageMapRenderer extends PreviewRenderer {

    /** Room at the right for the colour bar and its labels. */
    private static final double BAR_ROOM = 86;
    private static final double BAR_WIDTH = 14;

    /** The colour bar: one column of the colour map, highest value at the top. */
    private static final WritableImage BAR = bar();

    private final boolean waterfall;
    private final int rows;
    private final int cols;
    private final CanvasView view = new CanvasView();
    private final Axes axes = new Axes();
    private final AxisTicks valueTicks = new AxisTicks();
    private final AutoRange auto = new AutoRange();
    private final int[] pixels;
    private final PixelBuffer<IntBuffer> buffer;
    private final WritableImage image;
    private Frame frame;
    private double lo;
    private double hi;

    ImageMapRenderer(PreviewSpec spec, DataType.MatrixOf type) {
        super(spec);
        this.waterfall = spec.kind() == PreviewKind.WATERFALL;
        this.rows = type.rows().size();
        this.cols = type.cols().size();
        this.pixels = new int[rows * cols];
        this.buffer = new PixelBuffer<>(cols, rows, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
        this.image = new WritableImage(buffer);
        view.setId("preview-map");
    }

    private static WritableImage bar() {
        WritableImage img = new WritableImage(1, ColorMap.SIZE);
        for (int i = 0; i < ColorMap.SIZE; i++) {
            img.getPixelWriter().setArgb(0, ColorMap.SIZE - 1 - i, ColorMap.VIRIDIS.argb(i));
        }
        return img;
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
        paint();
    }

    /** Colours the pixels from {@link #frame}: its range first (fixed, or followed), then one pass over the cells. */
    private void paint() {
        float[] f = frame.floats();
        int n = rows * cols;
        if (spec.value().isFixed()) {
            lo = spec.value().min();
            hi = spec.value().max();
        } else {
            double min = Double.NaN;
            double max = Double.NaN;
            for (int i = 0; i < n; i++) {
                double v = f[i];
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
            lo = auto.isEmpty() ? 0 : auto.lo();
            hi = auto.isEmpty() ? 1 : auto.hi();
        }
        double scale = ColorMap.scale(lo, hi);
        ColorMap map = ColorMap.VIRIDIS;
        int none = PreviewTheme.argb(theme.plot());
        for (int r = 0; r < rows; r++) {
            int src = r * cols;
            int dst = (waterfall ? r : rows - 1 - r) * cols;
            for (int c = 0; c < cols; c++) {
                double v = f[src + c];
                pixels[dst + c] = Double.isNaN(v) ? none : map.argb(ColorMap.index(v, lo, scale));
            }
        }
        buffer.updateBuffer(b -> null);
    }

    @Override
    void draw() {
        double w = view.canvasWidth();
        double h = view.canvasHeight();
        if (w < 2 || h < 2) {
            return;
        }
        GraphicsContext gc = view.graphics();
        axes.layout(w, h, BAR_ROOM);
        PreviewAxis x = spec.x();
        if (x.isFixed()) {
            double half = cols > 1 ? (x.max() - x.min()) / (cols - 1) / 2 : 0.5;
            axes.x(x.min() - half, x.max() + half, x.label(), x.unit());
        } else if (waterfall && frame != null && frame.sampleRate() > 0) {
            double rate = frame.sampleRate();
            axes.x((frame.index() - 0.5) / rate, (frame.index() + cols - 0.5) / rate,
                    x.label().isEmpty() ? "frequency" : x.label(), x.unit().isEmpty() ? "Hz" : x.unit());
        } else {
            long first = waterfall && frame != null ? frame.index() : 0;
            axes.x(first - 0.5, first + cols - 0.5, x.label().isEmpty() ? (waterfall ? "bin" : "column") : x.label(),
                    x.unit());
        }
        PreviewAxis y = spec.y();
        if (y.isFixed()) {
            // Values at the first and last row: the first row is the bottom of a heatmap, the top of a waterfall.
            double half = rows > 1 ? (y.max() - y.min()) / (rows - 1) / 2 : 0.5;
            if (waterfall) {
                axes.y(y.max() + half, y.min() - half, y.label(), y.unit());
            } else {
                axes.y(y.min() - half, y.max() + half, y.label(), y.unit());
            }
        } else if (waterfall) {
            // The newest row is at the bottom: count rows back from it.
            axes.y(-0.5, rows - 0.5, y.label().isEmpty() ? "rows ago" : y.label(), y.unit());
        } else {
            axes.y(-0.5, rows - 0.5, y.label().isEmpty() ? "row" : y.label(), y.unit());
        }
        axes.drawFrame(gc, w, h, theme, false);
        if (frame != null) {
            gc.setImageSmoothing(false);
            gc.drawImage(image, axes.left(), axes.top(), axes.width(), axes.height());
        }
        drawColorBar(gc);
    }

    private void drawColorBar(GraphicsContext gc) {
        double bx = axes.left() + axes.width() + 14;
        double top = axes.top();
        double height = axes.height();
        gc.setImageSmoothing(false);
        gc.drawImage(BAR, bx, top, BAR_WIDTH, height);
        gc.setFill(theme.axis());
        gc.fillRect(bx - 1, top - 1, BAR_WIDTH + 2, 1);
        gc.fillRect(bx - 1, top + height, BAR_WIDTH + 2, 1);
        PreviewAxis v = spec.value();
        String label = v.label().isEmpty() ? (waterfall ? "magnitude" : "value") : v.label();
        String unit = v.label().isEmpty() && v.unit().isEmpty() && waterfall ? "dB" : v.unit();
        valueTicks.update(lo, hi, (int) (height / 36) + 1, label, unit);
        gc.setFill(theme.text());
        gc.setFont(Axes.FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < valueTicks.count(); i++) {
            double y = Math.round(top + height - (valueTicks.value(i) - lo) / (hi - lo) * height);
            gc.fillRect(bx + BAR_WIDTH, y, 4, 1);
            gc.fillText(valueTicks.label(i), bx + BAR_WIDTH + 6, y);
        }
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.fillText(valueTicks.title(), view.canvasWidth() - 6, top - 5);
    }

    /** New colours: the "no data" cells take the new background at once, not from the next frame on. */
    @Override
    void theme(PreviewTheme t) {
        super.theme(t);
        if (frame != null) {
            paint();
        }
    }

    @Override
    boolean hasThumbnail() {
        return true;
    }

    @Override
    Image thumbnail() {
        return frame == null ? null : image;
    }

    @Override
    Axes axes() {
        return axes;
    }

    /** The colour bar's ticks and title, as last drawn. */
    AxisTicks valueTicks() {
        return valueTicks;
    }
}
