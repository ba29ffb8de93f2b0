package dev.weir.engine.api.preview;

/** How a viewer should draw a preview slot's data. The lane layout each kind publishes is fixed here. */
public enum PreviewKind {
    /** Lane 0: a vector or stream chunk of real samples, drawn against time (x axis in s from the sample rate). */
    TIME_PLOT,
    /** Lane 0: a vector of magnitudes already in dB, bin 0 = the x axis minimum, drawn as a line. */
    SPECTRUM,
    /** Lane 0: a matrix (rows = time, newest last; columns = frequency bins) of dB values, drawn as an image. */
    WATERFALL,
    /** Lane 0: a real matrix (rows = y, columns = x) drawn as a colour-mapped image with both axes labelled. */
    HEATMAP,
    /** Lane 0: an image (gray8, bgr24 or rgb24); lane 1, when present: detection records drawn as boxes. */
    VIDEO,
    /** Lane 0: detection records (x1, y1, x2, y2, score, class), listed as a table. */
    DETECTIONS
}
