package dev.weir.editor.ui;

import dev.weir.editor.files.Autosaver;
import dev.weir.editor.files.StateDir;
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
 */
public record EditorOptions(NodeRegistry registry, Path file, Path stateDir, Dialogs dialogs, Duration autosaveDelay,
                            boolean offerRecovery) {

    public EditorOptions {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(autosaveDelay, "autosaveDelay");
    }

    /** The defaults of a desktop start: the user's state directory, platform dialogs, recovery offered. */
    public static EditorOptions defaults(NodeRegistry registry, Path file) {
        return new EditorOptions(registry, file, StateDir.resolve(), new FxDialogs(), Autosaver.configuredDelay(), true);
    }
}
