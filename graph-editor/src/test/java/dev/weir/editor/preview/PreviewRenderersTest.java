package dev.weir.editor.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.preview.PreviewAxis;
import dev.weir.engine.api.preview.PreviewBoxes;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.preview.PreviewSpec;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each renderer draws what its kind's lanes hold: checked on the pixels of a snapshot of its panel. */
class PreviewRenderersTest extends PreviewFxTest {

    @Test
    void aSpectrumIsALineWithItsPeakAtTheToneAndAxesInHertzAndDecibels() {
        PreviewSlot slot = spectrumSlot("spec", 4096);
        board.attach(slot);
        publish(slot, lanes -> fillSpectrum(lanes[0], 6000, 1));
        waitRendered("spec", 1);

        PlotRenderer r = (PlotRenderer) renderer("spec");
        Axes axes = r.axes();
        assertThat(axes.xTicks.title()).isEqualTo("frequency (kHz)");
        assertThat(axes.yTicks.title()).isEqualTo("magnitude (dB)");
        assertThat(axes.xTicks.label(1)).isEqualTo("5");

        Image img = snapshot(r.view());
        int trace = PreviewTheme.argb(PreviewTheme.LIGHT.trace());
        // The peak: 0 dB at 6 kHz (a 4096-bin trace drawn on a few hundred columns keeps it).
        assertThat(anyNear(img, axes.px(6000), axes.py(0), 3, trace, 40)).isTrue();
        // The floor near -100 dB all along, away from the tone.
        assertThat(anyNear(img, axes.px(18000), axes.py(-100), 8, trace, 40)).isTrue();
        // Nothing drawn high up away from the tone.
        assertThat(anyNear(img, axes.px(18000), axes.py(-20), 4, trace, 40)).isFalse();
        // Tick labels are drawn under the axis: text-coloured pixels there.
        int text = PreviewTheme.argb(PreviewTheme.LIGHT.text());
        assertThat(anyNear(img, axes.px(5000), axes.top() + axes.height() + 11, 6, text, 60)).isTrue();
    }

    @Test
    void aTimePlotTakesItsTimeAxisFromTheFrameHeader() {
        PreviewSpec spec = new PreviewSpec(PreviewKind.TIME_PLOT, "Scope", PreviewAxis.AUTO,
                PreviewAxis.auto("amplitude", "V"), PreviewAxis.AUTO, List.of());
        PreviewSlot slot = new PreviewSlot("scope", spec,
                List.of(new DataType.SampleStream(ElementType.FLOAT32, Dim.of(960))));
        board.attach(slot);
        publish(slot, lanes -> {
            Frame f = lanes[0];
            for (int i = 0; i < 960; i++) {
                f.floats()[i] = (float) Math.sin(2 * Math.PI * 1000 * i / 48000.0);
            }
            // The newest 960 samples of the stream, starting at sample 48000: one second in.
            f.setLength(960).setIndex(48000).setSampleRate(48000);
        });
        waitRendered("scope", 1);

        Axes axes = ((PlotRenderer) renderer("scope")).axes();
        assertThat(axes.xTicks.title()).isEqualTo("time (s)");
        assertThat(axes.xTicks.value(0)).isGreaterThanOrEqualTo(1.0);
        assertThat(axes.xTicks.value(axes.xTicks.count() - 1)).isLessThanOrEqualTo(1.02);
        assertThat(axes.yTicks.title()).isEqualTo("amplitude (V)");
        // The auto range takes in the sine's ±1 and not much more.
        assertThat(axes.yTicks.value(0)).isBetween(-1.2 - 1e-9, -1.0 + 1e-9);
        Image img = snapshot(renderer("scope").view());
        int trace = PreviewTheme.argb(PreviewTheme.LIGHT.trace());
        // A crest of the 1 kHz sine: a quarter period after the first sample.
        assertThat(anyNear(img, axes.px(1.0 + 0.25e-3), axes.py(1), 3, trace, 40)).isTrue();
    }

    @Test
    void aRangeDopplerHeatmapColoursEachCellAndLabelsItsAxesInMetresAndMetresPerSecond() {
        int rows = 32;
        int cols = 64;
        PreviewSpec spec = new PreviewSpec(PreviewKind.HEATMAP, "Range-Doppler",
                new PreviewAxis("range", "m", 0, 630), new PreviewAxis("velocity", "m/s", -31, 31),
                new PreviewAxis("power", "dB", -60, 0), List.of());
        PreviewSlot slot = new PreviewSlot("rd", spec,
                List.of(new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(rows), Dim.of(cols))));
        board.attach(slot);
        // A gradient along both axes: -60 dB at (row 0, column 0), 0 dB at the far corner.
        publish(slot, lanes -> {
            float[] m = lanes[0].floats();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    m[r * cols + c] = (float) (-60 + 60.0 * r / (rows - 1) * c / (cols - 1));
                }
            }
        });
        waitRendered("rd", 1);

        ImageMapRenderer map = (ImageMapRenderer) renderer("rd");
        Axes axes = map.axes();
        assertThat(axes.xTicks.title()).isEqualTo("range (m)");
        assertThat(axes.yTicks.title()).isEqualTo("velocity (m/s)");
        assertThat(map.valueTicks().title()).isEqualTo("power (dB)");
        Image img = snapshot(map.view());
        double scale = ColorMap.scale(-60, 0);
        for (int[] cell : new int[][]{{0, 0}, {rows - 1, cols - 1}, {rows - 1, 0}, {20, 40}, {8, 50}}) {
            int r = cell[0];
            int c = cell[1];
            double v = -60 + 60.0 * r / (rows - 1) * c / (cols - 1);
            int expected = ColorMap.VIRIDIS.argb(ColorMap.index((float) v, -60, scale));
            // Row r sits at velocity -31 + 2r m/s (row 0 at the bottom), column c at range 10c m.
            int got = img.getPixelReader().getArgb((int) axes.px(10.0 * c), (int) axes.py(-31 + 2.0 * r));
            assertThat(near(got, expected, 2)).as("cell (%d, %d): %08x, expected %08x", r, c, got, expected)
                    .isTrue();
        }
    }

    @Test
    void aWaterfallPutsTheNewestRowAtTheBottomAndLeavesMissingRowsEmpty() {
        int rows = 40;
        int bins = 128;
        PreviewSpec spec = new PreviewSpec(PreviewKind.WATERFALL, "Waterfall", PreviewAxis.AUTO, PreviewAxis.AUTO,
                new PreviewAxis("power", "dB", -100, 0), List.of());
        PreviewSlot slot = new PreviewSlot("wf", spec,
                List.of(new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(rows), Dim.of(bins))));
        board.attach(slot);
        publish(slot, lanes -> {
            float[] m = lanes[0].floats();
            java.util.Arrays.fill(m, Float.NaN); // rows not filled yet
            for (int c = 0; c < bins; c++) {
                m[(rows - 1) * bins + c] = 0; // the newest spectrum: 0 dB everywhere
            }
            // Bins -64..63 at 10 Hz spacing: sample rate 0.1 bins per Hz, first bin -64.
            lanes[0].setIndex(-64).setSampleRate(0.1);
        });
        waitRendered("wf", 1);

        ImageMapRenderer map = (ImageMapRenderer) renderer("wf");
        Axes axes = map.axes();
        assertThat(axes.xTicks.title()).isEqualTo("frequency (Hz)");
        assertThat(axes.yTicks.title()).isEqualTo("rows ago");
        Image img = snapshot(map.view());
        int top = ColorMap.VIRIDIS.argb(255);
        int none = PreviewTheme.argb(PreviewTheme.LIGHT.plot());
        double x = axes.px(0); // 0 Hz, the middle bin
        assertThat(near(img.getPixelReader().getArgb((int) x, (int) axes.py(0)), top, 2)).isTrue();
        assertThat(near(img.getPixelReader().getArgb((int) x, (int) axes.py(20)), none, 2)).isTrue();
    }

    @Test
    void aVideoFrameFitsThePanelWithItsBoxesDrawnOnTop() {
        PreviewSlot slot = videoSlot("cam", 1280, 720, true);
        board.attach(slot);
        publish(slot, lanes -> {
            fillBgr(lanes[0], 0xD09030);
            lanes[1].setLength(1);
            setBox(lanes[1], 0, 320, 180, 960, 540, 0.9, 0);
        });
        waitRendered("cam", 1);

        Region view = renderer("cam").view();
        Image img = snapshot(view);
        double w = img.getWidth();
        double h = img.getHeight();
        double scale = Math.min(w / 1280, h / 720);
        double dx = Math.floor((w - 1280 * scale) / 2);
        double dy = Math.floor((h - 720 * scale) / 2);
        int centre = img.getPixelReader().getArgb((int) (dx + 640 * scale), (int) (dy + 360 * scale));
        assertThat(near(centre, 0xFFD09030, 2)).as("image colour %08x", centre).isTrue();
        // Class 0's colour (Ultralytics' first, 0xFF3838) on the box's left edge, not outside it.
        int boxColor = 0xFFFF3838;
        assertThat(anyNear(img, dx + 320 * scale, dy + 400 * scale, 2, boxColor, 12)).isTrue();
        assertThat(anyNear(img, dx + 250 * scale, dy + 400 * scale, 3, boxColor, 12)).isFalse();
        // Its label sits on the box's top edge.
        assertThat(anyNear(img, dx + 330 * scale + 6, dy + 180 * scale - 8, 4, boxColor, 12)).isTrue();
        // Aspect kept: the letterbox bars keep the background colour.
        if (dy >= 2) {
            int bar = img.getPixelReader().getArgb((int) (w / 2), 0);
            assertThat(near(bar, PreviewTheme.argb(PreviewTheme.LIGHT.background()), 2)).isTrue();
        }
    }

    @Test
    void detectionsAreListedInReusedRows() {
        PreviewSpec spec = new PreviewSpec(PreviewKind.DETECTIONS, "Detections", PreviewAxis.AUTO, PreviewAxis.AUTO,
                PreviewAxis.AUTO, List.of("person", "bicycle", "car"));
        PreviewSlot slot = new PreviewSlot("det", spec, List.of(new DataType.RecordsOf(PreviewBoxes.SCHEMA,
                Dim.of(32))));
        board.attach(slot);
        publish(slot, lanes -> {
            lanes[0].setLength(3);
            setBox(lanes[0], 0, 10, 20, 110, 220, 0.91, 0);
            setBox(lanes[0], 1, 300, 40, 420, 90, 0.5, 2);
            setBox(lanes[0], 2, 5, 5, 6, 6, 0.3, 7);
        });
        waitUntil(() -> board.stats("det").orElseThrow().rendered() >= 1);
        @SuppressWarnings("unchecked")
        TableView<DetectionsRenderer.Row> table = (TableView<DetectionsRenderer.Row>) renderer("det").view();
        List<DetectionsRenderer.Row> rows = fx(() -> new ArrayList<>(table.getItems()));
        assertThat(rows).extracting(DetectionsRenderer.Row::name).containsExactly("person", "car", "class 7");
        assertThat(rows.get(0).score()).isEqualTo(0.91);
        assertThat(rows.get(1).x1()).isEqualTo(300);
        assertThat(rows.get(1).y2()).isEqualTo(90);
        assertThat(fx(() -> table.getColumns().stream().map(c -> c.getText()).toList()))
                .containsExactly("class", "score", "x1 (px)", "y1 (px)", "x2 (px)", "y2 (px)");

        publish(slot, lanes -> {
            lanes[0].setLength(1);
            setBox(lanes[0], 0, 1, 2, 3, 4, 0.75, 1);
        });
        waitUntil(() -> table.getItems().size() == 1);
        List<DetectionsRenderer.Row> after = fx(() -> new ArrayList<>(table.getItems()));
        assertThat(after.getFirst()).isSameAs(rows.getFirst()); // the same row object, updated in place
        assertThat(after.getFirst().name()).isEqualTo("bicycle");
        assertThat(after.getFirst().score()).isEqualTo(0.75);
    }

    @Test
    void lanesThatDoNotFitTheKindShowWhyInsteadOfAPicture() {
        PreviewSpec spec = PreviewSpec.of(PreviewKind.SPECTRUM, "Spectrum");
        PreviewSlot slot = new PreviewSlot("bad", spec,
                List.of(new DataType.VectorOf(ElementType.COMPLEX64, Dim.of(64))));
        board.attach(slot);
        waitUntil(() -> board.panel("bad").isPresent());
        MessageRenderer r = (MessageRenderer) renderer("bad");
        assertThat(r.message()).contains("vector<complex64>[64]").contains("spectrum").contains("real");
        assertThat(fx(() -> ((Label) r.view().lookup("#preview-message")).isVisible())).isTrue();
        // Data published into it is taken and ignored.
        publish(slot, lanes -> { });
        waitUntil(() -> board.stats("bad").orElseThrow().acquired() == 1);
    }
}
