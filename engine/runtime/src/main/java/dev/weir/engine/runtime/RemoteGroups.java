package dev.weir.engine.runtime;

import dev.weir.engine.api.Params;
import dev.weir.engine.runtime.metrics.EdgeMetrics;
import dev.weir.engine.runtime.metrics.NodeMetrics;
import dev.weir.engine.runtime.metrics.ProcessMetrics;

import java.util.List;

/**
 * The process groups of a run other than the coordinator's, seen from the coordinator's {@link Session}: started,
 * paused, resumed and stopped with it, supervised (restarted per their
 * {@link dev.weir.engine.model.ProcessSpec}), and sampled for metrics.
 *
 * <pre>
 *   start(listener) ──&gt; groups run ──&gt; every group completed, stopped or given up ──&gt; listener.remoteFinished()
 *                          │   ▲
 *              a group dies│   │restart (on_failure, after back-off)
 *                          ▼   │
 *                 listener.groupFailed(failure, permanent)
 * </pre>
 *
 * <p>All methods may be called from any thread and return quickly, except {@link #awaitStopped}.
 */
public interface RemoteGroups {

    /** What the session hears from its remote groups. Called on a supervisor thread; must return quickly. */
    interface Listener {
        /**
         * A group failed (its process died or one of its nodes threw).
         *
         * @param failure   names the group's node that failed, or the group itself as {@code (process:NAME)}
         * @param permanent whether the group stays down (restart never, or restarts used up)
         */
        void groupFailed(NodeFailure failure, boolean permanent);

        /** Every group has ended (completed, stopped, or failed for good); called once. */
        void remoteFinished();
    }

    /** Starts every group. Called once by the session as it starts its own threads. */
    void start(Listener listener);

    /** Pauses every group and waits up to about a second until they have parked. */
    void pause();

    /** Resumes after {@link #pause()}. */
    void resume();

    /** Asks every group to stop, without waiting; restarts stop too. */
    void requestStop();

    /**
     * Waits until every group's process has exited, stopping forcibly (SIGKILL) what has not exited within the
     * timeout. Called by the session's {@code stop} after {@link #requestStop()}.
     *
     * @return whether every group ended on its own within the timeout
     */
    boolean awaitStopped(java.time.Duration timeout);

    /** Whether every group has ended. */
    boolean isFinished();

    /**
     * Applies hot-updatable param changes to a node of a remote group (already checked by the session). A group
     * started again later gets the document's params, not these.
     *
     * @throws IllegalArgumentException when no remote group runs {@code nodeId}
     */
    void setParams(String nodeId, Params changes);

    /** Per node of the remote groups, the latest figures; nodes of a group that is down show phase FAILED. */
    List<NodeMetrics> nodeMetrics();

    /** Per edge whose reader runs in a remote group: backlog, frames and drops from the queue's shared counters. */
    List<EdgeMetrics> edgeMetrics();

    /** Per remote group: state, pid, restarts, last failure. */
    List<ProcessMetrics> processMetrics();
}
