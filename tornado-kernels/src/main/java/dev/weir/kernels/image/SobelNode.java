package dev.weir.kernels.image;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.TypeInference;

import java.util.List;

/**
 * {@code image.sobel}: the gradient magnitude {@code sqrt(gx^2 + gy^2)} from OpenCV's 3x3 Sobel derivatives,
 * rounded and saturated to 8 bits; equal to {@code convertScaleAbs(magnitude(Sobel(dx), Sobel(dy)))} computed in
 * float by OpenCV.
 */
final class SobelNode extends StencilFilter {

    static final List<String> FORMATS = List.of("gray8", "rgb24", "bgr24");

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("image.sobel", 1)
                .label("Sobel magnitude")
                .category("Video/Filters")
                .description("Gradient magnitude sqrt(gx^2 + gy^2) of the 3x3 Sobel derivatives, rounded and "
                        + "saturated to 8 bits, reflect-101 border.")
                .param(ImageParams.format(FORMATS, "gray8"))
                .param(ImageParams.backend())
                .param(ImageParams.threads())
                .input(PortSpec.of("in", ImageParams.byFormat(FORMATS), "Images."))
                .output(PortSpec.of("out", ImageParams.byFormat(FORMATS), "Edge strength, same size and format."))
                .infer(TypeInference.imageSizeFrom("in"))
                .acceleratorCapable(true)
                .factory(SobelNode::new)
                .build();
    }

    SobelNode() {
        super(FilterKernels.SOBEL_MAGNITUDE);
    }

    @Override
    protected void apply(Params params, boolean opening) {
        // No hot params.
    }
}
