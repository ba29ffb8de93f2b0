package dev.weir.editor.preview;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutoRangeTest {

    @Test
    void growsAtOnceToNiceBoundsAroundTheData() {
        AutoRange r = new AutoRange();
        assertThat(r.isEmpty()).isTrue();
        assertThat(r.update(-0.93, 0.97)).isTrue();
        assertThat(r.lo()).isLessThanOrEqualTo(-0.93);
        assertThat(r.hi()).isGreaterThanOrEqualTo(0.97);
        assertThat(r.lo()).isEqualTo(-1.2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.hi()).isEqualTo(1.2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.update(-0.5, 1.5)).isTrue();
        assertThat(r.hi()).isGreaterThanOrEqualTo(1.5);
    }

    @Test
    void noisyDataInsideTheRangeKeepsItStill() {
        AutoRange r = new AutoRange();
        r.update(-1, 1);
        double lo = r.lo();
        double hi = r.hi();
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 1000; i++) {
            double a = 0.7 + 0.3 * rnd.nextDouble();
            assertThat(r.update(-a, a)).isFalse();
        }
        assertThat(r.lo()).isEqualTo(lo);
        assertThat(r.hi()).isEqualTo(hi);
    }

    @Test
    void shrinksOnlyAfterTheDataStayedSmallForAWhile() {
        AutoRange r = new AutoRange();
        r.update(-100, 100);
        for (int i = 1; i < AutoRange.SHRINK_AFTER; i++) {
            assertThat(r.update(-1, 1)).isFalse();
        }
        r.update(-50, 50); // one large frame starts the count again
        for (int i = 1; i < AutoRange.SHRINK_AFTER; i++) {
            assertThat(r.update(-1, 1)).isFalse();
        }
        assertThat(r.update(-1, 1)).isTrue();
        assertThat(r.hi()).isLessThan(2);
        assertThat(r.lo()).isGreaterThan(-2);
    }

    @Test
    void aConstantGetsARangeAroundIt() {
        AutoRange r = new AutoRange();
        r.update(-40, -40);
        assertThat(r.lo()).isLessThan(-40);
        assertThat(r.hi()).isGreaterThan(-40);
        r.reset();
        r.update(0, 0);
        assertThat(r.lo()).isLessThan(0);
        assertThat(r.hi()).isGreaterThan(0);
    }

    @Test
    void dataWithoutFiniteValuesChangesNothing() {
        AutoRange r = new AutoRange();
        assertThat(r.update(Double.NaN, Double.NaN)).isFalse();
        assertThat(r.isEmpty()).isTrue();
    }
}
