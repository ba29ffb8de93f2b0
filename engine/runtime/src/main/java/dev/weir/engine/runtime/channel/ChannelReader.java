package dev.weir.engine.runtime.channel;

import dev.weir.engine.api.Frame;
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

    /**
     * The read position after {@code consume(elements)} on head frame {@code head} at {@code position}: the check
     * every reader's {@code consume} shares. The caller stores it and releases the frame once it reaches the end.
     *
     * @throws IllegalStateException naming input {@code reader} when {@code elements} is negative or more than is left
     */
    static int advance(String reader, Frame head, int position, int elements) {
        int left = head.length() - position;
        if (elements < 0 || elements > left) {
            throw new IllegalStateException("input " + reader + ": consume(" + elements + ") with " + left
                    + " elements left in the head frame");
        }
        return position + elements;
    }
}
