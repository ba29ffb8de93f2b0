package dev.weir.app;

import dev.weir.editor.model.SetParamCommand;
import dev.weir.editor.preview.PreviewBoard;
import dev.weir.editor.preview.PreviewPanel;
import dev.weir.editor.ui.RunController.State;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.dag.DagCodec;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example graphs run from the editor with their previews: what the panels show is checked on the pixels of the
 * panels themselves, at the positions of known data (a target's range and velocity, a tone's frequency).
 */
class EditorPreviewRunTest extends EditorRunFxTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    /** Opens an example as it is laid out in its file. */
    private void openExample(GraphDocument doc) throws Exception {
        Path file = tmp.resolve(doc.id() + ".dag");
        new DagCodec(registry).save(doc, file);
        interact(() -> {
            window.documents().load(file);
            window.canvas().fitToView();
        });
    }

    private GraphDocument example(String name) throws Exception {
        return new DagCodec(registry).read(EXAMPLES.resolve(name));
    }

    private PreviewBoard board() {
        return window.previewHub();
    }

    private long rendered(String node) {
        return fx(() -> board().stats(node).map(PreviewBoard.Stats::rendered).orElse(0L));
    }

    private PreviewPanel panel(String node) {
        return fx(() -> board().panel(node).orElseThrow());
    }

    private Image snapshot(PreviewPanel p) {
        return fx(() -> p.snapshot(null, null));
    }

    /** Mean luma (0..255) of the pixels within {@code r} of {@code at}, clipped to the image. */
    private static double luma(Image img, Point2D at, int r) {
        PixelReader px = img.getPixelReader();
        double sum = 0;
        int n = 0;
        for (int y = (int) at.getY() - r; y <= (int) at.getY() + r; y++) {
            for (int x = (int) at.getX() - r; x <= (int) at.getX() + r; x++) {
                if (x >= 0 && y >= 0 && x < img.getWidth() && y < img.getHeight()) {
                    int argb = px.getArgb(x, y);
                    sum += 0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff) + 0.114 * (argb & 0xff);
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Brightest luma in the rectangle of values x ± dx, y ± dy: a target's cell may fall a pixel either side of where
     * its value maps, since a map of 480 range cells is drawn a little over one pixel per cell.
     */
    private static double peakLuma(Image img, PreviewPanel p, double x, double dx, double y, double dy) {
        Point2D a = fx(() -> p.locate(x - dx, y - dy).orElseThrow());
        Point2D b = fx(() -> p.locate(x + dx, y + dy).orElseThrow());
        double best = 0;
        for (int py = (int) Math.min(a.getY(), b.getY()); py <= (int) Math.max(a.getY(), b.getY()); py++) {
            for (int px = (int) Math.min(a.getX(), b.getX()); px <= (int) Math.max(a.getX(), b.getX()); px++) {
                best = Math.max(best, luma(img, new Point2D(px, py), 0));
            }
        }
        return best;
    }

    /** Mean luma of a column of the data area at horizontal value {@code x}, over its middle half. */
    private static double columnLuma(Image img, PreviewPanel p, double x) {
        Bounds area = fx(() -> p.dataArea().orElseThrow());
        Point2D at = fx(() -> p.locate(x, 0).orElseThrow());
        double sum = 0;
        int n = 0;
        for (int y = (int) (area.getMinY() + area.getHeight() / 4); y < area.getMaxY() - area.getHeight() / 4; y++) {
            for (int dx = -1; dx <= 1; dx++) {
                sum += luma(img, new Point2D((int) at.getX() + dx, y), 0);
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void theRadarExampleShowsItsTargetsOnTheRangeDopplerMapThenStops() throws Exception {
        GraphDocument radar = example("radar-pc-mtd.dag");
        // Endless, so that the run is still going when we look and Stop has something to stop.
        radar = radar.withNode(radar.node("sim").orElseThrow().withParam("count", 0L));
        openExample(radar);

        tap(KeyCode.F5);
        await("the run", 30, () -> runs().state() == State.RUNNING);
        await("range-Doppler pictures", 30, () -> board().stats("rd_map").map(s -> s.rendered() >= 3).orElse(false));
        PreviewPanel map = panel("rd_map");
        Image img = snapshot(map);
        screenshot("run-radar-previews");

        // The picture is not blank: a colour-mapped map has many colours.
        Set<Integer> colours = new HashSet<>();
        Bounds area = fx(() -> map.dataArea().orElseThrow());
        for (int y = (int) area.getMinY() + 1; y < area.getMaxY() - 1; y += 2) {
            for (int x = (int) area.getMinX() + 1; x < area.getMaxX() - 1; x += 2) {
                colours.add(img.getPixelReader().getArgb(x, y));
            }
        }
        assertThat(colours).as("distinct colours on the range-Doppler map").hasSizeGreaterThan(20);
        // Targets are bright where the scenario puts them (viridis: high = yellow, low = dark violet) and the map
        // is dark where there is only noise.
        // Two range cells (75 m each) and half a Doppler bin (24.9 m/s) either side.
        double target = peakLuma(img, map, 3000, 150, 50, 12);
        double target2 = peakLuma(img, map, 8025, 150, 0, 12);
        double empty = luma(img, fx(() -> map.locate(30000, -150).orElseThrow()), 3);
        assertThat(target).as("target at 3000 m, 50 m/s").isGreaterThan(empty + 60);
        assertThat(target2).as("target at 8025 m, 0 m/s").isGreaterThan(empty + 60);

        tap(KeyCode.F7);
        await("the stop", 20, () -> runs().state() == State.IDLE);
        EngineThreads.awaitOnly(threadsBefore, Duration.ofSeconds(10));
        // After the run the panel keeps its last picture.
        assertThat(fx(() -> map.locate(3000, 50))).isPresent();
    }

    @Test
    void aToneMovedWhileRunningMovesOnTheWaterfall() throws Exception {
        GraphDocument fft = example("fft-sinusoids.dag");
        fft = fft.withNode(fft.node("tones").orElseThrow().withParam("count", 0L));
        openExample(fft);

        tap(KeyCode.F5);
        await("the run", 30, () -> runs().state() == State.RUNNING);
        // Three previews open as tabs, and whichever attached last is in front; a hidden panel is not drawn.
        await("the waterfall panel", 30, () -> board().panel("waterfall").isPresent());
        interact(() -> board().showPanel("waterfall"));
        await("waterfall pictures", 30, () -> rendered("waterfall") >= 3);
        PreviewPanel fall = panel("waterfall");
        // The waterfall holds 128 spectra; give it time to fill with the first tones.
        Thread.sleep(2500);
        Image before = snapshot(fall);
        double old5250 = columnLuma(before, fall, 5250);
        double old15000 = columnLuma(before, fall, 15000);
        assertThat(old5250).as("the 5250 Hz tone's column").isGreaterThan(old15000 + 50);

        // As the inspector does it: one param command; frequencies_hz is hot, so it goes to the running graph.
        interact(() -> window.model().execute(new SetParamCommand("tones", "frequencies_hz",
                List.of(1000.0, 15000.0))));
        await("the live change", 10, () -> runs().queuedChanges().isEmpty());
        assertThat(state()).isEqualTo(State.RUNNING);
        Thread.sleep(3000);
        Image after = snapshot(fall);
        double new5250 = columnLuma(after, fall, 5250);
        double new15000 = columnLuma(after, fall, 15000);
        assertThat(new15000).as("the moved tone's column").isGreaterThan(new5250 + 50);
        assertThat(new15000).as("brighter than before the change").isGreaterThan(old15000 + 50);

        tap(KeyCode.F7);
        await("the stop", 20, () -> runs().state() == State.IDLE);
        // (The edit started the editor's autosave thread, which lives with the window: closing it checks all.)
    }
}
