package dev.weir.engine.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A declared input or output port of a node type.
 *
 * <p>A port spec with a {@code count} other than one expands into several ports named {@code name0},
 * {@code name1}, ...: a sum node declares {@code PortSpec.input("in", type).times(Dim.param("inputs"))}. Port
 * names, never indexes, are what documents store.
 *
 * @param name     snake_case port name (or name stem when {@code count} is not one)
 * @param type     item type; dimensions may refer to params
 * @param optional whether the port may stay unconnected (an unconnected output discards what it is given)
 * @param count    how many ports this spec expands into
 * @param doc      one sentence for tooltips
 */
public record PortSpec(String name, DataType type, boolean optional, Dim count, String doc) {

    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");

    public PortSpec {
        Objects.requireNonNull(name, "name");
        if (!SNAKE.matcher(name).matches()) {
            throw new IllegalArgumentException("port name '" + name + "' must be snake_case");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(doc, "doc");
        if (count instanceof Dim.Any) {
            throw new IllegalArgumentException("port '" + name + "' count must be fixed or taken from a param");
        }
    }

    /** A required single port. */
    public static PortSpec of(String name, DataType type, String doc) {
        return new PortSpec(name, type, false, Dim.of(1), doc);
    }

    /** A copy that may stay unconnected. */
    public PortSpec asOptional() {
        return new PortSpec(name, type, true, count, doc);
    }

    /** A copy that expands into {@code n} numbered ports. */
    public PortSpec times(Dim n) {
        return new PortSpec(name, type, optional, n, doc);
    }

    /** Whether this spec expands into numbered ports. */
    public boolean isMulti() {
        return !(count instanceof Dim.Fixed(int size) && size == 1);
    }
}
