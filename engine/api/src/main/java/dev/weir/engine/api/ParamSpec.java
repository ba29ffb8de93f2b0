package dev.weir.engine.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One declared param of a node type.
 *
 * @param key          snake_case key used in files and in {@link Params}
 * @param label        short label for the inspector
 * @param type         kind and limits
 * @param defaultValue value used when a document does not set the param; must pass {@code type}
 * @param unit         unit shown beside the value ("Hz", "m", "dB"), or empty
 * @param hotUpdatable whether a running graph accepts a new value; the engine applies it between two
 *                     {@code process} calls through {@link Processor#onParamsChanged}
 * @param doc          one or two sentences for the inspector's tooltip
 */
public record ParamSpec(String key, String label, ParamType type, Object defaultValue, String unit,
                        boolean hotUpdatable, String doc) {

    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");

    public ParamSpec {
        Objects.requireNonNull(key, "key");
        if (!SNAKE.matcher(key).matches()) {
            throw new IllegalArgumentException("param key '" + key + "' must be snake_case");
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(doc, "doc");
        Object normalized = Params.of(key, defaultValue).get(key);
        ParamType.Result r = type.check(normalized);
        if (!r.ok()) {
            throw new IllegalArgumentException("default of param '" + key + "' " + r.problem());
        }
        defaultValue = r.value();
    }

    /** An integer param. */
    public static ParamSpec integer(String key, String label, long def, long min, long max, String unit,
                                    boolean hot, String doc) {
        return new ParamSpec(key, label, new ParamType.IntType(min, max), def, unit, hot, doc);
    }

    /** A real param. */
    public static ParamSpec real(String key, String label, double def, double min, double max, String unit,
                                 boolean hot, String doc) {
        return new ParamSpec(key, label, new ParamType.RealType(min, max), def, unit, hot, doc);
    }

    /** A boolean param. */
    public static ParamSpec bool(String key, String label, boolean def, boolean hot, String doc) {
        return new ParamSpec(key, label, new ParamType.BoolType(), def, "", hot, doc);
    }
}
