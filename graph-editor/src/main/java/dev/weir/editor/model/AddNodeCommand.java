package dev.weir.editor.model;

import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;

import java.util.Objects;

/**
 * Adds one node: a drop from the palette, a quick insert.
 *
 * @param node the new node; its id must be free
 */
public record AddNodeCommand(NodeInstance node) implements Command {

    public AddNodeCommand {
        Objects.requireNonNull(node, "node");
    }

    @Override
    public String label() {
        return "Add " + node.id();
    }

    @Override
    public GraphDocument apply(GraphDocument doc) throws CommandException {
        if (doc.nodes().containsKey(node.id()) || doc.edges().containsKey(node.id())) {
            throw new CommandException("cannot add node '" + node.id() + "': the id is already used");
        }
        return doc.withNode(node);
    }
}
