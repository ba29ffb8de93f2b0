/**
 * The JavaFX canvas editor component: palette, canvas, inspector and undoable commands over the immutable GraphDocument. Depends on engine/model and engine/api, never on engine/runtime. Arrives with the editor issue (6).
 */
package dev.weir.editor;
