package dev.weir.nodes.vision;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;

import java.util.List;

/**
 * Image understanding: {@code vision.yolo} (object detection on ONNX Runtime) and {@code vision.draw_boxes}
 * (detections drawn onto the image). Found by {@link java.util.ServiceLoader} through {@code META-INF/services}.
 *
 * <pre>
 *  image ──▶ vision.yolo ──records&lt;boxes&gt;──▶ vision.draw_boxes ──▶ image with boxes
 *    └──────────────────────────────────────────────┘
 * </pre>
 *
 * Both take packed BGR24 or RGB24 images of any size (a {@code format} param) and use {@code records<boxes>}
 * ({@link dev.weir.engine.api.RecordSchema#BOXES}) in pixels of the original image. These nodes live in the node
 * library rather than a module of their own: the heavy part runs inside ONNX Runtime on its own intra-op threads,
 * and the Java side is one fused pass of pre- and post-processing on the node's thread.
 */
public final class VisionNodes implements NodeProvider {

    /** Called once by whoever builds a registry; builds the descriptors (loads no model). */
    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(YoloNode.descriptor(), DrawBoxesNode.descriptor());
    }
}
