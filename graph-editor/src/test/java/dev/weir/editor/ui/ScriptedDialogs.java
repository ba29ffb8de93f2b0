package dev.weir.editor.ui;

import dev.weir.editor.files.RecoveryStore;
import dev.weir.engine.api.ParamType;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Dialogs for robot tests: file choosers (native dialogs no robot can drive) answer from a script; the questions
 * about unsaved changes and recovery use the real alerts unless the test scripts an answer, so a test can click
 * them like a user.
 */
final class ScriptedDialogs extends FxDialogs {

    final Deque<Path> files = new ArrayDeque<>();
    final Deque<UnsavedChoice> unsaved = new ArrayDeque<>();
    final List<String> errors = new ArrayList<>();

    @Override
    public Optional<Path> chooseFileToOpen(Window owner, Path initialDirectory) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(Window owner, Path initialDirectory, String initialName) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> choosePath(Window owner, ParamType.PathMode mode, String current) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public UnsavedChoice confirmUnsaved(Window owner, String documentName) {
        UnsavedChoice c = unsaved.poll();
        return c != null ? c : super.confirmUnsaved(owner, documentName);
    }

    @Override
    public boolean offerRecovery(Window owner, RecoveryStore.Orphan orphan) {
        return super.offerRecovery(owner, orphan);
    }

    @Override
    public void showError(Window owner, String title, String message) {
        errors.add(title + ": " + message);
    }
}
