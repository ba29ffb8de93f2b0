package dev.weir.editor.model;

import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;

import java.util.Objects;

/**
 * Adds one edge. Whether the edge is allowed is the validator's question, asked by the gesture before the
 * command exists ({@link EditorModel#connect}); the command itself only checks that both nodes are there, so that
 * a document may still hold an edge the validator flags (a file loaded with one, an edge whose types a later param
 * edit broke).
 *
 * @param edge the new edge; its id must be free
 */
public record ConnectCommand(EdgeInstance edge) implements Command {

    public ConnectCommand {
        Objects.requireNonNull(edge, "edge");
    }

    @Override
    public String label() {
        return "Connect " + edge.from() + " to " + edge.to();
    }

    @Override
    public GraphDocument apply(GraphDocument doc) throws CommandException {
        if (doc.edges().containsKey(edge.id()) || doc.nodes().containsKey(edge.id())) {
            throw new CommandException("cannot add edge '" + edge.id() + "': the id is already used");
        }
        for (String node : new String[] {edge.from().node(), edge.to().node()}) {
            if (!doc.nodes().containsKey(node)) {
                throw new CommandException("cannot connect to node '" + node + "': it is not in the graph");
            }
        }
        return doc.withEdge(edge);
    }
}
