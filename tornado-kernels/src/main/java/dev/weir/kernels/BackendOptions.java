package dev.weir.kernels;

/**
 * How a node wants its backend.
 *
 * @param parallelism threads (or compute units) a launch may use; 0 means every core the JVM sees
 *                    ({@link Runtime#availableProcessors()})
 */
public record BackendOptions(int parallelism) {

    /** Options that use every core. */
    public static final BackendOptions DEFAULT = new BackendOptions(0);

    public BackendOptions {
        if (parallelism < 0) {
            throw new IllegalArgumentException("parallelism must be >= 0 (0: every core), was " + parallelism);
        }
    }

    /** The parallelism to use: {@link #parallelism()}, or the number of cores when it is 0. */
    public int effectiveParallelism() {
        return parallelism == 0 ? Runtime.getRuntime().availableProcessors() : parallelism;
    }
}
