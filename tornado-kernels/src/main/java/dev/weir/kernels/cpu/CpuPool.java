package dev.weir.kernels.cpu;

import dev.weir.kernels.Kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A persistent, allocation-free parallel-for: {@code parallelism - 1} worker threads that park between launches,
 * plus the launching thread, which computes rows too. One launch at a time; a launch that finds the pool busy
 * (another node's launch from another engine thread) runs inline on its own thread instead of waiting.
 *
 * <pre>
 *  launching thread                 ticket (AtomicLong)             workers 1..P-1 (parked between launches)
 *  ----------------                 -------------------             -----------------------------------------
 *  busy CAS false-&gt;true
 *  ticket = (e, CLOSED)   ----&gt;     [ epoch e | CLOSED ]            a late worker of epoch e can claim nothing
 *  write kernel, args, chunks
 *  ticket = (e+1, 0)      ----&gt;     [ epoch e+1 | next chunk ]      unpark: each sees a new epoch, reads the job
 *  unpark workers
 *  claim chunks: CAS next+1  &lt;--&gt;   claims race on one CAS   &lt;--&gt;  claim chunks: CAS next+1, run, completed++
 *  wait completed == chunks  &lt;----  the last completer unparks the launching thread
 *  busy = false                                                     spin a little, then park until next epoch
 * </pre>
 *
 * <p>The epoch and the next chunk index share one {@code long}, so a claim succeeds only for the epoch whose job
 * fields the worker read: a worker that wakes late, after its launch ended, finds the ticket closed or of a newer
 * epoch and claims nothing. Before it rewrites the job fields, a launcher closes the old epoch's ticket, so no
 * worker can claim a chunk of a half-written job. The job fields are plain; the volatile ticket write that
 * publishes an epoch orders them before every claim of it, and each worker's {@code completed} increment orders
 * its rows' writes before the launcher's return.
 *
 * <p>Nothing is allocated per launch: the job lives in fields, waiting is {@link LockSupport#park} and
 * {@link Thread#onSpinWait}, and a kernel's exception is kept in a preallocated reference and rethrown by the
 * launcher.
 */
final class CpuPool {

    /**
     * Chunks per thread and launch, unless the kernel's grain allows fewer: enough to even out uneven rows and a
     * worker that starts late or is preempted in the middle of a chunk (the launcher then waits for that chunk
     * only), without making claims costly.
     */
    static final int CHUNKS_PER_THREAD = 8;
    /** Low half of the ticket when no chunk may be claimed. */
    private static final int CLOSED = Integer.MAX_VALUE;
    /** Spins before a worker parks: catches the next task of a multi-task plan without a wake-up. */
    private static final int WORKER_SPINS = 2_000;
    /** Spins before the launcher yields, then parks, while the last chunks finish on workers. */
    private static final int LAUNCHER_SPINS = 2_000;
    /**
     * Yields after the spins: on a machine with more runnable threads than cores, the worker that holds the last
     * chunk may be waiting for this very core. (On the shared 2-core machine, 2,000 spins and 100 yields with 8
     * chunks per thread did no worse than 20,000 spins, no yield and 4 chunks, and better in most runs.)
     */
    private static final int LAUNCHER_YIELDS = 100;

    private final int parallelism;
    private final Thread[] workers;
    private final AtomicLong ticket = new AtomicLong((long) 0 << 32 | CLOSED);
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean shutdown;
    private volatile Thread launcher;

    // The current job: written by the launcher while the ticket is closed, read by workers after they see the
    // ticket of its epoch.
    private Kernel<Object> kernel;
    private Object args;
    private int range;
    private int chunkRows;
    private int chunks;

    /** Reference count, guarded by {@link SharedPools}. */
    int handles;

    CpuPool(int parallelism, String name) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        this.parallelism = parallelism;
        this.workers = new Thread[parallelism - 1];
        for (int i = 0; i < workers.length; i++) {
            int worker = i + 1;
            Thread t = new Thread(() -> workLoop(worker), name + "-" + worker);
            t.setDaemon(true);
            workers[i] = t;
        }
        for (Thread t : workers) {
            t.start();
        }
    }

    int parallelism() {
        return parallelism;
    }

    /** The worker threads, for tests that measure what they allocate. */
    Thread[] workers() {
        return workers.clone();
    }

    /**
     * Runs {@code kernel} over its whole range on every thread of the pool and returns when all rows are done.
     * Allocation-free; may be called from any thread.
     */
    @SuppressWarnings("unchecked")
    <A> void launch(Kernel<A> k, A a) {
        int n = k.range(a);
        if (n <= 0) {
            return;
        }
        int wanted = Math.min(Math.max(1, n / k.grain(a)), parallelism * CHUNKS_PER_THREAD);
        if (workers.length == 0 || wanted == 1 || !busy.compareAndSet(0, 1)) {
            // One thread, one row, or another launch holds the pool: this thread does it all. Waiting would idle
            // a core that the other launch cannot use either.
            k.runCpu(a, 0, n, 0);
            return;
        }
        try {
            long epoch = (ticket.get() >>> 32) + 1;
            ticket.set((epoch - 1) << 32 | CLOSED);
            kernel = (Kernel<Object>) k;
            args = a;
            range = n;
            chunkRows = (n + wanted - 1) / wanted;
            chunks = (n + chunkRows - 1) / chunkRows;
            completed.set(0);
            launcher = Thread.currentThread();
            ticket.set(epoch << 32);
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
            runChunks(epoch, 0);
            int target = chunks;
            int spins = 0;
            while (completed.get() < target) {
                if (spins < LAUNCHER_SPINS) {
                    spins++;
                    Thread.onSpinWait();
                } else if (spins < LAUNCHER_SPINS + LAUNCHER_YIELDS) {
                    spins++;
                    Thread.yield();
                } else {
                    LockSupport.park(this);
                }
            }
            // Every chunk is done; drop the job's references so the pool does not keep frames alive.
            kernel = null;
            args = null;
            Throwable f = failure.getAndSet(null);
            if (f != null) {
                throw rethrow(f, k);
            }
        } finally {
            busy.set(0);
        }
    }

    private static RuntimeException rethrow(Throwable f, Kernel<?> k) {
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("kernel " + k.id() + " failed", f);
    }

    /** Claims and runs chunks of epoch {@code epoch} until none is left or the epoch is over. */
    private void runChunks(long epoch, int worker) {
        Kernel<Object> k = kernel;
        Object a = args;
        int rows = chunkRows;
        int n = chunks;
        int end = range;
        while (true) {
            long t = ticket.get();
            if (t >>> 32 != epoch) {
                return;
            }
            int c = (int) t;
            if (c >= n) {
                return;
            }
            if (!ticket.compareAndSet(t, t + 1)) {
                continue;
            }
            int from = c * rows;
            try {
                k.runCpu(a, from, Math.min(end, from + rows), worker);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
            if (completed.incrementAndGet() == n) {
                LockSupport.unpark(launcher);
            }
        }
    }

    private void workLoop(int worker) {
        long seen = 0;
        int spins = 0;
        while (!shutdown) {
            long t = ticket.get();
            long epoch = t >>> 32;
            if (epoch != seen && (int) t != CLOSED) {
                seen = epoch;
                runChunks(epoch, worker);
                spins = 0;
            } else if (spins < WORKER_SPINS) {
                spins++;
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    /** Stops the workers and waits for them; called once, when the last handle is released. */
    void shutdown() {
        shutdown = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        boolean interrupted = false;
        for (Thread w : workers) {
            while (w.isAlive()) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
