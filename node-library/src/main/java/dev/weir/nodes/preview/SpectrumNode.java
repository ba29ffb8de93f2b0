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

import java.util.List;

/**
 * {@code preview.spectrum}: shows the newest spectrum as a line in dB over frequency, optionally averaged.
 *
 * <p>How the input is read and laid out (complex FFT output or real levels, bin order, half spectrum, the
 * frequency axis from the input's sample-rate tag) is {@link SpectrumLayout}'s. {@code average} is the weight of
 * the past in an exponential average of linear power, {@code avg = a avg + (1 - a) p}: 0 shows each spectrum as it
 * comes, 0.9 averages over about ten. It averages power, not dB, so that noise is not biased low; it can change
 * while running, and a change restarts the average from the next spectrum.
 *
 * <p>Cost: without averaging only the newest spectrum is copied and converted to dB when publishing; with
 * averaging every spectrum taken is folded in (one power per bin, and for {@code db} input one {@code pow} per
 * bin), since skipping spectra would change what the average means.
 */
final class SpectrumNode extends PreviewSink {

    static final String ID = "preview.spectrum";

    static NodeDescriptor descriptor() {
        NodeDescriptor.Builder b = NodeDescriptor.builder(ID, 1)
                .label("Spectrum")
                .category(PreviewNodes.CATEGORY)
                .description("Plots the newest spectrum in dB over frequency (complex FFT output or real levels), "
                        + "optionally averaged. Feed it through a keep-latest edge.");
        for (ParamSpec p : SpectrumLayout.params()) {
            b.param(p);
        }
        return b.param(ParamSpec.real("average", "Average", 0, 0, 0.999, "", true,
                        "Weight of the past in an exponential average of power: 0 shows each spectrum, 0.9 about ten."))
                .param(maxFpsParam())
                .input(PortSpec.of("in", SpectrumLayout.inputType(), "Spectra, one vector each."))
                .preview()
                .factory(SpectrumNode::new)
                .build();
    }

    private SpectrumLayout layout;
    /** The newest spectrum as it came, always kept (cheaper than converting every spectrum to dB). */
    private Frame newest;
    /** Linear power average, in output order, while averaging. */
    private double[] average;
    private double alpha;
    /** Whether {@link #average} holds a spectrum yet; cleared when {@code average} changes. */
    private boolean averageStarted;
    private double fs;
    private InputPort in;

    @Override
    protected PreviewSlot openSlot(ProcessorContext context) {
        Params p = context.params();
        DataType.VectorOf t = (DataType.VectorOf) inputType(context, "in");
        layout = new SpectrumLayout(p, t.length().size());
        newest = new Frame(t);
        average = new double[layout.bins()];
        alpha = p.getDouble("average");
        PreviewSpec spec = new PreviewSpec(PreviewKind.SPECTRUM, context.nodeId(),
                PreviewAxis.auto("frequency", "Hz"), PreviewAxis.auto("level", "dB"), PreviewAxis.AUTO, List.of());
        return context.openPreview(spec, List.of(new DataType.VectorOf(ElementType.FLOAT32, Dim.of(layout.bins()))));
    }

    /** A new {@code average} restarts the average from the next spectrum. */
    @Override
    protected void paramsChanged(Params next) {
        double a = next.getDouble("average");
        if (a != alpha) {
            alpha = a;
            averageStarted = false;
        }
    }

    @Override
    protected int take(Inputs ins) {
        if (in == null) {
            in = ins.port(0);
        }
        boolean averaging = alpha > 0;
        // Without averaging only the newest spectrum is ever shown, so older ones are not even copied.
        int taken = averaging ? 0 : skipToNewest(in);
        while (taken < MAX_FRAMES_PER_CALL && in.available() > 0) {
            Frame f = in.peek();
            newest.copyFrom(f);
            if (averaging) {
                if (averageStarted) {
                    layout.foldPower(f, average, alpha);
                } else {
                    layout.toPower(f, average);
                    averageStarted = true;
                }
            }
            fs = f.sampleRate();
            in.release();
            taken++;
        }
        return taken;
    }

    @Override
    protected void fill(Frame[] lanes) {
        Frame lane = lanes[0];
        float[] dst = lane.floats();
        if (alpha > 0 && averageStarted) {
            for (int k = 0; k < dst.length; k++) {
                dst[k] = layout.db(average[k]);
            }
        } else {
            layout.toDb(newest, dst, 0);
        }
        lane.clearHeader();
        lane.setIndex(layout.firstBin()).setSampleRate(layout.binsPerHz(fs));
    }
}
