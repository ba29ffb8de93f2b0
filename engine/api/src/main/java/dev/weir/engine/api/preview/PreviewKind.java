package dev.weir.engine.api.preview;

/**
 * How a viewer should draw a preview slot's data. The lane layout each kind publishes is fixed here; the slot's
 * {@link PreviewSlot#laneTypes()} give the exact sizes.
 *
 * <h2>Positions along x</h2>
 * For the kinds drawn against a sampled axis (time plot, spectrum, waterfall columns), element {@code i} of a lane
 * lies at:
 * <ul>
 *   <li>{@code x.min() + i * (x.max() - x.min()) / (n - 1)} when the spec's {@link PreviewSpec#x() x axis} is
 *       {@linkplain PreviewAxis#isFixed() fixed} ({@code n} elements, min and max at the first and last);</li>
 *   <li>otherwise {@code (index + i) / sample_rate}, from the lane frame's header, when its sample rate is
 *       positive: for a time plot seconds (index = the first sample's number in the stream, sample rate = samples
 *       per second), for a spectrum Hz (index = the signed number of the first bin, sample rate = bins per Hz,
 *       the reciprocal of the bin spacing);</li>
 *   <li>otherwise {@code index + i}: a sample or bin number.</li>
 * </ul>
 * The header is per frame because sample rates are tags on the stream, known only once data arrives; the spec is
 * fixed when the node opens.
 */
public enum PreviewKind {
    /**
     * Lane 0: {@code stream<float32>[n]}, the newest samples of a real signal, oldest first; the frame's length is
     * the number of valid samples (fewer than n until the window first fills). x in s from the header (see
     * "Positions along x"); y is the sample value.
     */
    TIME_PLOT,
    /**
     * Lane 0: {@code vector<float32>[bins]} of values already in dB, lowest frequency first (bin 0 = the x axis
     * minimum), drawn as a line. x in Hz from the header (see "Positions along x"), y in dB.
     */
    SPECTRUM,
    /**
     * Lane 0: {@code matrix<float32>[rows x bins]} of dB values, drawn as an image: rows are spectra in time order
     * (newest last, at the bottom), columns are frequency bins laid out as {@link #SPECTRUM}'s (the header gives x
     * the same way). Rows not filled yet hold NaN ("no data"), which a viewer leaves out of an automatic colour
     * range. The spec's {@link PreviewSpec#value() value axis} gives the colour range, or follows the data.
     */
    WATERFALL,
    /**
     * Lane 0: a real {@code matrix<float32>[rows x cols]} (rows = y, row 0 at y's minimum; columns = x, column 0 at
     * x's minimum) drawn as a colour-mapped image with both axes labelled. Axes that are not fixed show row and
     * column numbers. The value axis gives the colour range, or follows the data.
     */
    HEATMAP,
    /**
     * Lane 0: an image ({@code gray8}, {@code bgr24} or {@code rgb24}); lane 1, when present: detection records
     * ({@link PreviewBoxes#SCHEMA}) drawn as boxes, in the image's pixels. Lane 1's header index is the index of
     * the image its boxes were found in, which may be older than lane 0's (detectors are slower than video).
     */
    VIDEO,
    /**
     * Lane 0: detection records (x1, y1, x2, y2, score, class; {@link PreviewBoxes#SCHEMA}), listed as a table;
     * class names from {@link PreviewSpec#classNames()}.
     */
    DETECTIONS
}
