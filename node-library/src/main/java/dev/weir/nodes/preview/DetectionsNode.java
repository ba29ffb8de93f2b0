package dev.weir.nodes.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.preview.PreviewAxis;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.preview.PreviewSpec;
import dev.weir.nodes.vision.ClassNames;

import java.util.List;

/**
 * {@code preview.detections}: lists the newest detection boxes ({@code vision.yolo}'s) as a table of corners,
 * score and class, named from {@code class_names} as {@code vision.draw_boxes} names them (an ONNX model's
 * metadata, a names file, or the bundled COCO names).
 *
 * <p>The lane is the newest list as corners ({@link dev.weir.engine.api.preview.PreviewBoxes}) with the list's
 * header, so its index says which image the boxes belong to. An empty list is published too: "nothing found" is
 * news for a table. Older lists waiting behind the newest are released unread.
 */
final class DetectionsNode extends PreviewSink {

    static final String ID = "preview.detections";

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder(ID, 1)
                .label("Detections")
                .category(PreviewNodes.CATEGORY)
                .description("Lists the newest detection boxes (corners, score, class name) as a table. Feed it "
                        + "through a keep-latest edge.")
                .param(Boxes.classNamesParam())
                .param(maxFpsParam())
                .input(PortSpec.of("boxes", Boxes.inputType(), "Detections (vision.yolo)."))
                .preview()
                .factory(DetectionsNode::new)
                .build();
    }

    private Frame newest;
    private InputPort in;

    @Override
    protected PreviewSlot openSlot(ProcessorContext context) {
        DataType.RecordsOf t = (DataType.RecordsOf) inputType(context, "boxes");
        DataType lane = Boxes.laneType(t.maxCount().size());
        newest = new Frame(lane);
        List<String> names = ClassNames.forParam(context.params().getString("class_names"), who);
        PreviewSpec spec = new PreviewSpec(PreviewKind.DETECTIONS, context.nodeId(), PreviewAxis.AUTO,
                PreviewAxis.AUTO, PreviewAxis.AUTO, names);
        return context.openPreview(spec, List.of(lane));
    }

    @Override
    protected int take(Inputs ins) {
        if (in == null) {
            in = ins.port(0);
        }
        int taken = skipToNewest(in);
        if (in.available() > 0) {
            Boxes.toCorners(in.peek(), newest);
            in.release();
            taken++;
        }
        return taken;
    }

    @Override
    protected void fill(Frame[] lanes) {
        lanes[0].copyFrom(newest);
    }
}
