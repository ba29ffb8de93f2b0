/**
 * Previews: how a preview sink hands its latest data to a viewer (the editor's preview panels) without ever
 * waiting for it.
 *
 * <pre>
 *  processor thread                      PreviewSlot (triple buffer)                 viewer (FX thread, &lt;= 60 Hz)
 *  ────────────────                      ───────────────────────────                 ───────────────────────────
 *  Frame[] b = slot.claim();   ──fill──▶  back   ┐                                     Frame[] f = slot.acquire();
 *  slot.publish();             ─────────▶ swap(back, middle), mark fresh              if fresh: swap(front, middle)
 *                                         middle ◀──────────────────────────────────── render f (front), never blocks
 *                                         front  ┘
 * </pre>
 *
 * <p>The writer never waits for the viewer and the viewer never waits for the writer: each owns one of the three
 * buffer sets, and the third is exchanged with one atomic swap. A slow viewer only ever sees fewer, newer
 * pictures. Nothing is allocated after the slot is made.
 *
 * <p>The engine makes slots when a preview processor asks its {@link dev.weir.engine.api.ProcessorContext} in
 * {@code open}, and hands them to the run's {@link PreviewHub}; a run with no viewer (the CLI) gives them to
 * {@link PreviewHub#NONE} and they are simply never read.
 */
package dev.weir.engine.api.preview;
