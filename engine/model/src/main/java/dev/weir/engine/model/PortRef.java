package dev.weir.engine.model;

import java.util.Objects;

/**
 * One end of an edge: a node id and a port <em>name</em>. Documents never store port indexes, so adding a
 * port to a node type does not break saved graphs.
 */
public record PortRef(String node, String port) {
    public PortRef {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(port, "port");
    }

    @Override
    public String toString() {
        return node + "." + port;
    }
}
