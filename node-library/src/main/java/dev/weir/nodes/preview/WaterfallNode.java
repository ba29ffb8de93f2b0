package dev.weir.nodes.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.preview.PreviewAxis;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.preview.PreviewSpec;

import java.util.Arrays;
import java.util.List;

/**
 * {@code preview.waterfall}: a spectrogram of the last {@code rows} spectra, one row each, in dB.
 *
 * <p>Each spectrum taken becomes one row (read as {@link SpectrumLayout} says), converted to dB at once into a
 * ring of rows, so the history costs one conversion per spectrum and nothing is converted twice. Publishing
 * unrolls the ring into the lane, oldest row first and newest last; rows not filled yet are NaN.
 *
 * <pre>
 *  ring (rows x bins, dB):  row r0 r1 [next] r3 ...      lane matrix&lt;float32&gt;[rows x bins]:
 *                                                         NaN rows (not filled yet), then oldest .. newest
 * </pre>
 *
 * Rows are the spectra that reach the node, at most {@code row_rate} a second: a spectrum that comes sooner than
 * 1 / row_rate after the last row is released unread. A source faster than real time (an FFT of a file, 36k spectra
 * a second) would otherwise cost a dB conversion per spectrum for rows that scroll past in milliseconds, and that
 * CPU is taken from the pipeline the preview should not slow (measured: the example graph ran at 0.67x without a
 * viewer; {@code benchmarks/preview-load.sh}). {@code row_rate} 0 makes every spectrum a row. Behind a keep-latest
 * edge, or rate-limited, rows are not evenly spaced in the signal. The colour range is {@code min_db}..{@code max_db}, or follows the data when
 * {@code auto_range} is on.
 */
final class WaterfallNode extends PreviewSink {

    static final String ID = "preview.waterfall";

    static NodeDescriptor descriptor() {
        NodeDescriptor.Builder b = NodeDescriptor.builder(ID, 1)
                .label("Waterfall")
                .category(PreviewNodes.CATEGORY)
                .description("Shows the last spectra as an image in dB, one row each, newest at the bottom "
                        + "(complex FFT output or real levels). Feed it through a keep-latest edge.");
        for (ParamSpec p : SpectrumLayout.params()) {
            b.param(p);
        }
        return b.param(ParamSpec.integer("rows", "Rows", 128, 2, 4096, "spectra", false,
                        "Spectra kept and shown, one row each."))
                .param(ParamSpec.bool("auto_range", "Automatic range", true, false,
                        "Let the colour range follow the data; off: min_db to max_db."))
                .param(ParamSpec.real("min_db", "Colour minimum", -120, -1000, 1000, "dB", false,
                        "Level at the bottom of the colour map, without auto_range."))
                .param(ParamSpec.real("max_db", "Colour maximum", 0, -1000, 1000, "dB", false,
                        "Level at the top of the colour map, without auto_range."))
                .param(ParamSpec.real("row_rate", "Row rate", 60, 0, 1e6, "rows/s", true,
                        "Most rows added per second (spectra between are skipped unread); 0: every spectrum."))
                .param(maxFpsParam())
                .input(PortSpec.of("in", SpectrumLayout.inputType(), "Spectra, one vector each."))
                .preview()
                .factory(WaterfallNode::new)
                .build();
    }

    private SpectrumLayout layout;
    private int rows;
    private int bins;
    /** rows x bins levels in dB; row {@link #next} is written next. */
    private float[] ring;
    private int next;
    private int filled;
    private double fs;
    private InputPort in;
    /** Least time between two rows, 0 for every spectrum; and when the next row may come. */
    private long rowIntervalNanos;
    private long nextRow;
    /** Whether the last take added a row (it may only have skipped spectra). */
    private boolean addedRow;

    @Override
    protected PreviewSlot openSlot(ProcessorContext context) {
        Params p = context.params();
        DataType.VectorOf t = (DataType.VectorOf) inputType(context, "in");
        layout = new SpectrumLayout(p, t.length().size());
        rows = p.getInt("rows");
        applyRowRate(p);
        bins = layout.bins();
        ring = new float[Math.multiplyExact(rows, bins)];
        PreviewAxis value;
        if (p.getBoolean("auto_range")) {
            value = PreviewAxis.auto("level", "dB");
        } else {
            double min = p.getDouble("min_db");
            double max = p.getDouble("max_db");
            if (!(min < max)) {
                throw new IllegalArgumentException(who + ": min_db " + min + " must be below max_db " + max);
            }
            value = new PreviewAxis("level", "dB", min, max);
        }
        PreviewSpec spec = new PreviewSpec(PreviewKind.WATERFALL, context.nodeId(),
                PreviewAxis.auto("frequency", "Hz"), PreviewAxis.auto("spectrum", ""), value, List.of());
        return context.openPreview(spec, List.of(new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(rows),
                Dim.of(bins))));
    }

    @Override
    protected void paramsChanged(Params next) {
        applyRowRate(next);
    }

    private void applyRowRate(Params p) {
        double rate = p.getDouble("row_rate");
        rowIntervalNanos = rate > 0 ? (long) (1e9 / rate) : 0;
    }

    @Override
    protected int take(Inputs ins) {
        if (in == null) {
            in = ins.port(0);
        }
        int taken = 0;
        addedRow = false;
        if (rowIntervalNanos > 0 && in.available() > 0) {
            long now = System.nanoTime();
            if (now - nextRow < 0) {
                // Too soon for a row: release what came, unread.
                while (taken < MAX_FRAMES_PER_CALL && in.available() > 0) {
                    in.release();
                    taken++;
                }
                return taken;
            }
            // A row is due: the newest spectrum makes it.
            taken = skipToNewest(in);
            nextRow = now + rowIntervalNanos;
        }
        while (taken < MAX_FRAMES_PER_CALL && in.available() > 0) {
            Frame f = in.peek();
            layout.toDb(f, ring, next * bins);
            next = next + 1 == rows ? 0 : next + 1;
            filled = Math.min(rows, filled + 1);
            fs = f.sampleRate();
            in.release();
            taken++;
            addedRow = true;
        }
        return taken;
    }

    @Override
    protected boolean tookNewData() {
        return addedRow;
    }

    @Override
    protected void fill(Frame[] lanes) {
        Frame lane = lanes[0];
        float[] dst = lane.floats();
        int empty = rows - filled;
        Arrays.fill(dst, 0, empty * bins, Float.NaN);
        // The oldest filled row sits 'filled' rows behind the next one to be written.
        int oldest = next - filled;
        if (oldest < 0) {
            int wrapped = -oldest;
            System.arraycopy(ring, (rows - wrapped) * bins, dst, empty * bins, wrapped * bins);
            System.arraycopy(ring, 0, dst, (empty + wrapped) * bins, next * bins);
        } else {
            System.arraycopy(ring, oldest * bins, dst, empty * bins, filled * bins);
        }
        lane.clearHeader();
        lane.setIndex(layout.firstBin()).setSampleRate(layout.binsPerHz(fs));
    }
}
