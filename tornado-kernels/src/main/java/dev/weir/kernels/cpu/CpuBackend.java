package dev.weir.kernels.cpu;

import dev.weir.kernels.Kernel;
import dev.weir.kernels.KernelBackend;
import dev.weir.kernels.LaunchPlan;
import dev.weir.kernels.TaskGraph;

/**
 * The CPU backend: a handle on the JVM's shared {@link CpuPool} of its parallelism. Every kernel has a CPU body,
 * so it supports them all. Obtained from {@link CpuBackendProvider#acquire}.
 */
public final class CpuBackend implements KernelBackend {

    private final CpuPool pool;
    private boolean closed;

    CpuBackend(CpuPool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return CpuBackendProvider.NAME;
    }

    @Override
    public int parallelism() {
        return pool.parallelism();
    }

    @Override
    public boolean supports(Kernel<?> kernel) {
        return true;
    }

    @Override
    public LaunchPlan compile(TaskGraph graph) {
        if (closed) {
            throw new IllegalStateException("the cpu backend handle is closed");
        }
        return new Plan(graph);
    }

    /** Launches one kernel over its whole range, outside any graph; for tests and benchmarks. */
    public <A> void launch(Kernel<A> kernel, A args) {
        pool.launch(kernel, args);
    }

    /** The pool's worker threads (the launching thread is the other one), for allocation measurements. */
    public Thread[] workerThreads() {
        return pool.workers();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            SharedPools.release(pool);
        }
    }

    /** A graph's tasks as arrays, so that executing it is a plain loop. */
    private final class Plan implements LaunchPlan {
        private final Kernel<?>[] kernels;
        private final Object[] args;

        Plan(TaskGraph graph) {
            int n = graph.tasks().size();
            kernels = new Kernel<?>[n];
            args = new Object[n];
            for (int i = 0; i < n; i++) {
                kernels[i] = graph.tasks().get(i).kernel();
                args[i] = graph.tasks().get(i).args();
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void execute() {
            for (int i = 0; i < kernels.length; i++) {
                pool.launch((Kernel<Object>) kernels[i], args[i]);
            }
        }

        @Override
        public KernelBackend backend() {
            return CpuBackend.this;
        }

        @Override
        public void close() {
            // Nothing per plan: the pool belongs to the backend handle.
        }
    }
}
