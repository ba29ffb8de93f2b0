package dev.weir.kernels.image;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.kernels.Kernel;
import dev.weir.kernels.TaskGraph;

import java.util.List;

/**
 * {@code image.resize}: bilinear resize to {@code width x height}, equal to OpenCV's
 * {@code resize(..., INTER_LINEAR)} on 8-bit images bit for bit (half-pixel centres, Q11 weights; see
 * {@link ResizeArgs}). The output size types the output port, so it is not hot.
 */
final class ResizeNode extends KernelFilter {

    static final List<String> FORMATS = List.of("gray8", "rgb24", "bgr24");
    static final int MAX_SIDE = 16384;

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("image.resize", 1)
                .label("Resize")
                .category("Video/Filters")
                .description("Bilinear resize to width x height, as OpenCV's resize with INTER_LINEAR on 8-bit "
                        + "images (bit-exact). The aspect ratio is not kept; image.letterbox keeps it.")
                .param(ImageParams.format(FORMATS, "rgb24"))
                .param(ParamSpec.integer("width", "Width", 640, 1, MAX_SIDE, "px", false, "Output width."))
                .param(ParamSpec.integer("height", "Height", 480, 1, MAX_SIDE, "px", false, "Output height."))
                .param(ImageParams.backend())
                .param(ImageParams.threads())
                .input(PortSpec.of("in", ImageParams.byFormat(FORMATS), "Images of any size."))
                .output(PortSpec.of("out", ImageParams.byFormatSized(FORMATS), "Images of width x height."))
                .acceleratorCapable(true)
                .factory(ResizeNode::new)
                .build();
    }

    private ResizeArgs args;

    @Override
    protected List<Kernel<?>> kernels() {
        return List.of(ResizeKernels.ROWS, ResizeKernels.COLS);
    }

    @Override
    protected TaskGraph prepare(Params params, DataType.ImageOf input, DataType.ImageOf output, int workers) {
        args = new ResizeArgs(input.width().size(), input.height().size(), input.format().channels(),
                output.width().size(), output.height().size());
        return TaskGraph.named(context.nodeId())
                .task(ResizeKernels.ROWS, args)
                .task(ResizeKernels.COLS, args)
                .build();
    }

    @Override
    protected void apply(Params params, boolean opening) {
        // No hot params: the size types the output.
    }

    @Override
    protected void bind(Frame src, Frame dst) {
        args.src = src.bytes();
        args.dst = dst.bytes();
    }
}
