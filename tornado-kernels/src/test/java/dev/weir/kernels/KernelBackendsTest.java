package dev.weir.kernels;

import dev.weir.kernels.cpu.CpuBackendProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Choosing a backend: ServiceLoader discovery, {@code auto}, explicit names, and the messages when none fits. */
class KernelBackendsTest {

    static final Kernel<int[]> FILL = Kernel.of("test.fill", a -> a.length, (a, from, to, worker) -> {
        for (int i = from; i < to; i++) {
            a[i] = i;
        }
    });
    static final Kernel<int[]> EXOTIC = Kernel.of("test.exotic", a -> a.length, (a, from, to, worker) -> { });

    /** A pretend accelerator that runs only {@link #FILL} (on the calling thread) and counts its open handles. */
    static final class FakeAccelerator implements KernelBackendProvider {
        final AtomicInteger handles = new AtomicInteger();
        final String unavailable;

        FakeAccelerator(String unavailable) {
            this.unavailable = unavailable;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int priority() {
            return 10;
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.ofNullable(unavailable);
        }

        @Override
        public KernelBackend acquire(BackendOptions options) {
            handles.incrementAndGet();
            return new KernelBackend() {
                boolean closed;

                @Override
                public String name() {
                    return "fake";
                }

                @Override
                public int parallelism() {
                    return 1;
                }

                @Override
                public boolean supports(Kernel<?> kernel) {
                    return kernel == FILL;
                }

                @Override
                public LaunchPlan compile(TaskGraph graph) {
                    throw new UnsupportedOperationException("not needed here");
                }

                @Override
                public void close() {
                    if (!closed) {
                        closed = true;
                        handles.decrementAndGet();
                    }
                }
            };
        }
    }

    @Test
    void theCpuProviderIsFoundThroughServiceLoader() {
        List<KernelBackendProvider> found = KernelBackends.providers(KernelBackends.class.getClassLoader());
        assertThat(found).extracting(KernelBackendProvider::name).contains(CpuBackendProvider.NAME);
        try (KernelBackend b = KernelBackends.acquire(KernelBackends.AUTO, BackendOptions.DEFAULT, List.of(FILL),
                "test")) {
            assertThat(b.name()).isEqualTo("cpu");
            int[] data = new int[10];
            try (LaunchPlan plan = b.compile(TaskGraph.named("fill").task(FILL, data).build())) {
                plan.execute();
            }
            assertThat(data).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
    }

    @Test
    void autoPrefersTheHigherPriorityWhenItSupportsEveryKernel() {
        FakeAccelerator fake = new FakeAccelerator(null);
        List<KernelBackendProvider> providers = List.of(fake, new CpuBackendProvider());
        try (KernelBackend b = KernelBackends.acquire("auto", BackendOptions.DEFAULT, List.of(FILL), "n", providers)) {
            assertThat(b.name()).isEqualTo("fake");
        }
        assertThat(fake.handles).hasValue(0);
    }

    @Test
    void autoFallsBackToTheCpuWhenTheAcceleratorLacksAKernel() {
        FakeAccelerator fake = new FakeAccelerator(null);
        List<KernelBackendProvider> providers = List.of(fake, new CpuBackendProvider());
        try (KernelBackend b = KernelBackends.acquire("auto", BackendOptions.DEFAULT, List.of(FILL, EXOTIC), "n",
                providers)) {
            assertThat(b.name()).isEqualTo("cpu");
        }
        assertThat(fake.handles).as("the refused handle was given back").hasValue(0);
    }

    @Test
    void autoSkipsAnUnavailableBackend() {
        FakeAccelerator fake = new FakeAccelerator("no device");
        try (KernelBackend b = KernelBackends.acquire("auto", BackendOptions.DEFAULT, List.of(FILL), "n",
                List.of(fake, new CpuBackendProvider()))) {
            assertThat(b.name()).isEqualTo("cpu");
        }
        assertThat(fake.handles).hasValue(0);
    }

    @Test
    void anExplicitChoiceThatCannotRunSaysWhy() {
        List<KernelBackendProvider> providers = List.of(new FakeAccelerator(null), new CpuBackendProvider());
        assertThatThrownBy(() -> KernelBackends.acquire("fake", BackendOptions.DEFAULT, List.of(FILL, EXOTIC),
                "node 'blur'", providers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no kernel backend 'fake' can run node 'blur' (fake: has no kernel 'test.exotic'); "
                        + "backends found: [fake, cpu]");
        assertThatThrownBy(() -> KernelBackends.acquire("fake", BackendOptions.DEFAULT, List.of(FILL), "n",
                List.of(new FakeAccelerator("no device"))))
                .hasMessageContaining("fake: no device");
        assertThatThrownBy(() -> KernelBackends.acquire("opencl", BackendOptions.DEFAULT, List.of(FILL), "n",
                providers))
                .hasMessage("no kernel backend 'opencl' can run n; backends found: [fake, cpu]");
    }

    @Test
    void providersAreOrderedByPriority() {
        FakeAccelerator fake = new FakeAccelerator(null);
        assertThat(new BackendOptions(3).effectiveParallelism()).isEqualTo(3);
        assertThatThrownBy(() -> new BackendOptions(-1)).hasMessageContaining("parallelism must be >= 0");
        assertThat(fake.priority()).isGreaterThan(new CpuBackendProvider().priority());
    }

    @Test
    void kernelIdsAndGraphsAreChecked() {
        assertThatThrownBy(() -> Kernel.of("Fill", a -> 0, (a, f, t, w) -> { }))
                .hasMessageContaining("dotted snake_case");
        assertThatThrownBy(() -> TaskGraph.named("empty").build()).hasMessage("task graph 'empty' has no task");
        TaskGraph g = TaskGraph.named("g").task(FILL, new int[1]).task(EXOTIC, new int[1]).task(FILL, new int[2]).build();
        assertThat(g.kernels()).containsExactly(FILL, EXOTIC);
        assertThat(g.toString()).isEqualTo("TaskGraph[g: [test.fill, test.exotic, test.fill]]");
    }
}
