/**
 * Data-parallel kernels in TornadoVM's programming model, without TornadoVM: kernel methods are plain static Java
 * methods over flat arrays whose outer loop is {@link dev.weir.kernels.Parallel}; a {@link dev.weir.kernels.Kernel}
 * names one; a {@link dev.weir.kernels.TaskGraph} lists what a node launches per frame; a
 * {@link dev.weir.kernels.KernelBackend} (found through {@link dev.weir.kernels.KernelBackendProvider} and
 * {@link java.util.ServiceLoader}) compiles it into a {@link dev.weir.kernels.LaunchPlan}. The CPU backend is in
 * {@code dev.weir.kernels.cpu}, the image kernels and the nodes that use them in {@code dev.weir.kernels.image}.
 * See {@code docs/architecture.md}, "Data-parallel kernels and image filters".
 */
package dev.weir.kernels;
