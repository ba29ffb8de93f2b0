package dev.weir.kernels.image;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.TypeInference;
import dev.weir.kernels.Kernel;
import dev.weir.kernels.TaskGraph;

import java.util.List;

/**
 * {@code image.grey}: RGB24 or BGR24 to GRAY8 with OpenCV 4.6's {@code cvtColor} weights and rounding
 * ({@code (9798 R + 19235 G + 3735 B + 2^14) >> 15}), so the result equals OpenCV's bit for bit.
 */
final class GreyNode extends KernelFilter {

    private static final List<String> FORMATS = List.of("rgb24", "bgr24");

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("image.grey", 1)
                .label("Grey")
                .category("Video/Filters")
                .description("Colour to grey (luma) with OpenCV's cvtColor weights 0.299 R + 0.587 G + 0.114 B, "
                        + "bit-exact. Runs on the kernel backend.")
                .param(ImageParams.format(FORMATS, "rgb24"))
                .param(ImageParams.backend())
                .param(ImageParams.threads())
                .input(PortSpec.of("in", ImageParams.byFormat(FORMATS), "Colour images."))
                .output(PortSpec.of("out", ImageParams.anySize(PixelFormat.GRAY8), "Grey images of the same size."))
                .infer(TypeInference.imageSizeFrom("in"))
                .acceleratorCapable(true)
                .factory(GreyNode::new)
                .build();
    }

    private PixelArgs args;

    @Override
    protected List<Kernel<?>> kernels() {
        return List.of(PixelKernels.GREY);
    }

    @Override
    protected TaskGraph prepare(Params params, DataType.ImageOf input, DataType.ImageOf output, int workers) {
        args = new PixelArgs(input.width().size(), input.height().size(), 3);
        boolean rgb = input.format() == PixelFormat.RGB24;
        args.w0 = rgb ? PixelKernels.R_WEIGHT : PixelKernels.B_WEIGHT;
        args.w1 = PixelKernels.G_WEIGHT;
        args.w2 = rgb ? PixelKernels.B_WEIGHT : PixelKernels.R_WEIGHT;
        return TaskGraph.named(context.nodeId()).task(PixelKernels.GREY, args).build();
    }

    @Override
    protected void apply(Params params, boolean opening) {
        // Nothing is hot: the format types the ports.
    }

    @Override
    protected void bind(Frame src, Frame dst) {
        args.src = src.bytes();
        args.dst = dst.bytes();
    }
}
