package dev.weir.nodes.radar;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeProvider;
import dev.weir.engine.api.RecordSchema;
import dev.weir.engine.api.RecordSchema.Field;
import dev.weir.engine.api.RecordSchema.FieldKind;

import java.util.List;

/**
 * The pulse-Doppler radar chain: a pulse simulator, pulse compression, moving-target detection (MTD) and 2-D
 * CA-CFAR. Found by {@link java.util.ServiceLoader} through {@code META-INF/services}.
 *
 * <pre>
 *  radar.pulse_sim ──vector&lt;complex64&gt;[spp]──&gt; radar.pulse_compression ──vector&lt;complex64&gt;[spp]──&gt;
 *  radar.mtd ──matrix&lt;float32&gt;[ppc x spp]──&gt; radar.cfar ──records&lt;radar_detections&gt;[max]──&gt;
 * </pre>
 *
 * <h2>Conventions shared by every node</h2>
 * <ul>
 *   <li>Complex baseband, samples interleaved re/im. One pulse (one PRT) is one vector of
 *       {@code samples_per_pulse} samples; sample {@code n} is fast time {@code n / sample_rate_hz} after the
 *       transmit start, so range bin {@code n} is range {@code n * c / (2 fs)}.</li>
 *   <li>Doppler sign: positive velocity means <em>approaching</em> (range decreasing), which gives a positive
 *       Doppler frequency {@code fd = 2 v f0 / c}. The MTD's Doppler FFT uses the usual
 *       {@code exp(-j 2 pi k n / N)} kernel, so an approaching target lands above the centre row of the
 *       fftshifted map and CFAR reports a positive velocity for it.</li>
 *   <li>Frame headers: pulses carry index = pulse number, sample rate = PRF (pulses per second) and the
 *       {@link dev.weir.engine.api.Frame#FLAG_CPI_START}/{@code FLAG_CPI_END} flags; maps and detections carry
 *       index = CPI number and sample rate = CPIs per second.</li>
 * </ul>
 */
public final class RadarNodes implements NodeProvider {

    /** Speed of light in m/s, used by every range and velocity conversion. */
    public static final double C = 299_792_458.0;

    /**
     * One CFAR detection: range and radial velocity (positive = approaching) of the detected cell, its
     * signal-to-noise ratio against the CFAR noise estimate, and the cell's column (range bin) and row
     * (Doppler bin, 0..pulses_per_cpi-1, zero Doppler at row pulses_per_cpi/2) in the range-Doppler map.
     */
    public static final RecordSchema DETECTIONS = new RecordSchema("radar_detections", List.of(
            new Field("range_m", FieldKind.FLOAT64, "m"),
            new Field("velocity_mps", FieldKind.FLOAT64, "m/s"),
            new Field("snr_db", FieldKind.FLOAT64, "dB"),
            new Field("range_bin", FieldKind.INT64, ""),
            new Field("doppler_bin", FieldKind.INT64, "")));

    /** Field indexes of {@link #DETECTIONS}, in storage order. */
    public static final int F_RANGE = 0, F_VELOCITY = 1, F_SNR = 2, F_RANGE_BIN = 3, F_DOPPLER_BIN = 4;

    /**
     * {@inheritDoc}
     *
     * <p>Called by {@link dev.weir.engine.api.NodeRegistry} when it loads providers; builds fresh descriptors.
     */
    @Override
    public List<NodeDescriptor> descriptors() {
        return List.of(PulseSimNode.descriptor(), PulseCompressionNode.descriptor(), MtdNode.descriptor(),
                CfarNode.descriptor());
    }
}
