package dev.weir.kernels.image;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.TypeInference;
import dev.weir.kernels.Kernel;
import dev.weir.kernels.TaskGraph;

import java.util.List;

/**
 * {@code image.threshold}: OpenCV's {@code THRESH_BINARY} and {@code THRESH_BINARY_INV} on every byte. As OpenCV
 * does for 8-bit images, the threshold is floored and maxval rounded (half to even) before comparing, so
 * {@code thresh = 127.5} keeps 127 below. Mode, threshold and maxval are hot.
 */
final class ThresholdNode extends KernelFilter {

    static final List<String> FORMATS = List.of("gray8", "rgb24", "bgr24");
    static final List<String> MODES = List.of("binary", "binary_inv");

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("image.threshold", 1)
                .label("Threshold")
                .category("Video/Filters")
                .description("Binary threshold of every byte, as OpenCV's threshold: binary gives maxval above "
                        + "thresh and 0 elsewhere, binary_inv the opposite.")
                .param(ImageParams.format(FORMATS, "gray8"))
                .param(new ParamSpec("mode", "Mode", new ParamType.ChoiceType(MODES), "binary", "", true,
                        "binary: src > thresh ? maxval : 0; binary_inv: src > thresh ? 0 : maxval."))
                .param(ParamSpec.real("thresh", "Threshold", 127, 0, 255, "", true,
                        "Values above it (after flooring, as OpenCV) count as above."))
                .param(ParamSpec.real("maxval", "Max value", 255, 0, 255, "", true,
                        "Output value for pixels on the selected side (rounded to an integer)."))
                .param(ImageParams.backend())
                .param(ImageParams.threads())
                .input(PortSpec.of("in", ImageParams.byFormat(FORMATS), "Images."))
                .output(PortSpec.of("out", ImageParams.byFormat(FORMATS), "Binary images, same size and format."))
                .infer(TypeInference.imageSizeFrom("in"))
                .acceleratorCapable(true)
                .factory(ThresholdNode::new)
                .build();
    }

    private PixelArgs args;

    @Override
    protected List<Kernel<?>> kernels() {
        return List.of(PixelKernels.THRESHOLD);
    }

    @Override
    protected TaskGraph prepare(Params params, DataType.ImageOf input, DataType.ImageOf output, int workers) {
        args = new PixelArgs(input.width().size(), input.height().size(), input.format().channels());
        return TaskGraph.named(context.nodeId()).task(PixelKernels.THRESHOLD, args).build();
    }

    @Override
    protected void apply(Params params, boolean opening) {
        int t = (int) Math.floor(params.getDouble("thresh"));
        byte max = (byte) (int) Math.rint(params.getDouble("maxval"));
        boolean inverse = params.getString("mode").equals("binary_inv");
        args.threshold = t;
        args.above = inverse ? 0 : max;
        args.below = inverse ? max : 0;
    }

    @Override
    protected void bind(Frame src, Frame dst) {
        args.src = src.bytes();
        args.dst = dst.bytes();
    }
}
