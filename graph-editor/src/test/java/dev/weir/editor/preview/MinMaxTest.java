package dev.weir.editor.preview;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinMaxTest {

    @Test
    void aOneBinPeakSurvivesInExactlyOneColumn() {
        float[] data = new float[4096];
        data[2049] = 10;
        double[] lo = new double[100];
        double[] hi = new double[100];
        MinMax.trace(data, data.length, 100, lo, hi);
        for (int c = 0; c < 100; c++) {
            assertThat(hi[c]).as("column %d", c).isEqualTo(c == 50 ? 10 : 0);
            assertThat(lo[c]).isZero();
        }
    }

    @Test
    void fewSamplesOnManyColumnsSpanTheSegmentsThatCrossThem() {
        // 0 at the left edge, 10 in the middle, 0 at the right edge: a tent over four columns.
        double[] lo = new double[4];
        double[] hi = new double[4];
        MinMax.trace(new float[]{0, 10, 0}, 3, 4, lo, hi);
        assertThat(lo).containsExactly(0, 5, 5, 0);
        assertThat(hi).containsExactly(5, 10, 10, 5);
    }

    @Test
    void neighbouringColumnsTouchSoTheTraceIsConnected() {
        float[] ramp = new float[1000];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i;
        }
        double[] lo = new double[7];
        double[] hi = new double[7];
        MinMax.trace(ramp, ramp.length, 7, lo, hi);
        for (int c = 1; c < 7; c++) {
            assertThat(lo[c]).isEqualTo(hi[c - 1], org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(lo[0]).isZero();
        assertThat(hi[6]).isEqualTo(999);
    }

    @Test
    void nonFiniteSamplesAreLeftOutAndAColumnWithoutAnyIsNan() {
        float[] data = {Float.NaN, Float.NaN, Float.NaN, Float.NaN, 1, 2, 3, Float.POSITIVE_INFINITY};
        double[] lo = new double[4];
        double[] hi = new double[4];
        MinMax.trace(data, data.length, 4, lo, hi);
        assertThat(lo[0]).isNaN();
        assertThat(hi[1]).isNaN();
        assertThat(lo[2]).isEqualTo(1);
        assertThat(hi[2]).isEqualTo(2.25); // the line from 2 to 3, a quarter of the way
        assertThat(hi[3]).isEqualTo(3); // infinity is no value
    }

    @Test
    void onlyTheValidSamplesCountAndNoneGivesNoLine() {
        float[] data = {4, 4, 4, 99};
        double[] lo = new double[3];
        double[] hi = new double[3];
        MinMax.trace(data, 1, 3, lo, hi); // one valid sample: a flat line
        assertThat(lo).containsExactly(4, 4, 4);
        assertThat(hi).containsExactly(4, 4, 4);
        MinMax.trace(data, 0, 3, lo, hi);
        assertThat(lo[0]).isNaN();
        assertThat(hi[2]).isNaN();
    }
}
