package dev.weir.engine.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemTest {

    @Test
    void toStringPrefixesTheMessageWithSeverityCodeAndLocation() {
        Problem p = Problem.of(ProblemCode.PARAM_INVALID, "node 'fft1' param 'fft_size' must be in 16..65536, was 3",
                "fft1", null, null, "fft_size");

        assertThat(p.location()).isEqualTo("node 'fft1' param 'fft_size'");
        assertThat(p).hasToString("ERROR PARAM_INVALID at node 'fft1' param 'fft_size': "
                + "node 'fft1' param 'fft_size' must be in 16..65536, was 3");
    }

    @Test
    void locationOfAnEdgeProblemNamesTheEdgeFirst() {
        Problem p = Problem.of(ProblemCode.INPUT_FED_TWICE, "edge 'e2' feeds ...", "k", "e2", "in", null);

        assertThat(p.location()).isEqualTo("edge 'e2' node 'k' port 'in'");
    }

    @Test
    void problemWithoutLocationIsAboutTheGraph() {
        assertThat(new Problem(Problem.Severity.WARNING, ProblemCode.CYCLE_WITHOUT_DELAY, "something", null, null,
                null, null).location()).isEqualTo("graph");
    }

    @Test
    void severityComesFromTheCode() {
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(Problem.of(code, "m", null, null, null, null).severity()).isEqualTo(code.defaultSeverity());
        }
        assertThat(Problem.of(ProblemCode.UNKNOWN_TYPE, "m", null, null, null, null).isError()).isTrue();
        assertThat(new Problem(Problem.Severity.WARNING, ProblemCode.UNKNOWN_TYPE, "m", null, null, null, null)
                .isError()).isFalse();
    }

    @Test
    void messageIsRequired() {
        assertThatThrownBy(() -> Problem.of(ProblemCode.UNKNOWN_TYPE, " ", "n", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Problem.of(ProblemCode.UNKNOWN_TYPE, null, "n", null, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
