package dev.weir.kernels.image;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.TypeInference;

import java.util.List;

/**
 * {@code image.laplacian}: the absolute Laplacian saturated to 8 bits, equal to OpenCV's
 * {@code convertScaleAbs(Laplacian(src, CV_16S, ksize))} for ksize 1 and 3 (integer arithmetic, exact).
 */
final class LaplacianNode extends StencilFilter {

    static final List<String> FORMATS = List.of("gray8", "rgb24", "bgr24");

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("image.laplacian", 1)
                .label("Laplacian")
                .category("Video/Filters")
                .description("|Laplacian| saturated to 8 bits, as OpenCV's convertScaleAbs(Laplacian(src, CV_16S, "
                        + "ksize)) with reflect-101 border; ksize 1 is the 4-neighbour kernel, 3 the diagonal one.")
                .param(ImageParams.format(FORMATS, "gray8"))
                .param(ParamSpec.integer("ksize", "Aperture", 1, 1, 3, "px", true, "1 or 3, as OpenCV's ksize."))
                .param(ImageParams.backend())
                .param(ImageParams.threads())
                .input(PortSpec.of("in", ImageParams.byFormat(FORMATS), "Images."))
                .output(PortSpec.of("out", ImageParams.byFormat(FORMATS), "Edge strength, same size and format."))
                .infer(TypeInference.imageSizeFrom("in"))
                .acceleratorCapable(true)
                .factory(LaplacianNode::new)
                .build();
    }

    LaplacianNode() {
        super(FilterKernels.LAPLACIAN);
    }

    @Override
    protected void apply(Params params, boolean opening) {
        int k = params.getInt("ksize");
        if (k != 1 && k != 3) {
            String problem = "param 'ksize' must be 1 or 3, was " + k;
            refuse(problem, opening);
            return;
        }
        args.aperture = k;
    }
}
