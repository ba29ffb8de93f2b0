package dev.weir.engine.model;

import dev.weir.engine.api.Params;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One node of a graph document.
 *
 * @param id          unique within the document; what edges and messages name
 * @param type        node type id, resolved against a {@link dev.weir.engine.api.NodeRegistry}
 * @param typeVersion the type version the params were written for
 * @param name        display name (may be empty)
 * @param params      params as the user set them; missing ones take the type's defaults
 * @param state       enabled or disabled
 * @param ui          canvas layout
 */
public record NodeInstance(String id, String type, int typeVersion, String name, Params params, NodeState state,
                           NodeUi ui) {

    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]{0,127}");

    public NodeInstance {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("node id '" + id
                    + "' must start with a letter or _ and use letters, digits, _ or - (at most 128)");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(ui, "ui");
    }

    /** An enabled node at the origin with the given params. */
    public static NodeInstance of(String id, String type, int typeVersion, Params params) {
        return new NodeInstance(id, type, typeVersion, "", params, NodeState.ENABLED, NodeUi.ORIGIN);
    }

    public NodeInstance withParams(Params params) {
        return new NodeInstance(id, type, typeVersion, name, params, state, ui);
    }

    public NodeInstance withParam(String key, Object value) {
        return withParams(params.with(key, value));
    }

    public NodeInstance withUi(NodeUi ui) {
        return new NodeInstance(id, type, typeVersion, name, params, state, ui);
    }

    public NodeInstance withState(NodeState state) {
        return new NodeInstance(id, type, typeVersion, name, params, state, ui);
    }

    public NodeInstance withName(String name) {
        return new NodeInstance(id, type, typeVersion, name, params, state, ui);
    }

    /** Whether the node takes part in runs. */
    public boolean enabled() {
        return state == NodeState.ENABLED;
    }
}
