package dev.weir.engine.api;

import dev.weir.engine.api.NodeDescriptor.ParamProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeDescriptorTest {

    private static final DataType F32 = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(64));
    private static final ProcessorFactory FACTORY = SampleNodes.Gain::new;

    /** An FFT-like node: an int, a real, a choice and a bool param; the output is sized by a param. */
    private static final NodeDescriptor FFT = NodeDescriptor.builder("dsp.fft", 2)
            .label("FFT")
            .category("Signal/Spectral")
            .description("Fast Fourier transform of fixed-size blocks.")
            .input(PortSpec.of("in", new DataType.SampleStream(ElementType.COMPLEX64, Dim.any()), "samples"))
            .output(PortSpec.of("out", new DataType.VectorOf(ElementType.COMPLEX64, Dim.param("fft_size")), "spectra"))
            .param(ParamSpec.integer("fft_size", "FFT size", 1024, 16, 65536, "samples", false, ""))
            .param(ParamSpec.real("gain", "Gain", 1.0, 0, 100, "", true, ""))
            .param(new ParamSpec("window", "Window", new ParamType.ChoiceType(List.of("hann", "rect")), "hann", "", true, ""))
            .param(ParamSpec.bool("normalize", "Normalize", false, false, ""))
            .rate(new RateSpec(Dim.param("fft_size"), Dim.of(1), Dim.param("fft_size")))
            .scheduling(Scheduling.COOPERATIVE)
            .acceleratorCapable(true)
            .factory(FACTORY)
            .build();

    @Test
    void builderDefaults() {
        NodeDescriptor d = NodeDescriptor.builder("test.min", 1).factory(FACTORY).build();
        assertThat(d.label()).isEqualTo("test.min");
        assertThat(d.category()).isEqualTo("Other");
        assertThat(d.description()).isEmpty();
        assertThat(d.inputs()).isEmpty();
        assertThat(d.outputs()).isEmpty();
        assertThat(d.params()).isEmpty();
        assertThat(d.rate()).isEqualTo(RateSpec.ONE_TO_ONE);
        assertThat(d.scheduling()).isEqualTo(Scheduling.COOPERATIVE);
        assertThat(d.acceleratorCapable()).isFalse();
        assertThat(d.preview()).isFalse();
        assertThat(d.defaults()).isEqualTo(Params.empty());
    }

    @Test
    void previewHintIsCarriedAndKeptByTheShortConstructor() {
        NodeDescriptor p = NodeDescriptor.builder("preview.plot", 1)
                .input(PortSpec.of("in", F32, "samples"))
                .preview()
                .factory(FACTORY).build();
        assertThat(p.preview()).isTrue();
        assertThat(FFT.preview()).isFalse();

        NodeDescriptor copy = new NodeDescriptor(p.id(), p.version(), p.label(), p.category(), p.description(),
                p.inputs(), p.outputs(), p.params(), p.rate(), p.scheduling(), p.acceleratorCapable(), p.factory(),
                p.migrations(), p.inference());
        assertThat(copy.preview()).as("the constructor without the hint makes no preview").isFalse();
    }

    @Test
    void aPreviewMustBeASinkWithInputs() {
        assertThatThrownBy(() -> NodeDescriptor.builder("preview.tap", 1)
                .input(PortSpec.of("in", F32, "samples"))
                .output(PortSpec.of("out", F32, "the same samples"))
                .preview().factory(FACTORY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node type 'preview.tap' is marked as a preview, so it must have inputs and no outputs;"
                        + " it has 1 inputs and 1 outputs");
        assertThatThrownBy(() -> NodeDescriptor.builder("preview.nothing", 1).preview().factory(FACTORY).build())
                .hasMessageContaining("0 inputs and 0 outputs");
    }

    @Test
    void builderCarriesEverything() {
        assertThat(FFT.id()).isEqualTo("dsp.fft");
        assertThat(FFT.version()).isEqualTo(2);
        assertThat(FFT.label()).isEqualTo("FFT");
        assertThat(FFT.category()).isEqualTo("Signal/Spectral");
        assertThat(FFT.acceleratorCapable()).isTrue();
        assertThat(FFT.rate().stride()).isEqualTo(Dim.param("fft_size"));
        assertThat(FFT.factory()).isSameAs(FACTORY);
        assertThat(FFT.param("gain")).map(ParamSpec::label).contains("Gain");
        assertThat(FFT.param("nope")).isEmpty();
    }

    @Test
    void listsAreImmutableCopies() {
        assertThatThrownBy(() -> FFT.params().add(ParamSpec.bool("x", "x", true, false, "")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> FFT.inputs().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void defaults() {
        assertThat(FFT.defaults()).isEqualTo(Params.of("fft_size", 1024, "gain", 1.0, "window", "hann", "normalize", false));
    }

    @Test
    void withDefaultsKeepsGivenValues() {
        assertThat(FFT.withDefaults(Params.of("fft_size", 256)))
                .isEqualTo(Params.of("fft_size", 256, "gain", 1.0, "window", "hann", "normalize", false));
        // withDefaults does not check: that is canonicalParams' job.
        assertThat(FFT.withDefaults(Params.of("extra", 1)).has("extra")).isTrue();
    }

    @Test
    void checkParamsListsEveryProblem() {
        List<ParamProblem> problems = FFT.checkParams(Params.of(
                "fft_size", 8, "gain", "loud", "window", "kaiser", "bogus", 1, "normalize", true));
        assertThat(problems).containsExactly(
                new ParamProblem("bogus", "is not a param of dsp.fft"),
                new ParamProblem("fft_size", "must be in 16..65536, was 8"),
                new ParamProblem("gain", "must be a number, was string loud"),
                new ParamProblem("window", "must be one of [hann, rect], was kaiser"));
    }

    @Test
    void missingParamsAreNoProblem() {
        assertThat(FFT.checkParams(Params.empty())).isEmpty();
        assertThat(FFT.checkParams(Params.of("gain", 3))).isEmpty();
    }

    @Test
    void canonicalParamsWidenIntegersAndFillDefaults() {
        Params p = FFT.canonicalParams(Params.of("gain", 3, "fft_size", 512));
        assertThat(p.get("gain")).isEqualTo(3.0).isInstanceOf(Double.class);
        assertThat(p).isEqualTo(Params.of("fft_size", 512, "gain", 3.0, "window", "hann", "normalize", false));
        assertThat(FFT.canonicalParams(Params.empty())).isEqualTo(FFT.defaults());
        assertThat(FFT.canonicalParams(p)).isEqualTo(p);
    }

    @Test
    void canonicalParamsThrowsWithEveryProblem() {
        assertThatThrownBy(() -> FFT.canonicalParams(Params.of("fft_size", 8.5, "gain", -1, "zoom", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("param 'fft_size' must be an integer, was number 8.5; "
                        + "param 'gain' must be in 0.0..100.0, was -1.0; "
                        + "param 'zoom' is not a param of dsp.fft");
    }

    @Test
    void resolvesPortsFromParams() {
        assertThat(FFT.resolveOutputs(FFT.canonicalParams(Params.of("fft_size", 256))))
                .singleElement()
                .extracting(ResolvedPort::type)
                .isEqualTo(new DataType.VectorOf(ElementType.COMPLEX64, Dim.of(256)));
        assertThat(FFT.resolveInputs(FFT.defaults())).singleElement()
                .extracting(ResolvedPort::type).isEqualTo(new DataType.SampleStream(ElementType.COMPLEX64, Dim.any()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fft", "dsp.", ".fft", "DSP.fft", "dsp.FFT", "dsp..fft", "dsp.fft-2", "1dsp.fft", "dsp.2fft"})
    void idMustBeDottedSnakeCase(String id) {
        assertThatThrownBy(() -> NodeDescriptor.builder(id, 1).factory(FACTORY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node type id '" + id + "' must be dotted snake_case, like dsp.fft");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dsp.fft", "a.b", "radar.cfar_2d", "io.file.wav_reader"})
    void validIds(String id) {
        assertThat(NodeDescriptor.builder(id, 1).factory(FACTORY).build().id()).isEqualTo(id);
    }

    @Test
    void versionMustBePositive() {
        assertThatThrownBy(() -> NodeDescriptor.builder("dsp.fft", 0).factory(FACTORY).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("node type 'dsp.fft' version must be >= 1");
    }

    @Test
    void factoryIsRequired() {
        assertThatThrownBy(() -> NodeDescriptor.builder("dsp.fft", 1).build())
                .isInstanceOf(NullPointerException.class).hasMessage("factory");
    }

    @Test
    void duplicateParamRefused() {
        assertThatThrownBy(() -> NodeDescriptor.builder("dsp.gain", 1)
                .param(ParamSpec.real("gain", "Gain", 1, 0, 2, "", true, ""))
                .param(ParamSpec.integer("gain", "Gain", 1, 0, 2, "", true, ""))
                .factory(FACTORY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node type 'dsp.gain' declares param 'gain' twice");
    }

    @Test
    void duplicatePortsRefused() {
        assertThatThrownBy(() -> NodeDescriptor.builder("dsp.mix", 1)
                .input(PortSpec.of("in", F32, "")).input(PortSpec.of("in", F32, "").asOptional())
                .factory(FACTORY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node type 'dsp.mix' declares input 'in' twice");
        assertThatThrownBy(() -> NodeDescriptor.builder("dsp.split", 1)
                .output(PortSpec.of("out", F32, "")).output(PortSpec.of("out", F32, ""))
                .factory(FACTORY).build())
                .hasMessage("node type 'dsp.split' declares output 'out' twice");
        // Inputs and outputs are separate name spaces.
        assertThat(NodeDescriptor.builder("dsp.pass", 1)
                .input(PortSpec.of("data", F32, "")).output(PortSpec.of("data", F32, ""))
                .factory(FACTORY).build().inputs()).hasSize(1);
    }

    @Test
    void countMustReferToADeclaredParam() {
        assertThatThrownBy(() -> NodeDescriptor.builder("dsp.sum", 1)
                .input(PortSpec.of("in", F32, "").times(Dim.param("inputs")))
                .factory(FACTORY).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node type 'dsp.sum' input 'in' count refers to unknown param 'inputs'");
        assertThatThrownBy(() -> NodeDescriptor.builder("dsp.split", 1)
                .output(PortSpec.of("out", F32, "").times(Dim.param("outputs")))
                .factory(FACTORY).build())
                .hasMessage("node type 'dsp.split' output 'out' count refers to unknown param 'outputs'");
    }

    @Test
    void requiredComponents() {
        assertThatThrownBy(() -> NodeDescriptor.builder(null, 1).factory(FACTORY).build()).hasMessage("id");
        assertThatThrownBy(() -> NodeDescriptor.builder("a.b", 1).label(null).factory(FACTORY).build()).hasMessage("label");
        assertThatThrownBy(() -> NodeDescriptor.builder("a.b", 1).rate(null).factory(FACTORY).build()).hasMessage("rate");
        assertThatThrownBy(() -> NodeDescriptor.builder("a.b", 1).scheduling(null).factory(FACTORY).build())
                .hasMessage("scheduling");
        assertThatThrownBy(() -> new RateSpec(Dim.of(1), null, Dim.of(1))).hasMessage("outputChunk");
    }
}
