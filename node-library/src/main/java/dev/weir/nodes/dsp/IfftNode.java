package dev.weir.nodes.dsp;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.nodes.common.FrameMapper;

/**
 * {@code dsp.ifft}: the inverse DFT of each complex vector, as {@code numpy.fft.ifft(x, norm=norm)}; header
 * (index, sample rate, flags) copied from the input frame.
 */
final class IfftNode extends FrameMapper {

    IfftNode() {
        super(64);
    }

    static NodeDescriptor descriptor() {
        DataType vec = new DataType.VectorOf(ElementType.COMPLEX64, Dim.param("fft_size"));
        return NodeDescriptor.builder("dsp.ifft", 1)
                .label("IFFT")
                .category("DSP/Spectral")
                .description("Inverse FFT of each complex64 vector, with numpy's norm conventions. Any size >= 2.")
                .param(ParamSpec.integer("fft_size", "FFT size", 1024, 2, 1 << 20, "bins", false,
                        "Vector length."))
                .param(new ParamSpec("norm", "Norm", new ParamType.ChoiceType(ComplexFft.NORMS), "backward", "", true,
                        "As numpy.fft.ifft: backward (1/n), ortho (1/sqrt(n)) or forward (no scaling)."))
                .input(PortSpec.of("in", vec, "Spectra, bin 0 first."))
                .output(PortSpec.of("out", vec, "Time-domain vectors."))
                .factory(IfftNode::new)
                .build();
    }

    private int n;
    private float scale;
    private ComplexFft fft;
    private float[] work;

    @Override
    public void open(ProcessorContext context) {
        n = context.params().getInt("fft_size");
        fft = new ComplexFft(n);
        work = new float[2 * n];
        onParamsChanged(context.params(), context.params());
    }

    @Override
    public void onParamsChanged(Params previous, Params next) {
        scale = (float) ComplexFft.scale(next.getString("norm"), n, true);
    }

    /** Inverts one spectrum; called by {@link FrameMapper#process} on the worker thread, allocation-free. */
    @Override
    protected void map(Frame src, Frame dst) {
        // The input frame is shared with other readers and read-only: transform a private copy.
        System.arraycopy(src.floats(), 0, work, 0, 2 * n);
        fft.inverseUnscaled(work);
        float[] d = dst.floats();
        float s = scale;
        for (int i = 0; i < 2 * n; i++) {
            d[i] = work[i] * s;
        }
    }
}
