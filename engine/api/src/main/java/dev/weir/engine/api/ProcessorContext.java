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

    /**
     * Makes the preview slot a preview sink publishes into, and hands it to the run's viewer, if any.
     *
     * <p>Called by preview processors from {@code open} only (it allocates the slot's frames). The engine
     * attaches the slot to the run's {@link dev.weir.engine.api.preview.PreviewHub} and detaches it after the
     * run; this default, used by tests and by runs without a hub, only makes the slot.
     *
     * @param spec      what the preview shows
     * @param laneTypes resolved type of each lane (see {@link dev.weir.engine.api.preview.PreviewKind})
     */
    default dev.weir.engine.api.preview.PreviewSlot openPreview(dev.weir.engine.api.preview.PreviewSpec spec,
                                                                List<DataType> laneTypes) {
        return new dev.weir.engine.api.preview.PreviewSlot(nodeId(), spec, laneTypes);
    }
}
