package dev.weir.engine.model;

/**
 * What kind of mistake a {@link Problem} reports. The editor keys icons and quick fixes on the code, tests assert
 * on it, and the message carries the details; so codes are stable and messages are free to improve.
 */
public enum ProblemCode {
    /** A node's type id is not in the registry: a plugin is missing or the id is misspelt. */
    UNKNOWN_TYPE,
    /** A node was saved by a newer version of its type than this build knows; its params may mean something else. */
    TYPE_VERSION_NEWER,
    /** A param is unknown to the node type, of the wrong kind, or out of range. */
    PARAM_INVALID,
    /** The params pass their specs, but the node's ports cannot be derived from them. */
    PORT_UNRESOLVABLE,
    /** A connected output has a size that is not fixed, so its frames cannot be preallocated. */
    UNSIZED_OUTPUT,
    /** An edge names a node that is not in the document. */
    DANGLING_EDGE,
    /** An edge names a port that its node does not have. */
    UNKNOWN_PORT,
    /** An edge joins an output to an input of an incompatible type. */
    TYPE_MISMATCH,
    /** Two edges feed the same input; an input has exactly one writer. */
    INPUT_FED_TWICE,
    /** A required input of an enabled node is not fed by an enabled node. */
    MISSING_INPUT,
    /** A loop of edges none of which has a delay: no node in it could ever take the first step. */
    CYCLE_WITHOUT_DELAY,
    /** An edge's initial delay items do not fit in its capacity. */
    DELAY_EXCEEDS_CAPACITY,
    /**
     * An edge asks for {@code in_process} transport but joins nodes in different process groups, or records (a
     * recording is a queue on disk).
     */
    TRANSPORT_CONFLICT,
    /**
     * A back-pressured edge feeds a preview node ({@link dev.weir.engine.api.NodeDescriptor#preview()}): a preview
     * that draws slower than the stream arrives would hold up its writer and everything upstream. A warning: the
     * graph runs, but previews are meant to be fed keep-latest.
     */
    PREVIEW_BACKPRESSURE;

    /**
     * The severity a problem of this code gets unless its reporter says otherwise: {@link Problem.Severity#WARNING}
     * for checks that only advise ({@link #PREVIEW_BACKPRESSURE}), {@link Problem.Severity#ERROR} for every code
     * that stops a run.
     */
    public Problem.Severity defaultSeverity() {
        return this == PREVIEW_BACKPRESSURE ? Problem.Severity.WARNING : Problem.Severity.ERROR;
    }
}
