package dev.weir.kernels.cpu;

import dev.weir.kernels.BackendOptions;
import dev.weir.kernels.KernelBackendProvider;

import java.util.Optional;

/**
 * Provides the {@code cpu} backend: kernels split by rows over a shared pool of threads, one per core unless a node
 * asks for fewer. Always available; priority 0, so {@code auto} prefers any accelerator that a later provider
 * offers.
 */
public final class CpuBackendProvider implements KernelBackendProvider {

    /** The provider's name. */
    public static final String NAME = "cpu";

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public CpuBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public CpuBackend acquire(BackendOptions options) {
        return new CpuBackend(SharedPools.acquire(options.effectiveParallelism()));
    }
}
