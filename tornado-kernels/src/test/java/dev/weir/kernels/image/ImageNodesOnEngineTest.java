package dev.weir.kernels.image;

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
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.GraphValidator;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.SessionState;
import dev.weir.engine.runtime.testnodes.GraphBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image nodes in a graph on the real validator and runtime: sizes flow from a source through type inference,
 * two engine workers and the shared kernel pool run them together, and the frames at the sinks are OpenCV's.
 */
class ImageNodesOnEngineTest {

    private static final int FRAMES = 40;

    /** Frames each sink received, by sink node id, as copies. */
    private final Map<String, List<byte[]>> received = new ConcurrentHashMap<>();

    /** A source of {@code count} copies of the oracle's RGB picture, and a sink that keeps grey frames. */
    private NodeProvider testNodes(Images.Image picture) {
        NodeDescriptor source = NodeDescriptor.builder("test.picture", 1)
                .param(ParamSpec.integer("count", "Count", 1, 1, 1000, "", false, "Frames."))
                .param(ParamSpec.integer("width", "Width", picture.width(), 1, 10_000, "px", false, "Width."))
                .param(ParamSpec.integer("height", "Height", picture.height(), 1, 10_000, "px", false, "Height."))
                .output(PortSpec.of("out", new DataType.ImageOf(PixelFormat.RGB24, Dim.param("width"),
                        Dim.param("height")), "The picture."))
                .factory(() -> new Processor() {
                    private int sent;
                    private int count;

                    @Override
                    public void open(ProcessorContext context) {
                        count = context.params().getInt("count");
                    }

                    @Override
                    public WorkStatus process(Inputs in, Outputs out) {
                        if (sent == count) {
                            return WorkStatus.DONE;
                        }
                        OutputPort o = out.port(0);
                        if (o.remaining() == 0) {
                            return WorkStatus.NEED_OUTPUT_SPACE;
                        }
                        Frame f = o.claim();
                        System.arraycopy(picture.bytes(), 0, f.bytes(), 0, picture.bytes().length);
                        f.setIndex(sent++);
                        o.publish();
                        return WorkStatus.OK;
                    }
                })
                .build();
        NodeDescriptor sink = NodeDescriptor.builder("test.grey_sink", 1)
                .input(PortSpec.of("in", new DataType.ImageOf(PixelFormat.GRAY8, Dim.any(), Dim.any()), "Frames."))
                .factory(() -> new Processor() {
                    private List<byte[]> frames;

                    @Override
                    public void open(ProcessorContext context) {
                        frames = Collections.synchronizedList(new ArrayList<>());
                        received.put(context.nodeId(), frames);
                    }

                    @Override
                    public WorkStatus process(Inputs in, Outputs out) {
                        InputPort p = in.port(0);
                        if (p.available() == 0) {
                            return WorkStatus.NEED_INPUT;
                        }
                        frames.add(p.peek().bytes().clone());
                        p.release();
                        return WorkStatus.OK;
                    }
                })
                .build();
        return () -> List.of(source, sink);
    }

    @Test
    void aGraphOfImageNodesRunsOnTheEngineAndMatchesOpenCv() {
        Images.Image rgb = Images.load("rgb_97x61.npy");
        NodeRegistry registry = NodeRegistry.of(new ImageNodes(), testNodes(rgb));
        GraphDocument doc = new GraphBuilder("filters")
                .node("cam", "test.picture", "count", FRAMES)
                .node("grey", "image.grey", "format", "rgb24")
                .node("blur", "image.gaussian_blur", "sigma", 1.0)
                .node("bin", "image.threshold", "thresh", 127.5, "maxval", 255)
                .node("small", "image.resize", "format", "gray8", "width", 64, "height", 40)
                .node("k_blur", "test.grey_sink")
                .node("k_bin", "test.grey_sink")
                .node("k_small", "test.grey_sink")
                .edge("cam.out", "grey.in")
                .edge("grey.out", "blur.in").edge("grey.out", "bin.in").edge("grey.out", "small.in")
                .edge("blur.out", "k_blur.in").edge("bin.out", "k_bin.in").edge("small.out", "k_small.in")
                .build();
        assertThat(new GraphValidator(registry).validate(doc)).isEmpty();

        RunResult r = new Engine(registry).start(doc, RunOptions.defaults().withWorkerThreads(2))
                .await(Duration.ofSeconds(60)).orElseThrow();

        assertThat(r.state()).as(r.toString()).isEqualTo(SessionState.COMPLETED);
        expectAll("k_blur", "gaussian_gray8_k0_s1.0");
        expectAll("k_bin", "threshold_gray8_binary");
        expectAll("k_small", "resize_gray8_64x40");
    }

    private void expectAll(String sink, String oracle) {
        byte[] want = Images.load(Images.oracle(oracle).expected()).bytes();
        List<byte[]> got = received.get(sink);
        assertThat(got).as(sink).hasSize(FRAMES);
        for (byte[] frame : got) {
            assertThat(frame).as(sink).isEqualTo(want);
        }
    }

    @Test
    void theValidatorSaysWhenAFilterIsFedTheWrongFormat() {
        Images.Image rgb = Images.load("rgb_97x61.npy");
        NodeRegistry registry = NodeRegistry.of(new ImageNodes(), testNodes(rgb));
        GraphDocument doc = new GraphBuilder("bad")
                .node("cam", "test.picture")
                .node("blur", "image.gaussian_blur", "format", "gray8")
                .node("k", "test.grey_sink")
                .edge("cam.out", "blur.in").edge("blur.out", "k.in")
                .build();
        var problems = new GraphValidator(registry).validate(doc);
        assertThat(problems).extracting(p -> p.code()).contains(dev.weir.engine.model.ProblemCode.TYPE_MISMATCH);
        assertThat(problems).anySatisfy(p -> assertThat(p.message())
                .contains("image<rgb24>[97x61] cannot feed image<gray8>"));
    }
}
