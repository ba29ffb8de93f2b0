package dev.weir.nodes.flow;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.testing.Frames;
import dev.weir.engine.api.testing.ProcessorVerifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** flow.head and flow.throttle through the verifier, and the throttle's pacing and stop. */
class FlowNodesTest {

    private static final DataType F32 = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(4));

    private static List<Frame> input() {
        return List.of(Frames.floats(F32, 1, 2, 3, 4).setIndex(0).setSampleRate(1e6),
                Frames.floats(F32, 5, 6, 7, 8).setIndex(4).setSampleRate(1e6));
    }

    @Test
    void headPassesCountSamplesThenIsDone() {
        DataType out = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(4));
        ProcessorVerifier.of(HeadNode.descriptor())
                .params(Params.of("count", 6, "chunk", 4))
                .input("in", input())
                .expectOutput("out", List.of(Frames.floats(out, 1, 2, 3, 4).setIndex(0).setSampleRate(1e6),
                        Frames.floats(out, 5, 6).setIndex(4).setSampleRate(1e6)))
                .verify();
    }

    @Test
    void throttlePassesEverythingUnchanged() {
        ProcessorVerifier.of(ThrottleNode.descriptor())
                .params(Params.of("chunk", 4))
                .input("in", input())
                .expectOutput("out", input())
                .allocationLoop(2_000, 2_000)
                .verify();
    }

    @Test
    void throttlePacesToTheRateAndAStopInterruptsIt() throws Exception {
        var d = ThrottleNode.descriptor();
        Params p = d.canonicalParams(Params.of("chunk", 4, "sample_rate_hz", 40.0));
        var proc = d.factory().create();
        proc.open(new dev.weir.engine.api.testing.TestContext("thr", d, p, java.util.Set.of()));
        var in = new dev.weir.engine.api.testing.TestInputPort(d.resolveInputs(p).get(0), true);
        List<Frame> frames = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            frames.add(Frames.floats(F32, 0, 0, 0, 0).setIndex(4L * i));
        }
        in.feed(frames);
        var out = new dev.weir.engine.api.testing.TestOutputPort(d.resolveOutputs(p).get(0), 16, true);
        var ins = new dev.weir.engine.api.Inputs(List.of(in));
        var outs = new dev.weir.engine.api.Outputs(List.of(out));
        long t0 = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            proc.process(ins, outs);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // 8 samples before the third frame at 40 Hz: 0.2 s.
        assertThat(seconds).isBetween(0.19, 0.6);
        // The fourth frame is due 0.3 s after the first; an interrupt releases it at once.
        Thread.currentThread().interrupt();
        long t1 = System.nanoTime();
        proc.process(ins, outs);
        assertThat(Thread.interrupted()).isTrue();
        assertThat((System.nanoTime() - t1) / 1e9).isLessThan(0.05);
        proc.close();
    }
}
