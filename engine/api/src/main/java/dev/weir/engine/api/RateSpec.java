package dev.weir.engine.api;

import java.util.Objects;

/**
 * How many elements a node consumes and produces per step, as GNU Radio's block signatures state it.
 * An FFT node consumes {@code fft_size} samples and produces one vector, advancing {@code stride} samples
 * (an overlap when stride is less than the input chunk). Tools show it; a processor still reports its
 * actual progress through {@link WorkStatus}.
 *
 * @param inputChunk  elements read per step
 * @param outputChunk elements written per step
 * @param stride      elements the input advances per step
 */
public record RateSpec(Dim inputChunk, Dim outputChunk, Dim stride) {

    /** One item in, one item out. */
    public static final RateSpec ONE_TO_ONE = new RateSpec(Dim.of(1), Dim.of(1), Dim.of(1));

    public RateSpec {
        Objects.requireNonNull(inputChunk, "inputChunk");
        Objects.requireNonNull(outputChunk, "outputChunk");
        Objects.requireNonNull(stride, "stride");
    }
}
