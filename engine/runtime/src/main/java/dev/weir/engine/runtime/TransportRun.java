package dev.weir.engine.runtime;

import dev.weir.engine.runtime.channel.Channel;

import java.util.Optional;

/**
 * One run's view of the transport, in one process: the queue channels this process writes or reads, and, in the
 * coordinating process only, the other process groups. Made by {@link ProcessTransport#open} in the coordinator,
 * and by the worker's own entry point in a worker process.
 *
 * <p>Threading: {@link #channel} is called by the {@link Session} constructor; {@link #close} once, by the thread
 * that ends the session, after every local engine thread has ended.
 */
public interface TransportRun extends AutoCloseable {

    /** The process group this process runs ({@code main} in the coordinator). */
    String localProcess();

    /**
     * This process's view of the queue channel at {@code index} in {@link ExecutionPlan#channels()}. Only the ends
     * whose nodes run here are used: {@link Channel#writer()} when the writing node is local, {@link
     * Channel#reader(int)} for local readers; an implementation may open ends lazily. Called once per channel.
     *
     * @throws IllegalStateException when the channel's files cannot be opened
     */
    Channel channel(int index);

    /** The other process groups, supervised from here: present in the coordinator when the plan has any. */
    Optional<RemoteGroups> remoteGroups();

    /**
     * Called by the session, on the failing thread, as soon as one of its nodes fails and before any stream is
     * ended: the queue channels must then neither end their streams nor detach their readers as the session winds
     * down, so that a worker group that is restarted finds its edges as they were. Any thread; idempotent.
     */
    default void failing() {
    }

    /**
     * Closes this process's channel ends and, in the coordinator, removes the run folder unless an edge records.
     * Never throws; problems are logged.
     */
    @Override
    void close();
}
