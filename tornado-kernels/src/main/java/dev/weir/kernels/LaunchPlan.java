package dev.weir.kernels;

/**
 * A {@link TaskGraph} compiled by one {@link KernelBackend}, executed once per frame.
 */
public interface LaunchPlan extends AutoCloseable {

    /**
     * Runs every task of the graph in order, each over its whole range, and returns when all are done, with
     * their writes visible to the calling thread.
     *
     * <p><b>Called</b> from a node's {@code process}, on its thread, after the node pointed the argument holders
     * at the current frame's arrays. Allocates nothing. It blocks only for the duration of the launch (the CPU
     * backend's caller computes a share of the rows itself and waits for the workers' last rows). An exception
     * thrown by a kernel on any thread is rethrown here once the launch has ended.
     */
    void execute();

    /** The backend that compiled this plan. */
    KernelBackend backend();

    /**
     * Releases what {@link KernelBackend#compile} acquired (device buffers, compiled code). The CPU backend holds
     * nothing per plan. Idempotent.
     */
    @Override
    void close();
}
