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
 * @param process     the process group the node runs in: {@link #MAIN_PROCESS} (the engine's own process) or the
 *                    name of a worker process; nodes of one group share a JVM, and an edge between two groups
 *                    travels through a memory-mapped queue
 */
public record NodeInstance(String id, String type, int typeVersion, String name, Params params, NodeState state,
                           NodeUi ui, String process) {

    /** The process group of the engine itself; the default placement. */
    public static final String MAIN_PROCESS = "main";

    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]{0,127}");

    /** A node in the {@link #MAIN_PROCESS main process}. */
    public NodeInstance(String id, String type, int typeVersion, String name, Params params, NodeState state,
                        NodeUi ui) {
        this(id, type, typeVersion, name, params, state, ui, MAIN_PROCESS);
    }

    /**
     * Whether {@code name} may name a process group: the node id rules (a letter or _, then letters, digits, _ or
     * -, at most 128), because a group names a folder and a JVM on the command line.
     */
    public static boolean isValidProcessName(String name) {
        return name != null && ID.matcher(name).matches();
    }

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
        Objects.requireNonNull(process, "process");
        if (!ID.matcher(process).matches()) {
            throw new IllegalArgumentException("node '" + id + "': process '" + process
                    + "' must start with a letter or _ and use letters, digits, _ or - (at most 128)");
        }
    }

    /** An enabled node at the origin with the given params. */
    public static NodeInstance of(String id, String type, int typeVersion, Params params) {
        return new NodeInstance(id, type, typeVersion, "", params, NodeState.ENABLED, NodeUi.ORIGIN);
    }

    public NodeInstance withParams(Params params) {
        return new NodeInstance(id, type, typeVersion, name, params, state, ui, process);
    }

    public NodeInstance withParam(String key, Object value) {
        return withParams(params.with(key, value));
    }

    public NodeInstance withUi(NodeUi ui) {
        return new NodeInstance(id, type, typeVersion, name, params, state, ui, process);
    }

    public NodeInstance withState(NodeState state) {
        return new NodeInstance(id, type, typeVersion, name, params, state, ui, process);
    }

    public NodeInstance withName(String name) {
        return new NodeInstance(id, type, typeVersion, name, params, state, ui, process);
    }

    /** A copy placed in process group {@code process}. */
    public NodeInstance withProcess(String process) {
        return new NodeInstance(id, type, typeVersion, name, params, state, ui, process);
    }

    /** Whether the node runs in the engine's own process. */
    public boolean inMainProcess() {
        return MAIN_PROCESS.equals(process);
    }

    /** Whether the node takes part in runs. */
    public boolean enabled() {
        return state == NodeState.ENABLED;
    }
}
