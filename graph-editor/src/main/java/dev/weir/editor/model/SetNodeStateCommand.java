package dev.weir.editor.model;

import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeState;

import java.util.Objects;
import java.util.Set;

/**
 * Enables or disables nodes (a disabled node stays in the file but takes no part in runs).
 *
 * @param nodeIds the nodes
 * @param state   their new state
 */
public record SetNodeStateCommand(Set<String> nodeIds, NodeState state) implements Command {

    public SetNodeStateCommand {
        nodeIds = Set.copyOf(nodeIds);
        Objects.requireNonNull(state, "state");
    }

    @Override
    public String label() {
        return (state == NodeState.ENABLED ? "Enable " : "Disable ") + Labels.count(nodeIds.size(), 0);
    }

    @Override
    public GraphDocument apply(GraphDocument doc) throws CommandException {
        GraphDocument out = doc;
        for (String id : nodeIds) {
            NodeInstance n = doc.nodes().get(id);
            if (n == null) {
                throw new CommandException("cannot change node '" + id + "': it is not in the graph");
            }
            out = out.withNode(n.withState(state));
        }
        return out;
    }
}
