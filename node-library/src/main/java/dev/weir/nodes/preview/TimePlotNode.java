package dev.weir.nodes.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.preview.PreviewAxis;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.preview.PreviewSpec;

import java.util.List;
import java.util.Map;

/**
 * {@code preview.time_plot}: shows a real signal against time, as an oscilloscope's roll mode.
 *
 * <ul>
 *   <li><b>Stream input</b> ({@code stream_f32}, {@code stream_f64}): the newest {@code length} samples, across
 *       chunk boundaries (a rolling window). The lane's header index is the stream number of its first sample and
 *       its sample rate the stream's, so a viewer labels x in seconds. A chunk whose index does not continue the
 *       window (a keep-latest edge dropped the chunks between) starts the window afresh: joined across a gap, the
 *       samples would be drawn at the wrong times.</li>
 *   <li><b>Vector input</b> ({@code vector_f32}, {@code vector_f64}): each vector is one whole trace (a spectrum,
 *       a pulse's magnitude), shown as it is; {@code length} does not apply. The lane's index and sample rate are
 *       0, so x is the element number.</li>
 * </ul>
 *
 * <pre>
 *  ring (length samples):   [ ... oldest ....... newest | (next write) ... ]     one copy per chunk taken
 *  lane stream&lt;float32&gt;[length]: oldest .. newest, length = samples held so far   one copy per publish
 * </pre>
 * float64 input is shown as float32, which is plenty for a plot.
 */
final class TimePlotNode extends PreviewSink {

    static final String ID = "preview.time_plot";
    static final String STREAM_F32 = "stream_f32";
    static final String STREAM_F64 = "stream_f64";
    static final String VECTOR_F32 = "vector_f32";
    static final String VECTOR_F64 = "vector_f64";

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder(ID, 1)
                .label("Time plot")
                .category(PreviewNodes.CATEGORY)
                .description("Plots the newest samples of a real signal against time (a rolling window over a "
                        + "stream), or each real vector as it comes. Feed it through a keep-latest edge.")
                .param(new ParamSpec("input", "Input", new ParamType.ChoiceType(
                        List.of(STREAM_F32, STREAM_F64, VECTOR_F32, VECTOR_F64)), STREAM_F32, "", false,
                        "A float32 or float64 sample stream (a rolling window), or float32 or float64 vectors (each "
                                + "shown whole)."))
                .param(ParamSpec.integer("length", "Length", 1024, 2, 1 << 20, "samples", false,
                        "Samples shown for a stream input: the newest this many."))
                .param(maxFpsParam())
                .input(PortSpec.of("in", new DataType.ByParam("input", Map.of(
                        STREAM_F32, new DataType.SampleStream(ElementType.FLOAT32, Dim.param("length")),
                        STREAM_F64, new DataType.SampleStream(ElementType.FLOAT64, Dim.param("length")),
                        VECTOR_F32, new DataType.VectorOf(ElementType.FLOAT32, Dim.any()),
                        VECTOR_F64, new DataType.VectorOf(ElementType.FLOAT64, Dim.any()))),
                        "Samples or vectors of a real signal."))
                .preview()
                .factory(TimePlotNode::new)
                .build();
    }

    private boolean vector;
    private boolean doubles;
    /** Ring of the newest samples (stream) or the newest vector (vector). */
    private float[] ring;
    private int length;
    /** Samples in {@link #ring}, up to {@link #length}. */
    private int held;
    /** Where the next sample goes in the ring (stream input). */
    private int write;
    /** Stream number of the sample after the newest one held. */
    private long nextSample;
    private double sampleRate;
    private InputPort in;

    @Override
    protected PreviewSlot openSlot(ProcessorContext context) {
        String input = context.params().getString("input");
        vector = input.startsWith("vector");
        doubles = input.endsWith("f64");
        DataType t = inputType(context, "in");
        length = vector ? ((DataType.VectorOf) t).length().size() : context.params().getInt("length");
        ring = new float[length];
        PreviewSpec spec = new PreviewSpec(PreviewKind.TIME_PLOT, context.nodeId(),
                vector ? PreviewAxis.auto("element", "") : PreviewAxis.auto("time", "s"),
                PreviewAxis.auto("value", ""), PreviewAxis.AUTO, List.of());
        return context.openPreview(spec, List.of(new DataType.SampleStream(ElementType.FLOAT32, Dim.of(length))));
    }

    @Override
    protected int take(Inputs ins) {
        if (in == null) {
            in = ins.port(0);
        }
        if (vector) {
            int taken = skipToNewest(in);
            if (in.available() == 0) {
                return taken;
            }
            Frame f = in.peek();
            copy(f, 0, ring, 0, f.length());
            held = f.length();
            in.release();
            return taken + 1;
        }
        int taken = 0;
        while (taken < MAX_FRAMES_PER_CALL && in.available() > 0) {
            append(in.peek(), in.position());
            in.release();
            taken++;
        }
        return taken;
    }

    /** Adds the chunk's samples from {@code pos} on to the rolling window; only its last {@code length} count. */
    private void append(Frame f, int pos) {
        int n = f.length() - pos;
        if (n <= 0) {
            return;
        }
        long first = f.index() + pos;
        if (held > 0 && first != nextSample) {
            held = 0; // a gap: the window restarts rather than joining samples that were not adjacent
            write = 0;
        }
        sampleRate = f.sampleRate();
        nextSample = first + n;
        int skip = Math.max(0, n - length);
        int remaining = n - skip;
        int at = pos + skip;
        while (remaining > 0) {
            int k = Math.min(remaining, length - write);
            copy(f, at, ring, write, k);
            write = write == length - k ? 0 : write + k;
            at += k;
            remaining -= k;
        }
        held = Math.min(length, held + n);
    }

    private void copy(Frame f, int from, float[] dst, int to, int n) {
        if (doubles) {
            double[] src = f.doubles();
            for (int i = 0; i < n; i++) {
                dst[to + i] = (float) src[from + i];
            }
        } else {
            System.arraycopy(f.floats(), from, dst, to, n);
        }
    }

    @Override
    protected void fill(Frame[] lanes) {
        Frame lane = lanes[0];
        float[] dst = lane.floats();
        lane.clearHeader();
        if (vector) {
            System.arraycopy(ring, 0, dst, 0, held);
            lane.setLength(held);
            return;
        }
        // Oldest first: the oldest held sample sits 'held' places behind the write position.
        int start = write - held;
        if (start < 0) {
            int tail = -start;
            System.arraycopy(ring, length - tail, dst, 0, tail);
            System.arraycopy(ring, 0, dst, tail, write);
        } else {
            System.arraycopy(ring, start, dst, 0, held);
        }
        lane.setLength(held).setIndex(nextSample - held).setSampleRate(sampleRate);
    }
}
