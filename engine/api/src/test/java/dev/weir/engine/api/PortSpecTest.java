package dev.weir.engine.api;

import dev.weir.engine.api.testing.Frames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortSpecTest {

    private static final DataType F32 = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(64));
    private static final Processor NOTHING = new Processor() {
        @Override
        public void open(ProcessorContext context) {
        }

        @Override
        public WorkStatus process(Inputs in, Outputs out) {
            return WorkStatus.DONE;
        }
    };

    @Test
    void singleRequiredPort() {
        PortSpec p = PortSpec.of("in", F32, "samples");
        assertThat(p.optional()).isFalse();
        assertThat(p.count()).isEqualTo(Dim.of(1));
        assertThat(p.isMulti()).isFalse();
        assertThat(p.asOptional().optional()).isTrue();
        assertThat(p.asOptional().name()).isEqualTo("in");
    }

    @Test
    void multiplicity() {
        PortSpec p = PortSpec.of("in", F32, "");
        assertThat(p.times(Dim.of(1)).isMulti()).isFalse();
        assertThat(p.times(Dim.of(2)).isMulti()).isTrue();
        assertThat(p.times(Dim.param("inputs")).isMulti()).isTrue();
        assertThat(p.times(Dim.of(3)).asOptional().count()).isEqualTo(Dim.of(3));
        assertThatThrownBy(() -> p.times(Dim.any()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 'in' count must be fixed or taken from a param");
    }

    @Test
    void nameMustBeSnakeCase() {
        assertThatThrownBy(() -> PortSpec.of("In", F32, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("port name 'In' must be snake_case");
        assertThatThrownBy(() -> PortSpec.of("in-0", F32, "")).hasMessage("port name 'in-0' must be snake_case");
        assertThat(PortSpec.of("in_2", F32, "").name()).isEqualTo("in_2");
        assertThatThrownBy(() -> PortSpec.of("in", null, "")).hasMessage("type");
        assertThatThrownBy(() -> PortSpec.of("in", F32, null)).hasMessage("doc");
    }

    @Test
    void expansionNamesAndIndexesPortsInOrder() {
        DataType values = Frames.VALUE_TYPE;
        NodeDescriptor d = NodeDescriptor.builder("test.sum", 1)
                .input(PortSpec.of("gate", values, "enables the sum").asOptional())
                .input(PortSpec.of("in", new DataType.SampleStream(ElementType.FLOAT32, Dim.param("chunk")), "terms")
                        .times(Dim.param("inputs")))
                .input(PortSpec.of("aux", F32, "").times(Dim.of(2)))
                .output(PortSpec.of("out", F32, "sum"))
                .param(ParamSpec.integer("inputs", "Inputs", 2, 1, 16, "", false, ""))
                .param(ParamSpec.integer("chunk", "Chunk", 32, 1, 4096, "", false, ""))
                .factory(() -> NOTHING)
                .build();

        List<ResolvedPort> ins = d.resolveInputs(d.withDefaults(Params.of("inputs", 3)));
        assertThat(ins).extracting(ResolvedPort::name).containsExactly("gate", "in0", "in1", "in2", "aux0", "aux1");
        assertThat(ins).extracting(ResolvedPort::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(ins).extracting(ResolvedPort::optional).containsExactly(true, false, false, false, false, false);
        assertThat(ins.get(2).type()).isEqualTo(new DataType.SampleStream(ElementType.FLOAT32, Dim.of(32)));
        assertThat(ins.get(2).spec()).isSameAs(d.inputs().get(1));

        assertThat(d.resolveInputs(d.defaults())).extracting(ResolvedPort::name)
                .containsExactly("gate", "in0", "in1", "aux0", "aux1");
        assertThat(d.resolveOutputs(d.defaults())).extracting(ResolvedPort::name).containsExactly("out");
    }

    @Test
    void expansionNeedsAValidCount() {
        NodeDescriptor d = NodeDescriptor.builder("test.sum", 1)
                .input(PortSpec.of("in", F32, "").times(Dim.param("inputs")))
                .param(ParamSpec.integer("inputs", "Inputs", 2, 1, 16, "", false, ""))
                .factory(() -> NOTHING)
                .build();
        assertThatThrownBy(() -> d.resolveInputs(Params.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("param 'inputs' is not set");
        assertThatThrownBy(() -> d.resolveInputs(Params.of("inputs", 0)))
                .hasMessage("param 'inputs' sizes a port and must be in 1..2147483647, was 0");
    }

    @Test
    void resolvedPortComponentsAreRequired() {
        PortSpec spec = PortSpec.of("in", F32, "");
        assertThatThrownBy(() -> new ResolvedPort(null, 0, F32, false, spec)).hasMessage("name");
        assertThatThrownBy(() -> new ResolvedPort("in", 0, null, false, spec)).hasMessage("type");
        assertThatThrownBy(() -> new ResolvedPort("in", 0, F32, false, null)).hasMessage("spec");
    }
}
