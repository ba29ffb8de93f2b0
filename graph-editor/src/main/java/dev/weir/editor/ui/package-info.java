/**
 * The JavaFX views of the editor. They observe an {@link dev.weir.editor.model.EditorModel} and turn gestures into
 * commands; none of them holds graph state of its own. Everything here runs on the JavaFX application thread.
 */
package dev.weir.editor.ui;
