package dev.weir.editor.ui;

import javafx.application.Platform;
import javafx.stage.Stage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the JavaFX toolkit and opens one editor window, for the {@code weir} command (which is no
 * {@link javafx.application.Application}, so that its other subcommands never touch a display).
 */
public final class EditorLauncher {

    /** JavaFX's own logger; held so that its level is not lost to garbage collection. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("javafx");

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
        // JavaFX warns at every start that it was loaded from the class path rather than as modules. Weir ships as
        // one class-path jar on purpose (see app/pom.xml); the warning would only worry users.
        QUIET.setLevel(java.util.logging.Level.SEVERE);
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                stage.setOnHidden(e -> closed.countDown());
                EditorWindow.open(stage, options);
            } catch (RuntimeException | Error e) {
                failure.set(e);
                closed.countDown();
            }
        });
        closed.await();
        Platform.exit();
        if (failure.get() != null) {
            throw new IllegalStateException("the editor could not open: " + failure.get(), failure.get());
        }
        return 0;
    }
}
