/**
 * Live previews: the editor's side of {@link dev.weir.engine.api.preview}. A run's preview nodes publish their
 * newest data into keep-latest {@link dev.weir.engine.api.preview.PreviewSlot}s; the
 * {@link dev.weir.editor.preview.PreviewBoard} (the window's {@link dev.weir.engine.api.preview.PreviewHub}) gives
 * each node a {@link dev.weir.editor.preview.PreviewPanel} in the {@link dev.weir.editor.preview.PreviewDock} and
 * draws it on the FX thread at most 60 times a second, and can hand each node's latest picture to the graph canvas as
 * a thumbnail.
 *
 * <pre>
 *  kind        lane 0                       lane 1            drawn as
 *  TIME_PLOT   vector | stream (real, cplx)  -                line(s) against time (s), min/max per pixel column
 *  SPECTRUM    vector | stream of dB         -                line against the spec's x axis (e.g. Hz)
 *  WATERFALL   matrix (rows = time) of dB    -                viridis image, newest row on top, colour bar
 *  HEATMAP     matrix (rows = y, cols = x)   -                viridis image, axes in the spec's units, colour bar
 *  VIDEO       image gray8 | bgr24 | rgb24   records (boxes)  image fit to the panel, class-coloured boxes
 *  DETECTIONS  records (boxes)               -                table of class, score and corners
 * </pre>
 *
 * Everything here is drawn by hand on a {@code Canvas} or a {@code PixelBuffer}-backed image; no charting library
 * (see {@code docs/architecture.md}, "Preview panels", for why). Depends on engine/api and JavaFX only; nothing here
 * knows the rest of the editor.
 */
package dev.weir.editor.preview;
