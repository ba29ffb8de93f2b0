package dev.weir.engine.model;

/** What an edge does when its reader falls behind and the edge is full. */
public enum OverflowPolicy {
    /** The writer waits (its {@code process} sees no output space). Nothing is lost. The default. */
    BACKPRESSURE,
    /** The writer goes on; the reader loses the oldest unread items. */
    DROP_OLDEST,
    /** The writer goes on; the reader only ever sees the newest item. Previews use this. */
    KEEP_LATEST
}
