package dev.weir.editor.preview;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinMaxTest {

    @Test
    void aNarrowPeakSurvivesTheReduction() {
        float[] data = new float[4096];
        data[2049] = 10; // one bin out of 4096, drawn 100 columns wide
        double[] lo = new double[100];
        double[] hi = new double[100];
        MinMax.columns(data, 0, 1, data.length, 100, lo, hi);
        int peaks = 0;
        for (int c = 0; c < 100; c++) {
            if (hi[c] == 10) {
                peaks++;
                assertThat(c).isBetween(49, 51);
            }
            assertThat(lo[c]).isZero();
        }
        assertThat(peaks).isBetween(1, 2);
    }

    @Test
    void neighbouringColumnsShareABoundarySampleSoTheTraceIsConnected() {
        double[] ramp = new double[1000];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i;
        }
        double[] lo = new double[10];
        double[] hi = new double[10];
        MinMax.columns(ramp, 0, 1, ramp.length, 10, lo, hi);
        for (int c = 1; c < 10; c++) {
            assertThat(lo[c]).isLessThanOrEqualTo(hi[c - 1]);
        }
        assertThat(lo[0]).isZero();
        assertThat(hi[9]).isEqualTo(999);
    }

    @Test
    void complexSamplesAreReadWithAStride() {
        float[] iq = {1, -1, 2, -2, 3, -3, 4, -4};
        double[] lo = new double[2];
        double[] hi = new double[2];
        MinMax.columns(iq, 1, 2, 4, 2, lo, hi); // the Q channel: -1, -2 | -3, -4, plus the shared sample -2
        assertThat(lo).containsExactly(-2, -4);
        assertThat(hi).containsExactly(-1, -2);
    }

    @Test
    void columnsWithoutFiniteSamplesAreNan() {
        float[] data = {Float.NaN, Float.NaN, Float.NaN, Float.NaN, 1, 2, 3, 4};
        double[] lo = new double[4];
        double[] hi = new double[4];
        MinMax.columns(data, 0, 1, 8, 4, lo, hi);
        assertThat(lo[0]).isNaN();
        assertThat(hi[0]).isNaN();
        assertThat(lo[1]).isNaN();
        assertThat(lo[2]).isEqualTo(1); // samples 3..5: NaN, 1, 2
        assertThat(hi[3]).isEqualTo(4);
    }

    @Test
    void fewerSamplesThanColumnsStillFillEveryColumn() {
        float[] data = {5, 7};
        double[] lo = new double[4];
        double[] hi = new double[4];
        MinMax.columns(data, 0, 1, 2, 4, lo, hi);
        for (int c = 0; c < 4; c++) {
            assertThat(lo[c]).isBetween(5.0, 7.0);
        }
    }
}
