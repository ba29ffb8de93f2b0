package dev.weir.engine.model;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.PortSpec;

import java.util.List;

import static dev.weir.engine.model.Graphs.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class GraphValidatorTest {

    private final GraphValidator validator = new GraphValidator(TestNodes.REGISTRY);

    private List<Problem> validate(Graphs g) {
        return validator.validate(g.build());
    }

    private static List<ProblemCode> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).toList();
    }

    /** A small graph with every kind of port in use: fan-out, a multi-port node, an unconnected optional input. */
    static Graphs validGraph() {
        return graph()
                .node("src", "test.source")
                .node("fft1", "test.fft", "fft_size", 1024)
                .node("spectra", "test.vector_sink")
                .node("sum1", "test.sum", "inputs", 2)
                .node("mix", "test.mixer")
                .node("out", "test.stream_sink")
                .node("out2", "test.stream_sink")
                .edge("e1", "src.out", "fft1.in")
                .edge("e2", "fft1.out", "spectra.in")
                .edge("e3", "src.out", "sum1.in0")
                .edge("e4", "src.out", "sum1.in1")
                .edge("e5", "sum1.out", "out.in")
                .edge("e6", "src.out", "mix.in")
                .edge("e7", "mix.out", "out2.in");
    }

    @Test
    void validGraphHasNoProblems() {
        assertThat(validate(validGraph())).isEmpty();
    }

    @Test
    void emptyGraphHasNoProblems() {
        assertThat(validate(graph())).isEmpty();
    }

    /**
     * For every code, a minimal document with exactly that one problem. Adding a code without a way to reach it
     * fails here, and so does removing the check for one.
     */
    @ParameterizedTest
    @EnumSource(ProblemCode.class)
    void everyCodeIsReportedAlone(ProblemCode code) {
        Graphs g = switch (code) {
            case UNKNOWN_TYPE -> graph().node("n1", "test.nope");
            case TYPE_VERSION_NEWER -> graph().node(NodeInstance.of("fft1", "test.fft", 3,
                    dev.weir.engine.api.Params.empty())).node("src", "test.source").edge("e1", "src.out", "fft1.in");
            case PARAM_INVALID -> graph().node("sum1", "test.sum", "inputs", 99);
            case PORT_UNRESOLVABLE -> graph().node("sum1", "test.sum", "inputs", 0);
            case UNSIZED_OUTPUT -> graph().node("u", "test.unsized").node("k", "test.vector_sink")
                    .edge("e1", "u.out", "k.in");
            case DANGLING_EDGE -> graph().node("k", "test.stream_sink").node("src", "test.source")
                    .edge("e0", "src.out", "k.in").edge("e1", "src.out", "ghost.in");
            case UNKNOWN_PORT -> graph().node("src", "test.source").node("k", "test.stream_sink")
                    .node("k2", "test.stream_sink")
                    .edge("e0", "src.out", "k.in").edge("e1", "src.nope", "k2.in");
            case TYPE_MISMATCH -> graph().node("src", "test.source").node("k", "test.vector_sink")
                    .edge("e1", "src.out", "k.in");
            case INPUT_FED_TWICE -> graph().node("src", "test.source").node("k", "test.stream_sink")
                    .edge("e1", "src.out", "k.in").edge("e2", "src.out", "k.in");
            case MISSING_INPUT -> graph().node("k", "test.stream_sink");
            case CYCLE_WITHOUT_DELAY -> graph().node("src", "test.source").node("m", "test.mixer")
                    .edge("e1", "src.out", "m.in").edge("e2", "m.out", "m.lo");
            case DELAY_EXCEEDS_CAPACITY -> graph().node("c", "test.counter").node("k", "test.record_sink")
                    .delayEdge("e1", "c.out", "k.in", 17);
            case TRANSPORT_CONFLICT -> graph().node("c", "test.counter")
                    .node(NodeInstance.of("k", "test.record_sink", 1, dev.weir.engine.api.Params.empty())
                            .withProcess("w1"))
                    .edge("e1", "c.out", "k.in", EdgeSpec.DEFAULT.withTransport(Transport.IN_PROCESS));
            case PREVIEW_BACKPRESSURE -> graph().node("src", "test.source").node("p", "test.preview")
                    .edge("e1", "src.out", "p.in");
        };
        assertThat(validate(g)).extracting(Problem::code).containsExactly(code);
    }

    @Nested
    class UnknownType {
        @Test
        void namesNodeAndType() {
            List<Problem> problems = validate(graph().node("n1", "dsp.nope"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_TYPE);
                assertThat(p.nodeId()).isEqualTo("n1");
                assertThat(p.message()).contains("'n1'", "'dsp.nope'");
            });
        }

        @Test
        void edgesOfAnUnknownNodeAreNotCheckedAgainstPorts() {
            // Neither edge can be judged: the unknown node's ports are unknown. The sink counts as fed.
            List<Problem> problems = validate(graph()
                    .node("src", "test.source")
                    .node("n1", "dsp.nope")
                    .node("k", "test.vector_sink")
                    .edge("e1", "src.out", "n1.whatever")
                    .edge("e2", "n1.anything", "k.in"));

            assertThat(codes(problems)).containsExactly(ProblemCode.UNKNOWN_TYPE);
        }

        @Test
        void otherNodesAreStillChecked() {
            List<Problem> problems = validate(graph()
                    .node("n1", "dsp.nope", "keep_me", 5)
                    .node("fft1", "test.fft", "fft_size", 3)
                    .node("k", "test.stream_sink"));

            assertThat(problems).extracting(Problem::code, Problem::nodeId).containsExactly(
                    tuple(ProblemCode.UNKNOWN_TYPE, "n1"),
                    tuple(ProblemCode.PARAM_INVALID, "fft1"),
                    tuple(ProblemCode.MISSING_INPUT, "k"));
        }
    }

    @Nested
    class TypeVersionNewer {
        private Graphs withFftVersion(int version) {
            return graph().node("src", "test.source")
                    .node(NodeInstance.of("fft1", "test.fft", version, dev.weir.engine.api.Params.empty()))
                    .node("k", "test.vector_sink")
                    .edge("e1", "src.out", "fft1.in")
                    .edge("e2", "fft1.out", "k.in");
        }

        @Test
        void newerVersionIsReported() {
            assertThat(validate(withFftVersion(3))).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.TYPE_VERSION_NEWER);
                assertThat(p.nodeId()).isEqualTo("fft1");
                assertThat(p.message()).contains("'fft1'", "version 3", "'test.fft'", "version 2");
            });
        }

        @Test
        void sameAndOlderVersionsAreFine() {
            assertThat(validate(withFftVersion(2))).isEmpty();
            assertThat(validate(withFftVersion(1))).isEmpty();
        }
    }

    @Nested
    class ParamInvalid {
        @Test
        void outOfRangeValueNamesNodeParamAndLimits() {
            List<Problem> problems = validate(graph().node("src", "test.source")
                    .node("fft1", "test.fft", "fft_size", 3)
                    .edge("e1", "src.out", "fft1.in"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.PARAM_INVALID);
                assertThat(p.nodeId()).isEqualTo("fft1");
                assertThat(p.param()).isEqualTo("fft_size");
                assertThat(p.message()).isEqualTo("node 'fft1' param 'fft_size' must be in 16..65536, was 3");
            });
        }

        @Test
        void oneProblemPerBadParam() {
            List<Problem> problems = validate(graph().node("src", "test.source")
                    .node("fft1", "test.fft", "fft_size", 3, "normalize", "yes", "window", "hann")
                    .edge("e1", "src.out", "fft1.in"));

            assertThat(problems).extracting(Problem::code).containsOnly(ProblemCode.PARAM_INVALID);
            assertThat(problems).extracting(Problem::param)
                    .containsExactlyInAnyOrder("fft_size", "normalize", "window");
            assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains("'fft1'", "'" + p.param() + "'"));
            assertThat(problems).filteredOn(p -> p.param().equals("window")).singleElement()
                    .extracting(Problem::message).asString().contains("is not a param of test.fft");
        }

        @Test
        void edgesOfANodeWithBadParamsAreNotJudged() {
            // fft_size sizes the output; guessing its type would invent a mismatch with the fixed sink.
            List<Problem> problems = validate(graph().node("src", "test.source")
                    .node("fft1", "test.fft", "fft_size", 3)
                    .node("k", "test.fixed_vector_sink")
                    .edge("e1", "src.out", "fft1.in")
                    .edge("e2", "fft1.out", "k.in"));

            assertThat(codes(problems)).containsExactly(ProblemCode.PARAM_INVALID);
        }
    }

    @Nested
    class PortUnresolvable {
        @Test
        void portCountParamThatPassesItsSpecButSizesNoPort() {
            List<Problem> problems = validate(graph().node("sum1", "test.sum", "inputs", 0));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.PORT_UNRESOLVABLE);
                assertThat(p.nodeId()).isEqualTo("sum1");
                assertThat(p.message()).contains("'sum1'", "'inputs'", "was 0");
            });
        }

        @Test
        void choiceThatWouldSelectNoPortTypeIsRefusedWhenTheDescriptorIsBuilt() {
            // Caught once, when the node library loads, rather than on every instance as PORT_UNRESOLVABLE.
            assertThatThrownBy(() -> NodeDescriptor.builder("test.bad_choice", 1)
                    .output(PortSpec.of("out", new DataType.ByParam("element",
                            java.util.Map.of("float", TestNodes.FLOATS)), "items"))
                    .param(new ParamSpec("element", "Element",
                            new ParamType.ChoiceType(List.of("float", "complex")), "float", "", false, "what"))
                    .factory(() -> null).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no type for choice 'complex' of param 'element'");
        }

        @Test
        void validChoiceOutsideTheSpecIsAParamProblem() {
            List<Problem> problems = validate(graph().node("b", "test.by_type", "element", "complex"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.PARAM_INVALID);
                assertThat(p.message()).contains("'b'", "'element'", "complex");
            });
        }

        @Test
        void choiceThatSelectsATypeResolves() {
            assertThat(validate(graph().node("b", "test.by_type", "element", "records")
                    .node("k", "test.record_sink").edge("e1", "b.out", "k.in"))).isEmpty();
        }
    }

    @Nested
    class UnsizedOutput {
        @Test
        void connectedUnsizedOutputIsReported() {
            List<Problem> problems = validate(graph().node("u", "test.unsized").node("k", "test.vector_sink")
                    .edge("e1", "u.out", "k.in"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.UNSIZED_OUTPUT);
                assertThat(p.nodeId()).isEqualTo("u");
                assertThat(p.port()).isEqualTo("out");
                assertThat(p.message()).contains("'u'", "'out'", "vector<complex64>[*]");
            });
        }

        @Test
        void unconnectedUnsizedOutputIsFine() {
            assertThat(validate(graph().node("u", "test.unsized"))).isEmpty();
        }

        @Test
        void outputConnectedOnlyToADisabledNodeIsFine() {
            assertThat(validate(graph().node("u", "test.unsized").disabled("k", "test.vector_sink")
                    .edge("e1", "u.out", "k.in"))).isEmpty();
        }
    }

    @Nested
    class DanglingEdge {
        @Test
        void edgeFromAMissingNode() {
            List<Problem> problems = validate(graph().node("k", "test.stream_sink").node("src", "test.source")
                    .edge("e0", "src.out", "k.in")
                    .edge("e1", "ghost.out", "k.in"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.DANGLING_EDGE);
                assertThat(p.edgeId()).isEqualTo("e1");
                assertThat(p.nodeId()).isEqualTo("ghost");
                assertThat(p.message()).contains("'e1'", "'ghost'");
            });
        }

        @Test
        void edgeToAMissingNode() {
            List<Problem> problems = validate(graph().node("src", "test.source")
                    .edge("e1", "src.out", "ghost.in"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.DANGLING_EDGE);
                assertThat(p.message()).contains("'e1'", "goes to node 'ghost'");
            });
        }

        @Test
        void edgeBetweenTwoMissingNodes() {
            List<Problem> problems = validate(graph().edge("e1", "a.out", "b.in"));

            assertThat(problems).singleElement().extracting(Problem::message).asString()
                    .contains("'e1'", "'a'", "'b'", "neither");
        }

        @Test
        void danglingEdgeDoesNotFeedAnInput() {
            List<Problem> problems = validate(graph().node("k", "test.stream_sink")
                    .edge("e1", "ghost.out", "k.in"));

            assertThat(codes(problems)).containsExactly(ProblemCode.MISSING_INPUT, ProblemCode.DANGLING_EDGE);
        }
    }

    @Nested
    class UnknownPort {
        @Test
        void unknownOutputListsTheOutputs() {
            List<Problem> problems = validate(graph().node("src", "test.source").node("k", "test.stream_sink")
                    .node("k2", "test.stream_sink")
                    .edge("e0", "src.out", "k.in")
                    .edge("e1", "src.nope", "k2.in"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_PORT);
                assertThat(p.edgeId()).isEqualTo("e1");
                assertThat(p.nodeId()).isEqualTo("src");
                assertThat(p.port()).isEqualTo("nope");
                assertThat(p.message()).contains("'e1'", "output 'nope'", "'src'", "'out'");
            });
        }

        @Test
        void unknownInputOfAMultiPortNodeListsTheExpandedNames() {
            List<Problem> problems = validate(graph().node("src", "test.source").node("sum1", "test.sum")
                    .node("k", "test.stream_sink")
                    .edge("e1", "src.out", "sum1.in0")
                    .edge("e2", "src.out", "sum1.in1")
                    .edge("e3", "src.out", "sum1.in2")
                    .edge("e4", "sum1.out", "k.in"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_PORT);
                assertThat(p.message()).contains("'e3'", "input 'in2'", "'sum1'", "'in0', 'in1'");
            });
        }

        @Test
        void portCountFollowsTheParam() {
            assertThat(validate(graph().node("src", "test.source").node("sum1", "test.sum", "inputs", 3)
                    .node("k", "test.stream_sink")
                    .edge("e1", "src.out", "sum1.in0")
                    .edge("e2", "src.out", "sum1.in1")
                    .edge("e3", "src.out", "sum1.in2")
                    .edge("e4", "sum1.out", "k.in"))).isEmpty();
        }

        @Test
        void nodeWithoutOutputsSaysSo() {
            List<Problem> problems = validate(graph().node("src", "test.source").node("k", "test.stream_sink")
                    .node("k2", "test.stream_sink")
                    .edge("e1", "src.out", "k.in")
                    .edge("e2", "k.out", "k2.in"));

            assertThat(problems).singleElement().extracting(Problem::message).asString()
                    .contains("has no outputs");
        }

        @Test
        void bothEndsAreReported() {
            List<Problem> problems = validate(graph().node("src", "test.source").node("k", "test.stream_sink")
                    .edge("e0", "src.out", "k.in")
                    .edge("e1", "src.nope", "k.nada"));

            assertThat(problems).extracting(Problem::code, Problem::port).containsExactly(
                    tuple(ProblemCode.UNKNOWN_PORT, "nope"),
                    tuple(ProblemCode.UNKNOWN_PORT, "nada"));
        }
    }

    @Nested
    class TypeMismatch {
        @Test
        void differentKindsNameBothTypesAndTheReason() {
            List<Problem> problems = validate(graph().node("src", "test.source").node("k", "test.vector_sink")
                    .edge("e1", "src.out", "k.in"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.TYPE_MISMATCH);
                assertThat(p.edgeId()).isEqualTo("e1");
                assertThat(p.message()).contains("'e1'", "src.out", "k.in", "stream<float32>",
                        "vector<complex64>[*]", "stream<float32> cannot feed vector<complex64>[*]");
            });
        }

        @Test
        void vectorLengthFromAParamMustMatchAFixedReader() {
            Graphs g = graph().node("src", "test.source").node("fft1", "test.fft", "fft_size", 512)
                    .node("k", "test.fixed_vector_sink")
                    .edge("e1", "src.out", "fft1.in")
                    .edge("e2", "fft1.out", "k.in");

            assertThat(validate(g)).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.TYPE_MISMATCH);
                assertThat(p.message()).contains("'e2'", "vector<complex64>[512]", "vector<complex64>[1024]",
                        "vector length 512 does not match 1024");
            });
            assertThat(validate(graph().node("src", "test.source").node("fft1", "test.fft", "fft_size", 1024)
                    .node("k", "test.fixed_vector_sink")
                    .edge("e1", "src.out", "fft1.in")
                    .edge("e2", "fft1.out", "k.in"))).isEmpty();
        }

        @Test
        void recordsCannotFeedASampleStream() {
            assertThat(codes(validate(graph().node("c", "test.counter").node("k", "test.stream_sink")
                    .edge("e1", "c.out", "k.in")))).containsExactly(ProblemCode.TYPE_MISMATCH);
        }
    }

    @Nested
    class InputFedTwice {
        @Test
        void secondEdgeIntoAnInputIsReportedNamingBothEdges() {
            List<Problem> problems = validate(graph().node("a", "test.source").node("b", "test.source")
                    .node("k", "test.stream_sink")
                    .edge("e1", "a.out", "k.in")
                    .edge("e2", "b.out", "k.in"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.INPUT_FED_TWICE);
                assertThat(p.edgeId()).isEqualTo("e2");
                assertThat(p.nodeId()).isEqualTo("k");
                assertThat(p.port()).isEqualTo("in");
                assertThat(p.message()).contains("'e2'", "'e1'", "'in'", "'k'");
            });
        }

        @Test
        void thirdEdgeIsReportedToo() {
            List<Problem> problems = validate(graph().node("a", "test.source").node("k", "test.stream_sink")
                    .edge("e1", "a.out", "k.in")
                    .edge("e2", "a.out", "k.in")
                    .edge("e3", "a.out", "k.in"));

            assertThat(problems).extracting(Problem::code, Problem::edgeId).containsExactly(
                    tuple(ProblemCode.INPUT_FED_TWICE, "e2"),
                    tuple(ProblemCode.INPUT_FED_TWICE, "e3"));
        }

        @Test
        void anOutputMayFeedManyInputs() {
            assertThat(validate(graph().node("a", "test.source").node("k1", "test.stream_sink")
                    .node("k2", "test.stream_sink").node("k3", "test.stream_sink")
                    .edge("e1", "a.out", "k1.in")
                    .edge("e2", "a.out", "k2.in")
                    .edge("e3", "a.out", "k3.in"))).isEmpty();
        }

        @Test
        void aSecondWriterThatIsDisabledIsIgnored() {
            assertThat(validate(graph().node("a", "test.source").disabled("b", "test.source")
                    .node("k", "test.stream_sink")
                    .edge("e1", "a.out", "k.in")
                    .edge("e2", "b.out", "k.in"))).isEmpty();
        }
    }

    @Nested
    class MissingInput {
        @Test
        void unconnectedRequiredInput() {
            List<Problem> problems = validate(graph().node("fft1", "test.fft"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.MISSING_INPUT);
                assertThat(p.nodeId()).isEqualTo("fft1");
                assertThat(p.port()).isEqualTo("in");
                assertThat(p.message()).isEqualTo("node 'fft1' required input 'in' is not connected");
            });
        }

        @Test
        void optionalInputMayStayUnconnected() {
            assertThat(validate(graph().node("src", "test.source").node("m", "test.mixer")
                    .edge("e1", "src.out", "m.in"))).isEmpty();
        }

        @Test
        void everyExpandedPortIsRequired() {
            List<Problem> problems = validate(graph().node("src", "test.source").node("sum1", "test.sum", "inputs", 3)
                    .edge("e1", "src.out", "sum1.in1"));

            assertThat(problems).extracting(Problem::code, Problem::port).containsExactly(
                    tuple(ProblemCode.MISSING_INPUT, "in0"),
                    tuple(ProblemCode.MISSING_INPUT, "in2"));
        }

        @Test
        void inputFedOnlyByADisabledNodeIsMissing() {
            List<Problem> problems = validate(graph().disabled("src", "test.source").node("k", "test.stream_sink")
                    .edge("e1", "src.out", "k.in"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.MISSING_INPUT);
                assertThat(p.message()).contains("'k'", "'in'", "disabled node 'src'");
            });
        }
    }

    @Nested
    class CycleWithoutDelay {
        /** src feeds m1; m1 and m2 feed each other, m2's output back into m1's optional input. */
        private Graphs loop(int delayOnFeedback) {
            return graph()
                    .node("k", "test.stream_sink")
                    .node("m2", "test.mixer")
                    .node("src", "test.source")
                    .node("m1", "test.mixer")
                    .edge("e1", "src.out", "m1.in")
                    .edge("e2", "m1.out", "m2.in")
                    .delayEdge("e3", "m2.out", "m1.lo", delayOnFeedback)
                    .edge("e4", "m2.out", "k.in");
        }

        @Test
        void loopWithoutDelayListsItsNodesInDocumentOrder() {
            List<Problem> problems = validate(loop(0));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.CYCLE_WITHOUT_DELAY);
                assertThat(p.nodeId()).isEqualTo("m2");
                assertThat(p.message()).contains("nodes 'm2', 'm1'", "'e2', 'e3'");
            });
        }

        @Test
        void aDelayOnAnyEdgeOfTheLoopMakesItLegal() {
            assertThat(validate(loop(1))).isEmpty();
        }

        @Test
        void selfLoopWithoutDelay() {
            List<Problem> problems = validate(graph().node("src", "test.source").node("m", "test.mixer")
                    .edge("e1", "src.out", "m.in")
                    .edge("e2", "m.out", "m.lo"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.CYCLE_WITHOUT_DELAY);
                assertThat(p.nodeId()).isEqualTo("m");
                assertThat(p.edgeId()).isEqualTo("e2");
                assertThat(p.message()).contains("'m'", "itself", "'e2'");
            });
        }

        @Test
        void selfLoopWithDelayIsLegal() {
            assertThat(validate(graph().node("src", "test.source").node("m", "test.mixer")
                    .edge("e1", "src.out", "m.in")
                    .delayEdge("e2", "m.out", "m.lo", 1))).isEmpty();
        }

        @Test
        void oneProblemPerLoopInDocumentOrder() {
            List<Problem> problems = validate(graph()
                    .node("b1", "test.mixer").node("b2", "test.mixer")
                    .node("a1", "test.mixer").node("a2", "test.mixer").node("a3", "test.mixer")
                    .edge("e1", "a1.out", "a2.in")
                    .edge("e2", "a2.out", "a3.in")
                    .edge("e3", "a3.out", "a1.in")
                    .edge("e4", "b1.out", "b2.in")
                    .edge("e5", "b2.out", "b1.in"));

            assertThat(problems).extracting(Problem::code).containsOnly(ProblemCode.CYCLE_WITHOUT_DELAY);
            assertThat(problems).extracting(Problem::message).satisfiesExactly(
                    m -> assertThat(m).contains("nodes 'b1', 'b2'"),
                    m -> assertThat(m).contains("nodes 'a1', 'a2', 'a3'"));
        }

        @Test
        void loopThroughADisabledNodeIsIgnored() {
            assertThat(validate(graph().node("src", "test.source").node("m1", "test.mixer")
                    .disabled("m2", "test.mixer")
                    .edge("e1", "src.out", "m1.in")
                    .edge("e2", "m1.out", "m2.in")
                    .edge("e3", "m2.out", "m1.lo"))).isEmpty();
        }

        @Test
        void longChainDoesNotOverflowTheStack() {
            // Built directly: withNode copies the maps on every call.
            int n = 50_000;
            java.util.Map<String, NodeInstance> nodes = new java.util.LinkedHashMap<>();
            java.util.Map<String, EdgeInstance> edges = new java.util.LinkedHashMap<>();
            nodes.put("src", NodeInstance.of("src", "test.source", 1, dev.weir.engine.api.Params.empty()));
            String previous = "src";
            for (int i = 0; i < n; i++) {
                String id = "m" + i;
                nodes.put(id, NodeInstance.of(id, "test.mixer", 1, dev.weir.engine.api.Params.empty()));
                edges.put("e" + i, EdgeInstance.of("e" + i, new PortRef(previous, "out"), new PortRef(id, "in")));
                previous = id;
            }
            edges.put("back", EdgeInstance.of("back", new PortRef(previous, "out"), new PortRef("m0", "lo")));
            GraphDocument doc = new GraphDocument(1, "chain", "chain", nodes, edges,
                    dev.weir.engine.api.Params.empty());

            assertThat(validator.validate(doc)).singleElement().extracting(Problem::code)
                    .isEqualTo(ProblemCode.CYCLE_WITHOUT_DELAY);
            ValidatedGraph vg = validator.validateForRun(doc.withEdge(doc.edges().get("back")
                    .withSpec(EdgeSpec.DEFAULT.withDelay(1))));
            assertThat(vg.topologicalOrder()).hasSize(n + 1).startsWith("src", "m0", "m1").endsWith("m" + (n - 1));
        }
    }

    @Nested
    class DelayExceedsCapacity {
        private List<Problem> sampleDelay(int delay, int capacity) {
            return validate(graph().node("src", "test.source").node("k", "test.stream_sink")
                    .edge("e1", "src.out", "k.in", EdgeSpec.DEFAULT.withDelay(delay).withCapacity(capacity)));
        }

        @Test
        void sampleStreamDelayCountsSamplesAndRoundsUpToFrames() {
            assertThat(sampleDelay(4096, 4)).isEmpty(); // exactly 4 frames of 1024
            assertThat(sampleDelay(4097, 4)).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.DELAY_EXCEEDS_CAPACITY);
                assertThat(p.edgeId()).isEqualTo("e1");
                assertThat(p.message()).isEqualTo("edge 'e1' delays by 4097 samples, which needs 5 frames of "
                        + "1024 samples, but its capacity is 4 frames");
            });
            assertThat(sampleDelay(1, 1)).isEmpty();
        }

        @Test
        void otherTypesCountFrames() {
            Graphs ok = graph().node("c", "test.counter").node("k", "test.record_sink")
                    .edge("e1", "c.out", "k.in", EdgeSpec.DEFAULT.withDelay(16).withCapacity(16));
            Graphs tooMany = graph().node("c", "test.counter").node("k", "test.record_sink")
                    .edge("e1", "c.out", "k.in", EdgeSpec.DEFAULT.withDelay(17).withCapacity(16));

            assertThat(validate(ok)).isEmpty();
            assertThat(validate(tooMany)).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.DELAY_EXCEEDS_CAPACITY);
                assertThat(p.message()).contains("'e1'", "17 frames", "capacity of 16");
            });
        }
    }

    @Nested
    class ProcessPlacement {
        private Graphs split(EdgeSpec spec) {
            return graph().node("c", "test.counter")
                    .node(NodeInstance.of("k", "test.record_sink", 1, dev.weir.engine.api.Params.empty())
                            .withProcess("w1"))
                    .edge("e1", "c.out", "k.in", spec);
        }

        @Test
        void anEdgeBetweenGroupsTravelsByQueue() {
            Graphs g = split(EdgeSpec.DEFAULT);
            assertThat(validate(g)).isEmpty();
            GraphDocument doc = g.build();
            assertThat(doc.transportOf(doc.edge("e1").orElseThrow())).isEqualTo(Transport.IPC);
            assertThat(validate(split(EdgeSpec.DEFAULT.withTransport(Transport.IPC)))).isEmpty();
        }

        @Test
        void inProcessAcrossGroupsIsRefusedNamingBothProcesses() {
            assertThat(validate(split(EdgeSpec.DEFAULT.withTransport(Transport.IN_PROCESS)))).singleElement()
                    .satisfies(p -> {
                        assertThat(p.code()).isEqualTo(ProblemCode.TRANSPORT_CONFLICT);
                        assertThat(p.edgeId()).isEqualTo("e1");
                        assertThat(p.message()).contains("'e1'", "process 'main'", "process 'w1'", "auto or ipc");
                    });
        }

        @Test
        void aRecordedEdgeIsAQueueEvenInOneProcess() {
            Graphs g = graph().node("c", "test.counter").node("k", "test.record_sink")
                    .edge("e1", "c.out", "k.in", EdgeSpec.DEFAULT.withRecord("rec"));
            assertThat(validate(g)).isEmpty();
            GraphDocument doc = g.build();
            assertThat(doc.transportOf(doc.edge("e1").orElseThrow())).isEqualTo(Transport.IPC);
            Graphs conflict = graph().node("c", "test.counter").node("k", "test.record_sink")
                    .edge("e1", "c.out", "k.in", EdgeSpec.DEFAULT.withRecord("rec").withTransport(Transport.IN_PROCESS));
            assertThat(validate(conflict)).extracting(Problem::code).containsExactly(ProblemCode.TRANSPORT_CONFLICT);
            GraphDocument local = graph().node("c", "test.counter").node("k", "test.record_sink")
                    .edge("e1", "c.out", "k.in").build();
            assertThat(local.transportOf(local.edge("e1").orElseThrow())).isEqualTo(Transport.IN_PROCESS);
        }

        @Test
        void processNamesFollowTheIdRules() {
            NodeInstance n = NodeInstance.of("k", "test.record_sink", 1, dev.weir.engine.api.Params.empty());
            assertThat(n.process()).isEqualTo(NodeInstance.MAIN_PROCESS);
            assertThat(n.inMainProcess()).isTrue();
            assertThat(n.withProcess("dsp-1").process()).isEqualTo("dsp-1");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> n.withProcess("a b"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a b'");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> GraphDocument.empty("g", "g")
                            .withProcessSpec("main", ProcessSpec.DEFAULT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("main");
        }

        @Test
        void backoffDoublesUpToItsMaximum() {
            ProcessSpec s = ProcessSpec.onFailure(10, 100, 500);
            assertThat(s.backoffBefore(1)).isEqualTo(100);
            assertThat(s.backoffBefore(2)).isEqualTo(200);
            assertThat(s.backoffBefore(3)).isEqualTo(400);
            assertThat(s.backoffBefore(4)).isEqualTo(500);
            assertThat(s.backoffBefore(40)).isEqualTo(500);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProcessSpec.onFailure(1, 100, 50))
                    .hasMessageContaining("max_backoff_ms");
        }
    }

    @Nested
    class PreviewBackpressure {
        private static final EdgeSpec LATEST = EdgeSpec.DEFAULT.withCapacity(2)
                .withOverflow(OverflowPolicy.KEEP_LATEST);

        @Test
        void backPressuredEdgeIntoAPreviewIsAWarningNamingEdgeNodeAndTheFix() {
            List<Problem> problems = validate(graph()
                    .node("src", "test.source")
                    .node("p", "test.preview")
                    .edge("e7", "src.out", "p.in"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.PREVIEW_BACKPRESSURE);
                assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
                assertThat(p.isError()).isFalse();
                assertThat(p.edgeId()).isEqualTo("e7");
                assertThat(p.nodeId()).isEqualTo("p");
                assertThat(p.port()).isEqualTo("in");
                assertThat(p.message()).isEqualTo("edge 'e7' feeds preview node 'p' (input 'in') with back-pressure,"
                        + " so a preview that falls behind holds up node 'src' and everything upstream of it; set the"
                        + " edge's overflow to keep_latest");
            });
        }

        @Test
        void keepLatestAndDropOldestEdgesAreFine() {
            assertThat(validate(graph()
                    .node("src", "test.source").node("c", "test.counter")
                    .node("p", "test.preview")
                    .edge("e1", "src.out", "p.in", LATEST)
                    .edge("e2", "c.out", "p.marks", EdgeSpec.DEFAULT.withOverflow(OverflowPolicy.DROP_OLDEST))))
                    .isEmpty();
        }

        @Test
        void everyBackPressuredInputIsReportedAndOtherSinksAreNot() {
            List<Problem> problems = validate(graph()
                    .node("src", "test.source").node("c", "test.counter")
                    .node("p", "test.preview").node("k", "test.stream_sink")
                    .edge("e1", "src.out", "p.in")
                    .edge("e2", "c.out", "p.marks")
                    .edge("e3", "src.out", "k.in"));

            assertThat(problems).extracting(Problem::code, Problem::edgeId, Problem::port).containsExactly(
                    tuple(ProblemCode.PREVIEW_BACKPRESSURE, "e1", "in"),
                    tuple(ProblemCode.PREVIEW_BACKPRESSURE, "e2", "marks"));
        }

        @Test
        void aWarningDoesNotStopARun() {
            ValidatedGraph vg = validator.validateForRun(graph()
                    .node("src", "test.source").node("p", "test.preview")
                    .edge("e1", "src.out", "p.in")
                    .build());

            assertThat(vg.nodes()).containsOnlyKeys("src", "p");
        }

        @Test
        void aPreviewWithBadParamsStillGetsTheWarning() {
            assertThat(codes(validate(graph()
                    .node("src", "test.source").node("p", "test.preview", "max_fps", 0)
                    .edge("e1", "src.out", "p.in"))))
                    .containsExactly(ProblemCode.PARAM_INVALID, ProblemCode.PREVIEW_BACKPRESSURE);
        }

        @Test
        void anEdgeIntoADisabledPreviewIsNotReported() {
            assertThat(validate(graph()
                    .node("src", "test.source").node("k", "test.stream_sink")
                    .disabled("p", "test.preview")
                    .edge("e0", "src.out", "k.in")
                    .edge("e1", "src.out", "p.in"))).isEmpty();
        }
    }

    @Nested
    class DisabledNodes {
        @Test
        void disabledNodesAndTheirEdgesAreNotChecked() {
            List<Problem> problems = validate(graph()
                    .node("src", "test.source")
                    .node("k", "test.stream_sink")
                    .edge("e1", "src.out", "k.in")
                    .disabled("bad_type", "dsp.nope")
                    .disabled("bad_param", "test.fft", "fft_size", 3)
                    .disabled("unfed", "test.stream_sink")
                    .disabled("vk", "test.vector_sink")
                    .edge("e2", "src.out", "vk.in")          // type mismatch, into a disabled node
                    .edge("e3", "bad_type.x", "bad_param.y") // unknown ports
                    .edge("e4", "bad_param.out", "ghost.in") // dangling, but touches a disabled node
                    .edge("e5", "src.out", "unfed.in")
                    .edge("e6", "src.out", "unfed.in"));     // second writer

            assertThat(problems).isEmpty();
        }

        @Test
        void runExcludesDisabledNodesAndTheirEdges() {
            ValidatedGraph vg = validator.validateForRun(graph()
                    .node("src", "test.source")
                    .disabled("m", "test.mixer")
                    .node("k", "test.stream_sink")
                    .edge("e1", "src.out", "k.in")
                    .edge("e2", "src.out", "m.in")
                    .build());

            assertThat(vg.nodes()).containsOnlyKeys("src", "k");
            assertThat(vg.edges()).extracting(EdgeInstance::id).containsExactly("e1");
            assertThat(vg.topologicalOrder()).containsExactly("src", "k");
        }
    }

    @Test
    void fiveDifferentErrorsAreAllReportedInDocumentOrder() {
        List<Problem> problems = validate(graph()
                .node("src", "test.source")
                .node("n1", "dsp.nope")                          // UNKNOWN_TYPE
                .node("fft1", "test.fft", "fft_size", 3)         // PARAM_INVALID
                .node("k", "test.vector_sink")
                .node("orphan", "test.stream_sink")              // MISSING_INPUT
                .edge("e1", "src.out", "k.in")                   // TYPE_MISMATCH
                .edge("e2", "src.out", "fft1.in")
                .edge("e3", "ghost.out", "n1.in"));              // DANGLING_EDGE

        assertThat(problems).extracting(Problem::code, Problem::nodeId, Problem::edgeId).containsExactly(
                tuple(ProblemCode.UNKNOWN_TYPE, "n1", null),
                tuple(ProblemCode.PARAM_INVALID, "fft1", null),
                tuple(ProblemCode.MISSING_INPUT, "orphan", null),
                tuple(ProblemCode.TYPE_MISMATCH, "k", "e1"),
                tuple(ProblemCode.DANGLING_EDGE, "ghost", "e3"));
        assertThat(problems).allSatisfy(p -> assertThat(p.isError()).isTrue());
    }

    @Test
    void validationIsDeterministic() {
        GraphDocument doc = graph()
                .node("b1", "test.mixer").node("b2", "test.mixer").node("x", "dsp.nope")
                .edge("e1", "b1.out", "b2.in").edge("e2", "b2.out", "b1.in").edge("e3", "x.out", "b1.lo")
                .edge("e4", "b2.out", "b1.in")
                .build();

        List<Problem> first = validator.validate(doc);
        for (int i = 0; i < 5; i++) {
            assertThat(validator.validate(doc)).isEqualTo(first);
        }
        assertThat(codes(first)).containsExactly(ProblemCode.UNKNOWN_TYPE, ProblemCode.INPUT_FED_TWICE,
                ProblemCode.CYCLE_WITHOUT_DELAY);
    }
}
