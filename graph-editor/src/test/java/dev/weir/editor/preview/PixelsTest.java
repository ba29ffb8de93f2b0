package dev.weir.editor.preview;

import dev.weir.engine.api.PixelFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PixelsTest {

    @Test
    void bgrRgbAndGrayBecomeOpaqueArgb() {
        int[] out = new int[2];
        Pixels.toArgb(PixelFormat.BGR24, new byte[]{0x10, 0x20, (byte) 0xF0, 1, 2, 3}, null, 2, out);
        assertThat(out).containsExactly(0xFFF02010, 0xFF030201);
        Pixels.toArgb(PixelFormat.RGB24, new byte[]{0x10, 0x20, (byte) 0xF0, 1, 2, 3}, null, 2, out);
        assertThat(out).containsExactly(0xFF1020F0, 0xFF010203);
        Pixels.toArgb(PixelFormat.GRAY8, new byte[]{(byte) 0x80, (byte) 0xFF}, null, 2, out);
        assertThat(out).containsExactly(0xFF808080, 0xFFFFFFFF);
    }

    @Test
    void planarFloatsAreClampedToTheUnitRange() {
        int[] out = new int[2];
        // R plane, G plane, B plane: (1, 0, -1) and (0.5, 2, NaN).
        float[] planes = {1f, 0.5f, 0f, 2f, -1f, Float.NaN};
        Pixels.toArgb(PixelFormat.PLANAR_F32, null, planes, 2, out);
        assertThat(out).containsExactly(0xFFFF0000, 0xFF80FF00);
    }
}
