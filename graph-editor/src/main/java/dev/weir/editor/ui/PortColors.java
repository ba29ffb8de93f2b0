package dev.weir.editor.ui;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.ElementType;
import javafx.scene.paint.Color;

/**
 * The colour of a port and its edges by data type: the hue tells the kind (streams blue, vectors green, matrices
 * orange, images pink, records gold), complex elements shift it, and an unknown or unresolved type is grey. The
 * port's tooltip spells the type out, so colour is never the only cue.
 */
public final class PortColors {

    /** Ports whose type is unknown or chosen by a param that does not resolve. */
    public static final Color UNKNOWN = Color.gray(0.55);

    private PortColors() {
    }

    /** The colour for {@code type} (null for unknown). */
    public static Color of(DataType type) {
        return switch (type) {
            case null -> UNKNOWN;
            case DataType.SampleStream s -> tone(210, s.element());
            case DataType.VectorOf v -> tone(140, v.element());
            case DataType.MatrixOf m -> tone(28, m.element());
            case DataType.ImageOf i -> Color.hsb(325, 0.6, 0.85);
            case DataType.RecordsOf r -> Color.hsb(48, 0.8, 0.8);
            case DataType.ByParam b -> UNKNOWN;
        };
    }

    private static Color tone(double hue, ElementType e) {
        return switch (e) {
            case FLOAT32 -> Color.hsb(hue, 0.70, 0.90);
            case FLOAT64 -> Color.hsb(hue, 0.90, 0.70);
            case COMPLEX64 -> Color.hsb(hue + 50, 0.65, 0.90);
            case COMPLEX128 -> Color.hsb(hue + 50, 0.90, 0.70);
            case UINT8, INT64 -> Color.hsb(hue - 25, 0.55, 0.75);
        };
    }
}
