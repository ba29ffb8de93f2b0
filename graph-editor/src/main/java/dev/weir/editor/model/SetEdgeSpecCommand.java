package dev.weir.editor.model;

import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;

import java.util.Objects;

/**
 * Changes how one edge buffers: capacity, overflow policy, delay, transport.
 *
 * @param edgeId the edge
 * @param spec   its new spec
 */
public record SetEdgeSpecCommand(String edgeId, EdgeSpec spec) implements Command {

    public SetEdgeSpecCommand {
        Objects.requireNonNull(edgeId, "edgeId");
        Objects.requireNonNull(spec, "spec");
    }

    @Override
    public String label() {
        return "Change edge " + edgeId;
    }

    @Override
    public GraphDocument apply(GraphDocument doc) throws CommandException {
        EdgeInstance e = doc.edges().get(edgeId);
        if (e == null) {
            throw new CommandException("cannot change edge '" + edgeId + "': it is not in the graph");
        }
        return doc.withEdge(e.withSpec(spec));
    }
}
