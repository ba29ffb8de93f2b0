package dev.weir.engine.model;

/** What the engine does when a worker process group dies or one of its nodes fails. */
public enum RestartPolicy {
    /** The group stays down: its nodes are marked failed, the rest of the graph keeps running. The default. */
    NEVER,
    /** The group is started again after a back-off that doubles on every failure, up to a maximum count. */
    ON_FAILURE
}
