package dev.weir.editor.model;

import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Places nodes in a process group: {@code main} (the engine's own process) or the name of a worker process. One
 * command for the whole selection, so that moving several nodes into a worker undoes in one step. A group that no
 * node names any more keeps its supervision entry in the document (restart policy), as the file format allows, so
 * moving nodes back and forth loses nothing.
 *
 * @param nodeIds the nodes
 * @param process the group name (the node id rules: a letter or _, then letters, digits, _ or -)
 */
public record SetProcessCommand(Set<String> nodeIds, String process) implements Command {

    public SetProcessCommand {
        nodeIds = Set.copyOf(nodeIds);
        Objects.requireNonNull(process, "process");
    }

    @Override
    public String label() {
        return "Move " + Labels.count(nodeIds.size(), 0) + " to process '" + process + "'";
    }

    @Override
    public GraphDocument apply(GraphDocument doc) throws CommandException {
        if (!NodeInstance.isValidProcessName(process)) {
            throw new CommandException("process '" + process + "' must start with a letter or _ and use letters, "
                    + "digits, _ or - (at most 128)");
        }
        GraphDocument out = doc;
        for (String id : new TreeSet<>(nodeIds)) {
            NodeInstance n = doc.nodes().get(id);
            if (n == null) {
                throw new CommandException("cannot move node '" + id + "' to process '" + process
                        + "': it is not in the graph");
            }
            out = out.withNode(n.withProcess(process));
        }
        return out;
    }
}
