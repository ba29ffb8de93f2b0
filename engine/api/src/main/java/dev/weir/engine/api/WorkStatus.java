package dev.weir.engine.api;

/**
 * What one call of {@link Processor#process} or {@link Processor#complete} achieved. The engine's duty cycle
 * uses it to decide whether a worker idles, and the metrics count it.
 */
public enum WorkStatus {
    /** Progress was made: something was consumed or produced. Call again soon. */
    OK,
    /** Nothing could be done until more input arrives. */
    NEED_INPUT,
    /** Nothing could be done until an output has free space. */
    NEED_OUTPUT_SPACE,
    /**
     * This processor will produce nothing more. From {@code process}, a source has ended its stream or a
     * node (such as a head node) has finished early; from {@code complete}, the tail has been flushed.
     */
    DONE;

    /** Whether this status reports progress. */
    public boolean progressed() {
        return this == OK;
    }
}
