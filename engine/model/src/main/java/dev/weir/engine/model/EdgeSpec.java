package dev.weir.engine.model;

import java.util.Objects;

/**
 * How one edge buffers items.
 *
 * @param capacity  frames the edge holds, 1..65536; the runtime rounds it up to a power of two, and to at least
 *                  two when the edge is lossy (a lossy reader must be able to hold one frame while the writer fills
 *                  the next)
 * @param overflow  what happens when the reader falls behind
 * @param delay     initial zero items (z^-N). A delay of at least one makes a feedback loop legal; for a
 *                  sample stream it counts samples, otherwise frames
 * @param transport how items travel
 * @param record       whether the edge's items are kept in a queue on disk after the run (record and replay). A
 *                     recorded edge always travels through a queue, even inside one process
 * @param recordFolder where the recording goes: a folder path, or {@code ""} for the run's default recording
 *                     folder; the edge's queue is kept in a sub-folder named after the edge
 */
public record EdgeSpec(int capacity, OverflowPolicy overflow, int delay, Transport transport, boolean record,
                       String recordFolder) {

    /** Largest capacity an edge may ask for. */
    public static final int MAX_CAPACITY = 1 << 16;

    /** Back-pressure, 16 frames, no delay, transport chosen by the engine. */
    public static final EdgeSpec DEFAULT = new EdgeSpec(16, OverflowPolicy.BACKPRESSURE, 0, Transport.AUTO);

    /** A spec that does not record. */
    public EdgeSpec(int capacity, OverflowPolicy overflow, int delay, Transport transport) {
        this(capacity, overflow, delay, transport, false, "");
    }

    public EdgeSpec {
        Objects.requireNonNull(recordFolder, "recordFolder");
        Objects.requireNonNull(overflow, "overflow");
        Objects.requireNonNull(transport, "transport");
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("edge capacity must be in 1.." + MAX_CAPACITY + ", was " + capacity);
        }
        if (delay < 0) {
            throw new IllegalArgumentException("edge delay must be >= 0, was " + delay);
        }
    }

    public EdgeSpec withCapacity(int capacity) {
        return new EdgeSpec(capacity, overflow, delay, transport, record, recordFolder);
    }

    public EdgeSpec withOverflow(OverflowPolicy overflow) {
        return new EdgeSpec(capacity, overflow, delay, transport, record, recordFolder);
    }

    public EdgeSpec withDelay(int delay) {
        return new EdgeSpec(capacity, overflow, delay, transport, record, recordFolder);
    }

    public EdgeSpec withTransport(Transport transport) {
        return new EdgeSpec(capacity, overflow, delay, transport, record, recordFolder);
    }

    /** A copy that records into {@code folder} ({@code ""}: the run's default folder). */
    public EdgeSpec withRecord(String folder) {
        return new EdgeSpec(capacity, overflow, delay, transport, true, folder);
    }

    /** A copy that does not record. */
    public EdgeSpec withoutRecord() {
        return new EdgeSpec(capacity, overflow, delay, transport, false, "");
    }
}
