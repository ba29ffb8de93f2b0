package dev.weir.engine.api.preview;

import java.util.Objects;

/**
 * One labelled axis of a preview. {@code min} and {@code max} are the values at the first and the last
 * sample (bin, row, column) of the data; NaN for both means "derive it" (from the sample rate, or the data).
 *
 * @param label what the axis shows, e.g. "range"
 * @param unit  its unit, e.g. "m", or "" for none
 * @param min   value at the first sample, or NaN
 * @param max   value at the last sample, or NaN
 */
public record PreviewAxis(String label, String unit, double min, double max) {

    /** An axis with no label whose range is derived. */
    public static final PreviewAxis AUTO = new PreviewAxis("", "", Double.NaN, Double.NaN);

    public PreviewAxis {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        if (Double.isNaN(min) != Double.isNaN(max)) {
            throw new IllegalArgumentException("axis '" + label + "': give both min and max, or neither");
        }
    }

    /** A labelled axis whose range is derived. */
    public static PreviewAxis auto(String label, String unit) {
        return new PreviewAxis(label, unit, Double.NaN, Double.NaN);
    }

    /** Whether min and max are given. */
    public boolean isFixed() {
        return !Double.isNaN(min);
    }

    /** "label (unit)", or just the label when there is no unit. */
    public String title() {
        return unit.isEmpty() ? label : label + " (" + unit + ")";
    }
}
