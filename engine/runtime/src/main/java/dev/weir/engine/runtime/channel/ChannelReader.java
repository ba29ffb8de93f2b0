package dev.weir.engine.runtime.channel;

import dev.weir.engine.api.InputPort;
import dev.weir.engine.model.OverflowPolicy;

/**
 * The reading end of a {@link Channel}: the processor-facing {@link InputPort}, plus what the engine and
 * the metrics need.
 */
public interface ChannelReader extends InputPort {

    /** How this reader treats a full channel. */
    OverflowPolicy policy();

    /**
     * Stops this reader from gating the writer, for good: its node has finished or been cancelled. Called by
     * the engine on the reader's thread.
     */
    void detach();

    /** Frames consumed so far (metrics; any thread). */
    long framesConsumed();

    /** Frames this reader lost to its overflow policy (metrics; any thread). */
    long framesDropped();

    /** Frames published but not yet consumed by this reader, at most the capacity (metrics; any thread). */
    int backlog();
}
