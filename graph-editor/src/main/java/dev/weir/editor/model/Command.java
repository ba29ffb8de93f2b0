package dev.weir.editor.model;

import dev.weir.engine.model.GraphDocument;

/**
 * One undoable edit: a pure function from a document to a new document.
 *
 * <p>Every gesture of the editor ends in exactly one command (a drag is one {@link MoveNodesCommand}, a param edit
 * one {@link SetParamCommand}), given to {@link DocumentHistory#execute}. A command never mutates anything; the
 * history keeps the documents before and after it, so undo and redo swap a reference and never call the command
 * again (SceneBuilder's {@code Job}, reduced to what an immutable model needs).
 *
 * <p>Implementations are immutable records. {@link #apply} is called once, on the thread that owns the history
 * (the JavaFX application thread in the editor, the test thread in unit tests).
 */
public interface Command {

    /** What the Edit menu shows after "Undo" and "Redo", such as {@code Move 3 nodes}. */
    String label();

    /**
     * The document after this edit.
     *
     * @throws CommandException when the edit does not fit {@code doc} (a node it names is gone, an id is taken);
     *                          the history then stays as it was
     */
    GraphDocument apply(GraphDocument doc) throws CommandException;
}
