package dev.weir.nodes.vision;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputFiles;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.TypeInference;
import dev.weir.engine.api.WorkStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code vision.draw_boxes}: draws detection boxes ({@link RecordSchema#BOXES}, as {@code vision.yolo} outputs
 * them) onto a copy of an image: a class-coloured outline and, optionally, a label with the class name and the
 * score in a tiny built-in font ({@link BitmapFont}).
 *
 * <h2>Pairing images with boxes</h2>
 * One boxes list is taken per image, in arrival order: image N is drawn with the N-th boxes list to arrive, and the
 * node waits for that list before it draws image N. Indexes are not compared, so the rule is the same whatever
 * feeds the boxes:
 * <pre>
 *   camera ──▶ vision.yolo ──▶ boxes ┐                 image N gets the boxes of image N (it waits for the
 *      └──────────────────▶ image ──┴▶ draw_boxes      detector, so the drawn stream lags by one inference)
 *
 *   camera ──▶ vision.yolo ──z^-1──▶ boxes ┐           image 0 gets the delay's empty list, image N the boxes
 *      └────────────────────────▶ image ──┴▶ draw      of image N-1 (the seed's "one-step lag")
 * </pre>
 * When the boxes input is not connected, or its stream has ended, images pass through unchanged. Once the images
 * have ended, boxes still arriving are taken and dropped, so both streams end.
 *
 * <h2>Drawing</h2>
 * A box {@code (cx, cy, w, h)} covers the pixels {@code [round(cx - w/2), round(cx + w/2))} by
 * {@code [round(cy - h/2), round(cy + h/2))}; its outline is {@code thickness} pixels wide, drawn inside that
 * rectangle, in the class's colour from Ultralytics' 20-colour palette ({@link Drawing#PALETTE}). The label
 * ("dog 93%") sits on a filled bar of the same colour above the box, or inside its top edge when there is no room
 * above; the text is black or white, whichever contrasts with the bar. Boxes are drawn in list order, so where
 * they overlap the later one is on top (with {@code vision.yolo}'s best-first lists, the weaker one). Everything
 * is clipped to the image.
 *
 * <p>Class names for labels: the {@code class_names} param names an ONNX model (its {@code names} metadata) or a
 * text file with one name per line; empty uses the bundled COCO names ({@link ClassNames}). A class id without a
 * name is drawn as its number.
 *
 * <h2>Threads and allocation</h2>
 * COOPERATIVE: copying and drawing one 768x576 image takes well under a millisecond. {@code open} reads the
 * names and allocates the label buffers; {@code process} copies each image into the output frame (input frames
 * are shared and read-only) and draws; it allocates nothing. {@code thickness}, {@code labels} and
 * {@code font_scale} can change while running.
 */
public final class DrawBoxesNode implements Processor {

    /** Node type id. */
    public static final String ID = "vision.draw_boxes";

    /** Longest name drawn; longer names are cut. */
    static final int MAX_NAME = 32;
    /** Images handled per call at most, to keep a cooperative call short. */
    private static final int MAX_FRAMES_PER_CALL = 4;

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder(ID, 1)
                .label("Draw boxes")
                .category("Video/Vision")
                .description("Draws detection boxes (class-coloured outlines, optional name and score labels) on a "
                        + "copy of the image; one boxes list per image, in arrival order.")
                .param(YoloNode.formatParam())
                .param(ParamSpec.integer("thickness", "Thickness", 2, 1, 64, "px", true, "Outline width."))
                .param(ParamSpec.bool("labels", "Labels", true, true, "Draw the class name and score above each box."))
                .param(ParamSpec.integer("font_scale", "Font scale", 2, 1, 8, "", true,
                        "Label font size: 1 draws 5x7-pixel characters, 2 doubles them."))
                .param(new ParamSpec("class_names", "Class names", new ParamType.PathType(ParamType.PathMode.READ_FILE),
                        "", "", false, "An ONNX model (its names metadata) or a text file of one name per line; "
                        + "empty for the 80 COCO names."))
                .input(PortSpec.of("image", YoloNode.imageType(), "Image to draw on (not modified)."))
                .input(PortSpec.of("boxes", new DataType.RecordsOf(RecordSchema.BOXES, Dim.any()),
                        "Boxes in image pixels, one list per image (a delay edge gives image N the boxes of N-1)."
                ).asOptional())
                .output(PortSpec.of("image", YoloNode.imageType(), "A copy of the image with the boxes drawn."))
                .infer(TypeInference.imageSizeFrom("image"))
                .factory(DrawBoxesNode::new)
                .build();
    }

    private String who;
    private int width;
    private int height;
    private boolean bgr;
    private int thickness;
    private boolean labels;
    private int scale;
    private char[][] names;
    private char[] label;
    private InputPort image;
    private InputPort boxes;
    private OutputPort out;

    /**
     * Reads the class names and checks the image size. Called once on the worker thread; may read a file.
     *
     * @throws IllegalArgumentException naming the node and the file when the names cannot be read
     */
    @Override
    public void open(ProcessorContext context) throws IOException {
        Params p = context.params();
        who = "node '" + context.nodeId() + "' (" + ID + ")";
        ResolvedPort in = context.inputs().getFirst();
        if (!(in.type() instanceof DataType.ImageOf img) || !img.isResolved()) {
            throw new IllegalArgumentException(who + ": the size of input 'image' is not known ("
                    + in.type().describe() + "); connect it to an output that states its image size");
        }
        width = img.width().size();
        height = img.height().size();
        bgr = img.format() == PixelFormat.BGR24;
        names = toChars(readNames(p.getString("class_names")));
        label = new char[MAX_NAME + 8];
        readHotParams(p);
    }

    private List<String> readNames(String path) throws IOException {
        if (path.isEmpty()) {
            return ClassNames.coco80();
        }
        Path file = InputFiles.resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(who + ": class names file '" + file.toAbsolutePath()
                    + "' does not exist (param 'class_names')");
        }
        try {
            return ClassNames.read(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(who + ": cannot read class names from '" + file.toAbsolutePath()
                    + "': " + e.getMessage(), e);
        }
    }

    private static char[][] toChars(List<String> names) {
        char[][] out = new char[names.size()][];
        for (int i = 0; i < out.length; i++) {
            String n = BitmapFont.normalise(names.get(i));
            out[i] = (n.length() > MAX_NAME ? n.substring(0, MAX_NAME) : n).toCharArray();
        }
        return out;
    }

    private void readHotParams(Params p) {
        thickness = p.getInt("thickness");
        labels = p.getBoolean("labels");
        scale = p.getInt("font_scale");
    }

    /** Takes the new look from the next image on. Called on the worker thread; allocates nothing. */
    @Override
    public void onParamsChanged(Params previous, Params next) {
        readHotParams(next);
    }

    /**
     * Draws up to a few images, each with its own boxes list (see the pairing rule in the class doc). Returns at
     * once when an image or its boxes are missing, or the output is full; allocates nothing.
     */
    @Override
    public WorkStatus process(Inputs ins, Outputs outs) {
        if (image == null) {
            image = ins.port(0);
            boxes = ins.port(1);
            out = outs.port(0);
        }
        boolean progress = false;
        for (int n = 0; n < MAX_FRAMES_PER_CALL; n++) {
            if (image.available() == 0) {
                if (image.isEndOfStream()) {
                    // No image will need these boxes: take them, so that their stream can end too.
                    while (boxes.available() > 0) {
                        boxes.release();
                        progress = true;
                    }
                }
                break;
            }
            boolean haveBoxes = boxes.available() > 0;
            if (!haveBoxes && !boxes.isEndOfStream()) {
                break; // this image's boxes have not arrived yet
            }
            if (out.remaining() == 0) {
                return progress ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
            }
            Frame src = image.peek();
            Frame dst = out.claim();
            dst.copyFrom(src);
            if (haveBoxes) {
                draw(boxes.peek(), dst.bytes());
                boxes.release();
            }
            out.publish();
            image.release();
            progress = true;
        }
        return progress ? WorkStatus.OK : WorkStatus.NEED_INPUT;
    }

    /** Draws every box of {@code list} onto {@code img}, in list order. */
    private void draw(Frame list, byte[] img) {
        int n = list.length();
        for (int r = 0; r < n; r++) {
            double cx = list.recordDouble(r, YoloNode.F_CX);
            double cy = list.recordDouble(r, YoloNode.F_CY);
            double w = list.recordDouble(r, YoloNode.F_W);
            double h = list.recordDouble(r, YoloNode.F_H);
            if (!(Double.isFinite(cx) && Double.isFinite(cy) && Double.isFinite(w) && Double.isFinite(h))) {
                continue;
            }
            long cls = list.recordLong(r, YoloNode.F_CLASS);
            int rgb = Drawing.classColour(cls);
            byte c0 = (byte) (bgr ? rgb : rgb >>> 16);
            byte c1 = (byte) (rgb >>> 8);
            byte c2 = (byte) (bgr ? rgb >>> 16 : rgb);
            int x1 = pixel(cx - w / 2);
            int x2 = pixel(cx + w / 2);
            int y1 = pixel(cy - h / 2);
            int y2 = pixel(cy + h / 2);
            Drawing.outline(img, width, height, x1, y1, x2, y2, thickness, c0, c1, c2);
            if (labels) {
                drawLabel(img, x1, y1, cls, list.recordDouble(r, YoloNode.F_SCORE), rgb, c0, c1, c2);
            }
        }
    }

    /** A coordinate rounded to a pixel edge, kept far from int overflow (the drawing clips anyway). */
    private static int pixel(double v) {
        return (int) Math.rint(Math.clamp(v, -1e7, 1e7));
    }

    private void drawLabel(byte[] img, int x1, int y1, long cls, double score, int rgb, byte c0, byte c1, byte c2) {
        int n = labelText(cls, score);
        int s = scale;
        int barW = BitmapFont.width(n, s) + 2 * s;
        int barH = (BitmapFont.HEIGHT + 2) * s;
        int top = y1 - barH >= 0 ? y1 - barH : y1;
        Drawing.fill(img, width, height, x1, top, barW, barH, c0, c1, c2);
        // Black text on light bars, white on dark ones (luma of the bar colour, ITU-R BT.601 weights).
        int luma = (299 * (rgb >>> 16 & 0xFF) + 587 * (rgb >>> 8 & 0xFF) + 114 * (rgb & 0xFF)) / 1000;
        byte ink = luma > 150 ? 0 : (byte) 0xFF;
        BitmapFont.draw(img, width, height, label, n, x1 + s, top + s, s, ink, ink, ink);
    }

    /** Fills {@link #label} with "name 93%" (or "17 93%" for a class without a name); returns its length. */
    private int labelText(long cls, double score) {
        int n = 0;
        if (cls >= 0 && cls < names.length) {
            char[] name = names[(int) cls];
            System.arraycopy(name, 0, label, 0, name.length);
            n = name.length;
        } else {
            n = digits(Math.clamp(cls, -999_999, 9_999_999), n);
        }
        label[n++] = ' ';
        n = digits(Math.clamp(Math.round(score * 100), 0, 100), n);
        label[n++] = '%';
        return n;
    }

    /** Writes {@code v} in decimal at {@code label[at]}; returns the index after it. */
    private int digits(long v, int at) {
        if (v < 0) {
            label[at++] = '-';
            v = -v;
        }
        int len = 1;
        for (long t = v; t >= 10; t /= 10) {
            len++;
        }
        for (int i = at + len - 1; i >= at; i--) {
            label[i] = (char) ('0' + v % 10);
            v /= 10;
        }
        return at + len;
    }
}
