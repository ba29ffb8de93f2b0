package dev.weir.kernels;

import java.util.Optional;

/**
 * A kind of {@link KernelBackend}, found with {@link java.util.ServiceLoader}: a module lists its providers in
 * {@code META-INF/services/dev.weir.kernels.KernelBackendProvider}. This module provides {@code cpu}; a GPU
 * backend (TornadoVM or OpenCL) arrives as another provider, with a higher {@link #priority()}, and no node
 * changes.
 */
public interface KernelBackendProvider {

    /** The name nodes select it by in their {@code backend} param, such as {@code cpu}. */
    String name();

    /**
     * Preference when a node asks for {@code auto}: the available provider with the highest priority that supports
     * every kernel of the node wins. The CPU backend's is 0; an accelerator's should be higher.
     */
    int priority();

    /**
     * Why this backend cannot run on this machine (no device, no driver), or empty when it can.
     *
     * <p><b>Called</b> from a node's {@code open}; may probe the machine, should cache the answer.
     */
    Optional<String> unavailableReason();

    /**
     * A new handle on this backend's shared engine, starting the engine if no handle is open.
     *
     * <p><b>Called</b> from a node's {@code open}, on its thread; may block while threads start.
     *
     * @throws IllegalStateException when {@link #unavailableReason()} is not empty
     */
    KernelBackend acquire(BackendOptions options);
}
