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

import java.util.List;

/**
 * {@code dsp.magnitude}: |x|, |x|^2 or 10 log10(|x|^2) of each element of a complex vector, optionally
 * reordered as {@code numpy.fft.fftshift} (negative frequencies first). dB values never go below
 * {@code floor_db}, so silence gives a finite number rather than -infinity.
 */
final class MagnitudeNode extends FrameMapper {

    MagnitudeNode() {
        super(64);
    }

    static final List<String> MODES = List.of("magnitude", "power", "db");

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("dsp.magnitude", 1)
                .label("Magnitude")
                .category("DSP/Spectral")
                .description("Magnitude, power or power in dB (10 log10, floored) of each element of a complex "
                        + "vector, optionally fftshifted.")
                .param(ParamSpec.integer("size", "Size", 1024, 1, 1 << 20, "elements", false, "Vector length."))
                .param(new ParamSpec("mode", "Mode", new ParamType.ChoiceType(MODES), "magnitude", "", true,
                        "magnitude: |x|; power: |x|^2; db: 10 log10 |x|^2."))
                .param(ParamSpec.real("floor_db", "Floor", -200, -1000, 1000, "dB", true,
                        "Lowest value in db mode, instead of -infinity for zero power."))
                .param(ParamSpec.bool("fftshift", "FFT shift", false, true,
                        "Reorder as numpy.fft.fftshift: the zero-frequency bin moves to the middle."))
                .input(PortSpec.of("in", new DataType.VectorOf(ElementType.COMPLEX64, Dim.param("size")),
                        "Complex vectors."))
                .output(PortSpec.of("out", new DataType.VectorOf(ElementType.FLOAT32, Dim.param("size")),
                        "Real vectors of the same length."))
                .factory(MagnitudeNode::new)
                .build();
    }

    private static final int MAGNITUDE = 0;
    private static final int POWER = 1;
    private static final int DB = 2;

    private int n;
    private int mode;
    private boolean shift;
    /** The floor as a power, so the hot loop clamps before the logarithm. */
    private double floorPower;
    private float floorDb;

    @Override
    public void open(ProcessorContext context) {
        n = context.params().getInt("size");
        onParamsChanged(context.params(), context.params());
    }

    @Override
    public void onParamsChanged(Params previous, Params next) {
        mode = MODES.indexOf(next.getString("mode"));
        shift = next.getBoolean("fftshift");
        floorDb = (float) next.getDouble("floor_db");
        floorPower = Math.pow(10, next.getDouble("floor_db") / 10);
    }

    /** Converts one spectrum; called by {@link FrameMapper#process} on the worker thread, allocation-free. */
    @Override
    protected void map(Frame src, Frame dst) {
        float[] a = src.floats();
        float[] b = dst.floats();
        // fftshift: output i takes input (i + ceil(n/2)) mod n, numpy's definition for odd n too.
        int offset = shift ? (n + 1) / 2 : 0;
        for (int i = 0; i < n; i++) {
            int j = i + offset;
            if (j >= n) {
                j -= n;
            }
            double re = a[2 * j];
            double im = a[2 * j + 1];
            double p = re * re + im * im;
            b[i] = switch (mode) {
                case MAGNITUDE -> (float) Math.sqrt(p);
                case POWER -> (float) p;
                default -> p > floorPower ? (float) (10 * Math.log10(p)) : floorDb;
            };
        }
    }
}
