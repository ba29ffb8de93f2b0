package dev.weir.editor.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.preview.PreviewSpec;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * Draws one preview slot's lanes, in the layout its {@link dev.weir.engine.api.preview.PreviewKind} fixes. One
 * renderer per kind; {@link #create} picks it and checks the lane types first, so a slot a renderer cannot read
 * shows a message instead of failing on every frame.
 *
 * <h2>How the methods are called</h2>
 * All on the FX thread, by the {@link PreviewBoard}, at most once per pulse and at most 60 times a second:
 * <ul>
 *   <li>{@link #accept} with the lanes just acquired from the slot. They stay valid and unchanged until the next
 *       acquire, so a renderer keeps a reference instead of copying; it converts only what must exist between
 *       frames (image pixels, which the thumbnail shares);</li>
 *   <li>{@link #draw} when the panel is showing and has new data, was resized, or was just shown again;</li>
 *   <li>{@link #updateThumbnail} after {@link #accept} while canvas thumbnails are on.</li>
 * </ul>
 * None of them allocates per frame beyond what JavaFX itself does (its canvas command buffer, its texture upload);
 * arrays and images are made when a size changes.
 */
abstract class PreviewRenderer {

    final PreviewSpec spec;
    PreviewTheme theme = PreviewTheme.LIGHT;

    PreviewRenderer(PreviewSpec spec) {
        this.spec = spec;
    }

    /** The panel's content. */
    abstract Region view();

    /** Takes the newest lanes. */
    abstract void accept(Frame[] lanes);

    /** Draws the panel from the lanes last accepted (or an empty frame when there were none). */
    abstract void draw();

    /**
     * The plot area and its axes as last drawn, in the coordinates of {@link #view()}; null for kinds drawn without
     * axes (video, table) and before the first draw.
     */
    Axes axes() {
        return null;
    }

    /** Brings the thumbnail up to date with the lanes last accepted. */
    void updateThumbnail() {
    }

    /** The picture shown on the canvas under the node, or null when this kind has none or nothing came yet. */
    Image thumbnail() {
        return null;
    }

    /** Whether this kind has a canvas thumbnail at all. */
    boolean hasThumbnail() {
        return false;
    }

    /** Least time between two frames taken from the slot; 0 for the board's 60 fps cap alone. */
    long minIntervalNanos() {
        return 0;
    }

    /** Switches colours; the next {@link #draw} uses them. */
    void theme(PreviewTheme t) {
        this.theme = t;
    }

    /** Called with a {@link Runnable} that asks the board for a {@link #draw} (after a resize). */
    abstract void setRedrawRequest(Runnable r);

    /**
     * The renderer for {@code spec} and {@code lanes}, or one that shows why the lanes cannot be drawn as that kind.
     */
    static PreviewRenderer create(PreviewSpec spec, List<DataType> lanes) {
        String why = whyNot(spec, lanes);
        if (why != null) {
            return new MessageRenderer(spec, why);
        }
        return switch (spec.kind()) {
            case TIME_PLOT, SPECTRUM -> new PlotRenderer(spec);
            case WATERFALL, HEATMAP -> new ImageMapRenderer(spec, (DataType.MatrixOf) lanes.getFirst());
            case VIDEO -> new VideoRenderer(spec, (DataType.ImageOf) lanes.getFirst(),
                    lanes.size() > 1 ? (DataType.RecordsOf) lanes.get(1) : null);
            case DETECTIONS -> new DetectionsRenderer(spec, (DataType.RecordsOf) lanes.getFirst());
        };
    }

    /** Why {@code lanes} cannot be shown as {@code spec.kind()}, or null when they can. */
    static String whyNot(PreviewSpec spec, List<DataType> lanes) {
        DataType first = lanes.getFirst();
        String kind = spec.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String cannot = "Cannot show " + first.describe() + " as a " + kind + ": ";
        switch (spec.kind()) {
            case TIME_PLOT, SPECTRUM -> {
                ElementType e = first instanceof DataType.VectorOf v ? v.element()
                        : first instanceof DataType.SampleStream s ? s.element() : null;
                if (e == null) {
                    return cannot + "expected a vector or a stream";
                }
                if (e != ElementType.FLOAT32) {
                    return cannot + "expected real float32 samples";
                }
            }
            case WATERFALL, HEATMAP -> {
                if (!(first instanceof DataType.MatrixOf m) || m.element() != ElementType.FLOAT32) {
                    return cannot + "expected a matrix of real float32";
                }
            }
            case VIDEO -> {
                if (!(first instanceof DataType.ImageOf)) {
                    return cannot + "expected an image";
                }
                if (lanes.size() > 1) {
                    if (!(lanes.get(1) instanceof DataType.RecordsOf r)) {
                        return "Cannot draw " + lanes.get(1).describe() + " as boxes: expected detection records";
                    }
                    String boxes = boxProblem(r);
                    if (boxes != null) {
                        return boxes;
                    }
                }
            }
            case DETECTIONS -> {
                if (!(first instanceof DataType.RecordsOf r)) {
                    return cannot + "expected detection records";
                }
                return boxProblem(r);
            }
        }
        return null;
    }

    private static String boxProblem(DataType.RecordsOf r) {
        try {
            BoxFields.of(r.schema());
            return null;
        } catch (IllegalArgumentException e) {
            return "Cannot draw detections: " + e.getMessage();
        }
    }

}
