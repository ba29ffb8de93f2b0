package dev.weir.engine.api;

/**
 * The writing end of one output port, seen by one processor.
 *
 * <p>A reused view, created once per run; all methods are non-blocking and allocation-free, called only from
 * the thread that calls {@link Processor#process} and {@link Processor#complete}.
 *
 * <pre>
 *   remaining() &gt; 0 ?  --&gt; claim() --&gt; fill payload, length, header --&gt; publish()
 *        | no
 *        v
 *   return WorkStatus.NEED_OUTPUT_SPACE   (never spin or wait for space)
 * </pre>
 *
 * An unconnected output accepts and discards everything, so {@code remaining()} is then always positive.
 */
public interface OutputPort {

    /** The port's name. */
    String name();

    /** The resolved item type. */
    DataType type();

    /** Whether at least one edge reads this port. */
    boolean isConnected();

    /** Frames that can be claimed and published now without waiting. */
    int remaining();

    /**
     * The next frame to fill. Its payload holds stale data and its header is reset to zeros (stream and record
     * frames start with length 0). Calling {@code claim} again before {@link #publish()} returns the same
     * frame.
     *
     * @throws IllegalStateException when {@link #remaining()} is zero
     */
    Frame claim();

    /**
     * Makes the claimed frame visible to every reader.
     *
     * @throws IllegalStateException when no frame is claimed
     */
    void publish();
}
