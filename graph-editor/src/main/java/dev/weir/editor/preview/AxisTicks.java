package dev.weir.editor.preview;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Ticks and labels of one plot axis: "nice" steps (1, 2 or 5 times a power of ten), labels with just enough decimals,
 * and an SI prefix moved into the axis title ("frequency (kHz)" with ticks 0, 5, 10, 15, 20 rather than 0, 5000, ...).
 *
 * <p>Labels are strings, and building strings allocates; {@link #update} therefore does nothing when the range, the
 * length and the text are unchanged, and otherwise keeps the labels of tick values it already made while the step
 * stays the same. A steady axis costs nothing per frame, and a sliding one (a time plot whose x axis follows the
 * stream) makes a string only when a new tick enters. Auto-ranged axes keep still for the same reason (see
 * {@link AutoRange}). Pure Java, tested without a toolkit. Not thread-safe.
 */
final class AxisTicks {

    /** Most ticks on one axis, whatever its length. */
    static final int MAX_TICKS = 32;

    private static final String[] PREFIXES = {"n", "µ", "m", "", "k", "M", "G"};
    /** Labels kept per step: twice the most ticks, so a sliding axis finds last frame's labels in place. */
    private static final int CACHE = 2 * MAX_TICKS;

    private final double[] values = new double[MAX_TICKS];
    private final String[] labels = new String[MAX_TICKS];
    private int count;
    private String title = "";

    private double lastMin = Double.NaN;
    private double lastMax = Double.NaN;
    private int lastMaxTicks = -1;
    private String lastLabel;
    private String lastUnit;

    /** Labels by tick number {@code k} (value {@code k * step}), for one step, prefix and precision. */
    private final long[] cachedK = new long[CACHE];
    private final String[] cachedLabel = new String[CACHE];
    private double cachedStep = Double.NaN;
    private int cachedExponent;
    private int cachedDecimals = -1;

    /**
     * Lays out ticks for the range {@code min..max} with at most {@code maxTicks} of them.
     *
     * @param label axis label, e.g. "range"
     * @param unit  unit, e.g. "m", or "" for none
     * @return whether anything changed since the last call
     */
    boolean update(double min, double max, int maxTicks, String label, String unit) {
        if (min == lastMin && max == lastMax && maxTicks == lastMaxTicks && label.equals(lastLabel)
                && unit.equals(lastUnit)) {
            return false;
        }
        lastMin = min;
        lastMax = max;
        lastMaxTicks = maxTicks;
        lastLabel = label;
        lastUnit = unit;
        count = 0;
        if (!(max > min) || Double.isInfinite(max - min)) {
            title = title(label, "", unit);
            return true;
        }
        double step = niceStep(max - min, Math.max(2, Math.min(maxTicks, MAX_TICKS)));
        int exponent = prefixExponent(Math.max(Math.abs(min), Math.abs(max)), unit);
        double factor = Math.pow(10, exponent);
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(step / factor) + 1e-9));
        if (step != cachedStep || exponent != cachedExponent || decimals != cachedDecimals) {
            java.util.Arrays.fill(cachedLabel, null);
            cachedStep = step;
            cachedExponent = exponent;
            cachedDecimals = decimals;
        }
        long first = (long) Math.ceil(min / step - 1e-9);
        for (long k = first; count < MAX_TICKS; k++) {
            double v = k * step;
            if (v > max + step * 1e-9) {
                break;
            }
            int slot = (int) Math.floorMod(k, (long) CACHE);
            if (cachedLabel[slot] == null || cachedK[slot] != k) {
                cachedK[slot] = k;
                cachedLabel[slot] = format(v / factor, decimals);
            }
            values[count] = v;
            labels[count] = cachedLabel[slot];
            count++;
        }
        title = title(label, PREFIXES[exponent / 3 + 3], unit);
        return true;
    }

    /** Number of ticks. */
    int count() {
        return count;
    }

    /** Value of tick {@code i} in the axis's units (no prefix applied). */
    double value(int i) {
        return values[i];
    }

    /** Text of tick {@code i}, scaled by the title's prefix. */
    String label(int i) {
        return labels[i];
    }

    /** "label (prefix unit)", "label", "unit" or "". */
    String title() {
        return title;
    }

    /**
     * The nice step (1, 2 or 5 times a power of ten) that splits {@code span} into at most {@code maxTicks - 1}
     * intervals, the smallest such step.
     */
    static double niceStep(double span, int maxTicks) {
        double raw = span / Math.max(1, maxTicks - 1);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double[] mantissas = {1, 2, 5, 10};
        for (double m : mantissas) {
            double step = m * magnitude;
            if (step >= raw * (1 - 1e-9)) {
                return step;
            }
        }
        return 10 * magnitude;
    }

    /**
     * The power of ten (a multiple of 3 from -9 to 9) of the SI prefix for values up to {@code maxAbs} in
     * {@code unit}: none from 0.1 to 9999, where plain numbers read well (a range of 1200 m stays in metres), and
     * none for units that take no prefix (none, decibels, percent, degrees).
     */
    static int prefixExponent(double maxAbs, String unit) {
        if (unit.isEmpty() || unit.startsWith("dB") || unit.equals("%") || unit.startsWith("°")
                || unit.startsWith("deg") || !(maxAbs > 0) || Double.isInfinite(maxAbs)
                || maxAbs >= 0.1 && maxAbs < 1e4) {
            return 0;
        }
        int e = (int) Math.floor(Math.log10(maxAbs) / 3 + 1e-9) * 3;
        return Math.max(-9, Math.min(9, e));
    }

    /** {@code v} with exactly {@code decimals} decimals, never "-0". */
    static String format(double v, int decimals) {
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        if (s.startsWith("-") && s.chars().allMatch(c -> c == '-' || c == '0' || c == '.')) {
            return s.substring(1);
        }
        return s;
    }

    private static String title(String label, String prefix, String unit) {
        String u = unit.isEmpty() ? "" : prefix + unit;
        if (label.isEmpty()) {
            return u;
        }
        return u.isEmpty() ? label : label + " (" + u + ")";
    }
}
