package dev.weir.engine.runtime;

/**
 * What the runtime needs to run a graph whose nodes live in more than one process, or whose edges must travel
 * through a queue (an edge between process groups, an edge marked {@code ipc}, a recorded edge). The runtime itself
 * knows no queue and starts no process: {@code engine/ipc} implements this with Chronicle Queue channels and worker
 * JVMs, and the {@link Engine} finds it through {@link java.util.ServiceLoader} or takes it in its constructor.
 *
 * <pre>
 *   Engine.start(plan) ──needs IPC?──&gt; transport.open(plan) ──&gt; TransportRun (run folder, channel files)
 *        │                                                          │
 *        └──&gt; Session(plan, run): local nodes on threads; run.channel(i) for queue channels;
 *                                 run.remoteGroups() starts and supervises the other process groups
 *   Session ends ──&gt; run.close(): channels closed, run folder removed unless an edge records
 * </pre>
 */
public interface ProcessTransport {

    /**
     * Prepares one run of {@code plan} in the coordinating process (the one that runs the
     * {@link dev.weir.engine.model.NodeInstance#MAIN_PROCESS main} group): creates whatever the channels share
     * between processes. Nothing is started yet. Called by {@link Engine#start(ExecutionPlan)} on the caller's
     * thread, once per run; may block on file I/O.
     *
     * @throws IllegalStateException when the run cannot be prepared (a folder cannot be created); nothing is left
     *                               behind then
     */
    TransportRun open(ExecutionPlan plan);
}
