package dev.weir.nodes.preview;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;

import java.util.List;
import java.util.Map;

/**
 * How {@code preview.spectrum} and {@code preview.waterfall} read an FFT-shaped vector and lay it out, lowest
 * frequency first, in dB.
 *
 * <h2>Input</h2>
 * <ul>
 *   <li>{@code input = complex}: {@code vector<complex64>[n]} straight from {@code dsp.fft} (interleaved re/im);
 *       the level is the power {@code re^2 + im^2} in dB, and {@code scale} does not apply.</li>
 *   <li>{@code input = real}: {@code vector<float32>[n]}, such as {@code dsp.magnitude}'s output; {@code scale}
 *       says what the values are: {@code db} (shown as they are), {@code power} (10 log10 x) or
 *       {@code magnitude} (20 log10 |x|).</li>
 *   <li>{@code order}: {@code dc_first} is numpy's FFT order (bin 0 = 0 Hz, the negative frequencies in the
 *       upper half), as {@code dsp.fft} emits; {@code dc_centre} is fftshifted order ({@code dsp.magnitude} with
 *       {@code fftshift}).</li>
 * </ul>
 *
 * <h2>Output bins</h2>
 * <pre>
 *  half = false: n bins, frequencies -floor(n/2) .. n-1-floor(n/2) times fs/n   (numpy's fftshift order)
 *  half = true:  floor(n/2)+1 bins, 0 .. floor(n/2) times fs/n                 (0 to fs/2, for real signals)
 *
 *  output bin k has frequency number f = first + k   (first = -floor(n/2), or 0 for half)
 *  it is read from input position  j = (f + floor(n/2)) mod n  (dc_centre)   or   f mod n  (dc_first)
 * </pre>
 * The lane header carries {@code index = first} and {@code sample_rate = n / fs} bins per Hz, with {@code fs} the
 * input frame's sample-rate tag ({@code dsp.fft} tags its spectra with the rate of the signal it transformed), so
 * a viewer places bin k at {@code (first + k) * fs / n} Hz. Without a tag the sample rate is 0 and x shows bin
 * numbers. Levels never go below {@code floor_db}, so silence gives a finite value.
 *
 * <p>Built in {@code open}; every method after the constructor is allocation-free.
 */
final class SpectrumLayout {

    static final String REAL = "real";
    static final String COMPLEX = "complex";
    static final List<String> SCALES = List.of("db", "power", "magnitude");
    static final String DC_FIRST = "dc_first";
    static final String DC_CENTRE = "dc_centre";

    private static final int DB = 0;
    private static final int POWER = 1;

    /** The params that say how to read the input, shared by both nodes. */
    static List<ParamSpec> params() {
        return List.of(
                new ParamSpec("input", "Input", new ParamType.ChoiceType(List.of(COMPLEX, REAL)), COMPLEX, "", false,
                        "complex: complex64 spectra (dsp.fft); real: float32 levels (dsp.magnitude)."),
                new ParamSpec("scale", "Scale", new ParamType.ChoiceType(SCALES), "db", "", false,
                        "What real input holds: db (shown as is), power (10 log10) or magnitude (20 log10)."),
                new ParamSpec("order", "Bin order", new ParamType.ChoiceType(List.of(DC_FIRST, DC_CENTRE)), DC_FIRST,
                        "", false, "dc_first: FFT order, 0 Hz in bin 0 (dsp.fft); dc_centre: fftshifted."),
                ParamSpec.bool("half", "Half spectrum", false, false,
                        "Show only 0 Hz to half the sample rate: the other half of a real signal's spectrum mirrors it."),
                ParamSpec.real("floor_db", "Floor", -200, -1000, 1000, "dB", false,
                        "Lowest level shown, instead of -infinity for zero power."));
    }

    /** The input port's type: the length follows whatever feeds it. */
    static DataType inputType() {
        return new DataType.ByParam("input", Map.of(
                COMPLEX, new DataType.VectorOf(ElementType.COMPLEX64, Dim.any()),
                REAL, new DataType.VectorOf(ElementType.FLOAT32, Dim.any())));
    }

    private final int n;
    private final int bins;
    private final long first;
    private final boolean complex;
    private final int scale;
    private final double floorPower;
    private final float floorDb;
    /** Input position of each output bin. */
    private final int[] source;

    /**
     * @param p complete params of the node
     * @param n input vector length
     */
    SpectrumLayout(Params p, int n) {
        this.n = n;
        boolean half = p.getBoolean("half");
        boolean centred = DC_CENTRE.equals(p.getString("order"));
        complex = COMPLEX.equals(p.getString("input"));
        scale = SCALES.indexOf(p.getString("scale"));
        floorDb = (float) p.getDouble("floor_db");
        floorPower = Math.pow(10, p.getDouble("floor_db") / 10);
        bins = half ? n / 2 + 1 : n;
        first = half ? 0 : -(n / 2);
        source = new int[bins];
        for (int k = 0; k < bins; k++) {
            long f = first + k;
            source[k] = (int) Math.floorMod(centred ? f + n / 2 : f, (long) n);
        }
    }

    /** Output bins per spectrum. */
    int bins() {
        return bins;
    }

    /** The frequency number of output bin 0, for the lane's header index. */
    long firstBin() {
        return first;
    }

    /** Bins per Hz for an input tagged with sample rate {@code fs}, or 0 when it is not tagged. */
    double binsPerHz(double fs) {
        return fs > 0 ? n / fs : 0;
    }

    /** Writes the levels of {@code src} in dB, in output order, to {@code dst} from {@code at}. */
    void toDb(Frame src, float[] dst, int at) {
        float[] a = src.floats();
        for (int k = 0; k < bins; k++) {
            int j = source[k];
            if (!complex && scale == DB) {
                float v = a[j];
                dst[at + k] = v > floorDb ? v : floorDb;
            } else {
                dst[at + k] = db(power(a, j));
            }
        }
    }

    /** Writes the linear powers of {@code src}, in output order, to {@code dst}. */
    void toPower(Frame src, double[] dst) {
        float[] a = src.floats();
        for (int k = 0; k < bins; k++) {
            dst[k] = power(a, source[k]);
        }
    }

    /** Folds the powers of {@code src} into the exponential average {@code avg}: {@code a avg + (1 - a) p}. */
    void foldPower(Frame src, double[] avg, double a) {
        float[] in = src.floats();
        double b = 1 - a;
        for (int k = 0; k < bins; k++) {
            avg[k] = a * avg[k] + b * power(in, source[k]);
        }
    }

    /** The power of input element {@code j}. */
    private double power(float[] a, int j) {
        if (complex) {
            double re = a[2 * j];
            double im = a[2 * j + 1];
            return re * re + im * im;
        }
        double v = a[j];
        return switch (scale) {
            case DB -> Math.pow(10, v / 10);
            case POWER -> v;
            default -> v * v; // magnitude
        };
    }

    /** {@code power} in dB, floored. */
    float db(double power) {
        return power > floorPower ? (float) (10 * Math.log10(power)) : floorDb;
    }
}
