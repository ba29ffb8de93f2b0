package dev.weir.engine.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable map from snake_case param keys to typed values.
 *
 * <p>Values are normalised on the way in to one of {@link Long}, {@link Double}, {@link Boolean},
 * {@link String} or an unmodifiable {@link List} of those, so that two equal documents hold equal params.
 * Keys keep a stable (sorted) order, which keeps saved files diff-friendly.
 *
 * <p>Reading params is not free: processors read them once in {@code open} and {@code onParamsChanged}
 * and keep primitives in fields, never on the hot path.
 */
public final class Params {

    private static final Params EMPTY = new Params(new TreeMap<>());

    private final Map<String, Object> values;

    private Params(TreeMap<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** No params. */
    public static Params empty() {
        return EMPTY;
    }

    /**
     * Params from a map whose values are numbers, booleans, strings or lists of those.
     *
     * @throws IllegalArgumentException naming the key whose value is of another kind
     */
    public static Params of(Map<String, ?> raw) {
        TreeMap<String, Object> m = new TreeMap<>();
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            m.put(Objects.requireNonNull(e.getKey(), "param key"), normalize(e.getKey(), e.getValue()));
        }
        return new Params(m);
    }

    /** Params from alternating keys and values, for tests and descriptors: {@code Params.of("gain", 2.0)}. */
    public static Params of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return of(m);
    }

    /** A copy with {@code key} set to {@code value}. */
    public Params with(String key, Object value) {
        TreeMap<String, Object> m = new TreeMap<>(values);
        m.put(Objects.requireNonNull(key, "key"), normalize(key, value));
        return new Params(m);
    }

    /** A copy without {@code key}. */
    public Params without(String key) {
        TreeMap<String, Object> m = new TreeMap<>(values);
        m.remove(key);
        return new Params(m);
    }

    /** A copy with every entry of {@code overrides} put over this one's. */
    public Params withAll(Params overrides) {
        TreeMap<String, Object> m = new TreeMap<>(values);
        m.putAll(overrides.values);
        return new Params(m);
    }

    /** Whether {@code key} is present. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The keys in sorted order. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The raw normalised value, or null when absent. */
    public Object get(String key) {
        return values.get(key);
    }

    /** All entries, sorted by key. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** An integer param. */
    public long getLong(String key) {
        Object v = require(key);
        if (v instanceof Long l) {
            return l;
        }
        throw wrongKind(key, v, "an integer");
    }

    /** An integer param that must fit an int. */
    public int getInt(String key) {
        long v = getLong(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("param '" + key + "' is out of int range: " + v);
        }
        return (int) v;
    }

    /** A real param; integers are widened. */
    public double getDouble(String key) {
        Object v = require(key);
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            return l;
        }
        throw wrongKind(key, v, "a number");
    }

    /** A boolean param. */
    public boolean getBoolean(String key) {
        Object v = require(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongKind(key, v, "a boolean");
    }

    /** A text, choice or path param. */
    public String getString(String key) {
        Object v = require(key);
        if (v instanceof String s) {
            return s;
        }
        throw wrongKind(key, v, "a string");
    }

    /** A list param; elements are normalised values. */
    public List<?> getList(String key) {
        Object v = require(key);
        if (v instanceof List<?> l) {
            return l;
        }
        throw wrongKind(key, v, "a list");
    }

    /** A list of numbers as a fresh {@code double[]}. */
    public double[] getDoubleArray(String key) {
        List<?> l = getList(key);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (l.get(i) instanceof Number n) {
                out[i] = n.doubleValue();
            } else {
                throw new IllegalArgumentException("param '" + key + "' element " + i + " is not a number");
            }
        }
        return out;
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("param '" + key + "' is not set");
        }
        return v;
    }

    private static IllegalArgumentException wrongKind(String key, Object v, String wanted) {
        return new IllegalArgumentException("param '" + key + "' must be " + wanted + ", was "
                + kindOf(v) + " " + v);
    }

    /** A short name for the kind of a normalised value, for messages. */
    public static String kindOf(Object v) {
        return switch (v) {
            case Long l -> "integer";
            case Double d -> "number";
            case Boolean b -> "boolean";
            case String s -> "string";
            case List<?> l -> "list";
            default -> v.getClass().getSimpleName();
        };
    }

    private static Object normalize(String key, Object v) {
        return switch (v) {
            case null -> throw new IllegalArgumentException("param '" + key + "' is null");
            case Long l -> l;
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case Byte b -> (long) b;
            case Double d -> d;
            case Float f -> (double) f;
            case Boolean b -> b;
            case String s -> s;
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                for (Object o : list) {
                    if (o instanceof List<?>) {
                        throw new IllegalArgumentException("param '" + key + "' nests lists");
                    }
                    out.add(normalize(key, o));
                }
                yield Collections.unmodifiableList(out);
            }
            default -> throw new IllegalArgumentException("param '" + key + "' has unsupported value type "
                    + v.getClass().getName());
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
