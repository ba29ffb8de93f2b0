package dev.weir.kernels;

/**
 * Runs kernels: today on every CPU core ({@code cpu}), later on an accelerator. A node acquires one handle in
 * {@code open} through {@link KernelBackends#acquire}, compiles its {@link TaskGraph} once, executes the
 * resulting {@link LaunchPlan} per frame and closes plan and handle in {@code close}.
 *
 * <p>Handles are cheap views of a shared, reference-counted engine (the CPU backend's thread pool, a future
 * device context): N nodes in one JVM share one pool, and the last {@link #close()} shuts it down.
 *
 * <h2>How the methods are called</h2>
 * <ul>
 *   <li>{@link #compile} and {@link #close} from a node's {@code open} and {@code close}, on that node's thread;
 *       they may allocate and block briefly (a device backend compiles code and allocates buffers there).</li>
 *   <li>Plans of different nodes may execute at the same time from different engine threads; the backend keeps
 *       them apart (the CPU backend runs a launch inline on the caller when its pool is busy with another).</li>
 * </ul>
 */
public interface KernelBackend extends AutoCloseable {

    /** The provider's name, such as {@code cpu}. */
    String name();

    /** How many threads (or compute units) one launch can use at most. */
    int parallelism();

    /** Whether this backend can run {@code kernel}; the CPU backend runs every kernel. */
    boolean supports(Kernel<?> kernel);

    /**
     * Prepares {@code graph} for repeated execution: the equivalent of TornadoVM's {@code snapshot()} plus
     * {@code TornadoExecutionPlan}.
     *
     * <p><b>Called</b> in a node's {@code open}, on its thread; may allocate and block (device code generation).
     *
     * @throws IllegalArgumentException naming the kernel when the backend does not support one of them
     */
    LaunchPlan compile(TaskGraph graph);

    /**
     * Releases this handle. The shared engine behind it stops when its last handle is closed. Idempotent.
     *
     * <p><b>Called</b> in a node's {@code close}, on its thread, after the node's plans were closed; may block
     * briefly while worker threads end.
     */
    @Override
    void close();
}
