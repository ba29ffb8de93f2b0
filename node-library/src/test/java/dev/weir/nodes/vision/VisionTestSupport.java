package dev.weir.nodes.vision;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.WorkStatus;
import dev.weir.engine.api.testing.TestContext;
import dev.weir.engine.api.testing.TestInputPort;
import dev.weir.engine.api.testing.TestOutputPort;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Images, node runs and boxes for the vision tests. */
final class VisionTestSupport {

    private VisionTestSupport() {
    }

    /** A decoded image file as one BGR24 frame of its own size (javax.imageio, converted to 3-byte BGR). */
    static Frame bgrFrame(Path file) {
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (decoded == null) {
            throw new IllegalArgumentException("javax.imageio cannot decode " + file);
        }
        BufferedImage bgr = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(decoded, 0, 0, null);
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData(); // B, G, R per pixel
        Frame f = new Frame(new DataType.ImageOf(PixelFormat.BGR24, Dim.of(bgr.getWidth()), Dim.of(bgr.getHeight())));
        System.arraycopy(pixels, 0, f.bytes(), 0, pixels.length);
        return f;
    }

    /** The same pixels with R and B swapped, as an RGB24 frame. */
    static Frame toRgb(Frame bgr) {
        DataType.ImageOf t = (DataType.ImageOf) bgr.type();
        Frame f = new Frame(new DataType.ImageOf(PixelFormat.RGB24, t.width(), t.height())).copyHeaderFrom(bgr);
        byte[] s = bgr.bytes();
        byte[] d = f.bytes();
        for (int i = 0; i < s.length; i += 3) {
            d[i] = s[i + 2];
            d[i + 1] = s[i + 1];
            d[i + 2] = s[i];
        }
        return f;
    }

    /**
     * Runs a fresh processor of {@code type} over {@code inputs} (port name to frames, every stream ended) with a
     * roomy output, and returns what its first output published. Opens and closes it like the engine.
     */
    static List<Frame> run(NodeDescriptor type, Params params, Map<String, List<Frame>> inputs) throws Exception {
        return run(type.factory().create(), type, params, inputs);
    }

    /** Like {@link #run(NodeDescriptor, Params, Map)} on a given processor. */
    static List<Frame> run(Processor p, NodeDescriptor type, Params params, Map<String, List<Frame>> inputs)
            throws Exception {
        Map<String, DataType> fed = new LinkedHashMap<>();
        inputs.forEach((port, frames) -> fed.put(port, frames.getFirst().type()));
        Set<String> unconnected = new java.util.HashSet<>();
        for (ResolvedPort rp : type.resolveInputs(type.canonicalParams(params))) {
            if (!inputs.containsKey(rp.name())) {
                unconnected.add(rp.name());
            }
        }
        TestContext ctx = TestContext.inferred("n", type, params, unconnected, fed);
        List<TestInputPort> ins = new ArrayList<>();
        for (ResolvedPort rp : ctx.inputs()) {
            boolean connected = inputs.containsKey(rp.name());
            TestInputPort port = new TestInputPort(rp, connected);
            if (connected) {
                port.feed(inputs.get(rp.name())).endStream();
            }
            ins.add(port);
        }
        ResolvedPort o = ctx.outputs().getFirst();
        TestOutputPort out = new TestOutputPort(o, 1024, true);
        try {
            p.open(ctx);
            Inputs in = new Inputs(ins);
            Outputs outs = new Outputs(List.of(out));
            for (int calls = 0; !in.allEndOfStream(); calls++) {
                WorkStatus s = p.process(in, outs);
                if (s != WorkStatus.OK || calls > 10_000) {
                    throw new AssertionError("process returned " + s + " after " + calls + " calls with input left");
                }
            }
            while (p.complete(outs) != WorkStatus.DONE) {
                // a node without a tail finishes at once
            }
        } finally {
            p.close();
        }
        return out.drain();
    }

    /** One detection in corner form, with its class name, for readable assertions. */
    record Box(int classId, String name, double score, double x1, double y1, double x2, double y2) {

        static Box corners(String name, int classId, double x1, double y1, double x2, double y2) {
            return new Box(classId, name, Double.NaN, x1, y1, x2, y2);
        }

        double iou(Box o) {
            double iw = Math.min(x2, o.x2) - Math.max(x1, o.x1);
            double ih = Math.min(y2, o.y2) - Math.max(y1, o.y1);
            if (iw <= 0 || ih <= 0) {
                return 0;
            }
            double inter = iw * ih;
            return inter / ((x2 - x1) * (y2 - y1) + (o.x2 - o.x1) * (o.y2 - o.y1) - inter);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s(%d) %.3f [%.1f, %.1f, %.1f, %.1f]", name, classId, score, x1, y1, x2, y2);
        }
    }

    /** The records of a {@code records<boxes>} frame as boxes, named with {@code names}. */
    static List<Box> boxes(Frame records, List<String> names) {
        if (!(records.type() instanceof DataType.RecordsOf r) || !r.schema().equals(RecordSchema.BOXES)) {
            throw new IllegalArgumentException("not a boxes frame: " + records);
        }
        List<Box> out = new ArrayList<>();
        for (int i = 0; i < records.length(); i++) {
            double cx = records.recordDouble(i, 0);
            double cy = records.recordDouble(i, 1);
            double w = records.recordDouble(i, 2);
            double h = records.recordDouble(i, 3);
            int c = (int) records.recordLong(i, 5);
            out.add(new Box(c, c < names.size() ? names.get(c) : "class" + c, records.recordDouble(i, 4),
                    cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2));
        }
        return out;
    }

    /** A {@code records<boxes>} frame of capacity {@code max} holding {@code boxes} (cx, cy, w, h, score, class). */
    static Frame boxesFrame(int max, double[]... boxes) {
        Frame f = new Frame(new DataType.RecordsOf(RecordSchema.BOXES, Dim.of(max)));
        f.setLength(boxes.length);
        for (int i = 0; i < boxes.length; i++) {
            for (int k = 0; k < 5; k++) {
                f.setRecordDouble(i, k, boxes[i][k]);
            }
            f.setRecordLong(i, 5, (long) boxes[i][5]);
        }
        return f;
    }
}
