package dev.weir.editor.model;

import dev.weir.engine.api.DataType;

/**
 * Where one port of a node sits, in canvas units, and what it carries.
 *
 * @param nodeId   the node
 * @param name     the port name edges refer to
 * @param input    whether it is an input (left edge) or an output (right edge)
 * @param type     its type as resolved from the node's params, or the declared type when that fails; null when
 *                 the node's type is unknown and the port is only known from an edge
 * @param optional whether it may stay unconnected
 * @param x        centre x
 * @param y        centre y
 */
public record PortShape(String nodeId, String name, boolean input, DataType type, boolean optional, double x,
                        double y) {

    /** The tooltip text: {@code out: vector<complex64>[1024]}. */
    public String describe() {
        return name + ": " + (type == null ? "unknown type" : type.describe()) + (optional ? " (optional)" : "");
    }
}
