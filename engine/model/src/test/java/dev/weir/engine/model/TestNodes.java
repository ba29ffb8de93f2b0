package dev.weir.engine.model;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.ProcessorFactory;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.api.TypeInference;

import java.util.List;
import java.util.Map;

/**
 * Node types shaped like the real library's, for validator tests. Their processors are never created: the
 * validator only reads descriptors.
 */
final class TestNodes implements NodeProvider {

    static final DataType FLOATS = new DataType.SampleStream(ElementType.FLOAT32, Dim.of(1024));
    static final DataType ANY_FLOATS = new DataType.SampleStream(ElementType.FLOAT32, Dim.any());
    static final DataType ANY_SPECTRUM = new DataType.VectorOf(ElementType.COMPLEX64, Dim.any());
    static final DataType ANY_RGB = new DataType.ImageOf(PixelFormat.RGB24, Dim.any(), Dim.any());
    static final DataType VALUES = new DataType.RecordsOf(RecordSchema.VALUE, Dim.of(1));

    private static final ProcessorFactory NEVER = () -> {
        throw new UnsupportedOperationException("validator tests never run processors");
    };

    /** Declared after {@link #NEVER}, which building the descriptors needs. */
    static final NodeRegistry REGISTRY = NodeRegistry.of(new TestNodes());

    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(
                // A source of 1024-sample chunks.
                NodeDescriptor.builder("test.source", 1)
                        .output(PortSpec.of("out", FLOATS, "samples"))
                        .factory(NEVER).build(),
                // Output length sized by a param; version 2 so that documents can be older and newer.
                NodeDescriptor.builder("test.fft", 2)
                        .input(PortSpec.of("in", ANY_FLOATS, "samples"))
                        .output(PortSpec.of("out", new DataType.VectorOf(ElementType.COMPLEX64,
                                Dim.param("fft_size")), "spectrum"))
                        .param(ParamSpec.integer("fft_size", "FFT size", 1024, 16, 65536, "", false, "points"))
                        .param(ParamSpec.bool("normalize", "Normalise", true, true, "scale by 1/N"))
                        .factory(NEVER).build(),
                // Port count from a param; the param's range admits 0, which no port count can be.
                NodeDescriptor.builder("test.sum", 1)
                        .input(PortSpec.of("in", ANY_FLOATS, "addend").times(Dim.param("inputs")))
                        .output(PortSpec.of("out", FLOATS, "sum"))
                        .param(ParamSpec.integer("inputs", "Inputs", 2, 0, 16, "", false, "number of addends"))
                        .factory(NEVER).build(),
                // One required and one optional input.
                NodeDescriptor.builder("test.mixer", 1)
                        .input(PortSpec.of("in", ANY_FLOATS, "signal"))
                        .input(PortSpec.of("lo", ANY_FLOATS, "local oscillator").asOptional())
                        .output(PortSpec.of("out", FLOATS, "mixed"))
                        .factory(NEVER).build(),
                NodeDescriptor.builder("test.vector_sink", 1)
                        .input(PortSpec.of("in", ANY_SPECTRUM, "spectra"))
                        .factory(NEVER).build(),
                NodeDescriptor.builder("test.fixed_vector_sink", 1)
                        .input(PortSpec.of("in", new DataType.VectorOf(ElementType.COMPLEX64, Dim.of(1024)),
                                "1024-point spectra"))
                        .factory(NEVER).build(),
                NodeDescriptor.builder("test.stream_sink", 1)
                        .input(PortSpec.of("in", ANY_FLOATS, "samples"))
                        .factory(NEVER).build(),
                // An output whose size is never fixed.
                NodeDescriptor.builder("test.unsized", 1)
                        .output(PortSpec.of("out", ANY_SPECTRUM, "vectors of some length"))
                        .factory(NEVER).build(),
                NodeDescriptor.builder("test.counter", 1)
                        .output(PortSpec.of("out", VALUES, "counts"))
                        .factory(NEVER).build(),
                NodeDescriptor.builder("test.record_sink", 1)
                        .input(PortSpec.of("in", new DataType.RecordsOf(RecordSchema.VALUE, Dim.any()), "values"))
                        .factory(NEVER).build(),
                // Output type chosen by a choice param.
                NodeDescriptor.builder("test.by_type", 1)
                        .output(PortSpec.of("out", new DataType.ByParam("element",
                                Map.of("float", FLOATS, "records", VALUES)), "items"))
                        .param(new ParamSpec("element", "Element",
                                new ParamType.ChoiceType(List.of("float", "records")), "float", "",
                                false, "what to emit"))
                        .factory(NEVER).build(),
                // Images of a size only known from the "file" param, as a video source probes its file.
                NodeDescriptor.builder("test.probe_source", 1)
                        .output(PortSpec.of("out", ANY_RGB, "frames"))
                        .param(new ParamSpec("file", "File", new ParamType.TextType(64), "64x48", "", false,
                                "WxH, or a name that fails"))
                        .infer((params, inputs, outputs) -> {
                            String file = params.getString("file");
                            String[] wh = file.split("x");
                            if (wh.length != 2) {
                                throw new IllegalArgumentException("param 'file': cannot open '" + file + "'");
                            }
                            return List.of(new DataType.ImageOf(PixelFormat.RGB24, Dim.of(Integer.parseInt(wh[0])),
                                    Dim.of(Integer.parseInt(wh[1]))));
                        })
                        .factory(NEVER).build(),
                // Keeps the size, changes the pixel format.
                NodeDescriptor.builder("test.grey", 1)
                        .input(PortSpec.of("in", ANY_RGB, "colour"))
                        .output(PortSpec.of("out", new DataType.ImageOf(PixelFormat.GRAY8, Dim.any(), Dim.any()),
                                "grey"))
                        .infer(TypeInference.imageSizeFrom("in"))
                        .factory(NEVER).build(),
                NodeDescriptor.builder("test.grey_sink", 1)
                        .input(PortSpec.of("in", new DataType.ImageOf(PixelFormat.GRAY8, Dim.any(), Dim.any()),
                                "grey images"))
                        .factory(NEVER).build(),
                NodeDescriptor.builder("test.thumb_sink", 1)
                        .input(PortSpec.of("in", new DataType.ImageOf(PixelFormat.GRAY8, Dim.of(32), Dim.of(32)),
                                "32x32 grey images"))
                        .factory(NEVER).build(),
                // A preview sink: its inputs should be fed keep-latest. A second, optional input and a param
                // with limits let tests give it an extra edge and invalid params.
                NodeDescriptor.builder("test.preview", 1)
                        .preview()
                        .input(PortSpec.of("in", ANY_FLOATS, "samples to show"))
                        .input(PortSpec.of("marks", VALUES, "values to mark").asOptional())
                        .param(ParamSpec.integer("max_fps", "Max rate", 60, 1, 240, "Hz", true, "publish rate"))
                        .factory(NEVER).build());
    }
}
