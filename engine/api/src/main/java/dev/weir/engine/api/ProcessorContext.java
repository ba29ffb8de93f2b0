package dev.weir.engine.api;

import java.util.List;

/**
 * What a processor learns about its node instance when it is opened. Valid for the whole run.
 */
public interface ProcessorContext {

    /** The node instance's id in the graph document, for messages. */
    String nodeId();

    /** The node type. */
    NodeDescriptor descriptor();

    /** The params at the start of the run, complete with defaults and in canonical form. */
    Params params();

    /** Concrete input ports, in the order of {@link Inputs}. */
    List<ResolvedPort> inputs();

    /** Concrete output ports, in the order of {@link Outputs}. */
    List<ResolvedPort> outputs();

    /** Whether the named input has an edge (an optional input may not). */
    boolean isInputConnected(String name);

    /** A logger named after the node type, with the node id in its messages. */
    System.Logger logger();
}
