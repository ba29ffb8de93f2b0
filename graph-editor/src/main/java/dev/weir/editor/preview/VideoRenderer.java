package dev.weir.editor.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSpec;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.nio.IntBuffer;

/**
 * {@link PreviewKind#VIDEO}: lane 0's image, scaled to fit the panel with its aspect kept, and lane 1's detections
 * (when the slot has that lane) as class-coloured boxes labelled with class name and score.
 *
 * <p>Frame cost: one pass converting gray8, bgr24, rgb24 (or planar float) pixels into the {@code int[]} the image
 * wraps ({@link Pixels}); then, unless the panel shows it at exactly its own size, one nearest-pixel gather into a
 * second image of exactly the size shown, shown by an {@code ImageView} (a texture copied into the scene, no canvas to
 * rasterize first; boxes go on a transparent canvas above it, only for slots with a box lane). On Prism's
 * software pipeline (no GPU: Xvfb, remote desktops) a scaled, smoothed draw of a 720p picture into a large panel
 * kept its render thread busy at 17 pictures a second; see {@code benchmarks/preview-load.sh}. Both images are made once per slot and size and reused; the
 * full-size one is the canvas thumbnail (without the boxes). Boxes are in pixels of the source image and are scaled
 * with it.
 */
final class VideoRenderer extends PreviewRenderer {

    private static final double BOX_LINE = 2;

    /** The picture (an {@code ImageView}: Prism copies its texture straight into the scene) under the boxes. */
    private final javafx.scene.image.ImageView picture = new javafx.scene.image.ImageView();
    /** Boxes and labels only; hidden when the slot has no box lane, so a plain video draws no canvas at all. */
    private final CanvasView overlay = new CanvasView();
    /** Declared after the two it holds: field initializers run in order. */
    private final VideoView view = new VideoView();
    private final dev.weir.engine.api.PixelFormat format;
    private final int width;
    private final int height;
    private final int[] pixels;
    private final PixelBuffer<IntBuffer> buffer;
    private final WritableImage image;
    private final BoxFields boxFields;
    private final ClassLabels labels;
    private Frame boxes;
    private boolean hasImage;
    /** The picture at the size it is shown, when that differs from the source's; rebuilt when the size changes. */
    private int[] shown = new int[0];
    private PixelBuffer<IntBuffer> shownBuffer;
    private WritableImage shownImage;
    private int shownW;
    private int shownH;
    private int[] xMap = new int[0];
    private int[] yRow = new int[0];
    /** Whether {@link #shown} lags behind {@link #pixels}. */
    private boolean shownStale = true;

    VideoRenderer(PreviewSpec spec, DataType.ImageOf type, DataType.RecordsOf boxType) {
        super(spec);
        this.format = type.format();
        this.width = type.width().size();
        this.height = type.height().size();
        this.pixels = new int[width * height];
        this.buffer = new PixelBuffer<>(width, height, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
        this.image = new WritableImage(buffer);
        this.boxFields = boxType == null ? null : BoxFields.of(boxType.schema());
        this.labels = new ClassLabels(spec.classNames(), Font.font("System", FontWeight.BOLD, 12));
        view.setId("preview-video");
        overlay.setMinSize(0, 0);
        overlay.setMouseTransparent(true);
        overlay.setVisible(boxFields != null);
        theme(theme);
    }

    /** A resizable region that lays the overlay over its whole area and says when its size changed. */
    private final class VideoView extends Region {
        private Runnable onResized = () -> { };
        private double lastW = -1;
        private double lastH = -1;

        VideoView() {
            getChildren().addAll(picture, overlay);
            setMinSize(80, 60);
            setPrefSize(480, 280);
        }

        @Override
        protected void layoutChildren() {
            double w = Math.floor(getWidth());
            double h = Math.floor(getHeight());
            overlay.resizeRelocate(0, 0, w, h);
            if (w != lastW || h != lastH) {
                lastW = w;
                lastH = h;
                onResized.run();
            }
        }
    }

    @Override
    void theme(PreviewTheme t) {
        super.theme(t);
        view.setBackground(new javafx.scene.layout.Background(
                new javafx.scene.layout.BackgroundFill(t.background(), null, null)));
    }

    @Override
    Region view() {
        return view;
    }

    @Override
    void setRedrawRequest(Runnable r) {
        view.onResized = r;
    }

    @Override
    void accept(Frame[] lanes) {
        Frame img = lanes[0];
        boolean floats = img.storage() == dev.weir.engine.api.Storage.FLOAT;
        Pixels.toArgb(format, floats ? null : img.bytes(), floats ? img.floats() : null, width * height, pixels);
        buffer.updateBuffer(b -> null);
        boxes = boxFields != null && lanes.length > 1 ? lanes[1] : null;
        hasImage = true;
        shownStale = true;
    }

    @Override
    void draw() {
        double w = Math.floor(view.getWidth());
        double h = Math.floor(view.getHeight());
        if (w < 2 || h < 2 || !hasImage) {
            picture.setImage(null);
            return;
        }
        double scale = Math.min(w / width, h / height);
        double dx = Math.floor((w - width * scale) / 2);
        double dy = Math.floor((h - height * scale) / 2);
        int sw = Math.max(1, (int) Math.round(width * scale));
        int sh = Math.max(1, (int) Math.round(height * scale));
        picture.setImage(sw == width && sh == height ? image : shownAt(sw, sh));
        picture.relocate(dx, dy);
        if (boxFields != null) {
            GraphicsContext gc = overlay.graphics();
            gc.clearRect(0, 0, overlay.canvasWidth(), overlay.canvasHeight());
            if (boxes != null) {
                drawBoxes(gc, dx, dy, scale);
            }
        }
    }

    /**
     * The picture at {@code sw x sh}: the source pixel nearest each shown pixel's centre. The index maps and the image
     * are made again only when the shown size changes (a resize), the pixels only when a new picture came.
     */
    private WritableImage shownAt(int sw, int sh) {
        if (sw != shownW || sh != shownH) {
            shownW = sw;
            shownH = sh;
            shown = new int[sw * sh];
            shownBuffer = new PixelBuffer<>(sw, sh, IntBuffer.wrap(shown), PixelFormat.getIntArgbPreInstance());
            shownImage = new WritableImage(shownBuffer);
            xMap = new int[sw];
            for (int x = 0; x < sw; x++) {
                xMap[x] = Math.min(width - 1, (int) ((x + 0.5) * width / sw));
            }
            yRow = new int[sh];
            for (int y = 0; y < sh; y++) {
                yRow[y] = Math.min(height - 1, (int) ((y + 0.5) * height / sh)) * width;
            }
            shownStale = true;
        }
        if (shownStale) {
            int[] src = pixels;
            int[] dst = shown;
            int[] xs = xMap;
            for (int y = 0, o = 0; y < sh; y++) {
                int row = yRow[y];
                for (int x = 0; x < sw; x++) {
                    dst[o++] = src[row + xs[x]];
                }
            }
            shownBuffer.updateBuffer(b -> null);
            shownStale = false;
        }
        return shownImage;
    }

    private void drawBoxes(GraphicsContext gc, double dx, double dy, double scale) {
        gc.setLineWidth(BOX_LINE);
        gc.setFont(labels.font());
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        double labelHeight = labels.font().getSize() + 4;
        for (int r = 0; r < boxes.length(); r++) {
            double x1 = dx + boxFields.x1(boxes, r) * scale;
            double y1 = dy + boxFields.y1(boxes, r) * scale;
            double x2 = dx + boxFields.x2(boxes, r) * scale;
            double y2 = dy + boxFields.y2(boxes, r) * scale;
            int cls = boxFields.classId(boxes, r);
            gc.setStroke(ClassLabels.color(cls));
            gc.strokeRect(x1, y1, x2 - x1, y2 - y1);

            String name = labels.name(cls);
            String score = labels.score(boxFields.score(boxes, r));
            double nameW = labels.nameWidth(cls);
            double textW = nameW + (score.isEmpty() ? 0 : (nameW > 0 ? 5 : 0) + labels.scoreWidth());
            if (textW == 0) {
                continue;
            }
            // The label sits on the box's top edge, or just inside it when the box touches the image's top.
            double ly = y1 - labelHeight >= dy ? y1 - labelHeight : y1;
            double lx = x1 - BOX_LINE / 2;
            gc.setFill(ClassLabels.color(cls));
            gc.fillRect(lx, ly, textW + 8, labelHeight);
            gc.setFill(ClassLabels.textOn(cls));
            gc.fillText(name, lx + 4, ly + 2);
            if (!score.isEmpty()) {
                gc.fillText(score, lx + 4 + textW - labels.scoreWidth(), ly + 2);
            }
        }
    }

    @Override
    boolean hasThumbnail() {
        return true;
    }

    @Override
    Image thumbnail() {
        return hasImage ? image : null;
    }
}
