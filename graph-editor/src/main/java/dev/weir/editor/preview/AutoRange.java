package dev.weir.editor.preview;

/**
 * An axis range that follows the data without jittering: it grows at once to take in data that leaves it, and
 * shrinks only after the data has used less than a third of it for {@value #SHRINK_AFTER} updates in a row. Bounds
 * are rounded outwards to a nice step, so a noisy signal keeps one set of tick labels (which also keeps
 * {@link AxisTicks} from building new label strings every frame).
 *
 * <p>Pure Java, tested without a toolkit. Not thread-safe.
 */
final class AutoRange {

    /** Consecutive updates with data in a small part of the range before it shrinks (about half a second). */
    static final int SHRINK_AFTER = 30;

    private double lo = Double.NaN;
    private double hi = Double.NaN;
    private int small;

    /**
     * Takes in the extent of the newest data.
     *
     * @param dataMin smallest finite value, or NaN when the data has none
     * @param dataMax largest finite value, or NaN
     * @return whether the range changed
     */
    boolean update(double dataMin, double dataMax) {
        if (Double.isNaN(dataMin) || Double.isNaN(dataMax)) {
            return false;
        }
        if (isEmpty() || dataMin < lo || dataMax > hi) {
            small = 0;
            return fit(dataMin, dataMax);
        }
        if (dataMax - dataMin < (hi - lo) / 3) {
            if (++small >= SHRINK_AFTER) {
                small = 0;
                return fit(dataMin, dataMax);
            }
        } else {
            small = 0;
        }
        return false;
    }

    /** Forgets the range; the next update fits the data afresh. */
    void reset() {
        lo = Double.NaN;
        hi = Double.NaN;
        small = 0;
    }

    /** Whether no data has been seen since the last reset. */
    boolean isEmpty() {
        return Double.isNaN(lo);
    }

    /** Lower bound; NaN before the first update. */
    double lo() {
        return lo;
    }

    /** Upper bound; NaN before the first update. */
    double hi() {
        return hi;
    }

    /**
     * Bounds around {@code min..max} with a 5 % margin on each side, rounded outwards to a nice step of about a
     * twentieth of the span (so the data fills most of the range).
     */
    private boolean fit(double min, double max) {
        double span = max - min;
        if (span <= 0) {
            // A constant: centre it in a range of its own magnitude (or 1 around zero).
            span = min == 0 ? 1 : Math.abs(min) * 0.2;
            min -= span / 2;
            max += span / 2;
        }
        double step = AxisTicks.niceStep(span * 1.1, 21);
        double newLo = Math.floor((min - span * 0.05) / step) * step;
        double newHi = Math.ceil((max + span * 0.05) / step) * step;
        boolean changed = newLo != lo || newHi != hi;
        lo = newLo;
        hi = newHi;
        return changed;
    }
}
