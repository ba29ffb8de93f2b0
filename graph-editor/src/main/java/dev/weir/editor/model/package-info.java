/**
 * The editor's model, without JavaFX: every edit is a {@link dev.weir.editor.model.Command} (a pure function of the
 * document) run through {@link dev.weir.editor.model.DocumentHistory}, which keeps the documents before and after so
 * undo swaps a reference. {@link dev.weir.editor.model.EditorModel} adds the selection and what is derived from the
 * current document (validation problems, {@link dev.weir.editor.model.NodeShape}s).
 */
package dev.weir.editor.model;
