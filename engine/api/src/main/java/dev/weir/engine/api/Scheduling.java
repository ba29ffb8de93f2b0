package dev.weir.engine.api;

/** How the engine runs a node's processor. */
public enum Scheduling {
    /**
     * {@code process} never blocks and returns promptly (well under a millisecond per call). The node shares a
     * worker thread with other cooperative nodes under a duty cycle.
     */
    COOPERATIVE,
    /**
     * {@code process} may block (file or device I/O, inference). The node gets a thread of its own, and must
     * return from a blocking call when that thread is interrupted, which is how the engine stops it.
     */
    BLOCKING
}
