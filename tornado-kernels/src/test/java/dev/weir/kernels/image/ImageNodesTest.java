package dev.weir.kernels.image;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.testing.ProcessorVerifier;
import dev.weir.engine.api.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The image nodes' descriptors, type inference and failures, and their behaviour on full-size frames: the same
 * bytes with one thread and with several, against plain reference loops, with no allocation once warm.
 */
class ImageNodesTest {

    static final NodeRegistry REGISTRY = NodeRegistry.of(new ImageNodes());
    static final List<String> IDS = List.of("image.grey", "image.gaussian_blur", "image.box_blur", "image.laplacian",
            "image.sobel", "image.threshold", "image.resize", "image.letterbox");

    static NodeDescriptor type(String id) {
        return REGISTRY.find(id).orElseThrow();
    }

    @Test
    void theProviderIsFoundThroughServiceLoaderWithEveryNode() {
        List<String> ids = ServiceLoader.load(NodeProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .flatMap(p -> p.descriptors().stream())
                .map(NodeDescriptor::id)
                .toList();
        assertThat(ids).containsAll(IDS);
        assertThat(REGISTRY.all()).extracting(NodeDescriptor::id).containsExactlyInAnyOrderElementsOf(IDS);
    }

    @Test
    void everyNodeIsAnAcceleratorCapableVideoFilterWithABackendChoice() {
        for (String id : IDS) {
            NodeDescriptor d = type(id);
            assertThat(d.category()).as(id).isEqualTo("Video/Filters");
            assertThat(d.acceleratorCapable()).as(id).isTrue();
            assertThat(d.param("backend")).as(id).hasValueSatisfying(p -> {
                assertThat(p.defaultValue()).isEqualTo("auto");
                assertThat(p.hotUpdatable()).isFalse();
            });
            assertThat(d.param("threads")).as(id).hasValueSatisfying(p -> assertThat(p.hotUpdatable()).isFalse());
            assertThat(d.param("format")).as(id).hasValueSatisfying(p -> assertThat(p.hotUpdatable()).isFalse());
        }
    }

    @Test
    void onlyParamsThatKeepThePortsAreHot() {
        Map<String, Set<String>> hot = IDS.stream().collect(Collectors.toMap(id -> id, id -> type(id).params()
                .stream().filter(ParamSpec::hotUpdatable).map(ParamSpec::key).collect(Collectors.toSet())));
        assertThat(hot).containsEntry("image.grey", Set.of())
                .containsEntry("image.gaussian_blur", Set.of("sigma", "ksize"))
                .containsEntry("image.box_blur", Set.of("ksize"))
                .containsEntry("image.laplacian", Set.of("ksize"))
                .containsEntry("image.sobel", Set.of())
                .containsEntry("image.threshold", Set.of("mode", "thresh", "maxval"))
                .containsEntry("image.resize", Set.of())
                .containsEntry("image.letterbox", Set.of("pad_value"));
        assertThat(type("image.gaussian_blur").param("sigma").orElseThrow().unit()).isEqualTo("px");
    }

    private static DataType image(PixelFormat f, int w, int h) {
        return new DataType.ImageOf(f, Dim.of(w), Dim.of(h));
    }

    private static List<ResolvedPort> outputsFed(String id, Params params, DataType fed) {
        return TestContext.inferred("n", type(id), params, Set.of(), Map.of("in", fed)).outputs();
    }

    @Test
    void filtersTakeTheirSizeFromTheInputAndResizersFromTheirParams() {
        assertThat(outputsFed("image.grey", Params.of("format", "bgr24"), image(PixelFormat.BGR24, 640, 360))
                .getFirst().type()).isEqualTo(image(PixelFormat.GRAY8, 640, 360));
        assertThat(outputsFed("image.gaussian_blur", Params.of("format", "rgb24"), image(PixelFormat.RGB24, 33, 7))
                .getFirst().type()).isEqualTo(image(PixelFormat.RGB24, 33, 7));
        assertThat(outputsFed("image.resize", Params.of("width", 320, "height", 200), image(PixelFormat.RGB24, 33, 7))
                .getFirst().type()).isEqualTo(image(PixelFormat.RGB24, 320, 200));
        assertThat(type("image.letterbox").resolveOutputs(type("image.letterbox").canonicalParams(Params.empty()))
                .getFirst().type()).isEqualTo(image(PixelFormat.RGB24, 640, 640));
        assertThat(type("image.sobel").resolveInputs(type("image.sobel").canonicalParams(Params.of("format", "bgr24")))
                .getFirst().type()).isEqualTo(new DataType.ImageOf(PixelFormat.BGR24, Dim.any(), Dim.any()));
    }

    @Test
    void openFailsWithAMessageNamingTheNodeForAnEvenGaussianKernel() {
        Processor p = type("image.gaussian_blur").factory().create();
        TestContext ctx = TestContext.inferred("blur1", type("image.gaussian_blur"), Params.of("ksize", 4), Set.of(),
                Map.of("in", image(PixelFormat.GRAY8, 16, 16)));
        try {
            assertThatThrownBy(() -> p.open(ctx)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("node 'blur1' (image.gaussian_blur): param 'ksize' must be odd (or 0 to follow "
                            + "sigma), was 4");
        } finally {
            closeQuietly(p);
        }
    }

    @Test
    void openFailsWhenTheInputSizeIsUnknown() {
        Processor p = type("image.sobel").factory().create();
        TestContext ctx = new TestContext(type("image.sobel"), Params.empty());
        try {
            assertThatThrownBy(() -> p.open(ctx)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("node 'node-under-test' (image.sobel): input 'in' has no known image size "
                            + "(image<gray8>[*x*])");
        } finally {
            closeQuietly(p);
        }
    }

    /**
     * The nodes with Vector API bodies, with the verifier's full default warm-up (what a long run does) and no
     * {@link Warmup}: once C2 has compiled them they allocate nothing, on 16-bit, 32-bit and byte lanes alike.
     */
    @ParameterizedTest
    @ValueSource(strings = {"laplacian_rgb24_k3", "gaussian_gray8_k0_s2.0", "box_rgb24_k5", "threshold_rgb24_binary",
            "resize_rgb24_120x80"})
    void vectorNodesAllocateNothingAfterTheVerifiersFullWarmUp(String name) {
        Images.Case c = Images.oracle(name);
        PixelFormat f = Images.format(c.params());
        ProcessorVerifier.of(type(c.node()))
                .params(c.params())
                .input("in", Images.numbered(Images.load(c.input()).frame(f), 2))
                .expectOutput("out", Images.numbered(Images.load(c.expected()).frame(f), 2))
                .verify();
    }

    @Test
    void aBadHotValueIsLoggedAndTheOldOneKept() {
        Warmup.vectorKernels();
        Images.Case c = Images.oracle("laplacian_gray8_k1");
        Images.Image in = Images.load(c.input());
        ProcessorVerifier.of(type("image.laplacian"))
                .params(c.params())
                .input("in", Images.numbered(in.frame(PixelFormat.GRAY8), 4))
                .paramChange(2, Params.of("ksize", 2))
                .expectOutput("out", Images.numbered(Images.load(c.expected()).frame(PixelFormat.GRAY8), 2))
                .expectOutputAfterParamChange("out",
                        Images.numbered(Images.load(c.expected()).frame(PixelFormat.GRAY8), 4).subList(2, 4))
                .allocationLoop(100, 100)
                .verify();
    }

    private static void closeQuietly(Processor p) {
        try {
            p.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------------------------- full-size frames

    /** A {@code w x h} frame of gradients, a checker pattern and seeded noise, so every filter has edges to find. */
    static Frame frame(PixelFormat format, int w, int h, long seed) {
        Frame f = new Frame(image(format, w, h));
        byte[] b = f.bytes();
        int cn = format.channels();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < cn; c++) {
                    int v = (x * (c + 1) / 5 + y / 3 + ((x / 97 + y / 61) % 2) * 90 + rnd.nextInt(-25, 26)) & 0xFF;
                    b[(y * w + x) * cn + c] = (byte) v;
                }
            }
        }
        return f;
    }

    /** A straightforward 2D Gaussian blur with OpenCV's fixed-point weights: no separation into passes, no tables. */
    static byte[] referenceGaussian(byte[] src, int w, int h, int cn, int n, double sigma) {
        int[] k = GaussianCoefficients.fixedPoint(n, sigma);
        int r = n / 2;
        byte[] out = new byte[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < cn; c++) {
                    long s = 0;
                    for (int i = 0; i < n; i++) {
                        int sy = Border.reflect101(y + i - r, h);
                        long row = 0;
                        for (int j = 0; j < n; j++) {
                            row += (long) k[j] * (src[(sy * w + Border.reflect101(x + j - r, w)) * cn + c] & 0xFF);
                        }
                        s += k[i] * row;
                    }
                    out[(y * w + x) * cn + c] = (byte) ((s + (1 << 15)) >> 16);
                }
            }
        }
        return out;
    }

    private static List<Frame> framesOf(Frame f, int n) {
        return Images.numbered(f, n);
    }

    @Test
    void gaussianOnALargeFrameMatchesThePlainLoopOnOneThreadAndOnSeveral() {
        // 640x360: 360 rows split into chunks on every thread count, while the plain reference stays quick.
        Frame in = frame(PixelFormat.GRAY8, 640, 360, 1);
        Frame want = new Frame(in.type());
        System.arraycopy(referenceGaussian(in.bytes(), 640, 360, 1, 7, 1.2), 0, want.bytes(), 0, want.bytes().length);
        for (int threads : new int[] {1, 3}) {
            ProcessorVerifier.of(type("image.gaussian_blur"))
                    .params(Params.of("format", "gray8", "sigma", 1.2, "threads", threads))
                    .input("in", framesOf(in, 2))
                    .expectOutput("out", framesOf(want, 2))
                    .allocationLoop(20, 20)
                    .verify();
        }
    }

    @Test
    void aChainOnAnHdFrameGivesTheSameBytesWhateverTheThreadCount() {
        Frame rgb = frame(PixelFormat.RGB24, 1280, 720, 2);
        byte[][] results = new byte[3][];
        int[] threads = {1, 2, 5};
        for (int t = 0; t < threads.length; t++) {
            Params common = Params.of("threads", threads[t]);
            Frame grey = run("image.grey", common.with("format", "rgb24"), rgb);
            Frame blurred = run("image.gaussian_blur", common.with("ksize", 5), grey);
            Frame edges = run("image.laplacian", common.with("ksize", 3), blurred);
            Frame small = run("image.letterbox", common.with("format", "gray8").with("width", 640)
                    .with("height", 640), edges);
            results[t] = small.bytes();
        }
        assertThat(results[1]).isEqualTo(results[0]);
        assertThat(results[2]).isEqualTo(results[0]);
        // The letterbox of a 16:9 frame pads 140 rows above and below a 640x360 picture.
        assertThat(results[0][0]).isEqualTo((byte) 114);
        assertThat(results[0][640 * 639 + 639]).isEqualTo((byte) 114);
    }

    /** One frame through a fresh node, with the given params, and its output. */
    private static Frame run(String id, Params params, Frame in) {
        NodeDescriptor d = type(id);
        TestContext ctx = TestContext.inferred("n", d, params, Set.of(), Map.of("in", in.type()));
        var inPort = new dev.weir.engine.api.testing.TestInputPort(ctx.inputs().getFirst(), true);
        inPort.feed(List.of(in)).endStream();
        var outPort = new dev.weir.engine.api.testing.TestOutputPort(ctx.outputs().getFirst(), 1, true);
        Processor p = d.factory().create();
        try {
            p.open(ctx);
            assertThat(p.process(new dev.weir.engine.api.Inputs(List.of(inPort)),
                    new dev.weir.engine.api.Outputs(List.of(outPort)))).isEqualTo(dev.weir.engine.api.WorkStatus.OK);
            return outPort.drain().getFirst();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            closeQuietly(p);
        }
    }
}
