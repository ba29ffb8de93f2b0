package dev.weir.e2e;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.WorkStatus;
import dev.weir.engine.api.testing.Assets;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.SessionState;
import dev.weir.engine.runtime.testnodes.GraphBuilder;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vision.yolo} and {@code vision.draw_boxes} on the real engine, found through ServiceLoader: the seed's
 * one-step-lag shape, where the boxes reach the draw node through a delay edge (z^-1).
 *
 * <pre>
 *   test.image_source ──▶ vision.yolo ──z^-1──▶ vision.draw_boxes ──▶ test.image_collect
 *          └─────────────────────────────────────────▲ image
 * </pre>
 *
 * The detector runs on a BLOCKING thread of its own; the rest on two workers.
 */
class VisionOnEngineTest {

    private static final int DOG = 0x520085; // Ultralytics' palette colour of class 16, "dog"

    private final ImageNodes images = new ImageNodes(dogJpg());
    private final NodeRegistry registry = NodeRegistry.load(getClass().getClassLoader()).with(images);

    @Test
    void imageNGetsTheBoxesOfImageNMinusOneThroughADelayEdge() {
        GraphDocument doc = new GraphBuilder("vision")
                .node("src", "test.image_source", "count", 3)
                .node("yolo", "vision.yolo", "model", Assets.require("models/yolov8n.onnx").toString())
                .node("draw", "vision.draw_boxes")
                .node("sink", "test.image_collect")
                .edge("src.out", "yolo.image")
                .edge("src.out", "draw.image")
                .edge("yolo.boxes", "draw.boxes", EdgeSpec.DEFAULT.withDelay(1))
                .edge("draw.image", "sink.in")
                .build();
        RunResult r = new Engine(registry).start(doc, RunOptions.defaults().withWorkerThreads(2))
                .await(Duration.ofSeconds(60)).orElseThrow();
        assertThat(r.state()).as("%s", r).isEqualTo(SessionState.COMPLETED);

        List<Frame> out = List.copyOf(images.collected);
        assertThat(out).extracting(Frame::index).containsExactly(0L, 1L, 2L);
        byte[] source = images.image.bytes();
        // image 0 met the delay's empty list: unchanged
        assertThat(out.get(0).bytes()).isEqualTo(source);
        // images 1 and 2 got the boxes of images 0 and 1, the same picture: the same drawing, with a dog outline
        assertThat(out.get(1).bytes()).isNotEqualTo(source).isEqualTo(out.get(2).bytes());
        assertThat(count(out.get(1).bytes(), DOG)).isGreaterThan(count(source, DOG) + 1000);
    }

    private static int count(byte[] bgr, int rgb) {
        int n = 0;
        for (int i = 0; i < bgr.length; i += 3) {
            if ((bgr[i] & 0xFF) == (rgb & 0xFF) && (bgr[i + 1] & 0xFF) == (rgb >> 8 & 0xFF)
                    && (bgr[i + 2] & 0xFF) == (rgb >> 16 & 0xFF)) {
                n++;
            }
        }
        return n;
    }

    private static Frame dogJpg() {
        try {
            BufferedImage decoded = ImageIO.read(Assets.require("images/dog.jpg").toFile());
            BufferedImage bgr = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            bgr.getGraphics().drawImage(decoded, 0, 0, null);
            byte[] px = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
            Frame f = new Frame(new DataType.ImageOf(PixelFormat.BGR24, Dim.of(bgr.getWidth()), Dim.of(bgr.getHeight())));
            System.arraycopy(px, 0, f.bytes(), 0, px.length);
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * {@code test.image_source} emits one picture {@code count} times (index 0, 1, ...); {@code test.image_collect}
     * keeps a copy of every image it gets (a test sink: it allocates).
     */
    private static final class ImageNodes implements NodeProvider {
        final Frame image;
        final Queue<Frame> collected = new ConcurrentLinkedQueue<>();

        ImageNodes(Frame image) {
            this.image = image;
        }

        @Override
        public List<NodeDescriptor> descriptors() {
            return List.of(
                    NodeDescriptor.builder("test.image_source", 1)
                            .category("Test")
                            .param(ParamSpec.integer("count", "Count", 1, 1, 1000, "", false, "images"))
                            .output(PortSpec.of("out", image.type(), "the picture"))
                            .factory(Source::new)
                            .build(),
                    NodeDescriptor.builder("test.image_collect", 1)
                            .category("Test")
                            .input(PortSpec.of("in", new DataType.ImageOf(PixelFormat.BGR24, Dim.any(), Dim.any()), "images"))
                            .factory(Collect::new)
                            .build());
        }

        private final class Source implements Processor {
            private long count;
            private long sent;

            @Override
            public void open(ProcessorContext context) {
                count = context.params().getLong("count");
            }

            @Override
            public WorkStatus process(Inputs in, Outputs outs) {
                OutputPort out = outs.port(0);
                if (sent == count) {
                    return WorkStatus.DONE;
                }
                if (out.remaining() == 0) {
                    return WorkStatus.NEED_OUTPUT_SPACE;
                }
                Frame f = out.claim();
                f.copyFrom(image);
                f.setIndex(sent++);
                out.publish();
                return WorkStatus.OK;
            }
        }

        private final class Collect implements Processor {
            @Override
            public void open(ProcessorContext context) {
            }

            @Override
            public WorkStatus process(Inputs ins, Outputs outs) {
                InputPort in = ins.port(0);
                if (in.available() == 0) {
                    return WorkStatus.NEED_INPUT;
                }
                while (in.available() > 0) {
                    Frame f = in.peek();
                    Frame copy = new Frame(f.type()).copyFrom(f);
                    collected.add(copy);
                    in.release();
                }
                return WorkStatus.OK;
            }
        }
    }
}
