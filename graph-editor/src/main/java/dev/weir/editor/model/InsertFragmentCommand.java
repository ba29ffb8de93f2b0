package dev.weir.editor.model;

import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;

import java.util.List;

/**
 * Adds a group of nodes and the edges between them: a paste or a duplicate. The ids are chosen before the
 * command is made ({@link GraphFragment#placeInto}), so the command is a plain value and the editor knows what to
 * select afterwards.
 *
 * @param nodes the new nodes; their ids must be free
 * @param edges the new edges; ids free, ends among {@code nodes} or already in the document
 * @param label {@code Paste 3 nodes}, {@code Duplicate 1 node}
 */
public record InsertFragmentCommand(List<NodeInstance> nodes, List<EdgeInstance> edges, String label)
        implements Command {

    public InsertFragmentCommand {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("an insert needs a label");
        }
    }

    @Override
    public GraphDocument apply(GraphDocument doc) throws CommandException {
        GraphDocument out = doc;
        for (NodeInstance n : nodes) {
            out = new AddNodeCommand(n).apply(out);
        }
        for (EdgeInstance e : edges) {
            out = new ConnectCommand(e).apply(out);
        }
        return out;
    }

    /** What the editor selects after the insert. */
    public Selection selection() {
        return Selection.of(nodes.stream().map(NodeInstance::id).toList(), edges.stream().map(EdgeInstance::id).toList());
    }
}
