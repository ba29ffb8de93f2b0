package dev.weir.nodes.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.api.WorkStatus;
import dev.weir.engine.api.preview.PreviewAxis;
import dev.weir.engine.api.preview.PreviewBoxes;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.testing.ProcessorVerifier;
import dev.weir.nodes.vision.ClassNames;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PreviewNodesTest {

    private static final NodeDescriptor TIME_PLOT = TimePlotNode.descriptor();
    private static final NodeDescriptor SPECTRUM = SpectrumNode.descriptor();
    private static final NodeDescriptor WATERFALL = WaterfallNode.descriptor();
    private static final NodeDescriptor HEATMAP = HeatmapNode.descriptor();
    private static final NodeDescriptor VIDEO = VideoNode.descriptor();
    private static final NodeDescriptor DETECTIONS = DetectionsNode.descriptor();

    // ---------------------------------------------------------------------------------------------- frames

    private static Frame chunk(int capacity, long index, double rate, float... samples) {
        Frame f = new Frame(new DataType.SampleStream(ElementType.FLOAT32, Dim.of(capacity)));
        System.arraycopy(samples, 0, f.floats(), 0, samples.length);
        return f.setLength(samples.length).setIndex(index).setSampleRate(rate);
    }

    /** Samples start, start+1, ... as one chunk whose index is {@code start}. */
    private static Frame ramp(int capacity, int start, int n, double rate) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = start + i;
        }
        return chunk(capacity, start, rate, s);
    }

    private static Frame vector(float... values) {
        Frame f = new Frame(new DataType.VectorOf(ElementType.FLOAT32, Dim.of(values.length)));
        System.arraycopy(values, 0, f.floats(), 0, values.length);
        return f;
    }

    private static Frame complexVector(double rate, double[] re, double[] im) {
        Frame f = new Frame(new DataType.VectorOf(ElementType.COMPLEX64, Dim.of(re.length)));
        for (int i = 0; i < re.length; i++) {
            f.floats()[2 * i] = (float) re[i];
            f.floats()[2 * i + 1] = (float) im[i];
        }
        return f.setSampleRate(rate);
    }

    private static Frame matrix(int rows, int cols, float... values) {
        Frame f = new Frame(new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(rows), Dim.of(cols)));
        System.arraycopy(values, 0, f.floats(), 0, values.length);
        return f;
    }

    private static Frame image(PixelFormat format, int w, int h, int seed) {
        Frame f = new Frame(new DataType.ImageOf(format, Dim.of(w), Dim.of(h)));
        byte[] b = f.bytes();
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 7 + seed * 31);
        }
        return f;
    }

    /** A boxes list of capacity {@code max}; each box is {cx, cy, w, h, score, class}. */
    private static Frame boxes(int max, long index, double[]... rows) {
        Frame f = new Frame(new DataType.RecordsOf(RecordSchema.BOXES, Dim.of(max)));
        f.setLength(rows.length).setIndex(index);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 5; c++) {
                f.setRecordDouble(r, c, rows[r][c]);
            }
            f.setRecordLong(r, 5, (long) rows[r][5]);
        }
        return f;
    }

    /** The DFT of {@code x}, numpy's sign convention, straight from the definition. */
    private static double[][] dft(double[] x) {
        int n = x.length;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * ((long) k * t % n) / n;
                re[k] += x[t] * Math.cos(a);
                im[k] += x[t] * Math.sin(a);
            }
        }
        return new double[][] {re, im};
    }

    private static int argmax(float[] a, int from, int to) {
        int best = from;
        for (int i = from; i < to; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------------------------------------- provider

    @Test
    void providerIsServiceLoadedWithSixPreviewSinks() {
        NodeRegistry r = NodeRegistry.of(ServiceLoader.load(dev.weir.engine.api.NodeProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p instanceof PreviewNodes).toList());
        assertThat(r.all()).extracting(NodeDescriptor::id).containsExactlyInAnyOrder("preview.time_plot",
                "preview.spectrum", "preview.waterfall", "preview.heatmap", "preview.video", "preview.detections");
        assertThat(r.all()).allSatisfy(d -> {
            assertThat(d.preview()).as(d.id()).isTrue();
            assertThat(d.outputs()).as(d.id()).isEmpty();
            assertThat(d.category()).isEqualTo("Preview");
            assertThat(d.scheduling()).isEqualTo(dev.weir.engine.api.Scheduling.COOPERATIVE);
            assertThat(d.param("max_fps")).get().satisfies(p -> {
                assertThat(p.hotUpdatable()).isTrue();
                assertThat(p.defaultValue()).isEqualTo(60L);
            });
        });
    }

    // ---------------------------------------------------------------------------------------------- pacing

    @Nested
    class Pacing {
        private PreviewHarness plot(long maxFps) throws Exception {
            return new PreviewHarness(TIME_PLOT, Params.of("length", 4, "max_fps", maxFps), Map.of());
        }

        @Test
        void firstDataIsPublishedAtOnceThenAtMostMaxFps() throws Exception {
            PreviewHarness h = plot(1);
            assertThat(h.feed("in", ramp(4, 0, 4, 10))).isEqualTo(WorkStatus.OK);
            assertThat(h.slot().publishedCount()).isEqualTo(1);

            // Within the second: taken (OK, so upstream never waits) but not published.
            assertThat(h.feed("in", ramp(4, 4, 4, 10))).isEqualTo(WorkStatus.OK);
            assertThat(h.feed("in", ramp(4, 8, 4, 10))).isEqualTo(WorkStatus.OK);
            assertThat(h.slot().publishedCount()).isEqualTo(1);
            assertThat(h.latest()[0].index()).isZero();
        }

        @Test
        void dataHeldBackIsPublishedOnceTheIntervalHasPassedEvenWithoutNewInput() throws Exception {
            PreviewHarness h = plot(4); // 250 ms
            h.feed("in", ramp(4, 0, 4, 10));
            h.feed("in", ramp(4, 4, 4, 10));
            assertThat(h.slot().publishedCount()).isEqualTo(1);

            long deadline = System.nanoTime() + 5_000_000_000L;
            while (h.slot().publishedCount() == 1 && System.nanoTime() < deadline) {
                assertThat(h.process()).as("no input: NEED_INPUT even when publishing").isEqualTo(WorkStatus.NEED_INPUT);
                Thread.sleep(5);
            }
            assertThat(h.slot().publishedCount()).isEqualTo(2);
            assertThat(h.latest()[0].index()).as("the newest data, not the first held back").isEqualTo(4);
            h.process();
            assertThat(h.slot().publishedCount()).as("nothing new, nothing published").isEqualTo(2);
        }

        @Test
        void completePublishesTheLastDataWhateverTheRate() throws Exception {
            PreviewHarness h = plot(1);
            h.feed("in", ramp(4, 0, 4, 10));
            h.feed("in", ramp(4, 4, 4, 10));
            h.ports.get("in").endStream();
            h.complete();
            assertThat(h.slot().publishedCount()).isEqualTo(2);
            assertThat(h.latest()[0].floats()).startsWith(4, 5, 6, 7);
        }

        @Test
        void completeWithNothingNewPublishesNothing() throws Exception {
            PreviewHarness h = plot(1);
            h.complete();
            assertThat(h.slot().publishedCount()).isZero();
            h.feed("in", ramp(4, 0, 4, 10));
            h.complete();
            assertThat(h.slot().publishedCount()).isEqualTo(1);
        }

        @Test
        void maxFpsChangesWhileRunning() throws Exception {
            PreviewHarness h = plot(1);
            h.feed("in", ramp(4, 0, 4, 10));
            h.processor.onParamsChanged(TIME_PLOT.canonicalParams(Params.of("length", 4, "max_fps", 1)),
                    TIME_PLOT.canonicalParams(Params.of("length", 4, "max_fps", 240)));
            // The next instant was set at the old rate; from the publish after it, the new one applies.
            Thread.sleep(1_050);
            h.feed("in", ramp(4, 4, 4, 10));
            assertThat(h.slot().publishedCount()).isEqualTo(2);
            Thread.sleep(10); // more than 1/240 s
            h.feed("in", ramp(4, 8, 4, 10));
            assertThat(h.slot().publishedCount()).isEqualTo(3);
        }
    }

    // ---------------------------------------------------------------------------------------------- time plot

    @Nested
    class TimePlot {
        @Test
        void keepsARollingWindowOfTheNewestSamplesAcrossChunks() throws Exception {
            PreviewHarness h = new PreviewHarness(TIME_PLOT, Params.of("length", 8), Map.of());
            assertThat(h.spec().kind()).isEqualTo(PreviewKind.TIME_PLOT);
            assertThat(h.slot().laneTypes()).containsExactly(
                    new DataType.SampleStream(ElementType.FLOAT32, Dim.of(8)));

            h.feed("in", ramp(8, 0, 3, 100));
            h.complete();
            Frame lane = h.latest()[0];
            assertThat(lane.length()).as("a partial window until it fills").isEqualTo(3);
            assertThat(lane.index()).isZero();
            assertThat(lane.sampleRate()).isEqualTo(100);
            assertThat(java.util.Arrays.copyOf(lane.floats(), 3)).containsExactly(0, 1, 2);

            for (int start = 3; start < 12; start += 3) {
                h.feed("in", ramp(8, start, 3, 100));
            }
            h.complete();
            lane = h.latest()[0];
            assertThat(lane.length()).isEqualTo(8);
            assertThat(lane.index()).as("number of the first sample shown").isEqualTo(4);
            assertThat(lane.floats()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11);
        }

        @Test
        void aChunkLongerThanTheWindowLeavesItsNewestSamples() throws Exception {
            PreviewHarness h = new PreviewHarness(TIME_PLOT, Params.of("length", 8), Map.of());
            h.feed("in", ramp(32, 0, 5, 50));
            h.feed("in", ramp(32, 5, 20, 50));
            h.complete();
            Frame lane = h.latest()[0];
            assertThat(lane.index()).isEqualTo(17);
            assertThat(lane.floats()).containsExactly(17, 18, 19, 20, 21, 22, 23, 24);
        }

        @Test
        void aGapInTheStreamRestartsTheWindow() throws Exception {
            PreviewHarness h = new PreviewHarness(TIME_PLOT, Params.of("length", 8), Map.of());
            h.feed("in", ramp(8, 0, 6, 100));
            h.feed("in", ramp(8, 100, 3, 100)); // chunks 6..99 never arrived (a keep-latest edge dropped them)
            h.complete();
            Frame lane = h.latest()[0];
            assertThat(lane.length()).isEqualTo(3);
            assertThat(lane.index()).isEqualTo(100);
            assertThat(java.util.Arrays.copyOf(lane.floats(), 3)).containsExactly(100, 101, 102);
        }

        @Test
        void float64StreamsAreShownAsFloat32() throws Exception {
            PreviewHarness h = new PreviewHarness(TIME_PLOT, Params.of("length", 4, "input", "stream_f64"), Map.of());
            Frame f = new Frame(new DataType.SampleStream(ElementType.FLOAT64, Dim.of(4)));
            f.doubles()[0] = 0.25;
            f.doubles()[1] = -1.5;
            h.feed("in", f.setLength(2).setIndex(7).setSampleRate(2));
            h.complete();
            Frame lane = h.latest()[0];
            assertThat(java.util.Arrays.copyOf(lane.floats(), 2)).containsExactly(0.25f, -1.5f);
            assertThat(lane.index()).isEqualTo(7);
        }

        @Test
        void eachVectorIsShownWholeAgainstItsElementNumbers() throws Exception {
            DataType v5 = new DataType.VectorOf(ElementType.FLOAT32, Dim.of(5));
            PreviewHarness h = new PreviewHarness(TIME_PLOT, Params.of("input", "vector_f32"), Map.of("in", v5));
            assertThat(h.slot().laneTypes()).containsExactly(new DataType.SampleStream(ElementType.FLOAT32, Dim.of(5)));
            assertThat(h.spec().x()).isEqualTo(PreviewAxis.auto("element", ""));
            h.feed("in", vector(1, 2, 3, 4, 5).setIndex(40).setSampleRate(1000),
                    vector(6, 7, 8, 9, 10).setIndex(41).setSampleRate(1000));
            h.complete();
            Frame lane = h.latest()[0];
            assertThat(lane.floats()).containsExactly(6, 7, 8, 9, 10);
            assertThat(lane.length()).isEqualTo(5);
            assertThat(lane.index()).isZero();
            assertThat(lane.sampleRate()).as("x is the element number").isZero();
        }

        @Test
        void passesTheVerifier() {
            List<Frame> chunks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                chunks.add(ramp(16, i * 5, 5, 1000));
            }
            ProcessorVerifier.of(TIME_PLOT).params(Params.of("length", 16)).input("in", chunks)
                    .paramChange(4, Params.of("max_fps", 240)).verify();
            List<Frame> vectors = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Frame f = new Frame(new DataType.VectorOf(ElementType.FLOAT64, Dim.of(9)));
                java.util.Arrays.fill(f.doubles(), i);
                vectors.add(f.setIndex(i));
            }
            ProcessorVerifier.of(TIME_PLOT).params(Params.of("input", "vector_f64")).input("in", vectors).verify();
        }
    }

    // ---------------------------------------------------------------------------------------------- spectrum

    @Nested
    class Spectrum {
        /** 512 samples at 8 kHz of a 1 kHz cosine (bin 64 exactly) of amplitude 1, transformed without a window. */
        private Frame tone() {
            int n = 512;
            double[] x = new double[n];
            for (int t = 0; t < n; t++) {
                x[t] = Math.cos(2 * Math.PI * 1000 * t / 8000.0);
            }
            double[][] X = dft(x);
            return complexVector(8000, X[0], X[1]);
        }

        @Test
        void sinusoidPeaksAtItsFrequencyWithItsLevelInDb() throws Exception {
            Frame tone = tone();
            PreviewHarness h = new PreviewHarness(SPECTRUM, Params.of("half", true), Map.of("in", tone.type()));
            assertThat(h.spec().kind()).isEqualTo(PreviewKind.SPECTRUM);
            assertThat(h.spec().x()).isEqualTo(PreviewAxis.auto("frequency", "Hz"));
            assertThat(h.slot().laneTypes()).containsExactly(new DataType.VectorOf(ElementType.FLOAT32, Dim.of(257)));

            h.feed("in", tone);
            Frame lane = h.latest()[0];
            float[] db = lane.floats();
            int peak = argmax(db, 0, 257);
            assertThat(peak).isEqualTo(64);
            // |X[64]| = N/2 = 256 for a unit cosine: 20 log10(256) = 48.16 dB
            assertThat(db[64]).isCloseTo(48.165f, within(0.01f));
            // x of bin k = (index + k) / sample_rate: 64 / (512 / 8000 Hz) = 1000 Hz
            assertThat(lane.index()).isZero();
            assertThat(lane.sampleRate()).isEqualTo(512 / 8000.0);
            assertThat((lane.index() + peak) / lane.sampleRate()).isCloseTo(1000.0, within(1e-9));
            // far from the tone there is only rounding noise, floored at -200 dB at the most
            assertThat(db[200]).isLessThan(-100).isGreaterThanOrEqualTo(-200);
        }

        @Test
        void fullSpectrumIsLaidOutFromMinusHalfTheSampleRate() throws Exception {
            Frame tone = tone();
            PreviewHarness h = new PreviewHarness(SPECTRUM, Params.empty(), Map.of("in", tone.type()));
            h.feed("in", tone);
            Frame lane = h.latest()[0];
            assertThat(lane.length()).isEqualTo(512);
            assertThat(lane.index()).isEqualTo(-256);
            float[] db = lane.floats();
            // the cosine's two lines: +1000 Hz at bin 256 + 64, -1000 Hz at 256 - 64
            assertThat(argmax(db, 256, 512)).isEqualTo(320);
            assertThat(argmax(db, 0, 256)).isEqualTo(192);
            assertThat((lane.index() + 192) / lane.sampleRate()).isCloseTo(-1000.0, within(1e-9));
        }

        @Test
        void binOrderFollowsTheInputOrderForOddAndEvenLengths() throws Exception {
            // Real input in dB, each bin holding its input position, shows where each output bin is read from.
            record Case(int n, String order, boolean half, float[] expected, long first) {
            }
            List<Case> cases = List.of(
                    new Case(5, "dc_first", false, new float[] {3, 4, 0, 1, 2}, -2),
                    new Case(5, "dc_centre", false, new float[] {0, 1, 2, 3, 4}, -2),
                    new Case(5, "dc_first", true, new float[] {0, 1, 2}, 0),
                    new Case(5, "dc_centre", true, new float[] {2, 3, 4}, 0),
                    new Case(4, "dc_first", false, new float[] {2, 3, 0, 1}, -2),
                    new Case(4, "dc_centre", true, new float[] {2, 3, 0}, 0),
                    new Case(4, "dc_first", true, new float[] {0, 1, 2}, 0));
            for (Case c : cases) {
                float[] positions = new float[c.n()];
                for (int i = 0; i < c.n(); i++) {
                    positions[i] = i;
                }
                Frame in = vector(positions);
                PreviewHarness h = new PreviewHarness(SPECTRUM, Params.of("input", "real", "scale", "db", "order",
                        c.order(), "half", c.half()), Map.of("in", in.type()));
                h.feed("in", in);
                Frame lane = h.latest()[0];
                assertThat(lane.floats()).as("%s", c).containsExactly(c.expected());
                assertThat(lane.index()).as("%s", c).isEqualTo(c.first());
                assertThat(lane.sampleRate()).as("untagged input: bin numbers").isZero();
            }
        }

        @Test
        void realInputScales() throws Exception {
            Frame in = vector(100, 10, 0, 1);
            for (var e : Map.of("power", new float[] {20, 10, -90, 0}, "magnitude", new float[] {40, 20, -90, 0},
                    "db", new float[] {100, 10, 0, 1}).entrySet()) {
                PreviewHarness h = new PreviewHarness(SPECTRUM, Params.of("input", "real", "scale", e.getKey(),
                        "order", "dc_centre", "floor_db", -90.0), Map.of("in", in.type()));
                h.feed("in", in);
                assertThat(h.latest()[0].floats()).as(e.getKey()).containsExactly(e.getValue());
            }
        }

        @Test
        void averagesPowerExponentially() throws Exception {
            Frame ones = vector(1, 1);
            Frame hundreds = vector(100, 100);
            Params p = Params.of("input", "real", "scale", "power", "order", "dc_centre", "average", 0.5);
            PreviewHarness h = new PreviewHarness(SPECTRUM, p, Map.of("in", ones.type()));
            h.ports.get("in").feed(ones, hundreds);
            h.process();
            h.complete();
            // 0.5 * 1 + 0.5 * 100 = 50.5 in power: 17.03 dB (an average in dB would give 10 dB)
            assertThat(h.latest()[0].floats()[0]).isCloseTo((float) (10 * Math.log10(50.5)), within(1e-4f));

            // a new weight restarts the average; 0 shows each spectrum as it comes
            h.processor.onParamsChanged(SPECTRUM.canonicalParams(p), SPECTRUM.canonicalParams(p.with("average", 0.0)));
            h.feed("in", ones);
            h.complete();
            assertThat(h.latest()[0].floats()).containsExactly(0, 0);
        }

        @Test
        void passesTheVerifier() {
            List<Frame> spectra = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                double[] re = new double[64];
                double[] im = new double[64];
                re[i] = 64;
                im[(i * 3) % 64] = -5;
                spectra.add(complexVector(48_000, re, im).setIndex(i * 64L));
            }
            ProcessorVerifier.of(SPECTRUM).input("in", spectra).paramChange(3, Params.of("average", 0.8)).verify();
            ProcessorVerifier.of(SPECTRUM).params(Params.of("average", 0.5, "half", true)).input("in", spectra)
                    .paramChange(5, Params.of("average", 0.0, "max_fps", 1)).verify();
        }
    }

    // ---------------------------------------------------------------------------------------------- waterfall

    @Nested
    class Waterfall {
        @Test
        void keepsTheLastRowsNewestLastWithUnfilledRowsNaN() throws Exception {
            Params p = Params.of("input", "real", "scale", "db", "order", "dc_centre", "rows", 3, "row_rate", 0.0);
            Frame first = vector(1, 1);
            PreviewHarness h = new PreviewHarness(WATERFALL, p, Map.of("in", first.type()));
            assertThat(h.spec().kind()).isEqualTo(PreviewKind.WATERFALL);
            assertThat(h.slot().laneTypes()).containsExactly(
                    new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(3), Dim.of(2)));

            h.feed("in", first, vector(2, 2.5f));
            h.complete();
            assertThat(h.latest()[0].floats()).containsExactly(Float.NaN, Float.NaN, 1, 1, 2, 2.5f);

            h.feed("in", vector(3, 3), vector(4, 4));
            h.feed("in", vector(5, 5));
            h.complete();
            assertThat(h.latest()[0].floats()).as("oldest first, newest at the bottom")
                    .containsExactly(3, 3, 4, 4, 5, 5);
            h.feed("in", vector(6, 6));
            h.complete();
            assertThat(h.latest()[0].floats()).containsExactly(4, 4, 5, 5, 6, 6);
        }

        @Test
        void spectraComingFasterThanTheRowRateAreSkippedUnread() throws Exception {
            // One row a minute: the first spectrum makes a row, the rest of this burst comes too soon.
            Params p = Params.of("input", "real", "scale", "db", "order", "dc_centre", "rows", 3, "row_rate", 1.0 / 60);
            Frame first = vector(1, 1);
            PreviewHarness h = new PreviewHarness(WATERFALL, p, Map.of("in", first.type()));
            h.feed("in", first);
            h.feed("in", vector(2, 2), vector(3, 3));
            h.complete();
            assertThat(h.latest()[0].floats()).containsExactly(Float.NaN, Float.NaN, Float.NaN, Float.NaN, 1, 1);
            // Skipped spectra change nothing, so the same picture is not published again.
            assertThat(h.slot().publishedCount()).isEqualTo(1);
        }

        @Test
        void fixedColourRangeGoesIntoTheSpecAndMustBeOrdered() throws Exception {
            Frame in = vector(1, 1);
            PreviewHarness h = new PreviewHarness(WATERFALL, Params.of("input", "real", "auto_range", false,
                    "min_db", -80.0, "max_db", -10.0), Map.of("in", in.type()));
            assertThat(h.spec().value()).isEqualTo(new PreviewAxis("level", "dB", -80, -10));
            assertThatThrownBy(() -> new PreviewHarness(WATERFALL, Params.of("input", "real", "auto_range", false,
                    "min_db", 0.0, "max_db", -10.0), Map.of("in", in.type())))
                    .hasMessageContaining("node 'pv' (preview.waterfall)").hasMessageContaining("min_db");
        }

        @Test
        void passesTheVerifier() {
            List<Frame> spectra = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                double[] re = new double[32];
                re[i] = 1;
                spectra.add(complexVector(1000, re, new double[32]));
            }
            ProcessorVerifier.of(WATERFALL).params(Params.of("rows", 4, "half", true)).input("in", spectra)
                    .paramChange(2, Params.of("max_fps", 5)).verify();
        }
    }

    // ---------------------------------------------------------------------------------------------- heatmap

    @Nested
    class Heatmap {
        @Test
        void axesComeFromTheParams() throws Exception {
            Frame m = matrix(2, 3, 1, 10, 100, 1000, 0, 0.5f);
            PreviewHarness h = new PreviewHarness(HEATMAP, Params.of("scale", "power_db", "floor_db", -50.0,
                    "x_label", "range", "x_unit", "m", "x_min", 0.0, "x_max", 149.9,
                    "y_label", "velocity", "y_unit", "m/s", "y_min", -24.9, "y_max", 0.0,
                    "value_min", -20.0, "value_max", 40.0), Map.of("in", m.type()));

            assertThat(h.spec().kind()).isEqualTo(PreviewKind.HEATMAP);
            assertThat(h.spec().x()).isEqualTo(new PreviewAxis("range", "m", 0, 149.9));
            assertThat(h.spec().y()).isEqualTo(new PreviewAxis("velocity", "m/s", -24.9, 0));
            assertThat(h.spec().value()).isEqualTo(new PreviewAxis("value", "dB", -20, 40));
            assertThat(h.slot().laneTypes()).containsExactly(
                    new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(2), Dim.of(3)));

            h.feed("in", m.setIndex(12));
            Frame lane = h.latest()[0];
            assertThat(lane.floats()).containsExactly(new float[] {0, 10, 20, 30, -50, -3.0103f}, within(1e-4f));
            assertThat(lane.index()).as("the matrix's own header").isEqualTo(12);
        }

        @Test
        void equalMinAndMaxLeaveAnAxisNumberedAndTheRangeAutomatic() throws Exception {
            Frame m = matrix(1, 2, 3, -4);
            PreviewHarness h = new PreviewHarness(HEATMAP, Params.of("y_label", "scale"), Map.of("in", m.type()));
            assertThat(h.spec().x()).isEqualTo(PreviewAxis.AUTO);
            assertThat(h.spec().y()).isEqualTo(PreviewAxis.auto("scale", ""));
            assertThat(h.spec().value()).isEqualTo(PreviewAxis.auto("value", ""));
            h.feed("in", m);
            assertThat(h.latest()[0].floats()).containsExactly(3, -4);
        }

        @Test
        void magnitudeInDbAndFloat64Input() throws Exception {
            Frame m = new Frame(new DataType.MatrixOf(ElementType.FLOAT64, Dim.of(1), Dim.of(3)));
            m.doubles()[0] = 10;
            m.doubles()[1] = -0.1;
            m.doubles()[2] = 0;
            PreviewHarness h = new PreviewHarness(HEATMAP, Params.of("element", "f64", "scale", "magnitude_db",
                    "floor_db", -60.0), Map.of("in", m.type()));
            h.feed("in", m);
            assertThat(h.latest()[0].floats()).containsExactly(new float[] {20, -20, -60}, within(1e-4f));
        }

        @Test
        void showsOnlyTheNewestOfSeveralWaitingMatrices() throws Exception {
            Frame a = matrix(1, 1, 1);
            PreviewHarness h = new PreviewHarness(HEATMAP, Params.empty(), Map.of("in", a.type()));
            assertThat(h.feed("in", a, matrix(1, 1, 2), matrix(1, 1, 3))).isEqualTo(WorkStatus.OK);
            assertThat(h.ports.get("in").unreleased()).as("all taken at once").isZero();
            assertThat(h.latest()[0].floats()).containsExactly(3);
        }

        @Test
        void passesTheVerifier() {
            List<Frame> maps = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                float[] v = new float[16 * 12];
                v[i * 5] = 1000;
                maps.add(matrix(16, 12, v).setIndex(i));
            }
            ProcessorVerifier.of(HEATMAP).params(Params.of("scale", "power_db")).input("in", maps)
                    .paramChange(3, Params.of("max_fps", 30)).verify();
        }
    }

    // ---------------------------------------------------------------------------------------------- video

    @Nested
    class Video {
        @Test
        void copiesThePixelsOfTheNewestImage() throws Exception {
            Frame img = image(PixelFormat.BGR24, 5, 3, 1);
            PreviewHarness h = new PreviewHarness(VIDEO, Params.empty(), Map.of("image", img.type()),
                    Set.of("boxes"));
            assertThat(h.spec().kind()).isEqualTo(PreviewKind.VIDEO);
            assertThat(h.slot().laneTypes()).containsExactly(img.type());
            assertThat(h.spec().x()).isEqualTo(new PreviewAxis("x", "px", 0, 4));

            Frame newest = image(PixelFormat.BGR24, 5, 3, 2).setIndex(8).setSampleRate(25);
            h.feed("image", img, newest);
            Frame[] lanes = h.latest();
            assertThat(lanes).hasSize(1);
            assertThat(lanes[0].bytes()).containsExactly(newest.bytes());
            assertThat(lanes[0].index()).isEqualTo(8);
            assertThat(lanes[0].sampleRate()).isEqualTo(25);
        }

        @Test
        void boxesGoIntoASecondLaneAsCornersWithTheirImageIndex() throws Exception {
            Frame img = image(PixelFormat.GRAY8, 64, 48, 3);
            Frame list = boxes(10, 5, new double[] {20, 15, 10, 6, 0.9, 16}, new double[] {40, 30, 4, 8, 0.4, 2});
            PreviewHarness h = new PreviewHarness(VIDEO, Params.of("format", "gray8"),
                    Map.of("image", img.type(), "boxes", list.type()));
            assertThat(h.slot().laneTypes()).containsExactly(img.type(),
                    new DataType.RecordsOf(PreviewBoxes.SCHEMA, Dim.of(10)));
            assertThat(h.spec().classNames()).isEqualTo(ClassNames.coco80());

            h.ports.get("boxes").feed(list);
            h.process();
            assertThat(h.slot().publishedCount()).as("no picture before the first image").isZero();
            h.feed("image", img.setIndex(6));
            Frame[] lanes = h.latest();
            assertThat(lanes[0].bytes()).containsExactly(img.bytes());
            Frame b = lanes[1];
            assertThat(b.length()).isEqualTo(2);
            assertThat(b.index()).as("the boxes were found in image 5").isEqualTo(5);
            assertThat(new double[] {b.recordDouble(0, PreviewBoxes.X1), b.recordDouble(0, PreviewBoxes.Y1),
                    b.recordDouble(0, PreviewBoxes.X2), b.recordDouble(0, PreviewBoxes.Y2),
                    b.recordDouble(0, PreviewBoxes.SCORE)}).containsExactly(15, 12, 25, 18, 0.9);
            assertThat(b.recordLong(0, PreviewBoxes.CLASS_ID)).isEqualTo(16);
            assertThat(b.recordLong(1, PreviewBoxes.CLASS_ID)).isEqualTo(2);
        }

        @Test
        void anImageWithoutAKnownSizeIsRefusedNamingTheNode() {
            assertThatThrownBy(() -> new PreviewHarness(VIDEO, Params.empty(), Map.of(), Set.of("boxes")))
                    .hasMessageContaining("node 'pv' (preview.video)").hasMessageContaining("input 'image'");
        }

        @Test
        void passesTheVerifier() {
            List<Frame> images = new ArrayList<>();
            List<Frame> lists = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                images.add(image(PixelFormat.RGB24, 16, 8, i).setIndex(i));
                lists.add(boxes(4, i, new double[] {8, 4, 2, 2, 0.5, i}));
            }
            ProcessorVerifier.of(VIDEO).params(Params.of("format", "rgb24")).input("image", images)
                    .input("boxes", lists).paramChange(2, Params.of("max_fps", 120)).verify();
            ProcessorVerifier.of(VIDEO).params(Params.of("format", "rgb24")).input("image", images)
                    .unconnectedInput("boxes").verify();
        }
    }

    // ---------------------------------------------------------------------------------------------- detections

    @Nested
    class Detections {
        @Test
        void namesFromAFileAndTheNewestListAsCorners(@TempDir Path dir) throws Exception {
            Path names = dir.resolve("classes.names");
            Files.writeString(names, "cat\ndog\n");
            Frame list = boxes(3, 9, new double[] {10, 20, 4, 2, 0.75, 1});
            PreviewHarness h = new PreviewHarness(DETECTIONS, Params.of("class_names", names.toString()),
                    Map.of("boxes", list.type()));
            assertThat(h.spec().kind()).isEqualTo(PreviewKind.DETECTIONS);
            assertThat(h.spec().classNames()).containsExactly("cat", "dog");
            assertThat(h.slot().laneTypes()).containsExactly(new DataType.RecordsOf(PreviewBoxes.SCHEMA, Dim.of(3)));

            h.feed("boxes", boxes(3, 8), list);
            Frame lane = h.latest()[0];
            assertThat(lane.index()).isEqualTo(9);
            assertThat(lane.length()).isEqualTo(1);
            assertThat(new double[] {lane.recordDouble(0, 0), lane.recordDouble(0, 1), lane.recordDouble(0, 2),
                    lane.recordDouble(0, 3), lane.recordDouble(0, 4)}).containsExactly(8, 19, 12, 21, 0.75);
            assertThat(lane.recordLong(0, PreviewBoxes.CLASS_ID)).isEqualTo(1);

            h.feed("boxes", boxes(3, 10));
            h.complete();
            assertThat(h.latest()[0].length()).as("an empty list is news too").isZero();
        }

        @Test
        void defaultNamesAreCocoAndAMissingFileIsRefused(@TempDir Path dir) throws Exception {
            Frame list = boxes(3, 0);
            assertThat(new PreviewHarness(DETECTIONS, Params.empty(), Map.of("boxes", list.type())).spec().classNames())
                    .hasSize(80).startsWith("person");
            Path missing = dir.resolve("nope.names");
            assertThatThrownBy(() -> new PreviewHarness(DETECTIONS, Params.of("class_names", missing.toString()),
                    Map.of("boxes", list.type())))
                    .hasMessageContaining("node 'pv' (preview.detections)").hasMessageContaining(missing.toString());
        }

        @Test
        void passesTheVerifier() {
            List<Frame> lists = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                lists.add(i % 3 == 0 ? boxes(5, i) : boxes(5, i, new double[] {i, i, 2, 2, 0.5, i},
                        new double[] {3, 3, 1, 1, 0.25, 0}));
            }
            ProcessorVerifier.of(DETECTIONS).input("boxes", lists).paramChange(1, Params.of("max_fps", 2)).verify();
        }
    }
}
