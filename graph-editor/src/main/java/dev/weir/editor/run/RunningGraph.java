package dev.weir.editor.run;

import dev.weir.engine.api.Params;

/**
 * One run started by {@link GraphRunner#start}. Every method may be called from any thread; the editor calls
 * {@link #stop} off the FX thread because it waits for the engine's threads.
 */
public interface RunningGraph {

    /** Pauses every node between two process calls. No effect once the run has ended. */
    void pause();

    /** Resumes after {@link #pause}. */
    void resume();

    /**
     * Sets hot-updatable params of one node; the processor sees them from its next {@code process} call.
     *
     * @throws IllegalArgumentException naming the node and param when a param is not hot-updatable or invalid
     */
    void setParams(String nodeId, Params changes);

    /**
     * Stops the run and returns once every engine thread (and worker process) has ended and every processor is
     * closed. Idempotent; after the run ended by itself it returns that outcome at once.
     */
    RunOutcome stop();
}
