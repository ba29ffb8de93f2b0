package dev.weir.engine.runtime.channel;

import dev.weir.engine.api.DataType;

/**
 * One edge group: a single writer (an output port) and one or more readers (the input ports it feeds). The
 * in-process implementation is {@link RingChannel}; the IPC module adds a memory-mapped one.
 *
 * <p>Threading: {@link #writer()} is used by exactly one thread at a time (the writing node's), and each
 * {@link #reader(int)} by exactly one thread (its reading node's). Metric getters may be called from any
 * thread.
 */
public interface Channel {

    /** The item type, with every dimension resolved. */
    DataType type();

    /** Frames the channel holds per reader before the overflow policy applies. */
    int capacity();

    /** The writing end. */
    ChannelWriter writer();

    /** Number of readers. */
    int readerCount();

    /** The reading end for reader {@code i}, in the order readers were declared. */
    ChannelReader reader(int i);
}
