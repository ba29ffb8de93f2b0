package dev.weir.editor.preview;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColorMapTest {

    private static double luma(int argb) {
        return 0.2126 * (argb >> 16 & 0xFF) + 0.7152 * (argb >> 8 & 0xFF) + 0.0722 * (argb & 0xFF);
    }

    @Test
    void viridisRunsFromDarkVioletToYellowAndGetsBrighterAllTheWay() {
        ColorMap m = ColorMap.VIRIDIS;
        assertThat(m.argb(0)).isEqualTo(0xFF440154);
        assertThat(m.argb(128)).isEqualTo(0xFF21918C);
        assertThat(m.argb(255)).isEqualTo(0xFFFDE725);
        // Viridis rises steadily in perceived lightness (CAM02-UCS); plain sRGB luma follows it to within a level.
        for (int i = 1; i < ColorMap.SIZE; i++) {
            assertThat(luma(m.argb(i))).as("entry %d", i).isGreaterThan(luma(m.argb(i - 1)) - 1);
        }
        for (int i = 32; i < ColorMap.SIZE; i += 32) {
            assertThat(luma(m.argb(i))).as("entry %d", i).isGreaterThan(luma(m.argb(i - 32)) + 10);
        }
    }

    @Test
    void valuesMapToEqualSharesOfTheRangeClampedAtBothEnds() {
        double lo = -60;
        double scale = ColorMap.scale(-60, 0);
        assertThat(ColorMap.index(-60, lo, scale)).isZero();
        assertThat(ColorMap.index(-61, lo, scale)).isZero();
        assertThat(ColorMap.index(0, lo, scale)).isEqualTo(255);
        assertThat(ColorMap.index(5, lo, scale)).isEqualTo(255);
        assertThat(ColorMap.index(-30, lo, scale)).isEqualTo(128);
        assertThat(ColorMap.index(-60 + 60.0 / 256 * 0.999, lo, scale)).isZero();
        assertThat(ColorMap.index(-60 + 60.0 / 256 * 1.001, lo, scale)).isEqualTo(1);
    }

    @Test
    void nanAndAnEmptyRangeMapToTheFloor() {
        assertThat(ColorMap.index(Double.NaN, 0, ColorMap.scale(0, 1))).isZero();
        assertThat(ColorMap.scale(1, 1)).isZero();
        assertThat(ColorMap.index(7, 1, ColorMap.scale(1, 1))).isZero();
    }

    @Test
    void aTableNeedsAllItsEntries() {
        assertThatThrownBy(() -> ColorMap.fromHex("440154")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256");
    }
}
