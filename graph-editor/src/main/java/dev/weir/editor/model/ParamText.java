package dev.weir.editor.model;

import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Text forms of param values, for the inspector's fields and the summaries drawn on nodes: {@link #format} and
 * {@link #parse}, which checks a typed value against its {@link ParamType} as the user types, with the same
 * message the validator gives.
 *
 * <p>Numbers accept an SI suffix ({@code 48k}, {@code 2.4G}, {@code 10m}) and {@code _} between digits; lists are
 * comma-separated ({@code 1000, 5250}).
 */
public final class ParamText {

    private ParamText() {
    }

    /**
     * The outcome of {@link #parse}: a normalised value that passes its type, or the reason it does not.
     *
     * @param value   the canonical value, or null when the text is not acceptable
     * @param problem why not, as the end of a sentence about the param ({@code must be in 2..1048576, was 1}), or
     *                null when acceptable
     */
    public record Parsed(Object value, String problem) {
        /** Whether the text gave an acceptable value. */
        public boolean ok() {
            return problem == null;
        }

        static Parsed bad(String problem) {
            return new Parsed(null, problem);
        }
    }

    /** The text a field shows for {@code value}, a normalised param value. */
    public static String format(Object value) {
        return switch (value) {
            case null -> "";
            case Double d -> formatReal(d);
            case List<?> l -> {
                StringBuilder sb = new StringBuilder();
                for (Object o : l) {
                    if (!sb.isEmpty()) {
                        sb.append(", ");
                    }
                    sb.append(format(o));
                }
                yield sb.toString();
            }
            default -> value.toString();
        };
    }

    /** {@code 48000} rather than {@code 48000.0}, {@code 0.01}, {@code 1.0E-9}. */
    static String formatReal(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /**
     * Reads {@code text} as a value of {@code type} and checks it: kind, limits, list length.
     */
    public static Parsed parse(String text, ParamType type) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Object raw;
        String t = text.strip();
        switch (type) {
            case ParamType.IntType it -> {
                Long exact = plainLong(t);
                if (exact != null) {
                    raw = exact;
                } else {
                    Double d = number(t);
                    if (d == null || d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
                        return Parsed.bad("must be an integer, was '" + text + "'");
                    }
                    raw = (long) (double) d;
                }
            }
            case ParamType.RealType rt -> {
                Double d = number(t);
                if (d == null) {
                    return Parsed.bad("must be a number, was '" + text + "'");
                }
                raw = d;
            }
            case ParamType.BoolType bt -> {
                String l = t.toLowerCase(Locale.ROOT);
                if (l.equals("true") || l.equals("yes") || l.equals("on") || l.equals("1")) {
                    raw = true;
                } else if (l.equals("false") || l.equals("no") || l.equals("off") || l.equals("0")) {
                    raw = false;
                } else {
                    return Parsed.bad("must be true or false, was '" + text + "'");
                }
            }
            case ParamType.RealListType lt -> {
                List<Object> items = new ArrayList<>();
                if (!t.isEmpty()) {
                    String[] parts = t.split("[,;\\s]+");
                    for (int i = 0; i < parts.length; i++) {
                        if (parts[i].isEmpty()) {
                            continue;
                        }
                        Double d = number(parts[i]);
                        if (d == null) {
                            return Parsed.bad("element " + i + " must be a number, was '" + parts[i] + "'");
                        }
                        items.add(d);
                    }
                }
                raw = items;
            }
            // Text, choice and path values are taken as typed: spaces may matter in a file name.
            default -> raw = text;
        }
        ParamType.Result r = type.check(Params.of("v", raw).get("v"));
        return r.ok() ? new Parsed(r.value(), null) : Parsed.bad(r.problem());
    }

    /** Integers above 2^53 lose digits as doubles, so plain integers are parsed exactly. */
    private static Long plainLong(String t) {
        try {
            return Long.parseLong(t.replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number with an optional SI suffix, or null. */
    static Double number(String text) {
        String t = text.strip().replace("_", "");
        if (t.isEmpty()) {
            return null;
        }
        double scale = 1;
        char last = t.charAt(t.length() - 1);
        switch (last) {
            case 'k' -> scale = 1e3;
            case 'M' -> scale = 1e6;
            case 'G' -> scale = 1e9;
            case 'T' -> scale = 1e12;
            case 'm' -> scale = 1e-3;
            case 'u', 'µ' -> scale = 1e-6;
            case 'n' -> scale = 1e-9;
            default -> {
            }
        }
        if (scale != 1) {
            t = t.substring(0, t.length() - 1).strip();
        }
        // Double.parseDouble also takes "NaN", "Infinity" and hex floats; a param field wants plain decimals.
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double d = Double.parseDouble(t) * scale;
        return Double.isFinite(d) ? d : null;
    }

    /** The limits of {@code type} for a tooltip or prompt, such as {@code 2 .. 1048576}, or empty. */
    public static String limits(ParamType type) {
        return switch (type) {
            case ParamType.IntType(long min, long max) -> range(min == Long.MIN_VALUE ? null : formatReal(min),
                    max == Long.MAX_VALUE ? null : formatReal(max));
            case ParamType.RealType(double min, double max) -> range(Double.isInfinite(min) || min <= -1e300 ? null
                    : formatReal(min), Double.isInfinite(max) || max >= 1e300 ? null : formatReal(max));
            case ParamType.RealListType lt -> lt.minSize() + ".." + lt.maxSize() + " values in "
                    + formatReal(lt.min()) + " .. " + formatReal(lt.max());
            default -> "";
        };
    }

    private static String range(String min, String max) {
        if (min == null && max == null) {
            return "";
        }
        return (min == null ? "" : min) + " .. " + (max == null ? "" : max);
    }
}
