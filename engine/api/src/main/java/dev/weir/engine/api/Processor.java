package dev.weir.engine.api;

/**
 * The running instance of one node for one run: it owns all mutable state of the node. Created by
 * {@link ProcessorFactory#create()}; never reused across runs.
 *
 * <h2>Lifecycle</h2>
 * <pre>
 *   create ──&gt; open ──&gt; ┌─────────────────────────────────┐ ──&gt; complete* ──&gt; close
 *                 │     │ process  (repeatedly)           │          │          ^
 *                 │     │ onParamsChanged (between calls) │          │          │
 *                 │     └─────────────────────────────────┘          │          │
 *                 └──────────── failure or stop at any point ─────────┴──────────┘
 * </pre>
 *
 * <h2>How the methods are called</h2>
 * <ul>
 *   <li>Never concurrently. {@code open}, {@code process}, {@code onParamsChanged}, {@code complete} and
 *       {@code close} are all called from the same thread: a worker of the pool for
 *       {@link Scheduling#COOPERATIVE} nodes, a dedicated thread for {@link Scheduling#BLOCKING} ones. A
 *       cooperative processor shares that thread with other nodes, so it must return promptly.</li>
 *   <li>Memory effects of {@code open} are visible to every later call; the processor needs no
 *       synchronisation of its own.</li>
 *   <li>{@code close} is always called once {@code open} has been called, even when {@code open},
 *       {@code process} or {@code complete} threw, and when the run is stopped.</li>
 *   <li>Exceptions from any method fail the run; the engine reports the node id and the cause and stops the
 *       graph.</li>
 * </ul>
 *
 * <h2>Back-pressure</h2>
 * {@code process} never waits for input or output space. When it cannot go on it returns
 * {@link WorkStatus#NEED_INPUT} or {@link WorkStatus#NEED_OUTPUT_SPACE} at once; the engine calls it again
 * when there may be more to do. It may do any amount of work per call, but should return within about a
 * millisecond so that other nodes on the worker, pause and stop stay responsive.
 */
public interface Processor {

    /**
     * Acquires everything the run needs: scratch buffers, FFT plans, files, model sessions.
     *
     * <p><b>Called</b> once per run, on the processor's thread, before any other method. It may block and
     * allocate. It is the place to resolve port names into indexes and read params into fields.
     *
     * @throws Exception to fail the run with a message naming this node
     */
    void open(ProcessorContext context) throws Exception;

    /**
     * Does a bounded amount of work: reads frames from {@code in}, writes frames to {@code out}.
     *
     * <p><b>Called</b> repeatedly on the processor's thread while the run is active. It must not block (unless
     * the node is {@link Scheduling#BLOCKING}) and must not allocate: buffers come from {@code open} and from
     * the ports. {@code in} and {@code out} are the same objects on every call.
     *
     * @return {@link WorkStatus#OK} when it consumed or produced something; {@link WorkStatus#NEED_INPUT} or
     *         {@link WorkStatus#NEED_OUTPUT_SPACE} when it could do nothing; {@link WorkStatus#DONE} when it
     *         will produce nothing more (a finite source has ended, a head node has enough)
     */
    WorkStatus process(Inputs in, Outputs out);

    /**
     * Applies new param values. The engine calls it only between two {@code process} calls, so the processor
     * never sees a param change in the middle of a chunk (as in GNU Radio 4).
     *
     * <p><b>Called</b> on the processor's thread, for hot-updatable params only, after the engine has checked
     * the new values against their specs. It may allocate (resizing a buffer, redesigning a filter), but should
     * be quick: it delays the stream.
     *
     * @param previous the params in force until now
     * @param next     the params in force from the next {@code process} call, complete and canonical
     */
    default void onParamsChanged(Params previous, Params next) {
    }

    /**
     * Flushes the tail at end of stream: a partial chunk, a last CPI, a trailing window.
     *
     * <p><b>Called</b> on the processor's thread once every connected input has reached end of stream and
     * been drained (possibly right after a {@code process} call that returned OK), or after {@code process}
     * returned {@link WorkStatus#DONE}; called again until it returns
     * {@link WorkStatus#DONE}. An input reaches end of stream only when every frame has been released, so a
     * node that needs more elements than a short tail holds must copy the tail into its own state, release it,
     * and flush it here. It is also called when {@code process} keeps answering NEED_INPUT after one input ended
     * while the others hold data it does not take (a join that cannot continue).
     * When output is full it returns {@link WorkStatus#NEED_OUTPUT_SPACE} and is
     * called again later. After {@code DONE} the engine ends the node's output streams.
     */
    default WorkStatus complete(Outputs out) {
        return WorkStatus.DONE;
    }

    /**
     * Releases what {@code open} acquired.
     *
     * <p><b>Called</b> exactly once per run on the processor's thread, whatever happened before: normal end,
     * stop, or a failure in any method (including {@code open} itself, so fields may still be null). It may
     * block briefly. Exceptions are reported but do not prevent other nodes from closing.
     */
    default void close() throws Exception {
    }
}
