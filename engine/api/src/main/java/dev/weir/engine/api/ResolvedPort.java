package dev.weir.engine.api;

import java.util.Objects;

/**
 * A port of one node instance after its params are known: concrete name and type.
 *
 * @param name     port name as documents store it ({@code in}, or {@code in0} for an expanded spec)
 * @param index    position among the node's inputs or outputs; the index into {@link Inputs} or {@link Outputs}
 * @param type     item type with params substituted
 * @param optional whether the port may stay unconnected
 * @param spec     the declaration it came from
 */
public record ResolvedPort(String name, int index, DataType type, boolean optional, PortSpec spec) {
    public ResolvedPort {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(spec, "spec");
    }
}
