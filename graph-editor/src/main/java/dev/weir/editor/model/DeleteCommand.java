package dev.weir.editor.model;

import dev.weir.engine.model.GraphDocument;

import java.util.Set;

/**
 * Deletes nodes, with every edge that touches them, and edges.
 *
 * @param nodeIds nodes to delete
 * @param edgeIds edges to delete (edges of deleted nodes go anyway)
 */
public record DeleteCommand(Set<String> nodeIds, Set<String> edgeIds) implements Command {

    public DeleteCommand {
        nodeIds = Set.copyOf(nodeIds);
        edgeIds = Set.copyOf(edgeIds);
    }

    /** Deletes what {@code selection} holds. */
    public static DeleteCommand of(Selection selection) {
        return new DeleteCommand(selection.nodes(), selection.edges());
    }

    @Override
    public String label() {
        return "Delete " + Labels.count(nodeIds.size(), edgeIds.size());
    }

    @Override
    public GraphDocument apply(GraphDocument doc) throws CommandException {
        GraphDocument out = doc;
        for (String id : edgeIds) {
            if (!doc.edges().containsKey(id)) {
                throw new CommandException("cannot delete edge '" + id + "': it is not in the graph");
            }
            out = out.withoutEdge(id);
        }
        for (String id : nodeIds) {
            if (!doc.nodes().containsKey(id)) {
                throw new CommandException("cannot delete node '" + id + "': it is not in the graph");
            }
            out = out.withoutNode(id);
        }
        return out;
    }
}
