package dev.weir.editor.model;

import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;

import java.util.Objects;

/**
 * Changes a node's display name (its id, which edges refer to, stays).
 *
 * @param nodeId the node
 * @param name   the new display name; empty shows the type's label
 */
public record RenameNodeCommand(String nodeId, String name) implements Command {

    public RenameNodeCommand {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String label() {
        return "Rename " + nodeId;
    }

    @Override
    public GraphDocument apply(GraphDocument doc) throws CommandException {
        NodeInstance n = doc.nodes().get(nodeId);
        if (n == null) {
            throw new CommandException("cannot rename node '" + nodeId + "': it is not in the graph");
        }
        return doc.withNode(n.withName(name));
    }
}
