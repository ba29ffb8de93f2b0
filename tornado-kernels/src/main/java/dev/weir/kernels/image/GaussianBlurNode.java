package dev.weir.kernels.image;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.TypeInference;

import java.util.List;

/**
 * {@code image.gaussian_blur}: OpenCV's 8-bit {@code GaussianBlur} with {@code BORDER_REFLECT_101}, bit for bit:
 * the fixed-point kernel of {@link GaussianCoefficients}, a horizontal then a vertical pass. Sigma and the kernel
 * size are hot: new weights are computed between two frames.
 */
final class GaussianBlurNode extends SeparableFilter {

    static final List<String> FORMATS = List.of("gray8", "rgb24", "bgr24");
    /** Largest kernel: 6 sigma + 1 for the largest sigma. */
    static final int MAX_KSIZE = 61;

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("image.gaussian_blur", 1)
                .label("Gaussian blur")
                .category("Video/Filters")
                .description("Gaussian blur as OpenCV's GaussianBlur on 8-bit images (bit-exact, reflect-101 "
                        + "border). The kernel size follows sigma (6 sigma + 1, odd) unless ksize is set.")
                .param(ImageParams.format(FORMATS, "gray8"))
                .param(ParamSpec.real("sigma", "Sigma", 1.0, 0.1, 10.0, "px", true,
                        "Standard deviation of the Gaussian, in pixels, both directions."))
                .param(ParamSpec.integer("ksize", "Kernel size", 0, 0, MAX_KSIZE, "px", true,
                        "Odd kernel width and height; 0 derives it from sigma as OpenCV does for 8-bit images."))
                .param(ImageParams.backend())
                .param(ImageParams.threads())
                .input(PortSpec.of("in", ImageParams.byFormat(FORMATS), "Images."))
                .output(PortSpec.of("out", ImageParams.byFormat(FORMATS), "Blurred images, same size and format."))
                .infer(TypeInference.imageSizeFrom("in"))
                .acceleratorCapable(true)
                .factory(GaussianBlurNode::new)
                .build();
    }

    @Override
    protected void apply(Params params, boolean opening) {
        double sigma = params.getDouble("sigma");
        int ksize = params.getInt("ksize");
        if (ksize % 2 == 0 && ksize != 0) {
            String problem = "param 'ksize' must be odd (or 0 to follow sigma), was " + ksize;
            refuse(problem, opening);
            return;
        }
        int n = ksize == 0 ? GaussianCoefficients.sizeFor(sigma) : ksize;
        int[] w = GaussianCoefficients.fixedPoint(n, sigma);
        // Both passes keep every bit: 8 fraction bits after the rows, 16 after the columns, then round half up.
        args.weights(w, n / 2, w, n / 2, 1 << 15, 1, 16);
    }
}
