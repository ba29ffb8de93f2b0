package dev.weir.kernels.image;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Params;
import dev.weir.kernels.Kernel;
import dev.weir.kernels.TaskGraph;

import java.util.List;

/** A filter that is one launch of a 3x3 stencil kernel over {@link StencilArgs} (Laplacian, Sobel magnitude). */
abstract class StencilFilter extends KernelFilter {

    private final Kernel<StencilArgs> kernel;

    /** The kernel's arguments, made in {@link #prepare}. */
    protected StencilArgs args;

    StencilFilter(Kernel<StencilArgs> kernel) {
        this.kernel = kernel;
    }

    @Override
    protected final List<Kernel<?>> kernels() {
        return List.of(kernel);
    }

    @Override
    protected final TaskGraph prepare(Params params, DataType.ImageOf input, DataType.ImageOf output, int workers) {
        args = new StencilArgs(input.width().size(), input.height().size(), input.format().channels());
        return TaskGraph.named(context.nodeId()).task(kernel, args).build();
    }

    @Override
    protected final void bind(Frame src, Frame dst) {
        args.src = src.bytes();
        args.dst = dst.bytes();
    }
}
