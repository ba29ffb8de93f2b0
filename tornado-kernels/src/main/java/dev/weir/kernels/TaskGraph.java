package dev.weir.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a node runs per frame: kernels in order, each with its argument holder. The equivalent of TornadoVM's
 * {@code TaskGraph}: described once, when the node opens, then {@linkplain KernelBackend#compile compiled} by a
 * backend into a {@link LaunchPlan} that is executed for every frame.
 *
 * <p>Tasks run one after the other: a task starts only when every index of the one before it has finished, so a
 * vertical pass may read any row the horizontal pass before it wrote (the resize does). Immutable.
 *
 * <pre>
 *   open():    TaskGraph.named("resize").task(ResizeKernels.ROWS, args).task(ResizeKernels.COLS, args).build()
 *                  --backend.compile--&gt; LaunchPlan
 *   process(): args.src = in.bytes(); args.dst = out.bytes(); plan.execute();
 * </pre>
 */
public final class TaskGraph {

    /**
     * One kernel launch of the graph.
     *
     * @param kernel the kernel
     * @param args   its argument holder, shared with the node that fills it
     * @param <A>    the argument holder type
     */
    public record Task<A>(Kernel<A> kernel, A args) {
        public Task {
            Objects.requireNonNull(kernel, "kernel");
            Objects.requireNonNull(args, "args");
        }
    }

    private final String name;
    private final List<Task<?>> tasks;

    private TaskGraph(String name, List<Task<?>> tasks) {
        this.name = name;
        this.tasks = List.copyOf(tasks);
    }

    /** Starts a graph; {@code name} appears in messages (the node id is a good choice). */
    public static Builder named(String name) {
        return new Builder(Objects.requireNonNull(name, "name"));
    }

    /** The name given to {@link #named}. */
    public String name() {
        return name;
    }

    /** The tasks in launch order. */
    public List<Task<?>> tasks() {
        return tasks;
    }

    /** The distinct kernels, for {@link KernelBackend#supports}. */
    public List<Kernel<?>> kernels() {
        List<Kernel<?>> out = new ArrayList<>();
        for (Task<?> t : tasks) {
            if (!out.contains(t.kernel())) {
                out.add(t.kernel());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "TaskGraph[" + name + ": " + tasks.stream().map(t -> t.kernel().id()).toList() + "]";
    }

    /** Collects tasks in launch order. */
    public static final class Builder {
        private final String name;
        private final List<Task<?>> tasks = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Appends a launch of {@code kernel} with {@code args}. */
        public <A> Builder task(Kernel<A> kernel, A args) {
            tasks.add(new Task<>(kernel, args));
            return this;
        }

        /**
         * The graph.
         *
         * @throws IllegalStateException when no task was added
         */
        public TaskGraph build() {
            if (tasks.isEmpty()) {
                throw new IllegalStateException("task graph '" + name + "' has no task");
            }
            return new TaskGraph(name, tasks);
        }
    }
}
