package dev.weir.editor.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The view transform, without JavaFX. */
class ViewportTest {

    @Test
    void zoomKeepsThePointUnderTheCursor() {
        Viewport v = new Viewport();
        v.set(1, 30, -20);
        double mx = v.toModelX(400);
        double my = v.toModelY(300);
        v.zoomAt(1.7, 400, 300);
        assertThat(v.scale()).isEqualTo(1.7);
        assertThat(v.toModelX(400)).isCloseTo(mx, within(1e-9));
        assertThat(v.toModelY(300)).isCloseTo(my, within(1e-9));
        assertThat(v.toScreenX(v.toModelX(123))).isCloseTo(123, within(1e-9));
    }

    @Test
    void zoomIsClamped() {
        Viewport v = new Viewport();
        v.zoomAt(1e6, 0, 0);
        assertThat(v.scale()).isEqualTo(Viewport.MAX_SCALE);
        v.zoomAt(1e-9, 0, 0);
        assertThat(v.scale()).isEqualTo(Viewport.MIN_SCALE);
    }

    @Test
    void fitCentresTheRectangleAndCapsTheZoom() {
        Viewport v = new Viewport();
        v.fit(100, 50, 800, 400, 1000, 600, 50, 1);
        // 900 px of room for 800 units, 500 for 400: 1.11 and 1.25, capped at 1.
        assertThat(v.scale()).isEqualTo(1.0);
        assertThat(v.toScreenX(500)).isCloseTo(500, within(1e-9));
        assertThat(v.toScreenY(250)).isCloseTo(300, within(1e-9));
        v.fit(0, 0, 9000, 1000, 1000, 600, 50, 1);
        assertThat(v.scale()).isCloseTo(0.1, within(1e-9));
        v.panBy(10, 5);
        assertThat(v.toScreenX(4500)).isCloseTo(510, within(1e-9));
    }
}
