package dev.weir.editor.model;

import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;

import java.util.Objects;

/**
 * Sets one param of one node, or removes it so the type's default applies. The inspector emits one per committed
 * edit (Enter, leaving the field, picking a choice), never one per keystroke.
 *
 * @param nodeId the node
 * @param key    the param key
 * @param value  the new value (a normalised {@link dev.weir.engine.api.Params} value), or null to remove the key
 */
public record SetParamCommand(String nodeId, String key, Object value) implements Command {

    public SetParamCommand {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String label() {
        return value == null ? "Reset " + nodeId + "." + key : "Set " + nodeId + "." + key;
    }

    @Override
    public GraphDocument apply(GraphDocument doc) throws CommandException {
        NodeInstance n = doc.nodes().get(nodeId);
        if (n == null) {
            throw new CommandException("cannot set param '" + key + "': node '" + nodeId + "' is not in the graph");
        }
        try {
            return doc.withNode(n.withParams(value == null ? n.params().without(key) : n.params().with(key, value)));
        } catch (IllegalArgumentException e) {
            throw new CommandException("cannot set param '" + key + "' of node '" + nodeId + "': " + e.getMessage());
        }
    }
}
