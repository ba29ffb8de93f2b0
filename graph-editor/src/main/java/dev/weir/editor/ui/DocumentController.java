package dev.weir.editor.ui;

import dev.weir.editor.files.Autosaver;
import dev.weir.editor.files.RecentFiles;
import dev.weir.editor.files.RecoveryStore;
import dev.weir.editor.model.DocumentHistory;
import dev.weir.editor.model.EditorModel;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.dag.DagFormatException;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Files for one editor window: New, Open, Save, Save As, recent files, the dirty marker in the title, the
 * question before unsaved changes are lost, and crash recovery.
 *
 * <pre>
 *   edit ──> dirty ──(1.5 s quiet)──> autosave to STATE_DIR/recovery/session-*.dag   (RecoveryStore, Autosaver)
 *   Save ──> DagCodec.save (atomic) ──> clean ──> recovery files deleted
 *   clean exit (window closed, changes saved or discarded) ──> recovery files deleted
 *   crash ──> files stay ──> next start: RecoveryStore.orphans() ──> "Restore?" ──> dirty document, same file
 * </pre>
 *
 * <p>Used on the JavaFX application thread; autosave writes on its own thread.
 */
public final class DocumentController {

    private final EditorModel model;
    private final Stage stage;
    private final Dialogs dialogs;
    private final Consumer<String> status;
    private final RecoveryStore store;
    private final Autosaver autosaver;
    private final RecentFiles recent;
    private Path file;

    /**
     * @param stateDir where recovery files and the recent-files list live
     * @param delay    how long after the last edit to autosave
     */
    public DocumentController(EditorModel model, Stage stage, Dialogs dialogs, Path stateDir, Duration delay,
                              Consumer<String> status) {
        this.model = Objects.requireNonNull(model, "model");
        this.stage = Objects.requireNonNull(stage, "stage");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.status = Objects.requireNonNull(status, "status");
        this.store = new RecoveryStore(stateDir, model.codec());
        this.recent = new RecentFiles(stateDir);
        this.autosaver = new Autosaver(store.newSession(), delay,
                e -> Platform.runLater(() -> status.accept("Autosave failed: " + e.getMessage())));
        model.addListener(new EditorModel.Listener() {
            @Override
            public void documentChanged(DocumentHistory.Change change) {
                updateTitle();
                if (model.history().isDirty()) {
                    autosaver.changed(change.after(), file);
                } else {
                    discardRecovery();
                }
            }
        });
        updateTitle();
    }

    /** The file the document was opened from or saved to, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The recent-files list. */
    public RecentFiles recentFiles() {
        return recent;
    }

    /** The autosaver (tests wait for its writes). */
    public Autosaver autosaver() {
        return autosaver;
    }

    /** The recovery store of the state directory. */
    public RecoveryStore recoveryStore() {
        return store;
    }

    /** The name the title and dialogs use: the file name, or the graph's name for a new graph. */
    public String displayName() {
        if (file != null) {
            return file.getFileName().toString();
        }
        String n = model.document().name();
        return n.isBlank() ? "Untitled" : n;
    }

    /** {@code * fft-sinusoids.dag — Weir} while dirty; the star goes when saved. */
    private void updateTitle() {
        stage.setTitle((model.history().isDirty() ? "* " : "") + displayName() + " — Weir");
    }

    /** File ▸ New, after asking about unsaved changes. */
    public void newDocument() {
        if (!confirmLoseChanges()) {
            return;
        }
        file = null;
        model.history().reset(GraphDocument.empty("untitled", "Untitled"), true);
        status.accept("New graph");
    }

    /** File ▸ Open: asks about unsaved changes, then for a file. */
    public void open() {
        if (!confirmLoseChanges()) {
            return;
        }
        Path dir = file != null ? file.toAbsolutePath().getParent() : recent.list().stream().findFirst()
                .map(p -> p.getParent()).orElse(null);
        dialogs.chooseFileToOpen(stage, dir).ifPresent(this::load);
    }

    /** Opens a recent file, after asking about unsaved changes. */
    public void openRecent(Path p) {
        if (confirmLoseChanges()) {
            load(p);
        }
    }

    /**
     * Reads {@code p} and makes it the document (clean, no history). A file that cannot be read is reported in a
     * dialog and the current document stays.
     *
     * @return whether it loaded
     */
    public boolean load(Path p) {
        try {
            GraphDocument doc = model.codec().read(p);
            file = p.toAbsolutePath().normalize();
            model.history().reset(doc, true);
            rememberRecent(file);
            status.accept("Opened " + file);
            return true;
        } catch (DagFormatException e) {
            dialogs.showError(stage, "Cannot open " + p.getFileName(), e.getMessage());
            return false;
        }
    }

    /**
     * File ▸ Examples: after asking about unsaved changes, reads example {@code p} as a new, unsaved document: it
     * stays attached to no file, so Save asks where to put a copy and the installed example is never overwritten.
     *
     * @return whether it loaded
     */
    public boolean openExample(Path p) {
        if (!confirmLoseChanges()) {
            return false;
        }
        try {
            GraphDocument doc = model.codec().read(p);
            file = null;
            model.history().reset(doc, true);
            status.accept("Opened example " + p.getFileName() + "; Save As keeps a copy of your changes");
            return true;
        } catch (DagFormatException e) {
            dialogs.showError(stage, "Cannot open example " + p.getFileName(), e.getMessage());
            return false;
        }
    }

    /** File ▸ Save: to the current file, or asks where for a new graph. */
    public boolean save() {
        if (file == null) {
            return saveAs();
        }
        return writeTo(file);
    }

    /** File ▸ Save As. */
    public boolean saveAs() {
        Path dir = file != null ? file.toAbsolutePath().getParent() : null;
        String name = file != null ? file.getFileName().toString() : fileNameFor(model.document().name());
        Optional<Path> chosen = dialogs.chooseFileToSave(stage, dir, name);
        if (chosen.isEmpty()) {
            return false;
        }
        Path p = chosen.get();
        if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dag")) {
            p = p.resolveSibling(p.getFileName() + ".dag");
        }
        return writeTo(p);
    }

    static String fileNameFor(String graphName) {
        String base = graphName.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^-+|-+$", "");
        return (base.isEmpty() ? "untitled" : base) + ".dag";
    }

    private boolean writeTo(Path p) {
        GraphDocument doc = model.document();
        try {
            model.codec().save(doc, p);
        } catch (IOException e) {
            dialogs.showError(stage, "Cannot save " + p.getFileName(), e.getMessage());
            return false;
        }
        file = p.toAbsolutePath().normalize();
        model.history().markSaved(); // updates the title and deletes the recovery files
        rememberRecent(file);
        status.accept("Saved " + file);
        return true;
    }

    private void rememberRecent(Path p) {
        try {
            recent.add(p);
        } catch (IOException e) {
            status.accept("Could not update the recent files: " + e.getMessage());
        }
    }

    /**
     * Asks what to do with unsaved changes, if there are any.
     *
     * @return true when the caller may go on (nothing unsaved, saved, or discarded)
     */
    public boolean confirmLoseChanges() {
        if (!model.history().isDirty()) {
            return true;
        }
        return switch (dialogs.confirmUnsaved(stage, displayName())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /**
     * The window wants to close: asks about unsaved changes, and on yes exits cleanly.
     *
     * @return whether the window may close
     */
    public boolean requestClose() {
        if (!confirmLoseChanges()) {
            return false;
        }
        exitCleanly();
        return true;
    }

    /** A clean exit: the recovery files go and autosave stops. Only a crash leaves recovery files behind. */
    public void exitCleanly() {
        discardRecovery();
        autosaver.close();
    }

    private void discardRecovery() {
        try {
            autosaver.discard();
        } catch (IOException e) {
            status.accept("Could not delete the recovery file: " + e.getMessage());
        }
    }

    /**
     * Offers what a crashed session left, newest first: a recovery file newer than the file it belongs to (or
     * belonging to no file) is offered; restored, it becomes the document, dirty and attached to its original
     * file; declined, it is deleted. Stale recovery files (their file was saved since) are deleted unasked.
     *
     * @return whether a document was restored
     */
    public boolean offerRecovery() {
        List<RecoveryStore.Orphan> orphans;
        try {
            orphans = store.orphans();
        } catch (IOException e) {
            status.accept("Could not look for recovery files: " + e.getMessage());
            return false;
        }
        for (RecoveryStore.Orphan o : orphans) {
            try {
                if (!o.newerThanOriginal()) {
                    store.discard(o);
                    continue;
                }
                if (!dialogs.offerRecovery(stage, o)) {
                    store.discard(o);
                    continue;
                }
                GraphDocument doc = store.read(o);
                file = o.original().orElse(null);
                model.history().reset(doc, false);
                store.discard(o); // this session's autosave has it now
                status.accept("Restored unsaved changes" + o.original().map(p -> " to " + p.getFileName()).orElse(""));
                return true;
            } catch (DagFormatException e) {
                dialogs.showError(stage, "Cannot restore", "The recovery file is damaged: " + e.getMessage());
                discardQuietly(o);
            } catch (IOException e) {
                status.accept("Could not delete a recovery file: " + e.getMessage());
            }
        }
        return false;
    }

    private void discardQuietly(RecoveryStore.Orphan o) {
        try {
            store.discard(o);
        } catch (IOException e) {
            // It will be offered again next time; nothing else to do.
        }
    }
}
