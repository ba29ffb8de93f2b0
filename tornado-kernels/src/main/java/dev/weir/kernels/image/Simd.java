package dev.weir.kernels.image;

/**
 * Whether the CPU kernels run their {@link VectorKernels} bodies. The Vector API is an incubator module that a JVM
 * sees only when started with {@code --add-modules jdk.incubator.vector}; without it the scalar kernel methods
 * run, with the same results, several times slower. Decided once, when this class loads; the constant lets the JIT
 * drop the branch.
 *
 * <p>Set the system property {@code weir.kernels.simd=false} to force the scalar bodies (for comparisons).
 */
final class Simd {

    /** Whether the vector bodies run. */
    static final boolean ENABLED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("weir.kernels.simd"));

    private Simd() {
    }
}
