package dev.weir.kernels.image;

import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.testing.ProcessorVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every image node against OpenCV 4.6 ({@code tools/oracles/opencv_filters.py}), through the
 * {@link ProcessorVerifier}: all at once, one frame at a time, a one-slot output, end of stream and zero
 * allocation once warm, on every core of the CPU backend.
 *
 * <p>Tolerance: none. Every filter here reproduces OpenCV's 8-bit integer arithmetic (see the Javadoc of each
 * node and of {@link GaussianCoefficients} and {@link ResizeArgs}), so the verifier compares every byte exactly.
 * The inputs have odd sizes (97x61, its transpose, and 5x3, smaller than most kernels), so border reflection and
 * row splitting are exercised on every side. The allocation loops are short, after {@link Warmup} compiled the
 * Vector API bodies.
 */
class ImageFilterOracleTest {

    static final NodeRegistry REGISTRY = NodeRegistry.of(new ImageNodes());

    @BeforeAll
    static void compileTheVectorKernels() {
        Warmup.vectorKernels();
    }

    static List<Images.Case> cases() {
        return Images.cases();
    }

    static NodeDescriptor type(String id) {
        return REGISTRY.find(id).orElseThrow();
    }

    /** The input format of a case: its {@code format} param. */
    static PixelFormat inputFormat(Images.Case c) {
        return Images.format(c.params());
    }

    /** The output format of a case: grey for the grey node, else the input's. */
    static PixelFormat outputFormat(Images.Case c) {
        return c.node().equals("image.grey") ? PixelFormat.GRAY8 : inputFormat(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesOpenCvExactly(Images.Case c) {
        Images.Image in = Images.load(c.input());
        Images.Image want = Images.load(c.expected());
        ProcessorVerifier.of(type(c.node()))
                .params(c.params())
                .input("in", Images.numbered(in.frame(inputFormat(c)), 3))
                .expectOutput("out", Images.numbered(want.frame(outputFormat(c)), 3))
                .allocationLoop(300, 300)
                .verify();
    }

    @Test
    void everyNodeAndFormatHasAnOracle() {
        List<String> covered = new ArrayList<>();
        for (Images.Case c : cases()) {
            covered.add(c.node() + ":" + c.params().getString("format"));
        }
        for (NodeDescriptor d : REGISTRY.all()) {
            assertThat(covered).as(d.id()).anyMatch(s -> s.startsWith(d.id() + ":"));
        }
        assertThat(covered).contains("image.grey:rgb24", "image.grey:bgr24", "image.gaussian_blur:rgb24",
                "image.box_blur:rgb24", "image.laplacian:rgb24", "image.sobel:rgb24", "image.threshold:rgb24",
                "image.resize:rgb24", "image.letterbox:gray8");
    }

    /** The same golden twice in a row, then another after a hot param change between frames 2 and 3. */
    private static void verifyChange(String before, String after, Params change) {
        Images.Case a = Images.oracle(before);
        Images.Case b = Images.oracle(after);
        assertThat(b.input()).isEqualTo(a.input());
        Images.Image in = Images.load(a.input());
        List<Frame> inputs = Images.numbered(in.frame(inputFormat(a)), 4);
        List<Frame> first = Images.numbered(Images.load(a.expected()).frame(outputFormat(a)), 4);
        List<Frame> second = Images.numbered(Images.load(b.expected()).frame(outputFormat(b)), 4);
        ProcessorVerifier.of(type(a.node()))
                .params(a.params())
                .input("in", inputs)
                .paramChange(2, change)
                .expectOutput("out", first.subList(0, 2))
                .expectOutputAfterParamChange("out", second.subList(2, 4))
                .allocationLoop(300, 300)
                .verify();
    }

    @Test
    void gaussianTakesANewSigmaBetweenFrames() {
        verifyChange("gaussian_gray8_k0_s1.0", "gaussian_gray8_k0_s2.0", Params.of("sigma", 2.0));
    }

    @Test
    void gaussianTakesAnExplicitKernelSizeBetweenFrames() {
        verifyChange("gaussian_rgb24_k0_s1.0", "gaussian_rgb24_k5_s1.5", Params.of("sigma", 1.5, "ksize", 5));
    }

    @Test
    void boxBlurTakesANewSizeBetweenFrames() {
        verifyChange("box_rgb24_k3", "box_rgb24_k16", Params.of("ksize", 16));
    }

    @Test
    void laplacianTakesANewApertureBetweenFrames() {
        verifyChange("laplacian_gray8_k1", "laplacian_gray8_k3", Params.of("ksize", 3));
    }

    @Test
    void thresholdTakesModeThresholdAndMaxvalBetweenFrames() {
        verifyChange("threshold_gray8_binary", "threshold_gray8_binary_inv",
                Params.of("mode", "binary_inv", "thresh", 100.0, "maxval", 200.0));
    }

    @Test
    void letterboxTakesANewPadValueBetweenFrames() {
        verifyChange("letterbox_rgb_97x61_64x64", "letterbox_rgb_97x61_64x64_pad0", Params.of("pad_value", 0));
    }
}
