package dev.weir.editor.ui;

import dev.weir.editor.files.RecoveryStore;
import dev.weir.engine.api.ParamType;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** {@link Dialogs} with JavaFX alerts and the platform's file choosers. */
public class FxDialogs implements Dialogs {

    /** The button that restores a recovery file. */
    public static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.YES);
    /** The button that throws a recovery file away. */
    public static final ButtonType DISCARD_RECOVERY = new ButtonType("Discard", ButtonBar.ButtonData.NO);
    /** Saves before going on. */
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    /** Goes on without saving. */
    public static final ButtonType DONT_SAVE = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);

    private static FileChooser.ExtensionFilter dagFilter() {
        return new FileChooser.ExtensionFilter("Weir graphs (*.dag)", "*.dag");
    }

    @Override
    public Optional<Path> chooseFileToOpen(Window owner, Path initialDirectory) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open graph");
        fc.getExtensionFilters().add(dagFilter());
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            fc.setInitialDirectory(initialDirectory.toFile());
        }
        return Optional.ofNullable(fc.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(Window owner, Path initialDirectory, String initialName) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save graph");
        fc.getExtensionFilters().add(dagFilter());
        fc.setInitialFileName(initialName);
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            fc.setInitialDirectory(initialDirectory.toFile());
        }
        return Optional.ofNullable(fc.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> choosePath(Window owner, ParamType.PathMode mode, String current) {
        File start = current == null || current.isBlank() ? null : new File(current).getAbsoluteFile();
        File dir = start == null ? null : start.isDirectory() ? start : start.getParentFile();
        if (mode == ParamType.PathMode.DIRECTORY) {
            DirectoryChooser dc = new DirectoryChooser();
            if (dir != null && dir.isDirectory()) {
                dc.setInitialDirectory(dir);
            }
            return Optional.ofNullable(dc.showDialog(owner)).map(File::toPath);
        }
        FileChooser fc = new FileChooser();
        if (dir != null && dir.isDirectory()) {
            fc.setInitialDirectory(dir);
        }
        if (start != null && !start.isDirectory()) {
            fc.setInitialFileName(start.getName());
        }
        File f = mode == ParamType.PathMode.WRITE_FILE ? fc.showSaveDialog(owner) : fc.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public UnsavedChoice confirmUnsaved(Window owner, String documentName) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DONT_SAVE, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to " + documentName + "?");
        a.setContentText("Your changes will be lost if you don't save them.");
        ButtonType b = a.showAndWait().orElse(ButtonType.CANCEL);
        if (b == SAVE) {
            return UnsavedChoice.SAVE;
        }
        return b == DONT_SAVE ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public boolean offerRecovery(Window owner, RecoveryStore.Orphan orphan) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", RESTORE, DISCARD_RECOVERY);
        a.initOwner(owner);
        a.setTitle("Recover unsaved changes");
        a.setHeaderText("Weir did not close cleanly last time.");
        String what = orphan.original().map(p -> "changes to " + p.getFileName()).orElse("an unsaved graph");
        a.setContentText("It kept " + what + ", last written at "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault())
                        .format(orphan.written()) + ". Restore them?");
        return a.showAndWait().orElse(DISCARD_RECOVERY) == RESTORE;
    }

    @Override
    public void showError(Window owner, String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.showAndWait();
    }
}
