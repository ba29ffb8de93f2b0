package dev.weir.engine.model;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.ResolvedPort;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.weir.engine.model.Graphs.graph;
import static dev.weir.engine.model.Graphs.ref;
import static org.assertj.core.api.Assertions.assertThat;

class ExplainWhyNotTest {

    private final GraphValidator validator = new GraphValidator(TestNodes.REGISTRY);

    /** A document with some broken nodes, as an editor holds one mid-edit. */
    private final GraphDocument doc = graph()
            .node("src", "test.source")
            .node("src2", "test.source")
            .node("fft1", "test.fft", "fft_size", 1024)
            .node("k", "test.vector_sink")
            .node("ks", "test.stream_sink")
            .node("m1", "test.mixer")
            .node("m2", "test.mixer")
            .node("u", "test.unsized")
            .node("n1", "dsp.nope")
            .node("bad", "test.fft", "fft_size", 3)
            .node("sum0", "test.sum", "inputs", 0)
            .disabled("dis", "test.mixer")
            .edge("e1", "src.out", "m1.in")
            .edge("e2", "m1.out", "m2.in")
            .build();

    private Optional<Problem> why(String from, String to) {
        return validator.explainWhyNot(doc, ref(from), ref(to));
    }

    private Problem refused(String from, String to, ProblemCode code) {
        Optional<Problem> p = why(from, to);
        assertThat(p).as("%s -> %s", from, to).isPresent();
        assertThat(p.get().code()).isEqualTo(code);
        assertThat(p.get().message()).startsWith("cannot connect " + from + " to " + to + ": ");
        assertThat(validator.canConnect(doc, ref(from), ref(to))).isFalse();
        return p.get();
    }

    @Test
    void validConnectionIsAccepted() {
        assertThat(why("src.out", "fft1.in")).isEmpty();
        assertThat(validator.canConnect(doc, ref("src.out"), ref("fft1.in"))).isTrue();
        assertThat(validator.canConnect(doc, ref("fft1.out"), ref("k.in"))).isTrue();
        // An output may feed many inputs.
        assertThat(validator.canConnect(doc, ref("src.out"), ref("ks.in"))).isTrue();
        assertThat(validator.canConnect(doc, ref("m2.out"), ref("ks.in"))).isTrue();
    }

    @Test
    void connectingToADisabledNodeIsAllowed() {
        assertThat(why("src2.out", "dis.in")).isEmpty();
    }

    @Test
    void missingNodes() {
        Problem from = refused("ghost.out", "ks.in", ProblemCode.DANGLING_EDGE);
        assertThat(from.nodeId()).isEqualTo("ghost");
        assertThat(from.message()).contains("node 'ghost' is not in the graph");

        Problem to = refused("src.out", "ghost.in", ProblemCode.DANGLING_EDGE);
        assertThat(to.nodeId()).isEqualTo("ghost");
    }

    @Test
    void nodesWhosePortsAreUnknown() {
        assertThat(refused("n1.out", "ks.in", ProblemCode.UNKNOWN_TYPE).message()).contains("'n1'", "'dsp.nope'");
        assertThat(refused("src.out", "n1.in", ProblemCode.UNKNOWN_TYPE).nodeId()).isEqualTo("n1");
        Problem badParam = refused("src.out", "bad.in", ProblemCode.PARAM_INVALID);
        assertThat(badParam.param()).isEqualTo("fft_size");
        assertThat(badParam.message()).contains("node 'bad' param 'fft_size' must be in 16..65536, was 3");
        assertThat(refused("sum0.out", "ks.in", ProblemCode.PORT_UNRESOLVABLE).message()).contains("'sum0'");
    }

    @Test
    void unknownPortsListTheExistingOnes() {
        Problem out = refused("src.nope", "ks.in", ProblemCode.UNKNOWN_PORT);
        assertThat(out.nodeId()).isEqualTo("src");
        assertThat(out.port()).isEqualTo("nope");
        assertThat(out.message()).contains("no output 'nope'", "'out'");

        Problem in = refused("src.out", "m2.nope", ProblemCode.UNKNOWN_PORT);
        assertThat(in.message()).contains("no input 'nope'", "'in', 'lo'");

        // Output and input names are not interchangeable.
        assertThat(refused("src.out", "m1.out", ProblemCode.UNKNOWN_PORT).message()).contains("no input 'out'");
        assertThat(refused("ks.in", "m2.lo", ProblemCode.UNKNOWN_PORT).message()).contains("no output 'in'",
                "it has no outputs");
    }

    @Test
    void typeMismatchGivesTheReason() {
        Problem p = refused("src.out", "k.in", ProblemCode.TYPE_MISMATCH);
        assertThat(p.nodeId()).isEqualTo("k");
        assertThat(p.port()).isEqualTo("in");
        assertThat(p.message()).contains("stream<float32>", "vector<complex64>[*]", "cannot feed");
    }

    @Test
    void inputAlreadyFedNamesTheExistingEdge() {
        Problem p = refused("src2.out", "m1.in", ProblemCode.INPUT_FED_TWICE);
        assertThat(p.edgeId()).isEqualTo("e1");
        assertThat(p.message()).contains("input 'in' of node 'm1'", "edge 'e1'");
    }

    @Test
    void unsizedOutput() {
        Problem p = refused("u.out", "k.in", ProblemCode.UNSIZED_OUTPUT);
        assertThat(p.port()).isEqualTo("out");
        assertThat(p.message()).contains("'u'", "vector<complex64>[*]");
    }

    @Test
    void selfLoopNeedsADelay() {
        Problem p = refused("m1.out", "m1.lo", ProblemCode.CYCLE_WITHOUT_DELAY);
        assertThat(p.message()).contains("node 'm1' cannot feed itself without a delay");

        assertThat(validator.explainWhyNot(doc, ref("m1.out"), ref("m1.lo"), EdgeSpec.DEFAULT.withDelay(1)))
                .isEmpty();
    }

    @Test
    void edgeClosingALoopNeedsADelay() {
        Problem p = refused("m2.out", "m1.lo", ProblemCode.CYCLE_WITHOUT_DELAY);
        assertThat(p.message()).contains("loop with no delay through nodes 'm1', 'm2'");

        assertThat(validator.canConnect(doc, ref("m2.out"), ref("m1.lo"), EdgeSpec.DEFAULT.withDelay(1))).isTrue();
    }

    @Test
    void existingDelayEdgeBreaksTheLoop() {
        GraphDocument withDelay = graph()
                .node("src", "test.source").node("m1", "test.mixer").node("m2", "test.mixer")
                .edge("e1", "src.out", "m1.in")
                .delayEdge("e2", "m1.out", "m2.in", 1)
                .build();

        assertThat(validator.canConnect(withDelay, ref("m2.out"), ref("m1.lo"))).isTrue();
    }

    @Test
    void loopsThroughDisabledNodesCountSoEnablingThemCannotBreakTheGraph() {
        GraphDocument d = doc.withEdge(EdgeInstance.of("e3", ref("m2.out"), ref("dis.in")));

        Optional<Problem> p = validator.explainWhyNot(d, ref("dis.out"), ref("m1.lo"));

        assertThat(p).get().extracting(Problem::message).asString()
                .contains("through nodes 'm1', 'm2', 'dis'");
    }

    @Test
    void delayMustFitTheCapacity() {
        EdgeSpec tooLong = EdgeSpec.DEFAULT.withDelay(5000).withCapacity(4);

        Optional<Problem> p = validator.explainWhyNot(doc, ref("src.out"), ref("ks.in"), tooLong);

        assertThat(p).get().satisfies(x -> {
            assertThat(x.code()).isEqualTo(ProblemCode.DELAY_EXCEEDS_CAPACITY);
            assertThat(x.message()).contains("5000 samples", "5 frames", "capacity is 4 frames");
        });
        assertThat(validator.canConnect(doc, ref("src.out"), ref("ks.in"), tooLong.withCapacity(5))).isTrue();
    }

    /**
     * The editor trusts canConnect to predict validation: for every output and input of healthy nodes, the edge
     * is accepted exactly when adding it gives the document no new problem.
     */
    @Test
    void agreesWithValidationOnEveryPairOfPorts() {
        GraphDocument healthy = graph()
                .node("src", "test.source")
                .node("fft1", "test.fft", "fft_size", 1024)
                .node("k", "test.vector_sink")
                .node("fk", "test.fixed_vector_sink")
                .node("ks", "test.stream_sink")
                .node("m1", "test.mixer")
                .node("m2", "test.mixer")
                .node("sum1", "test.sum")
                .node("u", "test.unsized")
                .node("c", "test.counter")
                .node("rk", "test.record_sink")
                .edge("e1", "src.out", "m1.in")
                .edge("e2", "m1.out", "m2.in")
                .edge("e3", "m2.out", "sum1.in0")
                .build();
        List<Problem> before = validator.validate(healthy);
        List<ResolvedNode> nodes = new ArrayList<>();
        for (NodeInstance n : healthy.nodeList()) {
            NodeDescriptor d = TestNodes.REGISTRY.find(n.type()).orElseThrow();
            Params params = d.canonicalParams(n.params());
            nodes.add(new ResolvedNode(n, d, params, d.resolveInputs(params), d.resolveOutputs(params)));
        }
        int accepted = 0;
        int refused = 0;
        for (ResolvedNode w : nodes) {
            for (ResolvedPort out : w.outputs()) {
                for (ResolvedNode r : nodes) {
                    for (ResolvedPort in : r.inputs()) {
                        PortRef from = new PortRef(w.id(), out.name());
                        PortRef to = new PortRef(r.id(), in.name());
                        List<Problem> after = validator.validate(healthy.withEdge(EdgeInstance.of("new", from, to)));
                        List<Problem> added = after.stream().filter(p -> !before.contains(p)).toList();
                        boolean can = validator.canConnect(healthy, from, to);
                        assertThat(can).as("%s -> %s, new problems %s", from, to, added).isEqualTo(added.isEmpty());
                        if (can) {
                            accepted++;
                        } else {
                            refused++;
                        }
                    }
                }
            }
        }
        assertThat(accepted).isPositive();
        assertThat(refused).isPositive();
    }
}
