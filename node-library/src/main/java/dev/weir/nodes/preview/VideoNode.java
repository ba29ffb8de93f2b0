package dev.weir.nodes.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.preview.PreviewAxis;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.preview.PreviewSpec;
import dev.weir.nodes.vision.ClassNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code preview.video}: shows the newest image of a video stream, with the newest detection boxes over it when
 * its {@code boxes} input is connected.
 *
 * <p>The image size is whatever feeds the node (the validator gives the input the writer's size, as for the
 * image filters), so lane 0 is an image of exactly that size and format. Lane 1 exists only when {@code boxes}
 * is connected: the newest boxes list, as corners ({@link dev.weir.engine.api.preview.PreviewBoxes}), with the
 * header of the list, whose index names the image the boxes were found in. Images and boxes are not paired: a
 * detector is slower than the video, and pairing would hold back the picture, so the viewer gets the newest of
 * each and can tell from the indexes how far the boxes lag. Class names come from {@code class_names}, as for
 * {@code vision.draw_boxes}.
 *
 * <p>Only the newest image is copied (older waiting ones are released unread); a 768x576 BGR picture is 1.3 MB,
 * one copy when taken and one when published.
 */
final class VideoNode extends PreviewSink {

    static final String ID = "preview.video";
    static final String GRAY8 = "gray8";
    static final String BGR24 = "bgr24";
    static final String RGB24 = "rgb24";

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder(ID, 1)
                .label("Video")
                .category(PreviewNodes.CATEGORY)
                .description("Shows the newest image of a video stream, with the newest detection boxes drawn over it "
                        + "when boxes are connected. Feed it through keep-latest edges.")
                .param(new ParamSpec("format", "Pixel format", new ParamType.ChoiceType(List.of(BGR24, RGB24, GRAY8)),
                        BGR24, "", false, "Pixel format of the images."))
                .param(Boxes.classNamesParam())
                .param(maxFpsParam())
                .input(PortSpec.of("image", new DataType.ByParam("format", Map.of(
                        GRAY8, image(PixelFormat.GRAY8),
                        BGR24, image(PixelFormat.BGR24),
                        RGB24, image(PixelFormat.RGB24))), "Images of any size."))
                .input(PortSpec.of("boxes", Boxes.inputType(),
                        "Detections (vision.yolo) in the images' pixels; the newest list is drawn.").asOptional())
                .preview()
                .factory(VideoNode::new)
                .build();
    }

    private static DataType image(PixelFormat format) {
        return new DataType.ImageOf(format, Dim.any(), Dim.any());
    }

    private Frame image;
    private boolean haveImage;
    private Frame boxes;
    private boolean withBoxes;
    private InputPort imageIn;
    private InputPort boxesIn;

    @Override
    protected PreviewSlot openSlot(ProcessorContext context) {
        Params p = context.params();
        DataType imageType = inputType(context, "image");
        image = new Frame(imageType);
        List<DataType> lanes = new ArrayList<>();
        lanes.add(imageType);
        withBoxes = context.isInputConnected("boxes");
        List<String> names = List.of();
        if (withBoxes) {
            DataType.RecordsOf t = (DataType.RecordsOf) inputType(context, "boxes");
            DataType lane = Boxes.laneType(t.maxCount().size());
            boxes = new Frame(lane);
            lanes.add(lane);
            names = ClassNames.forParam(p.getString("class_names"), who);
        }
        DataType.ImageOf img = (DataType.ImageOf) imageType;
        PreviewSpec spec = new PreviewSpec(PreviewKind.VIDEO, context.nodeId(),
                new PreviewAxis("x", "px", 0, img.width().size() - 1),
                new PreviewAxis("y", "px", 0, img.height().size() - 1), PreviewAxis.AUTO, names);
        return context.openPreview(spec, lanes);
    }

    @Override
    protected int take(Inputs ins) {
        if (imageIn == null) {
            imageIn = ins.port(0);
            boxesIn = ins.port(1);
        }
        int taken = skipToNewest(imageIn);
        if (imageIn.available() > 0) {
            image.copyFrom(imageIn.peek());
            haveImage = true;
            imageIn.release();
            taken++;
        }
        if (withBoxes) {
            taken += skipToNewest(boxesIn);
            if (boxesIn.available() > 0) {
                Boxes.toCorners(boxesIn.peek(), boxes);
                boxesIn.release();
                taken++;
            }
        }
        return taken;
    }

    /** Boxes that arrive before the first image wait for it: a viewer gets no blank picture. */
    @Override
    protected boolean ready() {
        return haveImage;
    }

    @Override
    protected void fill(Frame[] lanes) {
        lanes[0].copyFrom(image);
        if (withBoxes) {
            lanes[1].copyFrom(boxes);
        }
    }
}
