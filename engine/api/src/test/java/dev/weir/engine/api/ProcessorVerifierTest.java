package dev.weir.engine.api;

import dev.weir.engine.api.testing.Frames;
import dev.weir.engine.api.testing.ProcessorVerifier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.weir.engine.api.SampleNodes.F32;
import static dev.weir.engine.api.SampleNodes.gainLike;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessorVerifierTest {

    /** Copies its input to {@code out} and to the optional {@code copy}. */
    static final NodeDescriptor TEE = NodeDescriptor.builder("test.tee", 1)
            .input(PortSpec.of("in", F32, "samples"))
            .output(PortSpec.of("out", F32, "samples"))
            .output(PortSpec.of("copy", F32, "the same samples").asOptional())
            .factory(Tee::new)
            .build();

    static final class Tee implements Processor {
        @Override
        public void open(ProcessorContext context) {
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            InputPort i = in.port(0);
            boolean progressed = false;
            while (i.available() > 0) {
                if (out.minRemaining() == 0) {
                    return progressed ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
                }
                for (int o = 0; o < out.size(); o++) {
                    out.port(o).claim().copyFrom(i.peek());
                    out.port(o).publish();
                }
                i.release();
                progressed = true;
            }
            return progressed ? WorkStatus.OK : WorkStatus.NEED_INPUT;
        }
    }

    /** Three chunks of uneven length with stream headers, as a real source writes them. */
    private static List<Frame> signal() {
        return Frames.sampleIndexed(Frames.floatChunks(F32,
                new float[] {1, 2, 3}, new float[] {4, 5}, new float[] {6}, new float[] {7, 8, 9, 10}), 48_000);
    }

    private static List<Frame> scaled(List<Frame> frames, float factor) {
        List<Frame> out = Frames.copyOf(frames);
        for (Frame f : out) {
            for (int k = 0; k < f.length(); k++) {
                f.floats()[k] *= factor;
            }
        }
        return out;
    }

    @Nested
    class PassesCorrectProcessors {

        @Test
        void gain() {
            ProcessorVerifier.of(SampleNodes.GAIN)
                    .params(Params.of("factor", 2.0))
                    .input("in", signal())
                    .expectOutput("out", scaled(signal(), 2))
                    .verify();
        }

        @Test
        void gainWithChunkConveniences() {
            ProcessorVerifier.of(SampleNodes.GAIN)
                    .params(Params.of("factor", -1))
                    .inputFloats("in", new float[] {1, 2}, new float[] {3})
                    .expectOutputFloats("out", new float[] {-1, -2}, new float[] {-3})
                    .verify();
        }

        @Test
        void gainWithEmptyInput() {
            ProcessorVerifier.of(SampleNodes.GAIN).input("in", List.of())
                    .skipAllocationCheck("an empty stream gives the allocation loop nothing to cycle").verify();
        }

        @Test
        void tolerance() {
            // Expectations a little off, as when they come from a reference computed in double precision.
            ProcessorVerifier.of(SampleNodes.GAIN)
                    .params(Params.of("factor", 0.1))
                    .inputFloats("in", new float[] {3, 7})
                    .expectOutputFloats("out", new float[] {0.3000001f, 0.7000001f})
                    .tolerance(1e-6)
                    .verify();
        }

        @Test
        void optionalOutputConnectedOrNot() {
            ProcessorVerifier.of(TEE).input("in", signal())
                    .expectOutput("out", signal()).expectOutput("copy", signal()).verify();
            ProcessorVerifier.of(TEE).input("in", signal())
                    .expectOutput("out", signal()).unconnectedOutput("copy").verify();
        }

        @Test
        void gainParamChangeMidStream() {
            List<Frame> in = signal();
            ProcessorVerifier.of(SampleNodes.GAIN)
                    .params(Params.of("factor", 2.0))
                    .input("in", in)
                    .paramChange(2, Params.of("factor", 3.0))
                    .expectOutput("out", scaled(in.subList(0, 2), 2))
                    .expectOutputAfterParamChange("out", scaled(in.subList(2, 4), 3))
                    .verify();
        }

        @Test
        void gainParamChangeAtTheVeryStartAndEnd() {
            List<Frame> in = signal();
            ProcessorVerifier.of(SampleNodes.GAIN).params(Params.of("factor", 2.0)).input("in", in)
                    .paramChange(0, Params.of("factor", 3.0))
                    .expectOutput("out", List.of())
                    .expectOutputAfterParamChange("out", scaled(in, 3))
                    .verify();
            ProcessorVerifier.of(SampleNodes.GAIN).params(Params.of("factor", 2.0)).input("in", in)
                    .paramChange(4, Params.of("factor", 3.0))
                    .expectOutput("out", scaled(in, 2))
                    .expectOutputAfterParamChange("out", List.of())
                    .verify();
        }

        @Test
        void finiteSource() {
            ProcessorVerifier.of(SampleNodes.COUNTER)
                    .params(Params.of("count", 4))
                    .expectOutput("out", Frames.numbered(Frames.values(0, 1, 2, 3)))
                    .verify();
        }

        @Test
        void finiteSourceParamChange() {
            ProcessorVerifier.of(SampleNodes.COUNTER)
                    .params(Params.of("count", 4))
                    .paramChange(2, Params.of("offset", 100))
                    .expectOutput("out", Frames.numbered(Frames.values(0, 1)))
                    .expectOutputAfterParamChange("out", List.of(
                            Frames.values(102).getFirst().setIndex(2), Frames.values(103).getFirst().setIndex(3)))
                    .verify();
        }

        @Test
        void endlessSourceWithLimit() {
            DataType chunk4 = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(4));
            ProcessorVerifier.of(SampleNodes.RAMP)
                    .limitOutput(3)
                    .expectOutput("out", Frames.sampleIndexed(
                            Frames.split(chunk4, 4, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 1000.0))
                    .verify();
        }

        @Test
        void partialInputFramesAndTrailingPartialChunk() {
            DataType chunk4 = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(4));
            ProcessorVerifier.of(SampleNodes.RECHUNK)
                    .inputFloats("in", new float[] {1, 2, 3}, new float[] {4, 5}, new float[] {}, new float[] {6, 7, 8, 9, 10, 11})
                    .expectOutput("out", Frames.sampleIndexed(
                            Frames.split(chunk4, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 0))
                    .verify();
        }

        @Test
        void multiplePortsFromOneSpec() {
            ProcessorVerifier.of(SampleNodes.ADD)
                    .params(Params.of("inputs", 3))
                    .inputValues("in0", 1, 2, 3)
                    .inputValues("in1", 10, 20, 30)
                    .inputValues("in2", 100, 200, 300)
                    .expectOutputValues("out", 111, 222, 333)
                    .verify();
        }

        @Test
        void sink() {
            ProcessorVerifier.of(SampleNodes.COUNT_SINK).input("in", signal()).verify();
        }

        @Test
        void outputThatIsNotCheckedMayBeIgnored() {
            ProcessorVerifier.of(SampleNodes.GAIN).input("in", signal()).ignoreOutput("out").verify();
        }

        @Test
        void allocatingProcessorPassesWithAReasonToSkip() {
            ProcessorVerifier.of(gainLike("test.allocating", Allocating::new))
                    .input("in", signal())
                    .expectOutput("out", signal())
                    .skipAllocationCheck("test of the skip itself")
                    .verify();
        }

        @Test
        void loggedErrorsMayBeAllowed() {
            ProcessorVerifier.of(gainLike("test.logs_error", LogsError::new))
                    .input("in", signal()).expectOutput("out", signal()).allowLoggedErrors().verify();
        }
    }

    @Nested
    class FailsBrokenProcessors {

        @Test
        void outputDependsOnInputFraming() {
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.pairs_only", PairsOnly::new))
                    .input("in", signal())
                    .expectOutput("out", signal())
                    .verify())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("[test.pairs_only] one at a time: port 'out' published 0 frame(s), expected 4");
        }

        @Test
        void wrongValueIsReportedByFrameAndElement() {
            assertThatThrownBy(() -> ProcessorVerifier.of(SampleNodes.GAIN)
                    .params(Params.of("factor", 2.0))
                    .inputFloats("in", new float[] {1, 2}, new float[] {3, 4})
                    .expectOutputFloats("out", new float[] {2, 4}, new float[] {6, 9})
                    .verify())
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("[test.gain] all at once: frame 1 of port 'out' differs at element 1: expected 9.0, "
                            + "was 8.0 (published by call 1, process)");
        }

        @Test
        void exactByDefault() {
            assertThatThrownBy(() -> ProcessorVerifier.of(SampleNodes.GAIN)
                    .params(Params.of("factor", 0.1))
                    .inputFloats("in", new float[] {3, 7})
                    .expectOutputFloats("out", new float[] {0.3000001f, 0.7000001f})
                    .verify())
                    .hasMessageContaining("frame 0 of port 'out' differs at element 0: expected 0.3000001, was 0.3 "
                            + "(and 1 more differing slot)");
        }

        @Test
        void wrongHeaderIsReported() {
            assertThatThrownBy(() -> ProcessorVerifier.of(SampleNodes.GAIN)
                    .input("in", signal())
                    .expectOutput("out", Frames.numbered(Frames.copyOf(signal())))
                    .verify())
                    .hasMessageContaining("frame 1 of port 'out' differs in header field index: expected 1, was 3");
        }

        @Test
        void okWithoutProgress() {
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.lazy_ok", OkWithoutProgress::new))
                    .input("in", signal()).expectOutput("out", signal()).verify())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("[test.lazy_ok] one-slot output: call 2 (process): returned OK but "
                            + "consumed no input and published no output");
        }

        @Test
        void needInputDespiteProgress() {
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.lies", NeedInputAfterWork::new))
                    .input("in", signal()).expectOutput("out", signal()).verify())
                    .hasMessageContaining("all at once: call 1 (process): returned NEED_INPUT but made progress "
                            + "('in': 4 frame(s) released, 0 element(s) consumed; 'out': 4 frame(s) published)");
        }

        @Test
        void needOutputSpaceWithoutAFullOutput() {
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.claims_full", NeedOutputSpaceAlways::new))
                    .input("in", signal()).expectOutput("out", signal()).verify())
                    .hasMessageContaining("call 1 (process): returned NEED_OUTPUT_SPACE but no output was full "
                            + "('out' remaining 1024)");
        }

        @Test
        void allocationInProcess() {
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.allocating", Allocating::new))
                    .input("in", signal())
                    .expectOutput("out", signal())
                    .allocationLoop(5_000, 5_000)
                    .verify())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("[test.allocating] allocation: process allocated ")
                    .hasMessageContaining("bytes per call");
        }

        @Test
        void skippingTheAllocationCheckNeedsAReason() {
            assertThatThrownBy(() -> ProcessorVerifier.of(SampleNodes.GAIN).skipAllocationCheck(" "))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void claimOnAFullOutput() {
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.ignores_full", IgnoresFullOutput::new))
                    .input("in", signal()).expectOutput("out", signal()).verify())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("[test.ignores_full] one-slot output: call 1 (process): threw "
                            + "java.lang.IllegalStateException: output 'out' is full: claim() called while remaining() == 0")
                    .hasCauseInstanceOf(IllegalStateException.class);
        }

        @Test
        void neverFinishes() {
            NodeDescriptor endless = NodeDescriptor.builder("test.endless", 1)
                    .output(PortSpec.of("out", Frames.VALUE_TYPE, "values"))
                    .factory(NeverDone::new).build();
            assertThatThrownBy(() -> ProcessorVerifier.of(endless).maxCalls(500).ignoreOutput("out").verify())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("[test.endless] all at once: no end after 500 calls (loop guard, see "
                            + "maxCalls): the last call (process) returned OK");
        }

        @Test
        void completeNeverFinishes() {
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.endless_tail", EndlessTail::new))
                    .maxCalls(300).input("in", signal()).ignoreOutput("out").verify())
                    .hasMessageContaining("no end after 300 calls (loop guard, see maxCalls): the last call (complete) returned OK");
        }

        @Test
        void stuckOnAPartialTail() {
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.waits_for_pairs", WaitsForPairs::new))
                    .inputFloats("in", new float[] {1}, new float[] {2}, new float[] {3})
                    .ignoreOutput("out").verify())
                    .hasMessageContaining("all at once: call 2 (process): returned NEED_INPUT, but all input has been "
                            + "delivered and every input stream has ended; still unreleased: 'in' 1 frame(s), position 0");
        }

        @Test
        void writesIntoItsInput() {
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.in_place", InPlace::new))
                    .inputFloats("in", new float[] {1, 2}).expectOutputFloats("out", new float[] {2, 4}).verify())
                    .hasMessageContaining("input 'in': the reader modified frame 0 before releasing it");
        }

        @Test
        void readsAFrameAfterReleasingIt() {
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.late_read", ReadsAfterRelease::new))
                    .inputFloats("in", new float[] {1, 2}).expectOutputFloats("out", new float[] {1, 2}).verify())
                    .hasMessageContaining("frame 0 of port 'out' differs at element 0: expected 1.0, was NaN");
        }

        @Test
        void reliesOnAZeroedOutputFrame() {
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.accumulates", AccumulatesIntoClaim::new))
                    .inputFloats("in", new float[] {1, 2}).expectOutputFloats("out", new float[] {1, 2}).verify())
                    .hasMessageContaining("differs at element 0: expected 1.0, was NaN");
        }

        @Test
        void writesAfterPublish() {
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.late_write", WritesAfterPublish::new))
                    .inputFloats("in", new float[] {1}, new float[] {2}).ignoreOutput("out").verify())
                    .hasMessageContaining("output 'out': published frame 0 was modified after publish()");
        }

        @Test
        void reusedProcessorInstance() {
            Processor shared = new SampleNodes.Gain();
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.singleton", () -> shared))
                    .input("in", signal()).expectOutput("out", signal()).verify())
                    .hasMessageContaining("one at a time: the factory returned the same Processor instance");
        }

        @Test
        void loggedError() {
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.logs_error", LogsError::new))
                    .input("in", signal()).expectOutput("out", signal()).verify())
                    .hasMessageContaining("all at once: the processor logged 1 error(s), the first: 'lost the plot'");
        }

        @Test
        void undeclaredOutputMustStayEmpty() {
            assertThatThrownBy(() -> ProcessorVerifier.of(SampleNodes.GAIN).input("in", signal()).verify())
                    .hasMessageContaining("port 'out' published 4 frame(s), expected 0 (no expected output was "
                            + "declared for it: declare it or ignoreOutput); first extra frame 0: stream<float32> length=3");
        }

        @Test
        void missingOutputFramesAreNamed() {
            List<Frame> expected = Frames.copyOf(signal());
            expected.add(Frames.floats(F32, 42));
            assertThatThrownBy(() -> ProcessorVerifier.of(SampleNodes.GAIN).input("in", signal())
                    .expectOutput("out", expected).verify())
                    .hasMessageContaining("port 'out' published 4 frame(s), expected 5; first missing frame 4: "
                            + "stream<float32> length=1 index=0 sample_rate=0.0 flags=0 [42.0]");
        }

        @Test
        void wrongOutputAfterParamChangeIsLabelled() {
            List<Frame> in = signal();
            assertThatThrownBy(() -> ProcessorVerifier.of(gainLike("test.ignores_change", IgnoresParamChange::new))
                    .params(Params.of("factor", 2.0)).input("in", in)
                    .paramChange(2, Params.of("factor", 3.0))
                    .expectOutput("out", scaled(in.subList(0, 2), 2))
                    .expectOutputAfterParamChange("out", scaled(in.subList(2, 4), 3))
                    .verify())
                    .hasMessageContaining("all at once: frame 0 of port 'out' (after the param change) differs at "
                            + "element 0: expected 18.0, was 12.0");
        }
    }

    @Nested
    class CloseAlwaysRuns {

        @Test
        void whenOpenThrows() {
            AtomicInteger opens = new AtomicInteger();
            AtomicInteger closes = new AtomicInteger();
            NodeDescriptor d = gainLike("test.open_fails", () -> new OpenThrows(opens, closes));
            assertThatThrownBy(() -> ProcessorVerifier.of(d).input("in", signal()).verify())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("[test.open_fails] all at once: open threw java.io.IOException: no device")
                    .hasRootCauseMessage("no device");
            assertThat(opens).hasValue(1);
            assertThat(closes).hasValue(1);
        }

        @Test
        void whenAScenarioFails() {
            AtomicInteger closes = new AtomicInteger();
            NodeDescriptor d = gainLike("test.close_counted", () -> new OkWithoutProgress() {
                @Override
                public void close() {
                    closes.incrementAndGet();
                }
            });
            assertThatThrownBy(() -> ProcessorVerifier.of(d).input("in", signal()).expectOutput("out", signal()).verify())
                    .hasMessageContaining("one-slot output");
            assertThat(closes).hasValue(3); // all at once, one at a time, one-slot output (which failed)
        }

        @Test
        void andItsFailureIsReported() {
            NodeDescriptor d = gainLike("test.close_fails", () -> new SampleNodes.Gain() {
                @Override
                public void close() {
                    throw new IllegalStateException("double free");
                }
            });
            assertThatThrownBy(() -> ProcessorVerifier.of(d).input("in", signal()).expectOutput("out", signal()).verify())
                    .hasMessageStartingWith("[test.close_fails] all at once: close threw java.lang.IllegalStateException: double free");
        }
    }

    @Nested
    class RefusesInconsistentTests {

        @Test
        void unknownPort() {
            assertThatThrownBy(() -> ProcessorVerifier.of(SampleNodes.GAIN).input("input", signal()).verify())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("node type 'test.gain' has no input 'input' (named in input); its inputs are [in]");
        }

        @Test
        void badParams() {
            assertThatThrownBy(() -> ProcessorVerifier.of(SampleNodes.GAIN).params(Params.of("factor", "x")).verify())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the test's params are invalid: param 'factor' must be a number");
        }

        @Test
        void changeOfAParamThatIsNotHotUpdatable() {
            assertThatThrownBy(() -> ProcessorVerifier.of(SampleNodes.COUNTER).paramChange(1, Params.of("count", 3)).verify())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("param 'count' is not hot-updatable");
        }

        @Test
        void changeAfterMoreFramesThanGiven() {
            assertThatThrownBy(() -> ProcessorVerifier.of(SampleNodes.GAIN).input("in", signal())
                    .paramChange(5, Params.of("factor", 2.0)).verify())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("input 'in' gets only 4");
        }

        @Test
        void expectationsAfterAChangeThatIsNotConfigured() {
            assertThatThrownBy(() -> ProcessorVerifier.of(SampleNodes.GAIN).input("in", signal())
                    .expectOutputAfterParamChange("out", signal()).verify())
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void limitOutputOnANodeWithInputs() {
            assertThatThrownBy(() -> ProcessorVerifier.of(SampleNodes.GAIN).limitOutput(3).verify())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("limitOutput is for sources");
        }

        @Test
        void requiredInputLeftUnconnected() {
            assertThatThrownBy(() -> ProcessorVerifier.of(SampleNodes.GAIN).unconnectedInput("in").verify())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("input 'in' is required and cannot be unconnected");
        }

        @Test
        void allocationCheckWithoutInput() {
            assertThatThrownBy(() -> ProcessorVerifier.of(SampleNodes.GAIN).verify())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the allocation check cycles the input frames, but none were given");
        }
    }

    // --------------------------------------------------------------------------------------------------
    // Broken processors. Each has one bug; everything else follows SampleNodes.Gain.

    /** Only works on pairs of frames and drops a frame that arrives alone. */
    static class PairsOnly extends SampleNodes.Gain {
        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            InputPort i = in.port(0);
            if (i.available() == 1) {
                i.release(); // the bug: a lone frame is dropped instead of waited for
                return WorkStatus.OK;
            }
            return super.process(in, out);
        }
    }

    /** Says OK when it could do nothing. */
    static class OkWithoutProgress extends SampleNodes.Gain {
        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            if (in.port(0).available() == 0 || out.port(0).remaining() == 0) {
                return WorkStatus.OK;
            }
            return super.process(in, out);
        }
    }

    /** Says NEED_INPUT after doing work. */
    static class NeedInputAfterWork extends SampleNodes.Gain {
        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            super.process(in, out);
            return WorkStatus.NEED_INPUT;
        }
    }

    /** Says NEED_OUTPUT_SPACE without looking. */
    static class NeedOutputSpaceAlways extends SampleNodes.Gain {
        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            return WorkStatus.NEED_OUTPUT_SPACE;
        }
    }

    /** Allocates a scratch array on every call; storing it in a field keeps escape analysis from removing it. */
    static class Allocating extends SampleNodes.Gain {
        float[] scratch;

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            scratch = new float[16];
            return super.process(in, out);
        }
    }

    /** Claims without checking remaining(). */
    static class IgnoresFullOutput implements Processor {
        @Override
        public void open(ProcessorContext context) {
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            InputPort i = in.port(0);
            OutputPort o = out.port(0);
            if (i.available() == 0) {
                return WorkStatus.NEED_INPUT;
            }
            while (i.available() > 0) {
                o.claim().copyFrom(i.peek());
                o.publish();
                i.release();
            }
            return WorkStatus.OK;
        }
    }

    /** A source that never ends. */
    static class NeverDone implements Processor {
        @Override
        public void open(ProcessorContext context) {
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            OutputPort o = out.port(0);
            if (o.remaining() == 0) {
                return WorkStatus.NEED_OUTPUT_SPACE;
            }
            o.claim().setLength(1);
            o.publish();
            return WorkStatus.OK;
        }
    }

    /** A tail that never ends. */
    static class EndlessTail extends SampleNodes.Gain {
        @Override
        public WorkStatus complete(Outputs out) {
            OutputPort o = out.port(0);
            if (o.remaining() == 0) {
                return WorkStatus.NEED_OUTPUT_SPACE;
            }
            o.claim();
            o.publish();
            return WorkStatus.OK;
        }
    }

    /** Waits for two frames and never takes a lone last one. */
    static class WaitsForPairs extends SampleNodes.Gain {
        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            InputPort i = in.port(0);
            OutputPort o = out.port(0);
            boolean progressed = false;
            while (i.available() >= 2 && o.remaining() >= 1) {
                o.claim().copyFrom(i.peek());
                o.publish();
                i.release();
                i.release();
                progressed = true;
            }
            return progressed ? WorkStatus.OK : WorkStatus.NEED_INPUT;
        }
    }

    /** Scales its input frame in place, then copies it. */
    static class InPlace extends SampleNodes.Gain {
        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            InputPort i = in.port(0);
            OutputPort o = out.port(0);
            if (i.available() == 0) {
                return WorkStatus.NEED_INPUT;
            }
            if (o.remaining() == 0) {
                return WorkStatus.NEED_OUTPUT_SPACE;
            }
            Frame f = i.peek();
            for (int k = 0; k < f.length(); k++) {
                f.floats()[k] *= 2;
            }
            o.claim().copyFrom(f);
            o.publish();
            i.release();
            return WorkStatus.OK;
        }
    }

    /** Releases the input frame, then reads it. */
    static class ReadsAfterRelease extends SampleNodes.Gain {
        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            InputPort i = in.port(0);
            OutputPort o = out.port(0);
            if (i.available() == 0) {
                return WorkStatus.NEED_INPUT;
            }
            if (o.remaining() == 0) {
                return WorkStatus.NEED_OUTPUT_SPACE;
            }
            Frame f = i.peek();
            int n = f.length();
            i.release();
            Frame d = o.claim().setLength(n);
            System.arraycopy(f.floats(), 0, d.floats(), 0, n);
            o.publish();
            return WorkStatus.OK;
        }
    }

    /** Adds into the claimed frame as if it were zeroed. */
    static class AccumulatesIntoClaim extends SampleNodes.Gain {
        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            InputPort i = in.port(0);
            OutputPort o = out.port(0);
            if (i.available() == 0) {
                return WorkStatus.NEED_INPUT;
            }
            if (o.remaining() == 0) {
                return WorkStatus.NEED_OUTPUT_SPACE;
            }
            Frame f = i.peek();
            Frame d = o.claim().setLength(f.length());
            for (int k = 0; k < f.length(); k++) {
                d.floats()[k] += f.floats()[k];
            }
            o.publish();
            i.release();
            return WorkStatus.OK;
        }
    }

    /** Keeps the published frame and stamps it on the next call. */
    static class WritesAfterPublish extends SampleNodes.Gain {
        private Frame lastPublished;

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            if (lastPublished != null) {
                lastPublished.setFlags(Frame.FLAG_DISCONTINUITY);
            }
            InputPort i = in.port(0);
            OutputPort o = out.port(0);
            if (i.available() == 0) {
                return WorkStatus.NEED_INPUT;
            }
            if (o.remaining() == 0) {
                return WorkStatus.NEED_OUTPUT_SPACE;
            }
            lastPublished = o.claim().copyFrom(i.peek());
            o.publish();
            i.release();
            return WorkStatus.OK;
        }
    }

    /** Keeps the factor from open. */
    static class IgnoresParamChange extends SampleNodes.Gain {
        @Override
        public void onParamsChanged(Params previous, Params next) {
        }
    }

    /** Logs an error when it opens. */
    static class LogsError extends SampleNodes.Gain {
        @Override
        public void open(ProcessorContext context) {
            super.open(context);
            context.logger().log(System.Logger.Level.ERROR, "lost the plot");
        }
    }

    /** Fails to open, and counts. */
    static class OpenThrows implements Processor {
        private final AtomicInteger opens;
        private final AtomicInteger closes;

        OpenThrows(AtomicInteger opens, AtomicInteger closes) {
            this.opens = opens;
            this.closes = closes;
        }

        @Override
        public void open(ProcessorContext context) throws Exception {
            opens.incrementAndGet();
            throw new java.io.IOException("no device");
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            throw new AssertionError("never opened");
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
