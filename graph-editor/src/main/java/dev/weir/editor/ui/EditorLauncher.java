package dev.weir.editor.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Starts the JavaFX toolkit and opens one editor window, for the {@code weir} command (which is no
 * {@link javafx.application.Application}, so that its other subcommands never touch a display).
 */
public final class EditorLauncher {

    /** JavaFX's own logger; held so that its level is not lost to garbage collection. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("javafx");

    /** Fewer distinct colours than this in the first frame means the window drew nothing. */
    private static final int MIN_COLOURS = 8;

    private EditorLauncher() {
    }

    /**
     * Opens an editor window and blocks until it is closed.
     *
     * @return 0 after a normal close
     * @throws IllegalStateException when the window could not be opened (no display, say); the message says why
     */
    public static int run(EditorOptions options) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        start(options, closed, failure, stage -> { });
        closed.await();
        Platform.exit();
        if (failure.get() != null) {
            throw new IllegalStateException("the editor could not open: " + failure.get(), failure.get());
        }
        return 0;
    }

    /**
     * Checks that the editor works on this machine (the installers' test runs it under Xvfb): opens the window as
     * {@link #run} does, waits until it is showing and a frame of it has been rendered, checks that the frame shows
     * something, closes the window and describes it in one line.
     *
     * @param timeout how long the window may take to appear
     * @return for example {@code editor window 'fft-sinusoids.dag — Weir' shown at 1360x860, drawn in 1124 colours}
     * @throws IllegalStateException when the window could not be opened, did not appear in time or drew nothing
     */
    public static String smoke(EditorOptions options, Duration timeout) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<String> report = new AtomicReference<>();
        start(options, closed, failure, stage -> new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // The pulse that showed the window renders its first frame; by the second one that frame is done.
                if (++pulses < 2) {
                    return;
                }
                stop();
                try {
                    report.set(describe(stage));
                } catch (RuntimeException e) {
                    failure.set(e);
                }
                stage.close();
            }
        }.start());
        boolean done = closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Platform.exit();
        if (!done) {
            throw new IllegalStateException("the editor window did not appear within " + timeout.toSeconds() + " s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the editor could not open: " + failure.get().getMessage(), failure.get());
        }
        return report.get();
    }

    /** Starts the toolkit and opens the window on it; {@code closed} counts down when it is hidden or fails. */
    private static void start(EditorOptions options, CountDownLatch closed, AtomicReference<Throwable> failure,
                              Consumer<Stage> opened) {
        // JavaFX warns at every start that it was loaded from the class path rather than as modules. Weir ships as
        // one class-path jar on purpose (see app/pom.xml); the warning would only worry users.
        QUIET.setLevel(java.util.logging.Level.SEVERE);
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                stage.setOnHidden(e -> closed.countDown());
                EditorWindow.open(stage, options);
                opened.accept(stage);
            } catch (RuntimeException | Error e) {
                failure.set(e);
                closed.countDown();
            }
        });
    }

    /** The shown window in one line, after checking that its scene renders as more than a blank area. */
    private static String describe(Stage stage) {
        if (!stage.isShowing()) {
            throw new IllegalStateException("the window is not showing");
        }
        WritableImage frame = stage.getScene().snapshot(null);
        PixelReader pixels = frame.getPixelReader();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < (int) frame.getHeight(); y += 4) {
            for (int x = 0; x < (int) frame.getWidth(); x += 4) {
                colours.add(pixels.getArgb(x, y));
            }
        }
        // Menus, tool bar, palette text, nodes and edges give dozens of colours; a scene that failed to draw gives one.
        if (colours.size() < MIN_COLOURS) {
            throw new IllegalStateException("the window's scene rendered in " + colours.size()
                    + " colours, so nothing was drawn");
        }
        return "editor window '" + stage.getTitle() + "' shown at " + (int) stage.getWidth() + "x"
                + (int) stage.getHeight() + ", drawn in " + colours.size() + " colours";
    }
}
