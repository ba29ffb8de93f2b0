package dev.weir.nodes.radar;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.nodes.common.FrameMapper;

/**
 * {@code radar.cfar}: two-dimensional cell-averaging CFAR on a range-Doppler power map, reporting one
 * detection per target.
 *
 * <h2>Window</h2>
 * <pre>
 *          range -&gt;
 *    T T T T T T T T T T T      T  training cell (averaged)       rows: Doppler, +-(guard_doppler+train_doppler)
 *    T T T T G G G T T T T      G  guard cell (ignored)           cols: range,   +-(guard_range+train_range)
 *    T T T T G X G T T T T      X  cell under test
 *    T T T T G G G T T T T
 *    T T T T T T T T T T T      N = (2Hd+1)(2Hr+1) - (2gd+1)(2gr+1) training cells
 * </pre>
 * A cell is detected when {@code x > alpha * mean(training)} with {@code alpha = N (pfa^(-1/N) - 1)}, the
 * threshold factor that gives a false-alarm probability {@code pfa} for exponentially distributed (square-law
 * detected Gaussian) noise. The Doppler dimension wraps around (the Doppler FFT is circular, so the rows
 * above the top are the bottom rows); the window must not overlap itself ({@code 2Hd+1 <= pulses_per_cpi}).
 * The range dimension does not wrap: cells whose window would leave the map ({@code Hr} bins at each end)
 * are not tested, so every tested cell has exactly N training cells and the same pfa.
 *
 * <h2>One detection per target</h2>
 * A detected cell is reported only if it is a local maximum of its 3x3 neighbourhood (Doppler wrapping,
 * range clipped), so the spread of a target over neighbouring range and Doppler bins (window main lobes, a
 * target between bins) gives one detection. Of equal neighbours the one later in row-major order wins. At
 * most {@code max_detections} are reported per map: the strongest by SNR, in descending SNR order.
 *
 * <h2>Output</h2>
 * One {@code records<radar_detections>} frame per map ({@link RadarNodes#DETECTIONS}), the header copied
 * from the map (index = CPI number). {@code range_m = col * c / (2 fs)};
 * {@code velocity_mps = (row - P/2) * (PRF / P) * c / (2 f0)} (positive = approaching, aliased into
 * {@code [-PRF/4, PRF/4) * c / f0}); {@code snr_db = 10 log10(x / mean(training))}.
 *
 * <p>Threads and allocation: all calls on the worker thread; {@code open} allocates the summed-area table
 * ({@code (P + 2Hd + 1) x (R + 1)} doubles) and the detection list; {@code process} allocates nothing.
 * {@code pfa} can change while running.
 */
final class CfarNode extends FrameMapper {

    CfarNode() {
        super(4);
    }

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("radar.cfar", 1)
                .label("CA-CFAR detector")
                .category("Radar/Detection")
                .description("2-D cell-averaging CFAR on a range-Doppler power map (Doppler wraps), local maxima "
                        + "only: range, velocity and SNR of each target.")
                .param(ParamSpec.integer("guard_range", "Guard range", 2, 0, 1024, "bins", false,
                        "Guard cells on each side in range."))
                .param(ParamSpec.integer("guard_doppler", "Guard Doppler", 1, 0, 1024, "bins", false,
                        "Guard cells on each side in Doppler."))
                .param(ParamSpec.integer("train_range", "Training range", 8, 0, 1024, "bins", false,
                        "Training cells on each side in range, beyond the guard cells."))
                .param(ParamSpec.integer("train_doppler", "Training Doppler", 2, 0, 1024, "bins", false,
                        "Training cells on each side in Doppler, beyond the guard cells."))
                .param(ParamSpec.real("pfa", "Pfa", 1e-6, 1e-300, 0.5, "", true,
                        "False-alarm probability per cell in exponential noise."))
                .param(RadarParams.sampleRate())
                .param(RadarParams.prt())
                .param(RadarParams.carrier())
                .param(RadarParams.pulsesPerCpi())
                .param(RadarParams.samplesPerPulse())
                .param(ParamSpec.integer("max_detections", "Max detections", 32, 1, 65536, "", false,
                        "Most detections reported per map (the strongest)."))
                .input(PortSpec.of("in", new DataType.MatrixOf(ElementType.FLOAT32, Dim.param("pulses_per_cpi"),
                        Dim.param("samples_per_pulse")), "Range-Doppler power map from radar.mtd."))
                .output(PortSpec.of("out", new DataType.RecordsOf(RadarNodes.DETECTIONS, Dim.param("max_detections")),
                        "Detections of one CPI, strongest first.").asOptional())
                .factory(CfarNode::new)
                .build();
    }

    private int rows;
    private int cols;
    private int gd, gr, hd, hr;
    private int trainingCells;
    private double alpha;
    private double metresPerBin;
    private double mpsPerDopplerBin;
    private int max;
    /** Summed-area table of the map extended by hd wrapped rows above and below: (rows + 2hd + 1) x (cols + 1). */
    private double[] sat;
    private int satCols;
    private float[] detValue;
    private double[] detSnr;
    private int[] detRow;
    private int[] detCol;
    private int detCount;

    /** Called once on the worker thread; checks the window against the map and allocates. */
    @Override
    public void open(ProcessorContext context) {
        Params p = context.params();
        String who = "node '" + context.nodeId() + "' (radar.cfar)";
        rows = p.getInt("pulses_per_cpi");
        cols = p.getInt("samples_per_pulse");
        gd = p.getInt("guard_doppler");
        gr = p.getInt("guard_range");
        hd = gd + p.getInt("train_doppler");
        hr = gr + p.getInt("train_range");
        if (2 * hd + 1 > rows) {
            throw new IllegalArgumentException(who + ": 2 * (guard_doppler + train_doppler) + 1 = " + (2 * hd + 1)
                    + " must not exceed pulses_per_cpi (" + rows + "): the wrapped Doppler window would overlap itself");
        }
        if (2 * hr + 1 > cols) {
            throw new IllegalArgumentException(who + ": 2 * (guard_range + train_range) + 1 = " + (2 * hr + 1)
                    + " must not exceed samples_per_pulse (" + cols + ")");
        }
        trainingCells = (2 * hd + 1) * (2 * hr + 1) - (2 * gd + 1) * (2 * gr + 1);
        if (trainingCells < 1) {
            throw new IllegalArgumentException(who + ": the window has no training cells; set train_range or train_doppler");
        }
        alpha = alpha(trainingCells, p.getDouble("pfa"));
        double fs = p.getDouble("sample_rate_hz");
        double prf = 1 / p.getDouble("prt_s");
        double f0 = p.getDouble("carrier_hz");
        metresPerBin = RadarNodes.C / (2 * fs);
        mpsPerDopplerBin = prf / rows * RadarNodes.C / (2 * f0);
        max = p.getInt("max_detections");
        satCols = cols + 1;
        sat = new double[(rows + 2 * hd + 1) * satCols];
        detValue = new float[max];
        detSnr = new double[max];
        detRow = new int[max];
        detCol = new int[max];
    }

    /** The CA-CFAR threshold factor for N training cells: {@code N (pfa^(-1/N) - 1)}. */
    static double alpha(int n, double pfa) {
        return n * (Math.pow(pfa, -1.0 / n) - 1);
    }

    /** Takes a new pfa between two maps. Called on the worker thread; does not allocate. */
    @Override
    public void onParamsChanged(Params previous, Params next) {
        alpha = alpha(trainingCells, next.getDouble("pfa"));
    }

    /** Detects on one map; called by {@link FrameMapper#process} on the worker thread, allocation-free. */
    @Override
    protected void map(Frame src, Frame d) {
        detect(src.floats());
        d.setLength(detCount);
        for (int i = 0; i < detCount; i++) {
            d.setRecordDouble(i, RadarNodes.F_RANGE, detCol[i] * metresPerBin);
            d.setRecordDouble(i, RadarNodes.F_VELOCITY, (detRow[i] - rows / 2) * mpsPerDopplerBin);
            d.setRecordDouble(i, RadarNodes.F_SNR, detSnr[i]);
            d.setRecordLong(i, RadarNodes.F_RANGE_BIN, detCol[i]);
            d.setRecordLong(i, RadarNodes.F_DOPPLER_BIN, detRow[i]);
        }
    }

    private void detect(float[] x) {
        buildTable(x);
        detCount = 0;
        double a = alpha;
        int n = trainingCells;
        for (int d = 0; d < rows; d++) {
            int e = d + hd; // the row in the extended table
            for (int r = hr; r < cols - hr; r++) {
                float v = x[d * cols + r];
                double sum = rect(e - hd, e + hd, r - hr, r + hr) - rect(e - gd, e + gd, r - gr, r + gr);
                double noise = sum / n;
                if (v > a * noise && isLocalMax(x, d, r, v)) {
                    add(v, d, r, 10 * Math.log10(v / noise));
                }
            }
        }
    }

    /** Summed-area table over extended row e = map row (e - hd) mod rows, so the Doppler window can wrap. */
    private void buildTable(float[] x) {
        int ext = rows + 2 * hd;
        for (int c = 0; c < satCols; c++) {
            sat[c] = 0;
        }
        for (int e = 0; e < ext; e++) {
            int row = Math.floorMod(e - hd, rows) * cols;
            int base = (e + 1) * satCols;
            int above = e * satCols;
            double run = 0;
            sat[base] = 0;
            for (int c = 0; c < cols; c++) {
                run += x[row + c];
                sat[base + c + 1] = sat[above + c + 1] + run;
            }
        }
    }

    /** Sum of extended rows e0..e1 and columns c0..c1, inclusive. */
    private double rect(int e0, int e1, int c0, int c1) {
        int top = e0 * satCols, bottom = (e1 + 1) * satCols;
        return sat[bottom + c1 + 1] - sat[top + c1 + 1] - sat[bottom + c0] + sat[top + c0];
    }

    private boolean isLocalMax(float[] x, int d, int r, float v) {
        int self = d * cols + r;
        for (int dd = -1; dd <= 1; dd++) {
            int row = Math.floorMod(d + dd, rows);
            for (int dr = -1; dr <= 1; dr++) {
                int c = r + dr;
                if ((dd == 0 && dr == 0) || c < 0 || c >= cols) {
                    continue;
                }
                int at = row * cols + c;
                float w = x[at];
                // Ties go to the later cell in row-major order, so two equal neighbours give one detection.
                if (w > v || (w == v && at > self)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Inserts into the list kept sorted by descending SNR, dropping the weakest beyond max_detections. */
    private void add(float v, int row, int col, double snr) {
        int i = detCount < max ? detCount++ : max;
        if (i == max) {
            if (snr <= detSnr[max - 1]) {
                return;
            }
            i = max - 1;
        }
        while (i > 0 && detSnr[i - 1] < snr) {
            detValue[i] = detValue[i - 1];
            detSnr[i] = detSnr[i - 1];
            detRow[i] = detRow[i - 1];
            detCol[i] = detCol[i - 1];
            i--;
        }
        detValue[i] = v;
        detSnr[i] = snr;
        detRow[i] = row;
        detCol[i] = col;
    }
}
