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
 * {@code image.letterbox}: resize keeping the aspect ratio, centred on a {@code width x height} canvas padded
 * with a constant grey, as YOLO's preprocessing (Ultralytics' {@code LetterBox} with {@code auto=False},
 * {@code center=True}) does, bit for bit with its OpenCV calls. See {@link Geometry} for where the picture lands;
 * a detector downstream maps boxes back with the same numbers.
 */
final class LetterboxNode extends KernelFilter {

    static final List<String> FORMATS = List.of("rgb24", "bgr24", "gray8");

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("image.letterbox", 1)
                .label("Letterbox")
                .category("Video/Filters")
                .description("Resize keeping the aspect ratio (bilinear, as OpenCV INTER_LINEAR) and pad to "
                        + "width x height, centred, with pad_value: YOLO's (Ultralytics') letterbox.")
                .param(ImageParams.format(FORMATS, "rgb24"))
                .param(ParamSpec.integer("width", "Width", 640, 1, ResizeNode.MAX_SIDE, "px", false,
                        "Canvas width."))
                .param(ParamSpec.integer("height", "Height", 640, 1, ResizeNode.MAX_SIDE, "px", false,
                        "Canvas height."))
                .param(ParamSpec.bool("scale_up", "Scale up", true, false,
                        "Enlarge pictures smaller than the canvas; when false they are only padded."))
                .param(ParamSpec.integer("pad_value", "Pad value", 114, 0, 255, "", true,
                        "Byte written in every channel of the border (114: Ultralytics' grey)."))
                .param(ImageParams.backend())
                .param(ImageParams.threads())
                .input(PortSpec.of("in", ImageParams.byFormat(FORMATS), "Images of any size."))
                .output(PortSpec.of("out", ImageParams.byFormatSized(FORMATS), "Canvases of width x height."))
                .acceleratorCapable(true)
                .factory(LetterboxNode::new)
                .build();
    }

    /**
     * Where a {@code srcWidth x srcHeight} picture lands on a {@code width x height} canvas, by Ultralytics'
     * arithmetic: {@code r = min(height / srcHeight, width / srcWidth)} (at most 1 without scale-up), the picture
     * {@code round(srcWidth r) x round(srcHeight r)} (Python's round, half to even; at least 1 pixel), and the
     * spare {@code d} pixels split as {@code round(d/2 - 0.1)} before and the rest after, so an odd spare puts
     * the extra pixel on the right or bottom.
     *
     * @param scale   r: canvas pixels per source pixel
     * @param width   picture width on the canvas
     * @param height  picture height on the canvas
     * @param left    first picture column
     * @param top     first picture row
     */
    record Geometry(double scale, int width, int height, int left, int top) {

        static Geometry of(int srcWidth, int srcHeight, int width, int height, boolean scaleUp) {
            double r = Math.min((double) height / srcHeight, (double) width / srcWidth);
            if (!scaleUp) {
                r = Math.min(r, 1.0);
            }
            int w = Math.max(1, (int) Math.rint(srcWidth * r));
            int h = Math.max(1, (int) Math.rint(srcHeight * r));
            double dw = (width - w) / 2.0;
            double dh = (height - h) / 2.0;
            return new Geometry(r, w, h, (int) Math.rint(dw - 0.1), (int) Math.rint(dh - 0.1));
        }
    }

    private ResizeArgs args;

    @Override
    protected List<Kernel<?>> kernels() {
        return List.of(ResizeKernels.ROWS, ResizeKernels.COLS, ResizeKernels.PAD);
    }

    @Override
    protected TaskGraph prepare(Params params, DataType.ImageOf input, DataType.ImageOf output, int workers) {
        int outW = output.width().size();
        int outH = output.height().size();
        Geometry g = Geometry.of(input.width().size(), input.height().size(), outW, outH,
                params.getBoolean("scale_up"));
        args = new ResizeArgs(input.width().size(), input.height().size(), input.format().channels(),
                g.width(), g.height(), outW, outH, g.left(), g.top());
        return TaskGraph.named(context.nodeId())
                .task(ResizeKernels.ROWS, args)
                .task(ResizeKernels.COLS, args)
                .task(ResizeKernels.PAD, args)
                .build();
    }

    @Override
    protected void apply(Params params, boolean opening) {
        args.pad = (byte) params.getInt("pad_value");
    }

    @Override
    protected void bind(Frame src, Frame dst) {
        args.src = src.bytes();
        args.dst = dst.bytes();
    }
}
