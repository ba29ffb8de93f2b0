/**
 * What the editor keeps on disk besides the graphs themselves, all under {@link dev.weir.editor.files.StateDir}:
 * recovery files of unsaved work ({@link dev.weir.editor.files.RecoveryStore}, written by
 * {@link dev.weir.editor.files.Autosaver}), recent files and settings. No JavaFX.
 */
package dev.weir.editor.files;
