package dev.weir.engine.runtime.channel;

import dev.weir.engine.api.OutputPort;

/**
 * The writing end of a {@link Channel}: the processor-facing {@link OutputPort}, plus what the engine needs
 * to end the stream and to notice that nobody reads any more.
 */
public interface ChannelWriter extends OutputPort {

    /**
     * Ends the stream: after every published frame has been read, readers see end of stream. Called once by
     * the engine on the writer's thread, after the node's {@code complete} returned DONE.
     */
    void complete();

    /** Whether readers existed and every one has detached, so what is written is read by nobody. */
    boolean isAbandoned();

    /** Frames published so far (metrics; any thread). */
    long framesPublished();

    /** Elements (samples, pixels, records) published so far (metrics; any thread). */
    long elementsPublished();
}
