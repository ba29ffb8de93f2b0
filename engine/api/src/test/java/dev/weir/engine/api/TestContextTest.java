package dev.weir.engine.api;

import dev.weir.engine.api.testing.TestContext;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestContextTest {

    private static final DataType F32 = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(8));

    private static final NodeDescriptor MIXER = NodeDescriptor.builder("test.mixer", 1)
            .input(PortSpec.of("in", F32, "").times(Dim.param("inputs")))
            .input(PortSpec.of("sidechain", F32, "").asOptional())
            .output(PortSpec.of("out", new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")), ""))
            .param(ParamSpec.integer("inputs", "Inputs", 2, 1, 8, "", false, ""))
            .param(ParamSpec.integer("chunk", "Chunk", 16, 1, 4096, "", false, ""))
            .param(ParamSpec.real("level", "Level", 1.0, 0, 10, "", true, ""))
            .factory(SampleNodes.Gain::new)
            .build();

    @Test
    void paramsAreCanonicalAndPortsResolved() {
        TestContext c = new TestContext(MIXER, Params.of("inputs", 3, "level", 2));
        assertThat(c.nodeId()).isEqualTo("node-under-test");
        assertThat(c.descriptor()).isSameAs(MIXER);
        assertThat(c.params()).isEqualTo(Params.of("inputs", 3, "chunk", 16, "level", 2.0));
        assertThat(c.inputs()).extracting(ResolvedPort::name).containsExactly("in0", "in1", "in2", "sidechain");
        assertThat(c.outputs()).singleElement().extracting(ResolvedPort::type)
                .isEqualTo(new DataType.SampleStream(ElementType.FLOAT32, Dim.of(16)));
    }

    @Test
    void badParamsAreRefusedAllAtOnce() {
        assertThatThrownBy(() -> new TestContext(MIXER, Params.of("inputs", 0, "level", "max")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("param 'inputs' must be in 1..8, was 0; param 'level' must be a number, was string max");
    }

    @Test
    void connections() {
        TestContext c = new TestContext("mix-1", MIXER, Params.empty(), Set.of("sidechain"));
        assertThat(c.nodeId()).isEqualTo("mix-1");
        assertThat(c.isInputConnected("in0")).isTrue();
        assertThat(c.isInputConnected("sidechain")).isFalse();
        assertThatThrownBy(() -> c.isInputConnected("in9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node type 'test.mixer' has no input 'in9'; inputs are [in0, in1, sidechain]");
        assertThatThrownBy(() -> new TestContext("m", MIXER, Params.empty(), Set.of("in0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input 'in0' of node type 'test.mixer' is required; only optional inputs may be unconnected");
        assertThatThrownBy(() -> new TestContext("m", MIXER, Params.empty(), Set.of("aux")))
                .hasMessage("node type 'test.mixer' has no input 'aux'; inputs are [in0, in1, sidechain]");
    }

    @Test
    void loggerRecordsEveryMessage() {
        TestContext c = new TestContext(MIXER, Params.empty());
        System.Logger log = c.logger();
        assertThat(log.getName()).isEqualTo("test.mixer");
        assertThat(log.isLoggable(System.Logger.Level.TRACE)).isTrue();
        log.log(System.Logger.Level.DEBUG, "opened with {0} inputs", 2);
        log.log(System.Logger.Level.WARNING, "clipping");
        IllegalStateException boom = new IllegalStateException("boom");
        log.log(System.Logger.Level.ERROR, "failed", boom);
        log.log(System.Logger.Level.OFF, "never");
        assertThat(c.loggedMessages()).extracting(TestContext.LoggedMessage::message)
                .containsExactly("opened with 2 inputs", "clipping", "failed");
        assertThat(c.loggedAtLeast(System.Logger.Level.WARNING)).extracting(TestContext.LoggedMessage::level)
                .containsExactly(System.Logger.Level.WARNING, System.Logger.Level.ERROR);
        assertThat(c.loggedAtLeast(System.Logger.Level.ERROR).getFirst().thrown()).isSameAs(boom);
    }
}
