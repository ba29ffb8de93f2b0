package dev.weir.kernels.image;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.TypeInference;

import java.util.Arrays;
import java.util.List;

/**
 * {@code image.box_blur}: the mean over a {@code ksize x ksize} window, as OpenCV's {@code blur} on 8-bit images,
 * bit for bit. For windows of up to 256 pixels (ksize up to 16) OpenCV divides the 16-bit window sum with a
 * fixed-point reciprocal, {@code ((sum + delta) * scale) >> 23}; the same two constants are computed here. An
 * even ksize anchors the window at {@code ksize / 2}, as OpenCV's default anchor does.
 */
final class BoxBlurNode extends SeparableFilter {

    static final List<String> FORMATS = List.of("gray8", "rgb24", "bgr24");
    /** Largest window side for which OpenCV's 8-bit path (and so this node) is exact. */
    static final int MAX_KSIZE = 16;
    private static final int SHIFT = 23;

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("image.box_blur", 1)
                .label("Box blur")
                .category("Video/Filters")
                .description("Mean over a ksize x ksize window, as OpenCV's blur on 8-bit images (bit-exact, "
                        + "reflect-101 border).")
                .param(ImageParams.format(FORMATS, "gray8"))
                .param(ParamSpec.integer("ksize", "Kernel size", 3, 1, MAX_KSIZE, "px", true,
                        "Window width and height."))
                .param(ImageParams.backend())
                .param(ImageParams.threads())
                .input(PortSpec.of("in", ImageParams.byFormat(FORMATS), "Images."))
                .output(PortSpec.of("out", ImageParams.byFormat(FORMATS), "Blurred images, same size and format."))
                .infer(TypeInference.imageSizeFrom("in"))
                .acceleratorCapable(true)
                .factory(BoxBlurNode::new)
                .build();
    }

    @Override
    protected void apply(Params params, boolean opening) {
        int k = params.getInt("ksize");
        int[] ones = new int[k];
        Arrays.fill(ones, 1);
        int area = k * k;
        if (area == 1) {
            args.weights(ones, 0, ones, 0, 0, 1, 0);
            return;
        }
        int[] divide = divisor(area);
        args.weights(ones, k / 2, ones, k / 2, divide[1], divide[0], SHIFT);
    }

    /**
     * OpenCV's fixed-point division by {@code d}: {@code {scale, delta}} with {@code sum / d} computed as
     * {@code ((sum + delta) * scale) >> 23}, the scale rounded to nearest and the delta compensating its error.
     */
    static int[] divisor(int d) {
        double scalef = (double) (1 << SHIFT) / d;
        int scale = (int) Math.floor(scalef);
        scalef -= scale;
        int delta = d / 2;
        if (scalef < 0.5) {
            delta++;
        } else {
            scale++;
        }
        return new int[] {scale, delta};
    }
}
