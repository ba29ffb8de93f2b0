package dev.weir.editor.ui;

import dev.weir.editor.model.MoveNodesCommand;
import dev.weir.editor.model.SetParamCommand;
import dev.weir.editor.testing.TestGraphs;
import dev.weir.engine.model.Point;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * An editor process for {@link CrashRecoveryTest}: opens FILE with state directory STATE, makes two edits, prints
 * {@code AUTOSAVED} once the recovery file is written, and then waits to be killed.
 */
public final class CrashingEditor {

    private CrashingEditor() {
    }

    /** The edits the crashing editor makes, so the test can make the same ones. */
    static java.util.List<dev.weir.editor.model.Command> edits() {
        return java.util.List.of(new SetParamCommand("fft", "fft_size", 2048L),
                MoveNodesCommand.of(Map.of("spectrum", new Point(500, 260))));
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path state = Path.of(args[1]);
        Platform.startup(() -> {
            EditorWindow w = EditorWindow.open(new Stage(), new EditorOptions(TestGraphs.REGISTRY, file, state,
                    new FxDialogs(), Duration.ofMillis(100), false));
            w.documents().autosaver().onWritten(() -> {
                System.out.println("AUTOSAVED");
                System.out.flush();
            });
            try {
                for (var c : edits()) {
                    w.model().execute(c);
                }
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(3);
            }
        });
        Thread.sleep(Long.MAX_VALUE);
    }
}
