package dev.weir.engine.model;

/** Whether a node takes part in a run. */
public enum NodeState {
    /** Runs normally. */
    ENABLED,
    /** Excluded from runs, with its edges; kept in the document. */
    DISABLED
}
