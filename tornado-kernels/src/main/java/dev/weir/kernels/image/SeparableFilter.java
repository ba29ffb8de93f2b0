package dev.weir.kernels.image;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Params;
import dev.weir.kernels.Kernel;
import dev.weir.kernels.TaskGraph;

import java.util.List;

/**
 * A filter that is one launch of the band-fused separable kernel ({@link FilterKernels#SEPARABLE}); subclasses only
 * say which weights to use, in {@link #apply}, through {@link #args}.
 */
abstract class SeparableFilter extends KernelFilter {

    /** The kernel's arguments, made in {@link #prepare}; {@link #apply} sets their weights. */
    protected SeparableArgs args;

    @Override
    protected final List<Kernel<?>> kernels() {
        return List.of(FilterKernels.SEPARABLE);
    }

    @Override
    protected final TaskGraph prepare(Params params, DataType.ImageOf input, DataType.ImageOf output, int workers) {
        args = new SeparableArgs(input.width().size(), input.height().size(), input.format().channels(), workers);
        return TaskGraph.named(context.nodeId())
                .task(FilterKernels.SEPARABLE, args)
                .build();
    }

    @Override
    protected final void bind(Frame src, Frame dst) {
        args.src = src.bytes();
        args.dst = dst.bytes();
    }
}
