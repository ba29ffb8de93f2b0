package dev.weir.engine.model;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.ResolvedPort;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node whose type is known and whose params and ports have been derived: everything the runtime planner needs
 * to create its processor and size its edges, without consulting the registry again.
 *
 * @param node       the node as the document holds it
 * @param descriptor its type
 * @param params     complete canonical params ({@link NodeDescriptor#canonicalParams}), what the processor's
 *                   {@code open} receives
 * @param inputs     concrete input ports for these params, in declaration order
 * @param outputs    concrete output ports for these params, in declaration order
 */
public record ResolvedNode(NodeInstance node, NodeDescriptor descriptor, Params params, List<ResolvedPort> inputs,
                           List<ResolvedPort> outputs) {

    public ResolvedNode {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(params, "params");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (!node.type().equals(descriptor.id())) {
            throw new IllegalArgumentException("node '" + node.id() + "' has type '" + node.type()
                    + "' but was resolved with descriptor '" + descriptor.id() + "'");
        }
    }

    /** The node id, which edges and messages use. */
    public String id() {
        return node.id();
    }

    /**
     * The input port called {@code name}, if the node has one. The planner and the validator look ports up by
     * name because documents store names, never indexes.
     */
    public Optional<ResolvedPort> input(String name) {
        return find(inputs, name);
    }

    /** The output port called {@code name}, if the node has one; see {@link #input}. */
    public Optional<ResolvedPort> output(String name) {
        return find(outputs, name);
    }

    private static Optional<ResolvedPort> find(List<ResolvedPort> ports, String name) {
        // Nodes have a handful of ports; a linear scan beats building a map per node.
        for (ResolvedPort p : ports) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
