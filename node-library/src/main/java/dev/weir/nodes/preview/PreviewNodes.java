package dev.weir.nodes.preview;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;

import java.util.List;

/**
 * Preview sinks: nodes that show what flows through a graph while it runs, in the editor's preview panels. Found
 * by {@link java.util.ServiceLoader} through {@code META-INF/services}.
 *
 * <pre>
 *  node                 input                                          lanes it publishes (PreviewKind)
 *  -------------------  ---------------------------------------------  -----------------------------------------
 *  preview.time_plot    stream or vector of float32/float64            TIME_PLOT  stream&lt;float32&gt;[length]
 *  preview.spectrum     vector&lt;complex64&gt; (dsp.fft) or float32 levels SPECTRUM   vector&lt;float32&gt;[bins] dB
 *  preview.waterfall    as preview.spectrum                            WATERFALL  matrix&lt;float32&gt;[rows x bins] dB
 *  preview.heatmap      matrix of float32/float64 (radar.mtd, CWT)     HEATMAP    matrix&lt;float32&gt;[rows x cols]
 *  preview.video        image (gray8, bgr24, rgb24) [+ boxes]          VIDEO      image [+ records&lt;preview_boxes&gt;]
 *  preview.detections   records&lt;boxes&gt; (vision.yolo)                DETECTIONS records&lt;preview_boxes&gt;
 * </pre>
 *
 * Every one is marked {@link NodeDescriptor#preview()}, so its inputs are meant to be fed through keep-latest
 * edges (the validator warns otherwise), publishes at most {@code max_fps} times a second (hot-updatable, 1 to 240,
 * default 60), and runs on a cooperative worker without allocating or blocking once open: see {@link PreviewSink}.
 * Without a viewer (the command line) the slots are simply never read, so graphs with previews run anywhere.
 */
public final class PreviewNodes implements NodeProvider {

    /** Palette category of every preview node. */
    static final String CATEGORY = "Preview";

    /**
     * {@inheritDoc}
     *
     * <p>Called by {@link dev.weir.engine.api.NodeRegistry} when it loads providers; builds fresh descriptors.
     */
    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(TimePlotNode.descriptor(), SpectrumNode.descriptor(), WaterfallNode.descriptor(),
                HeatmapNode.descriptor(), VideoNode.descriptor(), DetectionsNode.descriptor());
    }
}
