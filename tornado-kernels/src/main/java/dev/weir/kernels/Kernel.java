package dev.weir.kernels;

import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * One data-parallel kernel: a stable id, the extent of its parallel dimension, and its CPU implementation over a
 * sub-range of that dimension.
 *
 * <p>The CPU implementation calls a static kernel method (see {@link Parallel}) with the arrays and sizes held
 * by an argument holder {@code A}. Argument holders are plain mutable objects allocated once, when a node opens;
 * the node points their array fields at the current frame's arrays before each launch, so launching allocates
 * nothing. A kernel object itself is stateless and shared (a {@code static final} constant).
 *
 * <pre>
 *   Kernel&lt;StencilArgs&gt; LAPLACIAN = Kernel.of("image.laplacian", a -&gt; a.height,
 *           (a, from, to, worker) -&gt; FilterKernels.laplacian(a.src, a.dst, a.width, ..., from, to));
 * </pre>
 *
 * <p>The id is what a device backend keys its own code on: a GPU backend maps {@code image.laplacian} to a
 * compiled device kernel that reads the same argument holder and takes the whole range at once. It reports which
 * kernels it has through {@link KernelBackend#supports(Kernel)}.
 *
 * @param <A> the argument holder type
 */
public final class Kernel<A> {

    /**
     * The CPU implementation of a kernel over rows {@code [from, to)} of its parallel dimension.
     *
     * @param <A> the argument holder type
     */
    @FunctionalInterface
    public interface CpuBody<A> {
        /**
         * Runs the kernel for parallel indexes {@code from} (inclusive) to {@code to} (exclusive).
         *
         * <p><b>Called</b> by the CPU backend on the launching thread and on its worker threads at the same time,
         * each call with a disjoint range of one launch; the holder's fields do not change during a launch. It
         * must not allocate, block or write anything another range reads. {@code worker} is unique among the
         * threads of one launch, in {@code 0..parallelism-1}, so a kernel that needs scratch space (a row of
         * accumulators) can keep one buffer per worker in its holder, the way a GPU kernel uses local memory.
         */
        void run(A args, int from, int to, int worker);
    }

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    private static final ToIntFunction<Object> ONE = a -> 1;

    private final String id;
    private final ToIntFunction<A> range;
    private final ToIntFunction<? super A> grain;
    private final CpuBody<A> cpu;

    private Kernel(String id, ToIntFunction<A> range, ToIntFunction<? super A> grain, CpuBody<A> cpu) {
        this.id = Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("kernel id '" + id + "' must be dotted snake_case, like image.grey");
        }
        this.range = Objects.requireNonNull(range, "range");
        this.grain = Objects.requireNonNull(grain, "grain");
        this.cpu = Objects.requireNonNull(cpu, "cpu");
    }

    /**
     * A kernel whose sub-ranges may be as small as one index.
     *
     * @param id    dotted snake_case id, stable across versions: device backends key on it
     * @param range the extent of the parallel dimension for given arguments (usually output rows); read once per
     *              launch, on the launching thread
     * @param cpu   the CPU implementation over a sub-range
     */
    public static <A> Kernel<A> of(String id, ToIntFunction<A> range, CpuBody<A> cpu) {
        return new Kernel<>(id, range, ONE, cpu);
    }

    /**
     * A kernel whose CPU body does extra work per sub-range (a halo of rows it recomputes), so a sub-range should
     * hold at least {@code grain} indexes.
     *
     * @param grain the smallest worthwhile sub-range for given arguments; read once per launch, on the launching
     *              thread; values below 1 count as 1
     */
    public static <A> Kernel<A> of(String id, ToIntFunction<A> range, ToIntFunction<? super A> grain,
                                   CpuBody<A> cpu) {
        return new Kernel<>(id, range, grain, cpu);
    }

    /** The stable id. */
    public String id() {
        return id;
    }

    /** The extent of the parallel dimension for {@code args}; 0 means nothing to do. */
    public int range(A args) {
        return range.applyAsInt(args);
    }

    /** The smallest worthwhile CPU sub-range for {@code args}, at least 1. */
    public int grain(A args) {
        return Math.max(1, grain.applyAsInt(args));
    }

    /** Runs the CPU implementation over {@code [from, to)}; see {@link CpuBody#run}. */
    public void runCpu(A args, int from, int to, int worker) {
        cpu.run(args, from, to, worker);
    }

    @Override
    public String toString() {
        return "Kernel[" + id + "]";
    }
}
