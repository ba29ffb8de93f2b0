package dev.weir.e2e;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.WorkStatus;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.EdgeUi;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.GraphValidator;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeState;
import dev.weir.engine.model.NodeUi;
import dev.weir.engine.model.PortRef;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.Session;
import dev.weir.engine.runtime.SessionState;
import dev.weir.engine.runtime.metrics.NodeMetrics;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DSP nodes on the real engine, found through ServiceLoader: the committed {@code examples/fft-sinusoids.dag}
 * (sinusoids, FFT, magnitude in dB, with spectrum, waterfall and time-plot previews) is canonical, validates and runs;
 * a single tone through FFT and power peaks in its bin.
 */
class SpectralExampleTest {

    private static final Path EXAMPLE = Path.of(System.getProperty("user.dir")).resolve("../../examples/fft-sinusoids.dag")
            .normalize();
    private final NodeRegistry registry = NodeRegistry.load(getClass().getClassLoader());

    /**
     * The example as built here. The file was written from it with {@code DagCodec.save}
     * ({@code -Dweir.writeExamples=true} writes it again); the test then checks the file still equals it.
     */
    static GraphDocument example() {
        GraphDocument d = GraphDocument.empty("fft-sinusoids", "Spectrum of two tones in noise");
        d = d.withNode(new NodeInstance("tones", "source.sinusoids", 1, "Two tones", Params.of(
                "sample_rate_hz", 48000.0, "frequencies_hz", List.of(1000.0, 5250.0), "amplitudes", List.of(1.0, 0.3),
                "noise_std", 0.01, "chunk", 1024, "count", 4_800_000), NodeState.ENABLED, NodeUi.at(0, 100)));
        d = d.withNode(new NodeInstance("fft", "dsp.fft", 1, "FFT 1024, hann, 50% overlap", Params.of(
                "fft_size", 1024, "hop", 512, "window", "hann"), NodeState.ENABLED, NodeUi.at(220, 100)));
        d = d.withNode(new NodeInstance("spectrum", "dsp.magnitude", 1, "Power in dB", Params.of(
                "size", 1024, "mode", "db", "fftshift", true, "floor_db", -150.0), NodeState.ENABLED, NodeUi.at(440, 100)));
        d = d.withEdge(new EdgeInstance("e1", new PortRef("tones", "out"), new PortRef("fft", "in"), EdgeSpec.DEFAULT,
                EdgeUi.NONE));
        d = d.withEdge(new EdgeInstance("e2", new PortRef("fft", "out"), new PortRef("spectrum", "in"), EdgeSpec.DEFAULT,
                EdgeUi.NONE));
        // Previews, each fed through a keep-latest edge so that drawing never slows the chain. 480 samples are the
        // last 10 ms at 48 kHz: ten periods of the 1 kHz tone. The levels come fftshifted from dsp.magnitude, so the
        // views read them as dc_centre and show the half from 0 Hz to 24 kHz (a real signal's other half mirrors it).
        d = d.withNode(new NodeInstance("scope", "preview.time_plot", 1, "Last 10 ms", Params.of("length", 480),
                NodeState.ENABLED, NodeUi.at(220, 260)));
        Params levels = Params.of("input", "real", "scale", "db", "order", "dc_centre", "half", true);
        d = d.withNode(new NodeInstance("spectrum_view", "preview.spectrum", 1, "Spectrum", levels,
                NodeState.ENABLED, NodeUi.at(660, 20)));
        d = d.withNode(new NodeInstance("waterfall", "preview.waterfall", 1, "Waterfall", levels.with("rows", 128),
                NodeState.ENABLED, NodeUi.at(660, 180)));
        d = d.withEdge(new EdgeInstance("e3", new PortRef("tones", "out"), new PortRef("scope", "in"), Previews.EDGE,
                EdgeUi.NONE));
        d = d.withEdge(new EdgeInstance("e4", new PortRef("spectrum", "out"), new PortRef("spectrum_view", "in"),
                Previews.EDGE, EdgeUi.NONE));
        d = d.withEdge(new EdgeInstance("e5", new PortRef("spectrum", "out"), new PortRef("waterfall", "in"),
                Previews.EDGE, EdgeUi.NONE));
        return new GraphDocument(d.formatVersion(), d.id(), d.name(), d.nodes(), d.edges(), Params.of("description",
                "100 s of two tones (1 kHz and 5.25 kHz) plus noise at 48 kHz, as fast as the CPU goes, through a "
                        + "1024-point hann FFT with 50% overlap to fftshifted power in dB, shown as a spectrum and a "
                        + "waterfall (0 to 24 kHz) beside a time plot of the last 10 ms of signal."));
    }

    @Test
    void exampleIsCanonicalAndEqualsWhatThisTestBuilds() throws Exception {
        DagCodec codec = new DagCodec(registry);
        if (Boolean.getBoolean("weir.writeExamples")) {
            codec.save(example(), EXAMPLE);
        }
        String text = Files.readString(EXAMPLE);
        assertThat(codec.write(codec.read(EXAMPLE))).isEqualTo(text);
        assertThat(codec.write(example())).isEqualTo(text);
        assertThat(new GraphValidator(registry).validate(codec.read(EXAMPLE))).isEmpty();
    }

    @Test
    void exampleRunsOnTheEngineAndFramesFlow() throws Exception {
        GraphDocument doc = new DagCodec(registry).read(EXAMPLE);
        Session s = new Engine(registry).start(doc, RunOptions.defaults().withWorkerThreads(2)
                .withMetricsInterval(Duration.ofMillis(50)));
        RunResult r;
        try {
            Thread.sleep(500);
            assertThat(s.failure()).isEmpty();
        } finally {
            r = s.stop();
        }
        assertThat(r.failure()).isEmpty();
        assertThat(r.state()).isIn(SessionState.STOPPED, SessionState.COMPLETED);
        Map<String, Long> framesOut = new java.util.HashMap<>();
        for (NodeMetrics m : r.finalMetrics().nodes()) {
            framesOut.put(m.nodeId(), m.framesOut());
        }
        assertThat(framesOut.get("tones")).isPositive();
        assertThat(framesOut.get("fft")).isPositive();
        assertThat(framesOut.get("spectrum")).isPositive();
    }

    @Test
    void aSingleToneThroughTheEnginePeaksInItsBin() {
        ConcurrentLinkedQueue<long[]> peaks = new ConcurrentLinkedQueue<>();
        NodeRegistry withProbe = registry.with(new PeakProbe(peaks));
        int n = 1024;
        double fs = 48000;
        // Bin 100 of 1024 at 48 kHz: 4687.5 Hz, exactly on a bin.
        GraphDocument doc = GraphDocument.empty("peak", "peak")
                .withNode(NodeInstance.of("tone", "source.sinusoids", 1, Params.of("sample_rate_hz", fs,
                        "frequencies_hz", List.of(100 * fs / n), "chunk", 300, "count", 20 * n)))
                .withNode(NodeInstance.of("fft", "dsp.fft", 1, Params.of("fft_size", n, "window", "hann")))
                .withNode(NodeInstance.of("power", "dsp.magnitude", 1, Params.of("size", n, "mode", "power")))
                .withNode(NodeInstance.of("probe", "test.peak_bin", 1, Params.empty()))
                .withEdge(EdgeInstance.of("e1", new PortRef("tone", "out"), new PortRef("fft", "in")))
                .withEdge(EdgeInstance.of("e2", new PortRef("fft", "out"), new PortRef("power", "in")))
                .withEdge(EdgeInstance.of("e3", new PortRef("power", "out"), new PortRef("probe", "in")));
        RunResult r = new Engine(withProbe).start(doc, RunOptions.defaults().withWorkerThreads(2))
                .await(Duration.ofSeconds(30)).orElseThrow();
        assertThat(r.failure()).isEmpty();
        assertThat(r.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(peaks).hasSize(20);
        long expectedIndex = 0;
        for (long[] p : peaks) {
            assertThat(p[0]).as("window start").isEqualTo(expectedIndex);
            assertThat(p[1]).as("peak bin of the window at %d", p[0]).isEqualTo(100);
            expectedIndex += n;
        }
    }

    /** {@code test.peak_bin}: records (frame index, argmax) of every float vector. Allocates; tests only. */
    private record PeakProbe(ConcurrentLinkedQueue<long[]> peaks) implements NodeProvider {
        @Override
        public List<NodeDescriptor> descriptors() {
            return List.of(NodeDescriptor.builder("test.peak_bin", 1)
                    .input(PortSpec.of("in", new DataType.VectorOf(ElementType.FLOAT32, Dim.any()), "Spectra."))
                    .factory(() -> new Processor() {
                        private InputPort in;

                        @Override
                        public void open(ProcessorContext context) {
                        }

                        @Override
                        public WorkStatus process(Inputs ins, Outputs outs) {
                            if (in == null) {
                                in = ins.port(0);
                            }
                            if (in.available() == 0) {
                                return WorkStatus.NEED_INPUT;
                            }
                            Frame f = in.peek();
                            int best = 0;
                            float[] a = f.floats();
                            for (int i = 1; i < f.length(); i++) {
                                if (a[i] > a[best]) {
                                    best = i;
                                }
                            }
                            peaks.add(new long[] {f.index(), best});
                            in.release();
                            return WorkStatus.OK;
                        }
                    })
                    .build());
        }
    }
}
