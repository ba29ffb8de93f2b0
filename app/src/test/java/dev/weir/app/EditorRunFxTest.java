package dev.weir.app;

import dev.weir.editor.model.NodeShape;
import dev.weir.editor.ui.EditorOptions;
import dev.weir.editor.ui.EditorWindow;
import dev.weir.editor.ui.FxDialogs;
import dev.weir.editor.ui.RunController;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeUi;
import dev.weir.engine.model.Point;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.runtime.testnodes.Collector;
import dev.weir.engine.runtime.testnodes.TestNodes;
import javafx.geometry.Point2D;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Base of the editor's run tests: a real editor window on the real engine ({@link EngineRunner}), with the node
 * library plus the runtime's test nodes (a sleepy source, a failing node, a collecting sink whose values the test
 * reads from its {@link Collector}).
 */
abstract class EditorRunFxTest extends FxRobot {

    @TempDir
    Path tmp;

    final Collector collector = new Collector();
    final NodeRegistry registry = NodeRegistry.load(EditorRunFxTest.class.getClassLoader())
            .with(new TestNodes(collector));
    EditorWindow window;
    Set<String> threadsBefore;

    @BeforeEach
    void openWindow() throws Exception {
        threadsBefore = EngineThreads.names();
        FxToolkit.registerPrimaryStage();
        Path state = Files.createDirectories(tmp.resolve("state"));
        FxToolkit.setupFixture(() -> {
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            window = EditorWindow.open(stage, new EditorOptions(registry, null, state, new FxDialogs(),
                    Duration.ofMillis(200), false, new EngineRunner(registry)));
            stage.setWidth(1200);
            stage.setHeight(780);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws Exception {
        release(new KeyCode[0]);
        release(new javafx.scene.input.MouseButton[0]);
        if (window != null) {
            // Hiding the window stops a run that is still going (and waits for it).
            interact(() -> {
                window.documents().exitCleanly();
                window.stage().hide();
            });
        }
        FxToolkit.cleanupStages();
        EngineThreads.awaitOnly(threadsBefore, Duration.ofSeconds(15));
    }

    /** Opens {@code doc} in the window as a file, placing its nodes in a row 260 units apart. */
    void open(GraphDocument doc) throws Exception {
        GraphDocument laidOut = doc;
        int i = 0;
        for (NodeInstance n : doc.nodeList()) {
            laidOut = laidOut.withNode(n.withUi(new NodeUi(new Point(260 * i++, 0))));
        }
        Path file = tmp.resolve(doc.id() + ".dag");
        new DagCodec(registry).save(laidOut, file);
        interact(() -> {
            window.documents().load(file);
            window.canvas().fitToView();
        });
    }

    RunController runs() {
        return window.runs();
    }

    RunController.State state() {
        return fx(() -> runs().state());
    }

    /** Waits up to {@code seconds} for {@code condition}, read on the application thread. */
    void await(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
        }
    }

    /** Presses and releases keys back to back (see the editor tests' {@code tap}: no X auto-repeat). */
    void tap(KeyCode... keys) {
        var robot = robotContext().getBaseRobot();
        for (KeyCode k : keys) {
            robot.pressKeyboard(k);
        }
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.releaseKeyboard(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The screen position of a node's title bar. */
    Point2D title(String nodeId) {
        return fx(() -> {
            NodeShape s = window.model().shape(nodeId).orElseThrow();
            return window.canvas().toScreen(s.x() + 60, s.y() + NodeShape.HEADER / 2);
        });
    }

    /** Replaces the text of a field with {@code text} and presses Enter. */
    void typeInto(String query, String text) {
        clickOn(query);
        tap(KeyCode.CONTROL, KeyCode.A);
        write(text);
        tap(KeyCode.ENTER);
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves a PNG of the window under {@code target/screenshots} (the {@code weir.screenshots} property). */
    void screenshot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = fx(() -> window.stage().getScene().snapshot(null));
        BufferedImage out = new BufferedImage((int) img.getWidth(), (int) img.getHeight(), BufferedImage.TYPE_INT_RGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            Path dir = Path.of(System.getProperty("weir.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
