package dev.weir.nodes.radar;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PortSpec;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ProcessorContext;
import dev.weir.engine.api.WorkStatus;
import dev.weir.nodes.dsp.Windows;
import dev.weir.nodes.dsp.ComplexFft;

/**
 * {@code radar.mtd}: moving-target detection by a Doppler FFT across the pulses of a CPI, giving a
 * range-Doppler power map.
 *
 * <pre>
 *   pulses (vectors of R range bins)            map: matrix&lt;float32&gt;[P x R], row-major
 *   p0 ─┐                                        row 0      Doppler bin -P/2  (most receding)
 *   p1  ├─ for each range bin r:                 ...
 *   ..  │  X = fft(w .* x[0..P-1][r])            row P/2    zero Doppler
 *   pP-1┘  map[(k + P/2) mod P][r] = |X[k]|^2    row P-1    Doppler bin P/2-1 (approaching)
 * </pre>
 * Row {@code i} is Doppler frequency {@code (i - P/2) * PRF / P} (numpy's {@code fftshift} order; {@code P/2}
 * is integer division), so with the radar convention of {@link RadarNodes} (positive velocity approaching)
 * rows above the centre are approaching targets. No scaling: a unit tone gives {@code (sum w)^2}.
 *
 * <p><b>Window.</b> The default is Hann (periodic, the DFT-even form for spectral analysis). Targets rarely sit
 * on a Doppler bin centre (the default scenario's 204 m/s target is at 8.2 bins); a rectangular window then
 * leaks -13 dB sidelobes over all 16 bins, which a 40 dB target pushes above a CFAR threshold, and it hides a
 * weak target beside a strong one at the same range (8025 m: 0 dB at 0 m/s and -6 dB at 100 m/s). Hann costs
 * 1.8 dB of SNR and widens the main lobe to about two bins, which the CFAR's guard cells and local-maximum
 * rule absorb.
 *
 * <p><b>CPI framing.</b> A pulse flagged {@link Frame#FLAG_CPI_START} always starts a new CPI: a partial CPI
 * collected before it is dropped (its pulses are not coherent with the next CPI's) and the next map carries
 * {@link Frame#FLAG_DISCONTINUITY}. Without such flags, every {@code pulses_per_cpi} pulses make a CPI. A
 * partial CPI at end of stream is dropped too: {@code complete} only publishes a CPI that was already full.
 * The map's header: index = first pulse index / pulses_per_cpi (the CPI number for sources that start CPIs
 * at multiples of P, such as {@code radar.pulse_sim}), time stamp of the first pulse, sample rate = PRF / P
 * (CPIs per second).
 *
 * <p>Threads and allocation: all calls on the worker thread; {@code open} allocates the CPI buffer
 * ({@code P x 2R} floats), the window and the FFT plan; {@code process} and {@code complete} allocate nothing.
 */
final class MtdNode implements Processor {

    /** Pulses taken per call. */
    private static final int MAX_PULSES_PER_CALL = 64;

    static NodeDescriptor descriptor() {
        return NodeDescriptor.builder("radar.mtd", 1)
                .label("MTD (Doppler FFT)")
                .category("Radar/Processing")
                .description("Collects a CPI of pulses and takes a windowed FFT across pulses in every range bin: "
                        + "a range-Doppler power map, zero Doppler in the centre row.")
                .param(RadarParams.samplesPerPulse())
                .param(RadarParams.pulsesPerCpi())
                .param(RadarParams.window("window", "Doppler window", "hann",
                        "Taper across the pulses of a CPI (periodic); hann keeps off-bin targets from leaking."))
                .param(RadarParams.kaiserBeta("kaiser_beta"))
                .input(PortSpec.of("in", new DataType.VectorOf(ElementType.COMPLEX64, Dim.param("samples_per_pulse")),
                        "Compressed pulses, CPI boundaries flagged."))
                .output(PortSpec.of("out", new DataType.MatrixOf(ElementType.FLOAT32, Dim.param("pulses_per_cpi"),
                        Dim.param("samples_per_pulse")), "Power |X|^2: rows Doppler bins (fftshifted), columns range bins."))
                .factory(MtdNode::new)
                .build();
    }

    private int ranges;
    private int pulses;
    private double[] window;
    /** Allocation-free at any CPI length (JTransforms allocates per call unless the length is a power of two). */
    private ComplexFft fft;
    /** The CPI being collected: pulse m at [m * 2R, (m + 1) * 2R), interleaved re/im. */
    private float[] cpi;
    private float[] column;
    private int filled;
    /** A full CPI waits in {@link #cpi} for output space. */
    private boolean pending;
    private boolean droppedBefore;
    private long firstIndex;
    private long firstTimestamp;
    private double pulseRate;
    private InputPort in;
    private OutputPort out;

    /** Called once on the worker thread; allocates the CPI buffer, window and FFT plan. */
    @Override
    public void open(ProcessorContext context) {
        Params p = context.params();
        ranges = p.getInt("samples_per_pulse");
        pulses = p.getInt("pulses_per_cpi");
        window = Windows.of(pulses, Windows.Shape.of(p.getString("window")), true, p.getDouble("kaiser_beta"));
        fft = new ComplexFft(pulses);
        cpi = new float[pulses * 2 * ranges];
        column = new float[2 * pulses];
    }

    /**
     * Takes pulses into the CPI buffer and publishes a map whenever a CPI is full. Returns NEED_OUTPUT_SPACE
     * (without taking more pulses) while a full CPI waits for output space.
     */
    @Override
    public WorkStatus process(Inputs ins, Outputs outs) {
        if (in == null) {
            in = ins.port(0);
            out = outs.port(0);
        }
        int work = 0;
        while (work < MAX_PULSES_PER_CALL) {
            if (pending) {
                if (out.remaining() == 0) {
                    return work > 0 ? WorkStatus.OK : WorkStatus.NEED_OUTPUT_SPACE;
                }
                emit();
                work++;
                continue;
            }
            if (in.available() == 0) {
                return work > 0 ? WorkStatus.OK : WorkStatus.NEED_INPUT;
            }
            take(in.peek());
            in.release();
            work++;
        }
        return WorkStatus.OK;
    }

    /** Publishes a CPI that was full but waited for space; a partial CPI is dropped, never published. */
    @Override
    public WorkStatus complete(Outputs outs) {
        if (pending) {
            OutputPort o = outs.port(0);
            if (o.remaining() == 0) {
                return WorkStatus.NEED_OUTPUT_SPACE;
            }
            out = o;
            emit();
        }
        return WorkStatus.DONE;
    }

    private void take(Frame f) {
        if (f.hasFlag(Frame.FLAG_CPI_START) && filled > 0) {
            filled = 0; // resynchronise: the partial CPI is dropped
            droppedBefore = true;
        }
        if (filled == 0) {
            firstIndex = f.index();
            firstTimestamp = f.timestampNanos();
            pulseRate = f.sampleRate();
        }
        System.arraycopy(f.floats(), 0, cpi, filled * 2 * ranges, 2 * ranges);
        filled++;
        if (filled == pulses) {
            pending = true;
            filled = 0;
        }
    }

    private void emit() {
        Frame f = out.claim();
        float[] map = f.floats();
        float[] col = column;
        int stride = 2 * ranges;
        int half = pulses / 2;
        for (int r = 0; r < ranges; r++) {
            for (int m = 0; m < pulses; m++) {
                int at = m * stride + 2 * r;
                col[2 * m] = (float) (cpi[at] * window[m]);
                col[2 * m + 1] = (float) (cpi[at + 1] * window[m]);
            }
            fft.forward(col);
            for (int k = 0; k < pulses; k++) {
                double re = col[2 * k], im = col[2 * k + 1];
                int row = (k + half) % pulses;
                map[row * ranges + r] = (float) (re * re + im * im);
            }
        }
        f.setIndex(Math.floorDiv(firstIndex, pulses)).setTimestampNanos(firstTimestamp)
                .setSampleRate(pulseRate / pulses).setFlags(droppedBefore ? Frame.FLAG_DISCONTINUITY : 0);
        out.publish();
        pending = false;
        droppedBefore = false;
    }
}
