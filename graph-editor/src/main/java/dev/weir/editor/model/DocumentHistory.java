package dev.weir.editor.model;

import dev.weir.engine.model.GraphDocument;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The current document and the undo and redo stacks: SceneBuilder's {@code JobManager} for an immutable model.
 *
 * <pre>
 *   undo stack                      current                     redo stack
 *   [(c1, d0, d1), (c2, d1, d2)]      d2       []
 *        execute(c3)  ──>  [(c1..), (c2..), (c3, d2, d3)]  d3  []          (redo cleared)
 *        undo()       ──>  [(c1..), (c2..)]                d2  [(c3..)]   (a reference swap)
 *        redo()       ──>  [(c1..), (c2..), (c3..)]        d3  []
 * </pre>
 *
 * <p>Each entry keeps the documents before and after its command, so undo and redo never run a command again and
 * cost nothing whatever the graph's size. The stack is bounded ({@link #maxDepth()}); the oldest entries fall off.
 *
 * <p><b>Dirty state.</b> Every document the history has shown gets a serial number (its "state"); saving records
 * the current one. The document is dirty when the current state differs from the saved one, so undoing back to the
 * saved document makes it clean again, and a new edit after undoing past the save can never look clean.
 *
 * <p><b>Threading.</b> Owned by one thread (the JavaFX application thread); not thread-safe. Listeners run on that
 * thread after each change. A listener that tries to change the history while being notified gets an
 * {@link IllegalStateException}: re-entrant edits would interleave two changes' notifications.
 */
public final class DocumentHistory {

    /** How many entries the undo stack keeps by default. */
    public static final int DEFAULT_MAX_DEPTH = 500;

    /** What a listener learns after a change. */
    public enum ChangeKind {
        /** A command was executed. */
        EXECUTE,
        /** The last command was undone. */
        UNDO,
        /** The last undone command was redone. */
        REDO,
        /** A new document replaced everything (New, Open, recovery); both stacks were cleared. */
        RESET,
        /** Only the saved state moved (Save); the document is the same. */
        SAVED
    }

    /**
     * One change.
     *
     * @param kind    what happened
     * @param command the command executed, undone or redone; null for RESET and SAVED
     * @param before  the document before
     * @param after   the document now current
     */
    public record Change(ChangeKind kind, Command command, GraphDocument before, GraphDocument after) {
    }

    private record Entry(Command command, GraphDocument before, long beforeState, GraphDocument after,
                         long afterState) {
    }

    private final int maxDepth;
    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private GraphDocument current;
    private long state;
    private long nextState = 1;
    private long savedState;
    private long revision;
    private boolean notifying;

    /** A history starting at {@code initial}, clean, keeping at most {@value #DEFAULT_MAX_DEPTH} undo steps. */
    public DocumentHistory(GraphDocument initial) {
        this(initial, DEFAULT_MAX_DEPTH);
    }

    /** A history starting at {@code initial}, clean, keeping at most {@code maxDepth} undo steps. */
    public DocumentHistory(GraphDocument initial, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("max undo depth must be >= 1, was " + maxDepth);
        }
        this.current = Objects.requireNonNull(initial, "initial");
        this.maxDepth = maxDepth;
    }

    /** The document now shown. */
    public GraphDocument current() {
        return current;
    }

    /** How many undo steps are kept at most. */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * Counts every change of the current document (execute, undo, redo, reset); views compare it to know whether
     * to redraw, and autosave to know whether anything is new.
     */
    public long revision() {
        return revision;
    }

    /**
     * Applies {@code command} to the current document and makes the result current.
     *
     * @return true when the document changed; a command that changes nothing (a move by zero) is not recorded
     * @throws CommandException when the command does not fit the document; nothing changes
     */
    public boolean execute(Command command) throws CommandException {
        Objects.requireNonNull(command, "command");
        checkNotNotifying();
        GraphDocument before = current;
        GraphDocument after = Objects.requireNonNull(command.apply(before), "command returned null");
        if (after.equals(before)) {
            return false;
        }
        long afterState = nextState++;
        undo.push(new Entry(command, before, state, after, afterState));
        while (undo.size() > maxDepth) {
            undo.removeLast();
        }
        redo.clear();
        current = after;
        state = afterState;
        revision++;
        fire(new Change(ChangeKind.EXECUTE, command, before, after));
        return true;
    }

    /** Whether there is something to undo. */
    public boolean canUndo() {
        return !undo.isEmpty();
    }

    /** Whether there is something to redo. */
    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The label of the command {@link #undo} would undo. */
    public Optional<String> undoLabel() {
        return undo.isEmpty() ? Optional.empty() : Optional.of(undo.peek().command().label());
    }

    /** The label of the command {@link #redo} would redo. */
    public Optional<String> redoLabel() {
        return redo.isEmpty() ? Optional.empty() : Optional.of(redo.peek().command().label());
    }

    /** Undoes the last command; returns false when there was none. */
    public boolean undo() {
        checkNotNotifying();
        Entry e = undo.poll();
        if (e == null) {
            return false;
        }
        redo.push(e);
        current = e.before();
        state = e.beforeState();
        revision++;
        fire(new Change(ChangeKind.UNDO, e.command(), e.after(), e.before()));
        return true;
    }

    /** Redoes the last undone command; returns false when there was none. */
    public boolean redo() {
        checkNotNotifying();
        Entry e = redo.poll();
        if (e == null) {
            return false;
        }
        undo.push(e);
        current = e.after();
        state = e.afterState();
        revision++;
        fire(new Change(ChangeKind.REDO, e.command(), e.before(), e.after()));
        return true;
    }

    /**
     * Replaces the document and forgets both stacks (New, Open, restoring a recovery file).
     *
     * @param doc   the new document
     * @param clean whether it matches a file on disk (Open) or not (a recovered document is dirty)
     */
    public void reset(GraphDocument doc, boolean clean) {
        Objects.requireNonNull(doc, "doc");
        checkNotNotifying();
        GraphDocument before = current;
        undo.clear();
        redo.clear();
        current = doc;
        state = nextState++;
        savedState = clean ? state : -1;
        revision++;
        fire(new Change(ChangeKind.RESET, null, before, doc));
    }

    /** Records that the current document is what the file now holds. */
    public void markSaved() {
        checkNotNotifying();
        savedState = state;
        fire(new Change(ChangeKind.SAVED, null, current, current));
    }

    /** Whether the current document differs from the last saved (or opened) one. */
    public boolean isDirty() {
        return state != savedState;
    }

    /** Calls {@code listener} after every change, on the owning thread. */
    public void addListener(Consumer<Change> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops calling {@code listener}. */
    public void removeListener(Consumer<Change> listener) {
        listeners.remove(listener);
    }

    private void checkNotNotifying() {
        if (notifying) {
            throw new IllegalStateException("the document history was changed by one of its listeners");
        }
    }

    private void fire(Change change) {
        notifying = true;
        try {
            for (Consumer<Change> l : listeners) {
                l.accept(change);
            }
        } finally {
            notifying = false;
        }
    }
}
