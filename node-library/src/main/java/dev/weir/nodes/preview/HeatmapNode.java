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
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.preview.PreviewAxis;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.preview.PreviewSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code preview.heatmap}: shows the newest real matrix as a colour-mapped image with labelled axes: a radar
 * range-Doppler map ({@code radar.mtd}), a wavelet scalogram ({@code dsp.cwt_morlet}), any matrix.
 *
 * <p>Rows are y (row 0 at {@code y_min}), columns are x (column 0 at {@code x_min}), as {@link PreviewKind#HEATMAP}
 * lays them out. Each axis has a label, a unit and the values at its first and last row or column; equal
 * {@code min} and {@code max} (the default, 0 and 0) leave it showing row or column numbers. The value range is
 * {@code value_min}..{@code value_max}, or follows the data when they are equal. {@code scale} converts the values
 * for display: {@code linear} shows them as they are, {@code power_db} as 10 log10 (a power map such as the MTD's),
 * {@code magnitude_db} as 20 log10 |x| (a magnitude map such as the CWT's); dB values never go below
 * {@code floor_db}.
 *
 * <p>Only the newest matrix is shown: of several waiting, the older ones are released unread, and the newest is
 * copied (as float32) into the node's state; the conversion to dB happens when publishing, at most
 * {@code max_fps} times a second.
 */
final class HeatmapNode extends PreviewSink {

    static final String ID = "preview.heatmap";
    static final String F32 = "f32";
    static final String F64 = "f64";
    static final List<String> SCALES = List.of("linear", "power_db", "magnitude_db");

    static NodeDescriptor descriptor() {
        NodeDescriptor.Builder b = NodeDescriptor.builder(ID, 1)
                .label("Heatmap")
                .category(PreviewNodes.CATEGORY)
                .description("Shows the newest real matrix as a colour-mapped image (rows along y, columns along x) "
                        + "with labelled axes, optionally in dB. Feed it through a keep-latest edge.")
                .param(new ParamSpec("element", "Element", new ParamType.ChoiceType(List.of(F32, F64)), F32, "", false,
                        "float32 or float64 matrices."))
                .param(new ParamSpec("scale", "Scale", new ParamType.ChoiceType(SCALES), "linear", "", false,
                        "linear: as is; power_db: 10 log10 x; magnitude_db: 20 log10 |x|."))
                .param(ParamSpec.real("floor_db", "Floor", -200, -1000, 1000, "dB", false,
                        "Lowest value shown in dB, instead of -infinity for zero."));
        axisParams(b, "x", "column");
        axisParams(b, "y", "row");
        return b.param(ParamSpec.real("value_min", "Colour minimum", 0, -1e30, 1e30, "", false,
                        "Value at the bottom of the colour map (after scale); equal to value_max: follow the data."))
                .param(ParamSpec.real("value_max", "Colour maximum", 0, -1e30, 1e30, "", false,
                        "Value at the top of the colour map (after scale); equal to value_min: follow the data."))
                .param(maxFpsParam())
                .input(PortSpec.of("in", new DataType.ByParam("element", Map.of(
                        F32, new DataType.MatrixOf(ElementType.FLOAT32, Dim.any(), Dim.any()),
                        F64, new DataType.MatrixOf(ElementType.FLOAT64, Dim.any(), Dim.any()))),
                        "Matrices of any size; rows along y, columns along x."))
                .preview()
                .factory(HeatmapNode::new)
                .build();
    }

    /** Label, unit, min and max params of one axis. */
    private static void axisParams(NodeDescriptor.Builder b, String axis, String cells) {
        String which = axis + " axis";
        b.param(new ParamSpec(axis + "_label", axis.toUpperCase(java.util.Locale.ROOT) + " label",
                        new ParamType.TextType(64), "", "", false, "What the " + which + " shows, such as range."))
                .param(new ParamSpec(axis + "_unit", axis.toUpperCase(java.util.Locale.ROOT) + " unit",
                        new ParamType.TextType(16), "", "", false, "Unit of the " + which + ", such as m."))
                .param(ParamSpec.real(axis + "_min", axis.toUpperCase(java.util.Locale.ROOT) + " first", 0, -1e30, 1e30,
                        "", false, "Value at the first " + cells + "; equal to " + axis + "_max: " + cells
                                + " numbers."))
                .param(ParamSpec.real(axis + "_max", axis.toUpperCase(java.util.Locale.ROOT) + " last", 0, -1e30, 1e30,
                        "", false, "Value at the last " + cells + "; equal to " + axis + "_min: " + cells
                                + " numbers."));
    }

    /** An axis from its params: fixed when min and max differ, otherwise numbered. */
    static PreviewAxis axis(Params p, String axis) {
        String label = p.getString(axis + "_label");
        String unit = p.getString(axis + "_unit");
        double min = p.getDouble(axis + "_min");
        double max = p.getDouble(axis + "_max");
        return min == max ? PreviewAxis.auto(label, unit) : new PreviewAxis(label, unit, min, max);
    }

    private static final int LINEAR = 0;
    private static final int POWER_DB = 1;

    private boolean doubles;
    private int scale;
    private float floorDb;
    private double floorPower;
    /** The newest matrix, as float32. */
    private float[] values;
    private long index;
    private long timestamp;
    private double rate;
    private int flags;
    private InputPort in;

    @Override
    protected PreviewSlot openSlot(ProcessorContext context) {
        Params p = context.params();
        DataType.MatrixOf t = (DataType.MatrixOf) inputType(context, "in");
        doubles = F64.equals(p.getString("element"));
        scale = SCALES.indexOf(p.getString("scale"));
        floorDb = (float) p.getDouble("floor_db");
        floorPower = Math.pow(10, p.getDouble("floor_db") / 10);
        values = new float[t.elementCapacity()];
        double vMin = p.getDouble("value_min");
        double vMax = p.getDouble("value_max");
        String unit = scale == LINEAR ? "" : "dB";
        PreviewAxis value = vMin == vMax ? PreviewAxis.auto("value", unit) : new PreviewAxis("value", unit, vMin, vMax);
        PreviewSpec spec = new PreviewSpec(PreviewKind.HEATMAP, context.nodeId(), axis(p, "x"), axis(p, "y"), value,
                List.of());
        List<DataType> lanes = new ArrayList<>();
        lanes.add(new DataType.MatrixOf(ElementType.FLOAT32, t.rows(), t.cols()));
        return context.openPreview(spec, lanes);
    }

    @Override
    protected int take(Inputs ins) {
        if (in == null) {
            in = ins.port(0);
        }
        int taken = skipToNewest(in);
        if (in.available() == 0) {
            return taken;
        }
        Frame f = in.peek();
        int n = values.length;
        if (doubles) {
            double[] src = f.doubles();
            for (int i = 0; i < n; i++) {
                values[i] = (float) src[i];
            }
        } else {
            System.arraycopy(f.floats(), 0, values, 0, n);
        }
        index = f.index();
        timestamp = f.timestampNanos();
        rate = f.sampleRate();
        flags = f.flags();
        in.release();
        return taken + 1;
    }

    @Override
    protected void fill(Frame[] lanes) {
        Frame lane = lanes[0];
        float[] dst = lane.floats();
        float[] src = values;
        switch (scale) {
            case LINEAR -> System.arraycopy(src, 0, dst, 0, src.length);
            case POWER_DB -> {
                for (int i = 0; i < src.length; i++) {
                    double v = src[i];
                    dst[i] = v > floorPower ? (float) (10 * Math.log10(v)) : floorDb;
                }
            }
            default -> {
                for (int i = 0; i < src.length; i++) {
                    double v = (double) src[i] * src[i];
                    dst[i] = v > floorPower ? (float) (10 * Math.log10(v)) : floorDb;
                }
            }
        }
        // The matrix's own header (CPI or window number, its time and rate) tells a viewer which one it is.
        lane.clearHeader();
        lane.setIndex(index).setTimestampNanos(timestamp).setSampleRate(rate).setFlags(flags);
    }
}
