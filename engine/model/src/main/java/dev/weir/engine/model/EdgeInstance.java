package dev.weir.engine.model;

import java.util.Objects;

/**
 * One edge of a graph document, from an output port to an input port.
 *
 * @param id   unique within the document
 * @param from the writing node and output port
 * @param to   the reading node and input port
 * @param spec buffering, overflow policy, delay and transport
 * @param ui   bend points
 */
public record EdgeInstance(String id, PortRef from, PortRef to, EdgeSpec spec, EdgeUi ui) {
    public EdgeInstance {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.length() > 128) {
            throw new IllegalArgumentException("edge id must have 1..128 characters");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(ui, "ui");
    }

    /** An edge with the default spec and no bend points. */
    public static EdgeInstance of(String id, PortRef from, PortRef to) {
        return new EdgeInstance(id, from, to, EdgeSpec.DEFAULT, EdgeUi.NONE);
    }

    public EdgeInstance withSpec(EdgeSpec spec) {
        return new EdgeInstance(id, from, to, spec, ui);
    }
}
