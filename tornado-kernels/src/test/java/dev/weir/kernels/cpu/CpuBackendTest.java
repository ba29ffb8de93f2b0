package dev.weir.kernels.cpu;

import dev.weir.kernels.BackendOptions;
import dev.weir.kernels.Kernel;
import dev.weir.kernels.LaunchPlan;
import dev.weir.kernels.TaskGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CPU backend's shared pool: every index of every launch runs exactly once, on several threads, from several
 * launching threads at once; failures reach the launcher; handles share one pool per parallelism; and a warm
 * launch allocates nothing on the launching thread or on any worker.
 */
class CpuBackendTest {

    /** Holder of a counting kernel: each launch adds 1 to {@code counts[i]} for every index i of its range. */
    static final class Counting {
        int range;
        final int[] counts;
        final int[] workerOf;
        int failAt = -1;
        long spinNanosPerIndex;

        Counting(int capacity) {
            counts = new int[capacity];
            workerOf = new int[capacity];
        }
    }

    static final Kernel<Counting> COUNT = Kernel.of("test.count", a -> a.range, (a, from, to, worker) -> {
        for (int i = from; i < to; i++) {
            if (i == a.failAt) {
                throw new IllegalStateException("index " + i + " fails on purpose");
            }
            if (a.spinNanosPerIndex > 0) {
                long end = System.nanoTime() + a.spinNanosPerIndex;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }
            a.counts[i]++;
            a.workerOf[i] = worker;
        }
    });

    private final List<CpuBackend> open = new ArrayList<>();

    private CpuBackend acquire(int parallelism) {
        CpuBackend b = new CpuBackendProvider().acquire(new BackendOptions(parallelism));
        open.add(b);
        return b;
    }

    @AfterEach
    void closeAll() {
        open.forEach(CpuBackend::close);
        assertThat(SharedPools.livePools()).as("pools left running").isZero();
    }

    @Test
    void everyIndexRunsExactlyOnceInEveryLaunch() {
        CpuBackend b = acquire(4);
        Counting c = new Counting(1000);
        int[] expected = new int[1000];
        for (int launch = 0; launch < 2000; launch++) {
            c.range = 1 + (launch * 7919) % 1000;
            b.launch(COUNT, c);
            for (int i = 0; i < c.range; i++) {
                expected[i]++;
            }
        }
        assertThat(c.counts).isEqualTo(expected);
    }

    @Test
    void aLaunchIsSplitOverSeveralThreads() {
        CpuBackend b = acquire(3);
        Counting c = new Counting(48);
        c.range = 48;
        c.spinNanosPerIndex = 200_000;
        b.launch(COUNT, c);
        assertThat(Arrays.stream(c.workerOf).distinct().count()).as("workers that ran rows").isGreaterThan(1);
        assertThat(c.counts).containsOnly(1);
    }

    @Test
    void tasksOfAPlanRunInOrderEachOverItsWholeRange() {
        CpuBackend b = acquire(3);
        Counting first = new Counting(100);
        first.range = 100;
        Counting second = new Counting(37);
        second.range = 37;
        TaskGraph g = TaskGraph.named("two").task(COUNT, first).task(COUNT, second).task(COUNT, first).build();
        try (LaunchPlan plan = b.compile(g)) {
            for (int i = 0; i < 50; i++) {
                plan.execute();
            }
            assertThat(plan.backend()).isSameAs(b);
        }
        assertThat(first.counts).containsOnly(100);
        assertThat(second.counts).containsOnly(50);
    }

    @Test
    void launchersOnSeveralThreadsShareThePoolSafely() throws Exception {
        CpuBackend b = acquire(3);
        int threads = 3;
        int launches = 3000;
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> ts = new ArrayList<>();
        List<Counting> holders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Counting c = new Counting(257);
            c.range = 257;
            holders.add(c);
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < launches; i++) {
                        b.launch(COUNT, c);
                        if (c.counts[256] != i + 1 || c.counts[0] != i + 1) {
                            throw new AssertionError("launch " + i + " returned before its rows were done");
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            ts.add(th);
            th.start();
        }
        start.countDown();
        for (Thread th : ts) {
            th.join();
        }
        assertThat(failure.get()).isNull();
        for (Counting c : holders) {
            assertThat(c.counts).containsOnly(launches);
        }
    }

    @Test
    void aKernelFailureReachesTheLauncherAndThePoolGoesOn() {
        CpuBackend b = acquire(3);
        Counting c = new Counting(64);
        c.range = 64;
        c.failAt = 40;
        assertThatThrownBy(() -> b.launch(COUNT, c)).isInstanceOf(IllegalStateException.class)
                .hasMessage("index 40 fails on purpose");
        c.failAt = -1;
        Arrays.fill(c.counts, 0);
        b.launch(COUNT, c);
        assertThat(c.counts).containsOnly(1);
    }

    @Test
    void handlesOfOneParallelismShareOnePoolAndTheLastCloseStopsIt() throws Exception {
        CpuBackend a = new CpuBackendProvider().acquire(new BackendOptions(3));
        CpuBackend b = new CpuBackendProvider().acquire(new BackendOptions(3));
        CpuBackend other = new CpuBackendProvider().acquire(new BackendOptions(2));
        Thread[] workers = a.workerThreads();
        assertThat(workers).hasSize(2).containsExactly(b.workerThreads());
        assertThat(other.workerThreads()).hasSize(1).doesNotContain(workers);
        assertThat(SharedPools.livePools()).isEqualTo(2);
        a.close();
        a.close(); // idempotent: must not release b's share
        assertThat(workers).allMatch(Thread::isAlive);
        Counting c = new Counting(10);
        c.range = 10;
        b.launch(COUNT, c);
        assertThat(c.counts).containsOnly(1);
        b.close();
        other.close();
        for (Thread w : workers) {
            w.join(5_000);
        }
        assertThat(workers).noneMatch(Thread::isAlive);
        assertThat(SharedPools.livePools()).isZero();
        assertThatThrownBy(() -> b.compile(TaskGraph.named("late").task(COUNT, c).build()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void defaultOptionsUseEveryCore() {
        CpuBackend b = new CpuBackendProvider().acquire(BackendOptions.DEFAULT);
        open.add(b);
        assertThat(b.parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(b.workerThreads()).hasSize(b.parallelism() - 1);
    }

    @Test
    void aWarmLaunchAllocatesNothingOnAnyThread() {
        CpuBackend b = acquire(3);
        Counting c = new Counting(96);
        c.range = 96;
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        bean.setThreadAllocatedMemoryEnabled(true);
        long[] ids = Arrays.stream(b.workerThreads()).mapToLong(Thread::threadId).toArray();
        int launched = 0;
        for (int i = 0; i < 20_000; i++) {
            b.launch(COUNT, c);
            launched++;
        }
        // As ProcessorVerifier does: the best of three rounds, since the JIT may allocate once while it swaps code.
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3 && best > 0; round++) {
            long[] before = bean.getThreadAllocatedBytes(ids);
            long self = bean.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 20_000; i++) {
                b.launch(COUNT, c);
            }
            launched += 20_000;
            long selfAfter = bean.getCurrentThreadAllocatedBytes();
            long[] after = bean.getThreadAllocatedBytes(ids);
            long bytes = selfAfter - self;
            for (int w = 0; w < ids.length; w++) {
                bytes += after[w] - before[w];
            }
            best = Math.min(best, bytes);
        }
        assertThat(best).as("bytes allocated by 20,000 warm launches on all threads").isZero();
        assertThat(c.counts).containsOnly(launched);
    }
}
