/**
 * Running graphs from the editor, as the editor sees it. The editor never depends on {@code engine/runtime}: the
 * application implements {@link dev.weir.editor.run.GraphRunner} on the engine and hands it in through
 * {@link dev.weir.editor.ui.EditorOptions}; everything crossing this boundary is a record of plain values.
 *
 * <pre>
 *            editor (FX thread)                               app (engine threads)
 *  F5 ──▶ GraphRunner.start(doc, previews, listener) ──▶ Engine.start ─▶ Session
 *  F6 ──▶ RunningGraph.pause()/resume()              ──▶ Session.pause/resume
 *  edit ─▶ RunningGraph.setParams(node, hot params)   ──▶ Session.setParams (applied between process calls)
 *  F7 ──▶ RunningGraph.stop()  (off the FX thread)    ──▶ Session.stop (returns when every engine thread ended)
 *         RunListener.onMetrics(RunMetrics)          ◀── metrics thread, every sample (100 ms)
 *         RunListener.onEnded(RunOutcome)            ◀── once, when the run ends by itself or is stopped
 * </pre>
 *
 * <p>{@link dev.weir.editor.run.RunDiff} decides which edits a running graph takes live (hot-updatable params) and
 * which wait for the next run. The preview hub handed to {@code start} is the window's
 * ({@link dev.weir.editor.ui.RunController#setPreviewHub}), {@code PreviewHub.NONE} until a viewer plugs in.
 */
package dev.weir.editor.run;
