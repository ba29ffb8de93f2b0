package dev.weir.engine.api;

/**
 * The reading end of one input port, seen by one processor.
 *
 * <p>An input port is a reused view: the engine creates it once per run and the processor may keep it in a
 * field from {@link Processor#open}. Every method is non-blocking and allocation-free, and must only be
 * called from the thread that calls {@link Processor#process}.
 *
 * <pre>
 *   available() &gt; 0 ?  --&gt; peek() --&gt; read the frame --&gt; release()
 *        | no
 *        v
 *   isEndOfStream() ? --&gt; yes: the writer has finished and every frame has been released
 *        | no
 *        v
 *   return WorkStatus.NEED_INPUT
 * </pre>
 */
public interface InputPort {

    /** The port's name. */
    String name();

    /** The resolved item type. */
    DataType type();

    /** Whether an edge feeds this port; an unconnected optional input is always at end of stream. */
    boolean isConnected();

    /** Frames that can be read now, without waiting. */
    int available();

    /**
     * The oldest unreleased frame; the same frame until {@link #release()}.
     *
     * @throws IllegalStateException when {@link #available()} is zero
     */
    Frame peek();

    /**
     * Consumes the frame returned by {@link #peek()}. The frame must not be used afterwards.
     *
     * @throws IllegalStateException when nothing was available
     */
    void release();

    /**
     * Elements of the head frame already taken with {@link #consume(int)}; 0 for a fresh head frame. Lets a
     * node that aligns several sample streams take part of a chunk.
     */
    int position();

    /**
     * Takes {@code elements} elements of the head frame; once {@link #position()} reaches the frame's length
     * the frame is released as by {@link #release()}.
     *
     * @throws IllegalStateException when nothing is available or fewer elements remain in the head frame
     */
    void consume(int elements);

    /** Whether the writer has finished and every frame it published has been released. */
    boolean isEndOfStream();
}
