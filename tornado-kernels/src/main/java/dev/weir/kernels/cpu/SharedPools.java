package dev.weir.kernels.cpu;

import java.util.HashMap;
import java.util.Map;

/**
 * The CPU pools of this JVM, one per parallelism, reference counted: the first handle starts a pool, the last
 * one stops it. This is the only static state of the kernels: without it, N filter nodes would start N pools and
 * put N times as many threads as cores on the machine. It holds resources, not a registry of behaviour: every
 * handle comes from {@link CpuBackendProvider#acquire} and goes back through {@link CpuBackend#close}.
 */
final class SharedPools {

    private static final Map<Integer, CpuPool> POOLS = new HashMap<>();

    private SharedPools() {
    }

    /** A handle on the pool of {@code parallelism} threads, started if needed. */
    static synchronized CpuPool acquire(int parallelism) {
        CpuPool pool = POOLS.get(parallelism);
        if (pool == null) {
            pool = new CpuPool(parallelism, "weir-kernels-p" + parallelism);
            POOLS.put(parallelism, pool);
        }
        pool.handles++;
        return pool;
    }

    /** Gives a handle back; stops the pool when it was the last. */
    static void release(CpuPool pool) {
        boolean last;
        synchronized (SharedPools.class) {
            last = --pool.handles == 0;
            if (last) {
                POOLS.remove(pool.parallelism());
            }
        }
        if (last) {
            // Outside the lock: joining the workers takes a moment and must not hold up other nodes' open().
            pool.shutdown();
        }
    }

    /** Pools alive now, for tests. */
    static synchronized int livePools() {
        return POOLS.size();
    }
}
