package dev.weir.editor.preview;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AxisTicksTest {

    private static List<String> labels(AxisTicks t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.count(); i++) {
            out.add(t.label(i));
        }
        return out;
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(AxisTicks.niceStep(24000, 6)).isEqualTo(5000);
        assertThat(AxisTicks.niceStep(100, 11)).isEqualTo(10);
        assertThat(AxisTicks.niceStep(100, 10)).isEqualTo(20);
        assertThat(AxisTicks.niceStep(0.0213, 5)).isEqualTo(0.01, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(AxisTicks.niceStep(7, 8)).isEqualTo(1);
        assertThat(AxisTicks.niceStep(7, 5)).isEqualTo(2);
    }

    @Test
    void frequencyInKilohertz() {
        AxisTicks t = new AxisTicks();
        assertThat(t.update(0, 24000, 6, "frequency", "Hz")).isTrue();
        assertThat(t.title()).isEqualTo("frequency (kHz)");
        assertThat(labels(t)).containsExactly("0", "5", "10", "15", "20");
        assertThat(t.value(1)).isEqualTo(5000);
    }

    @Test
    void timeInMillisecondsWithDecimalsOnlyWhereNeeded() {
        AxisTicks t = new AxisTicks();
        t.update(0, 1023 / 48000.0, 6, "time", "s");
        assertThat(t.title()).isEqualTo("time (ms)");
        assertThat(labels(t)).containsExactly("0", "5", "10", "15", "20");
        t.update(0, 0.0021, 8, "time", "s");
        assertThat(t.title()).isEqualTo("time (ms)");
        assertThat(labels(t)).containsExactly("0.0", "0.5", "1.0", "1.5", "2.0");
    }

    @Test
    void decibelsTakeNoPrefixAndNegativeZeroIsZero() {
        AxisTicks t = new AxisTicks();
        t.update(-120, 0, 7, "magnitude", "dB");
        assertThat(t.title()).isEqualTo("magnitude (dB)");
        assertThat(labels(t)).containsExactly("-120", "-100", "-80", "-60", "-40", "-20", "0");
        t.update(-1, 1, 5, "", "");
        assertThat(t.title()).isEmpty();
        assertThat(labels(t)).containsExactly("-1.0", "-0.5", "0.0", "0.5", "1.0");
    }

    @Test
    void rangeAndVelocityKeepTheirUnits() {
        AxisTicks t = new AxisTicks();
        t.update(-30, 30, 7, "velocity", "m/s");
        assertThat(t.title()).isEqualTo("velocity (m/s)");
        assertThat(labels(t)).containsExactly("-30", "-20", "-10", "0", "10", "20", "30");
        t.update(0, 750, 6, "range", "m");
        assertThat(t.title()).isEqualTo("range (m)");
        assertThat(labels(t)).containsExactly("0", "200", "400", "600");
        t.update(0, 7500, 6, "range", "m");
        assertThat(t.title()).as("plain numbers up to 9999").isEqualTo("range (m)");
        assertThat(labels(t)).containsExactly("0", "2000", "4000", "6000");
        t.update(0, 75_000, 6, "range", "m");
        assertThat(t.title()).isEqualTo("range (km)");
        assertThat(labels(t)).containsExactly("0", "20", "40", "60");
    }

    @Test
    void anUnchangedAxisIsNotLaidOutAgain() {
        AxisTicks t = new AxisTicks();
        assertThat(t.update(0, 10, 6, "x", "")).isTrue();
        String first = t.label(1);
        assertThat(t.update(0, 10, 6, "x", "")).isFalse();
        assertThat(t.label(1)).isSameAs(first); // no new strings for a steady axis
        assertThat(t.update(0, 20, 6, "x", "")).isTrue();
    }

    @Test
    void aSlidingAxisKeepsTheLabelsOfTicksStillInView() {
        // A time plot's x axis follows the stream: 0.2 s of samples, moving on by a 60th of a second per frame.
        AxisTicks t = new AxisTicks();
        t.update(10.0, 10.2, 6, "time", "s");
        assertThat(labels(t)).containsExactly("10.00", "10.05", "10.10", "10.15", "10.20");
        String at1005 = t.label(1);
        t.update(10.0 + 1 / 60.0, 10.2 + 1 / 60.0, 6, "time", "s");
        assertThat(labels(t)).containsExactly("10.05", "10.10", "10.15", "10.20");
        assertThat(t.label(0)).isSameAs(at1005);
    }

    @Test
    void anEmptyOrBrokenRangeHasNoTicksButKeepsItsTitle() {
        AxisTicks t = new AxisTicks();
        t.update(3, 3, 6, "level", "V");
        assertThat(t.count()).isZero();
        assertThat(t.title()).isEqualTo("level (V)");
        t.update(0, Double.POSITIVE_INFINITY, 6, "level", "V");
        assertThat(t.count()).isZero();
        t.update(Double.NaN, 1, 6, "level", "V");
        assertThat(t.count()).isZero();
    }

    @Test
    void tickCountIsBounded() {
        AxisTicks t = new AxisTicks();
        t.update(0, 1, 10_000, "x", "");
        assertThat(t.count()).isLessThanOrEqualTo(AxisTicks.MAX_TICKS);
    }
}
