package dev.weir.engine.api.preview;

import java.util.List;
import java.util.Objects;

/**
 * What a preview shows and how its axes are labelled. Immutable; fixed for a run.
 *
 * @param kind       how to draw it (and which lanes it publishes, see {@link PreviewKind})
 * @param title      a caption for the panel, e.g. the node's name
 * @param x          the horizontal axis
 * @param y          the vertical axis (for plots: the value axis)
 * @param value      the colour axis of images (heatmap, waterfall): its label, unit and fixed range, or
 *                   {@link PreviewAxis#AUTO} for a range that follows the data
 * @param classNames names of detection classes by index (for boxes and tables); empty to show indices
 */
public record PreviewSpec(PreviewKind kind, String title, PreviewAxis x, PreviewAxis y, PreviewAxis value,
                          List<String> classNames) {

    public PreviewSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(value, "value");
        classNames = List.copyOf(classNames);
    }

    /** A spec with derived axes and no class names. */
    public static PreviewSpec of(PreviewKind kind, String title) {
        return new PreviewSpec(kind, title, PreviewAxis.AUTO, PreviewAxis.AUTO, PreviewAxis.AUTO, List.of());
    }
}
