package dev.weir.nodes.basic;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.testing.Frames;
import dev.weir.engine.api.testing.ProcessorVerifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every basic node through the ProcessorVerifier, in both element kinds. */
class BasicNodesTest {

    private static final NodeRegistry REGISTRY = NodeRegistry.of(new BasicNodes());

    private static NodeDescriptor type(String id) {
        return REGISTRY.find(id).orElseThrow();
    }

    private static DataType f32(int chunk) {
        return new DataType.SampleStream(ElementType.FLOAT32, Dim.of(chunk));
    }

    /** Float frames of {@code chunk} capacity holding {@code values}, indexed by sample offset. */
    private static List<Frame> stream(int chunk, float[]... chunks) {
        return Frames.sampleIndexed(Frames.floatChunks(f32(chunk), chunks), 0);
    }

    private static float[] ramp(int from, int n, float scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (from + i) * scale;
        }
        return a;
    }

    @Test
    void registryHoldsTheFourBasicTypes() {
        assertThat(REGISTRY.all()).extracting(NodeDescriptor::id)
                .containsExactly("basic.counter", "basic.multiply", "basic.null_sink", "basic.sum");
    }

    @Test
    void counterEmitsValues() {
        ProcessorVerifier.of(type("basic.counter"))
                .params(Params.of("count", 5, "start", 10))
                .expectOutput("out", Frames.numbered(Frames.values(10, 11, 12, 13, 14)))
                .skipAllocationCheck("a finite source cannot feed a warm loop; endlessCounterRunsUntilLimited covers it")
                .verify();
    }

    @Test
    void counterEmitsFloatChunksEndingWithAPartialOne() {
        ProcessorVerifier.of(type("basic.counter"))
                .params(Params.of("element", "f32", "chunk", 4, "count", 10))
                .expectOutput("out", stream(4, ramp(0, 4, 1), ramp(4, 4, 1), ramp(8, 2, 1)))
                .skipAllocationCheck("a finite source cannot feed a warm loop; endlessFloatCounter covers it")
                .verify();
    }

    @Test
    void endlessFloatCounter() {
        ProcessorVerifier.of(type("basic.counter"))
                .params(Params.of("element", "f32", "chunk", 4, "count", 0))
                .limitOutput(3)
                .expectOutput("out", stream(4, ramp(0, 4, 1), ramp(4, 4, 1), ramp(8, 4, 1)))
                .verify();
    }

    @Test
    void endlessCounterRunsUntilLimited() {
        ProcessorVerifier.of(type("basic.counter"))
                .params(Params.of("count", 0))
                .limitOutput(300)
                .expectOutput("out", Frames.numbered(Frames.values(range(0, 300))))
                .verify();
    }

    @Test
    void multiplyScalesValuesAndTakesANewFactorBetweenCalls() {
        ProcessorVerifier.of(type("basic.multiply"))
                .params(Params.of("factor", 2.0))
                .inputValues("in", 1, 2, 3, 4, 5)
                .paramChange(2, Params.of("factor", -3.0))
                .expectOutputValues("out", 2, 4)
                .expectOutputValuesAfterParamChange("out", -9, -12, -15)
                .verify();
    }

    @Test
    void multiplyScalesFloatChunks() {
        ProcessorVerifier.of(type("basic.multiply"))
                .params(Params.of("element", "f32", "chunk", 8, "factor", 0.5))
                .input("in", stream(8, ramp(0, 8, 1), ramp(8, 3, 1)))
                .paramChange(1, Params.of("factor", 4.0))
                .expectOutput("out", stream(8, ramp(0, 8, 0.5f)))
                .expectOutputAfterParamChange("out", sampleIndexedFrom(8, f32(8), ramp(8, 3, 4)))
                .verify();
    }

    @Test
    void multiplySplitsChunksLongerThanItsOwn() {
        // Input chunks of 6 through a node whose own chunk is 4: each input frame leaves as 4 + 2 samples.
        ProcessorVerifier.of(type("basic.multiply"))
                .params(Params.of("element", "f32", "chunk", 4, "factor", 2.0))
                .input("in", stream(6, ramp(0, 6, 1), ramp(6, 6, 1)))
                .expectOutput("out", stream(4, ramp(0, 4, 2), ramp(4, 2, 2), ramp(6, 4, 2), ramp(10, 2, 2)))
                .verify();
    }

    @Test
    void sumAddsValueFramesAndTreatsAnEmptyListAsZero() {
        List<Frame> second = new ArrayList<>(Frames.values(100, 200));
        Frame empty = new Frame(Frames.VALUE_TYPE); // what a delay edge feeds first
        second.addFirst(empty);
        ProcessorVerifier.of(type("basic.sum"))
                .inputValues("in0", 1, 2, 3)
                .input("in1", second)
                .expectOutputValues("out", 1, 102, 203)
                .verify();
    }

    @Test
    void sumAlignsFloatStreamsWhateverTheirChunking() {
        ProcessorVerifier.of(type("basic.sum"))
                .params(Params.of("element", "f32", "chunk", 8, "inputs", 3))
                .input("in0", stream(5, ramp(0, 5, 1), ramp(5, 5, 1)))
                .input("in1", stream(3, ramp(0, 3, 10), ramp(3, 3, 10), ramp(6, 3, 10), ramp(9, 1, 10)))
                .input("in2", stream(10, ramp(0, 10, 100)))
                // Output frames end wherever any input frame ends: 3, 5, 6, 9, 10.
                .expectOutput("out", stream(8, ramp(0, 3, 111), ramp(3, 2, 111), ramp(5, 1, 111),
                        ramp(6, 3, 111), ramp(9, 1, 111)))
                .verify();
    }

    @Test
    void nullSinkConsumesEverything() {
        ProcessorVerifier.of(type("basic.null_sink"))
                .params(Params.of("element", "f32", "chunk", 4))
                .input("in", stream(4, ramp(0, 4, 1), ramp(4, 4, 1), ramp(8, 1, 1)))
                .verify();
    }

    @Test
    void nullSinkTakesImagesOfAnySize() {
        DataType grey = new DataType.ImageOf(PixelFormat.GRAY8, Dim.of(7), Dim.of(5));
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Frame f = new Frame(grey).setIndex(i);
            java.util.Arrays.fill(f.bytes(), (byte) i);
            frames.add(f);
        }
        ProcessorVerifier.of(type("basic.null_sink"))
                .params(Params.of("element", "gray8"))
                .input("in", frames)
                .verify();
        // An image sink cannot be fed samples: the port type follows the element param.
        assertThat(new DataType.SampleStream(ElementType.FLOAT32, Dim.of(4)).incompatibilityWith(
                type("basic.null_sink").resolveInputs(type("basic.null_sink").withDefaults(
                        Params.of("element", "gray8"))).getFirst().type())).isPresent();
    }

    private static List<Frame> sampleIndexedFrom(long offset, DataType type, float[]... chunks) {
        List<Frame> frames = Frames.floatChunks(type, chunks);
        for (Frame f : frames) {
            f.setIndex(offset);
            offset += f.length();
        }
        return frames;
    }

    private static long[] range(int from, int to) {
        long[] out = new long[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
