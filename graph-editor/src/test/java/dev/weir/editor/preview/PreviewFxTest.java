package dev.weir.editor.preview;

import dev.weir.editor.ui.Themes;
import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.preview.PreviewAxis;
import dev.weir.engine.api.preview.PreviewBoxes;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.preview.PreviewSpec;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Base of the preview robot tests: a window holding nothing but a {@link PreviewDock} and its {@link PreviewBoard},
 * fed with real {@link PreviewSlot}s from the test thread (the test thread is the slots' single writer, as a preview
 * node's thread would be), and helpers that read pixels back from snapshots.
 */
abstract class PreviewFxTest extends FxRobot {

    Stage stage;
    PreviewDock dock;
    PreviewBoard board;

    @BeforeEach
    void openWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            Themes.apply(false);
            stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            dock = new PreviewDock(stage);
            board = new PreviewBoard(dock);
            stage.setScene(new Scene(new BorderPane(dock.view()), 900, 560));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.setupFixture(() -> board.close());
        FxToolkit.cleanupStages();
    }

    /** Runs {@code c} on the FX thread and returns its result. */
    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to 10 s) until {@code condition}, evaluated on the FX thread, holds. */
    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
    }

    /** Writes one set of lanes as a preview node does: claim, fill every lane, publish. */
    static void publish(PreviewSlot slot, Consumer<Frame[]> fill) {
        Frame[] lanes = slot.claim();
        fill.accept(lanes);
        slot.publish();
    }

    /** The board's counters of {@code id}. */
    PreviewBoard.Stats stats(String id) {
        return fx(() -> board.stats(id).orElseThrow());
    }

    /** Waits until {@code id}'s panel has drawn at least {@code n} sets since its slot was attached. */
    void waitRendered(String id, long n) {
        waitUntil(() -> board.stats(id).map(s -> s.rendered() >= n).orElse(false));
    }

    PreviewPanel panel(String id) {
        return fx(() -> board.panel(id).orElseThrow());
    }

    PreviewRenderer renderer(String id) {
        return fx(() -> board.panel(id).orElseThrow().renderer());
    }

    /** A snapshot of {@code node} as it is on screen now. */
    static Image snapshot(Node node) {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> node.snapshot(null, null));
    }

    /** Whether two colours differ by at most {@code tolerance} in each channel. */
    static boolean near(int argb, int expected, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((argb >> shift & 0xFF) - (expected >> shift & 0xFF)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /** Whether any pixel within {@code radius} of (x, y) is near {@code expected}. */
    static boolean anyNear(Image img, double x, double y, int radius, int expected, int tolerance) {
        PixelReader r = img.getPixelReader();
        int cx = (int) Math.round(x);
        int cy = (int) Math.round(y);
        for (int yy = Math.max(0, cy - radius); yy <= Math.min((int) img.getHeight() - 1, cy + radius); yy++) {
            for (int xx = Math.max(0, cx - radius); xx <= Math.min((int) img.getWidth() - 1, cx + radius); xx++) {
                if (near(r.getArgb(xx, yy), expected, tolerance)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- slots as the preview nodes make them ----

    static PreviewSlot spectrumSlot(String id, int bins) {
        PreviewSpec spec = new PreviewSpec(PreviewKind.SPECTRUM, "Spectrum", new PreviewAxis("frequency", "Hz", 0,
                24000), PreviewAxis.auto("magnitude", "dB"), PreviewAxis.AUTO, List.of());
        return new PreviewSlot(id, spec, List.of(new DataType.VectorOf(ElementType.FLOAT32, Dim.of(bins))));
    }

    /** A spectrum in dB: a noise floor near -100 dB and one tone at {@code toneHz}, 0 dB. */
    static void fillSpectrum(Frame f, double toneHz, long seed) {
        float[] v = f.floats();
        java.util.Random rnd = new java.util.Random(seed);
        int tone = (int) Math.round(toneHz / 24000 * (v.length - 1));
        for (int i = 0; i < v.length; i++) {
            double d = Math.abs(i - tone);
            v[i] = (float) (d < 4 ? -100 + 100 * Math.exp(-d * d / 2) : -100 + 3 * rnd.nextGaussian());
        }
        f.setIndex(0).setSampleRate(0);
    }

    static PreviewSlot videoSlot(String id, int w, int h, boolean boxes) {
        PreviewSpec spec = new PreviewSpec(PreviewKind.VIDEO, "Camera", PreviewAxis.AUTO, PreviewAxis.AUTO,
                PreviewAxis.AUTO, List.of("person", "bicycle", "car"));
        List<DataType> lanes = boxes
                ? List.of(new DataType.ImageOf(PixelFormat.BGR24, Dim.of(w), Dim.of(h)),
                        new DataType.RecordsOf(PreviewBoxes.SCHEMA, Dim.of(16)))
                : List.of(new DataType.ImageOf(PixelFormat.BGR24, Dim.of(w), Dim.of(h)));
        return new PreviewSlot(id, spec, lanes);
    }

    /** Fills a bgr24 image with one colour, given as 0xRRGGBB. */
    static void fillBgr(Frame f, int rgb) {
        byte[] b = f.bytes();
        for (int i = 0; i < b.length; i += 3) {
            b[i] = (byte) rgb;
            b[i + 1] = (byte) (rgb >> 8);
            b[i + 2] = (byte) (rgb >> 16);
        }
    }

    static void setBox(Frame f, int r, double x1, double y1, double x2, double y2, double score, int cls) {
        f.setRecordDouble(r, PreviewBoxes.X1, x1).setRecordDouble(r, PreviewBoxes.Y1, y1)
                .setRecordDouble(r, PreviewBoxes.X2, x2).setRecordDouble(r, PreviewBoxes.Y2, y2)
                .setRecordDouble(r, PreviewBoxes.SCORE, score).setRecordLong(r, PreviewBoxes.CLASS_ID, cls);
    }
}
