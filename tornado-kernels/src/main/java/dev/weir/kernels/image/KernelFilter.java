package dev.weir.kernels.image;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.WorkStatus;
import dev.weir.kernels.BackendOptions;
import dev.weir.kernels.Kernel;
import dev.weir.kernels.KernelBackend;
import dev.weir.kernels.KernelBackends;
import dev.weir.kernels.LaunchPlan;
import dev.weir.kernels.TaskGraph;

import java.util.List;

/**
 * The processor of every image node here: one image in, one image out, computed by a {@link TaskGraph} of
 * kernels. Subclasses allocate their argument holders and describe the graph in {@link #prepare}, point the
 * holders at each frame's arrays in {@link #bind}, and apply hot params in {@link #apply}.
 *
 * <pre>
 *  open:    backend = KernelBackends.acquire(backend, threads)  -&gt;  prepare(): holders + TaskGraph
 *           -&gt;  plan = backend.compile(graph)                    -&gt;  apply(params)
 *  process: peek in, claim out, copy the header -&gt; bind(src, dst) -&gt; plan.execute() -&gt; publish, release
 *  change:  apply(next)            (between two process calls, on the node's thread)
 *  close:   plan.close(), backend.close()    (the last handle stops the shared CPU pool)
 * </pre>
 *
 * <p>{@code process} handles one frame per call, so a call lasts one frame's kernels (a millisecond or two for a
 * 720p blur over every core); it returns at once when the input is empty or the output full, and allocates
 * nothing.
 */
abstract class KernelFilter implements Processor {

    /** The node's context, for messages and the logger. */
    protected ProcessorContext context;
    private KernelBackend backend;
    private LaunchPlan plan;
    private InputPort in;
    private OutputPort out;

    /** The kernels the graph launches, so the backend can be checked before anything is allocated. */
    protected abstract List<Kernel<?>> kernels();

    /**
     * Allocates the argument holders for these sizes and returns the graph.
     *
     * <p><b>Called</b> once, from {@code open}, after the backend was acquired.
     *
     * @param workers the backend's parallelism: per-worker scratch needs this many buffers
     * @throws IllegalArgumentException with a message for the user when the params do not fit
     */
    protected abstract TaskGraph prepare(Params params, DataType.ImageOf input, DataType.ImageOf output, int workers);

    /**
     * Applies the hot params (and, from {@code open}, all of them) to the argument holders.
     *
     * <p><b>Called</b> from {@code open} after {@link #prepare} and from {@code onParamsChanged}, on the node's
     * thread, between launches. May allocate.
     *
     * @param opening whether this is the call from {@code open}: a bad value then fails the node; later it is
     *                logged and the previous value kept, since a running graph cannot fail a param change
     */
    protected abstract void apply(Params params, boolean opening);

    /** Points the argument holders at this frame's input and output arrays; must not allocate. */
    protected abstract void bind(Frame src, Frame dst);

    @Override
    public final void open(ProcessorContext ctx) {
        this.context = ctx;
        Params p = ctx.params();
        DataType.ImageOf input = image(ctx, ctx.inputs().getFirst(), "input");
        DataType.ImageOf output = image(ctx, ctx.outputs().getFirst(), "output");
        BackendOptions options = new BackendOptions(p.getInt("threads"));
        try {
            backend = KernelBackends.acquire(p.getString("backend"), options, kernels(), "node '" + ctx.nodeId() + "'");
            TaskGraph graph = prepare(p, input, output, backend.parallelism());
            plan = backend.compile(graph);
            apply(p, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("node '" + ctx.nodeId() + "' (" + ctx.descriptor().id() + "): "
                    + e.getMessage(), e);
        }
    }

    private static DataType.ImageOf image(ProcessorContext ctx, ResolvedPort port, String dir) {
        if (port.type() instanceof DataType.ImageOf img && img.isResolved()) {
            return img;
        }
        throw new IllegalArgumentException("node '" + ctx.nodeId() + "' (" + ctx.descriptor().id() + "): " + dir
                + " '" + port.name() + "' has no known image size (" + port.type().describe()
                + "); connect it to a source whose size is known");
    }

    @Override
    public final void onParamsChanged(Params previous, Params next) {
        apply(next, false);
    }

    /**
     * A bad param value: when {@code opening}, fails the open with {@code message}; during a hot change, logs that
     * the change was refused and the previous value stays.
     */
    protected final void refuse(String message, boolean opening) {
        if (opening) {
            throw new IllegalArgumentException(message);
        }
        context.logger().log(System.Logger.Level.WARNING, "node ''{0}'': {1}; the previous value stays",
                context.nodeId(), message);
    }

    @Override
    public final WorkStatus process(Inputs ins, Outputs outs) {
        if (in == null) {
            in = ins.port(0);
            out = outs.port(0);
        }
        if (in.available() == 0) {
            return WorkStatus.NEED_INPUT;
        }
        if (out.remaining() == 0) {
            return WorkStatus.NEED_OUTPUT_SPACE;
        }
        Frame src = in.peek();
        Frame dst = out.claim();
        dst.copyHeaderFrom(src);
        bind(src, dst);
        plan.execute();
        out.publish();
        in.release();
        return WorkStatus.OK;
    }

    @Override
    public void close() {
        try {
            if (plan != null) {
                plan.close();
            }
        } finally {
            if (backend != null) {
                backend.close();
            }
        }
    }
}
