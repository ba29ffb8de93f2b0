package dev.weir.editor.ui;

import dev.weir.editor.model.NodeShape;
import dev.weir.editor.model.PortShape;
import dev.weir.editor.testing.Screenshots;
import dev.weir.editor.testing.TestGraphs;
import dev.weir.engine.model.GraphDocument;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Base of the robot tests: opens a real editor window (real node library, a state directory of its own, scripted
 * file choosers) and offers helpers that aim the robot at nodes and ports by their canvas coordinates.
 */
abstract class EditorFxTest extends FxRobot {

    EditorWindow window;
    Path state;
    final ScriptedDialogs dialogs = new ScriptedDialogs();

    /** The file to open, or null for a new graph. */
    Path initialFile() {
        return TestGraphs.example("fft-sinusoids.dag");
    }

    /** Runs graphs for the window; none by default (Run is then disabled). */
    dev.weir.editor.run.GraphRunner runner() {
        return null;
    }

    /** Whether to look for recovery files at start. */
    boolean offerRecovery() {
        return false;
    }

    /** The state directory; a fresh one unless a test shares one between windows. */
    Path stateDir() throws IOException {
        return Files.createTempDirectory("weir-editor-test");
    }

    /** Runs before the window opens (a crash test starts and kills another editor here). */
    void beforeOpen() throws Exception {
    }

    @BeforeEach
    void openWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        state = stateDir();
        beforeOpen();
        FxToolkit.setupFixture(() -> {
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            window = EditorWindow.open(stage, new EditorOptions(TestGraphs.REGISTRY, initialFile(), state, dialogs,
                    Duration.ofMillis(200), offerRecovery(), runner()));
            // Smaller than the default window: software rendering costs per pixel, and the tests do not need more.
            stage.setWidth(1200);
            stage.setHeight(780);
        });
        WaitForAsyncUtils.waitForFxEvents();
        // Fit again once the window has its test size (the first fit was for the default size).
        interact(() -> window.canvas().fitToView());
    }

    @AfterEach
    void closeWindow() throws Exception {
        release(new javafx.scene.input.KeyCode[0]);
        release(new javafx.scene.input.MouseButton[0]);
        if (window != null) {
            interact(() -> {
                window.documents().exitCleanly();
                window.stage().hide();
            });
        }
        FxToolkit.cleanupStages();
        if (state != null && Files.exists(state)) {
            try (Stream<Path> s = Files.walk(state)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    GraphDocument doc() {
        return window.model().document();
    }

    /** The screen position of canvas point (x, y). */
    Point2D screen(double x, double y) {
        return fx(() -> window.canvas().toScreen(x, y));
    }

    /**
     * The grid point nearest to the fraction (fx, fy) of the canvas's visible area: somewhere surely on the canvas,
     * whatever the window size and zoom.
     */
    dev.weir.engine.model.Point canvasAt(double fxFraction, double fyFraction) {
        return fx(() -> {
            GraphCanvas c = window.canvas();
            Viewport v = c.viewport();
            return dev.weir.editor.model.Arrange.snap(new dev.weir.engine.model.Point(
                    v.toModelX(c.getWidth() * fxFraction), v.toModelY(c.getHeight() * fyFraction)),
                    dev.weir.editor.model.Arrange.GRID);
        });
    }

    /** The screen position of a canvas point. */
    Point2D screen(dev.weir.engine.model.Point p) {
        return screen(p.x(), p.y());
    }

    /** The screen position of a node's title bar. */
    Point2D title(String nodeId) {
        NodeShape s = fx(() -> window.model().shape(nodeId).orElseThrow());
        return screen(s.x() + 60, s.y() + NodeShape.HEADER / 2);
    }

    /** The screen position of an output port. */
    Point2D output(String nodeId, String port) {
        PortShape p = fx(() -> window.model().shape(nodeId).orElseThrow().output(port).orElseThrow());
        return screen(p.x(), p.y());
    }

    /** The screen position of an input port. */
    Point2D input(String nodeId, String port) {
        PortShape p = fx(() -> window.model().shape(nodeId).orElseThrow().input(port).orElseThrow());
        return screen(p.x(), p.y());
    }

    /** Clicks at a screen point. */
    void clickAt(Point2D p) {
        moveTo(p);
        clickOn(javafx.scene.input.MouseButton.PRIMARY);
    }

    /** Drags with the primary button from one screen point to another. */
    void dragFromTo(Point2D from, Point2D to) {
        moveTo(from);
        press(javafx.scene.input.MouseButton.PRIMARY);
        moveTo(to);
        release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Presses the keys in order and releases them in reverse, with nothing in between. TestFX's {@code push} waits
     * for the application thread between press and release; when that thread is busy, a real X server (Xvfb)
     * starts auto-repeating the held key, and one Ctrl+V becomes dozens of pastes.
     */
    void tap(javafx.scene.input.KeyCode... keys) {
        var robot = robotContext().getBaseRobot();
        for (javafx.scene.input.KeyCode k : keys) {
            robot.pressKeyboard(k);
        }
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.releaseKeyboard(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Ctrl (the shortcut key here) with {@code keys}. */
    void shortcut(javafx.scene.input.KeyCode... keys) {
        javafx.scene.input.KeyCode[] all = new javafx.scene.input.KeyCode[keys.length + 1];
        all[0] = javafx.scene.input.KeyCode.CONTROL;
        System.arraycopy(keys, 0, all, 1, keys.length);
        tap(all);
    }

    /** Drags node type {@code type} from the palette (found by typing {@code search}) to canvas point (x, y). */
    void dragFromPalette(String search, String type, double x, double y) {
        clickOn("#palette-search");
        shortcut(javafx.scene.input.KeyCode.A);
        write(search);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D target = screen(x, y);
        drag("#palette-" + type.replace('.', '-'), javafx.scene.input.MouseButton.PRIMARY).moveTo(target)
                .release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Replaces the text of a field with {@code text} and presses Enter. */
    void typeInto(String query, String text) {
        clickOn(query);
        shortcut(javafx.scene.input.KeyCode.A);
        write(text);
        tap(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Whether the tests run on JavaFX's headless platform. Its robot does not put held keys into mouse events, so a
     * Shift+click there is a plain click; tests of modifier clicks run with a real display (CI runs under Xvfb).
     */
    static boolean headless() {
        return "headless".equalsIgnoreCase(System.getProperty("glass.platform"));
    }

    /** Runs {@code c} on the application thread and returns its result. */
    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves a screenshot of the window. */
    void screenshot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> Screenshots.save(window.stage().getScene(), name));
    }

    /** Saves a screenshot of the window titled {@code title}, such as a dialog. */
    void screenshotWindow(String title, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window w = listTargetWindows().stream()
                .filter(x -> x instanceof Stage s && title.equals(s.getTitle())).findFirst().orElseThrow();
        fx(() -> Screenshots.save(w.getScene(), name));
    }
}
