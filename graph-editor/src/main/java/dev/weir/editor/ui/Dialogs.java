package dev.weir.editor.ui;

import dev.weir.editor.files.RecoveryStore;
import dev.weir.engine.api.ParamType;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions the editor asks the user in a window of their own. {@link FxDialogs} asks with JavaFX alerts and
 * the platform's file choosers; tests replace the file choosers (native dialogs no robot can drive) and keep the
 * alerts, which they click like a user.
 *
 * <p>Every method is called on the JavaFX application thread and blocks until the user answers.
 */
public interface Dialogs {

    /** What to do with unsaved changes. */
    enum UnsavedChoice {
        /** Save them first. */
        SAVE,
        /** Throw them away. */
        DISCARD,
        /** Keep editing. */
        CANCEL
    }

    /** A {@code .dag} file to open, or empty when cancelled. */
    Optional<Path> chooseFileToOpen(Window owner, Path initialDirectory);

    /** Where to save, or empty when cancelled. */
    Optional<Path> chooseFileToSave(Window owner, Path initialDirectory, String initialName);

    /** A path for a path param, in the way {@code mode} says (an existing file, a new file, a directory). */
    Optional<Path> choosePath(Window owner, ParamType.PathMode mode, String current);

    /** Asks whether to save {@code documentName}'s changes before they would be lost. */
    UnsavedChoice confirmUnsaved(Window owner, String documentName);

    /** Offers to restore what a crashed session left; true to restore. */
    boolean offerRecovery(Window owner, RecoveryStore.Orphan orphan);

    /** Tells the user something failed (a file that cannot be read or written). */
    void showError(Window owner, String title, String message);
}
