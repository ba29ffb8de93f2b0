/**
 * Live previews: the editor's side of {@link dev.weir.engine.api.preview}. A run's preview nodes publish their
 * newest data into keep-latest {@link dev.weir.engine.api.preview.PreviewSlot}s; the
 * {@link dev.weir.editor.preview.PreviewBoard} (the window's {@link dev.weir.engine.api.preview.PreviewHub}) gives
 * each node a {@link dev.weir.editor.preview.PreviewPanel} in the {@link dev.weir.editor.preview.PreviewDock} and
 * draws it on the FX thread at most 60 times a second, and can hand each node's latest picture to the graph canvas as
 * a thumbnail.
 *
 * <pre>
 *  kind        lane 0                        lane 1          drawn as
 *  TIME_PLOT   float32 stream (a window)     -               line against time (s, from the frame header)
 *  SPECTRUM    float32 vector of dB          -               line against frequency (the spec's axis, or the header)
 *  WATERFALL   float32 matrix, rows of dB    -               viridis image, newest row at the bottom, colour bar
 *  HEATMAP     float32 matrix (rows = y)     -               viridis image, axes in the spec's units, colour bar
 *  VIDEO       image gray8 | bgr24 | rgb24   PreviewBoxes    image fit to the panel, class-coloured boxes
 *  DETECTIONS  PreviewBoxes                  -               table of class, score and corners
 * </pre>
 *
 * Everything here is drawn by hand on a {@code Canvas} or a {@code PixelBuffer}-backed image; no charting library
 * (see {@code docs/architecture.md}, "Preview panels", for why). Depends on engine/api, JavaFX and the editor's UI
 * libraries (AtlantaFX, Ikonli, BentoFX); nothing here knows the rest of the editor.
 */
package dev.weir.editor.preview;
