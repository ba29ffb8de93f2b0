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
 * wraps ({@link Pixels}), one texture upload, one scaled {@code drawImage}. The image is made once per slot and
 * reused; the same image is the canvas thumbnail (without the boxes). Boxes are in pixels of the source image and are
 * scaled with it.
 */
final class VideoRenderer extends PreviewRenderer {

    private static final double BOX_LINE = 2;

    private final CanvasView view = new CanvasView();
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
        Frame img = lanes[0];
        boolean floats = img.storage() == dev.weir.engine.api.Storage.FLOAT;
        Pixels.toArgb(format, floats ? null : img.bytes(), floats ? img.floats() : null, width * height, pixels);
        buffer.updateBuffer(b -> null);
        boxes = boxFields != null && lanes.length > 1 ? lanes[1] : null;
        hasImage = true;
    }

    @Override
    void draw() {
        double w = view.canvasWidth();
        double h = view.canvasHeight();
        if (w < 2 || h < 2) {
            return;
        }
        GraphicsContext gc = view.graphics();
        gc.setFill(theme.background());
        gc.fillRect(0, 0, w, h);
        if (!hasImage) {
            return;
        }
        double scale = Math.min(w / width, h / height);
        double dw = width * scale;
        double dh = height * scale;
        double dx = Math.floor((w - dw) / 2);
        double dy = Math.floor((h - dh) / 2);
        gc.setImageSmoothing(true);
        gc.drawImage(image, dx, dy, dw, dh);
        if (boxes != null) {
            drawBoxes(gc, dx, dy, scale);
        }
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
