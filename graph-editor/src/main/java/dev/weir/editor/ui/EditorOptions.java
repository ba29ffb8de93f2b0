package dev.weir.editor.ui;

import dev.weir.editor.files.Autosaver;
import dev.weir.editor.files.StateDir;
import dev.weir.editor.run.GraphRunner;
import dev.weir.engine.api.NodeRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open an editor window.
 *
 * @param registry      the node types
 * @param file          a {@code .dag} file to open, or null for a new graph
 * @param stateDir      where recovery files, recent files and settings live
 * @param dialogs       how to ask the user
 * @param autosaveDelay how long after the last edit to write the recovery file
 * @param offerRecovery whether to look for a crashed session's recovery files at start
 * @param runner        runs graphs (the application's engine), or null for an editor that cannot run them: Run is
 *                      then disabled and its tooltip says why
 */
public record EditorOptions(NodeRegistry registry, Path file, Path stateDir, Dialogs dialogs, Duration autosaveDelay,
                            boolean offerRecovery, GraphRunner runner) {

    public EditorOptions {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(autosaveDelay, "autosaveDelay");
    }

    /** Options for an editor that cannot run graphs. */
    public EditorOptions(NodeRegistry registry, Path file, Path stateDir, Dialogs dialogs, Duration autosaveDelay,
                         boolean offerRecovery) {
        this(registry, file, stateDir, dialogs, autosaveDelay, offerRecovery, null);
    }

    /** The defaults of a desktop start: the user's state directory, platform dialogs, recovery offered, no runner. */
    public static EditorOptions defaults(NodeRegistry registry, Path file) {
        return new EditorOptions(registry, file, StateDir.resolve(), new FxDialogs(), Autosaver.configuredDelay(), true);
    }

    /** These options with graphs run by {@code r}. */
    public EditorOptions withRunner(GraphRunner r) {
        return new EditorOptions(registry, file, stateDir, dialogs, autosaveDelay, offerRecovery, r);
    }
}
