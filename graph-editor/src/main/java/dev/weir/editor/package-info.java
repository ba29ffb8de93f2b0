/**
 * The JavaFX graph editor: palette, canvas, inspector, problems list and files over the immutable
 * {@link dev.weir.engine.model.GraphDocument}. Depends on engine/model and engine/api, never on engine/runtime.
 *
 * <ul>
 *   <li>{@link dev.weir.editor.model}: commands, undo history, selection, clipboard and geometry; no JavaFX;</li>
 *   <li>{@link dev.weir.editor.files}: recovery files, autosave, recent files, settings;</li>
 *   <li>{@link dev.weir.editor.ui}: the window and its views ({@link dev.weir.editor.ui.EditorWindow},
 *       {@link dev.weir.editor.ui.EditorLauncher}).</li>
 * </ul>
 *
 * See the "Editor" section of {@code docs/architecture.md}.
 */
package dev.weir.editor;
