package dev.weir.editor.model;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The few lines of params drawn inside a node on the canvas ({@code FFT size  1024 samples}). Params the user set
 * away from their defaults come first, since they are what tells two nodes of one type apart; defaults fill the
 * remaining lines in declaration order.
 */
public final class ParamSummary {

    /** Lines drawn at most. */
    public static final int MAX_LINES = 3;
    /** Characters of a value shown before it is cut with an ellipsis. */
    static final int MAX_VALUE_CHARS = 22;

    private ParamSummary() {
    }

    /** One line: the param's label and its value with the unit. */
    public record Line(String label, String value) {
        @Override
        public String toString() {
            return label + "  " + value;
        }
    }

    /** The summary of a node of type {@code d} with the params {@code given} (defaults are filled in). */
    public static List<Line> lines(NodeDescriptor d, Params given) {
        Objects.requireNonNull(d, "descriptor");
        Params defaults = d.defaults();
        List<ParamSpec> changed = new ArrayList<>();
        List<ParamSpec> rest = new ArrayList<>();
        for (ParamSpec p : d.params()) {
            Object v = given.get(p.key());
            boolean differs = v != null && !v.equals(defaults.get(p.key()))
                    && !(v instanceof Long l && Double.valueOf(l).equals(defaults.get(p.key())));
            (differs ? changed : rest).add(p);
        }
        List<Line> out = new ArrayList<>();
        for (ParamSpec p : concat(changed, rest)) {
            if (out.size() == MAX_LINES) {
                break;
            }
            Object v = given.has(p.key()) ? given.get(p.key()) : p.defaultValue();
            out.add(new Line(p.label(), value(v, p.unit())));
        }
        return out;
    }

    /** A summary for a node whose type is unknown: its params as stored. */
    public static List<Line> lines(Params given) {
        List<Line> out = new ArrayList<>();
        for (String key : given.keys()) {
            if (out.size() == MAX_LINES) {
                break;
            }
            out.add(new Line(key, value(given.get(key), "")));
        }
        return out;
    }

    private static List<ParamSpec> concat(List<ParamSpec> a, List<ParamSpec> b) {
        List<ParamSpec> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String value(Object v, String unit) {
        String s = v instanceof String str && str.isEmpty() ? "(none)" : ParamText.format(v);
        if (s.length() > MAX_VALUE_CHARS) {
            s = s.substring(0, MAX_VALUE_CHARS - 1) + "…";
        }
        return unit.isEmpty() ? s : s + " " + unit;
    }
}
