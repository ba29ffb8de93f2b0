package dev.weir.editor.preview;

import dev.weir.engine.api.PixelFormat;

/**
 * Converts image frames to the opaque ARGB ints a {@code PixelBuffer<IntBuffer>} shows. JavaFX has byte formats for
 * RGB and BGRA but none for packed BGR (FFmpeg's and OpenCV's order, and what the video nodes publish), so one loop
 * per format writes straight into the buffer the preview's image wraps: one pass, no intermediate copy.
 *
 * <p>Pure Java, tested without a toolkit. Allocation-free.
 */
final class Pixels {

    private Pixels() {
    }

    /**
     * Writes {@code pixels} pixels of {@code format} from {@code src} (bytes, or floats for planar float images) into
     * {@code argb}.
     *
     * @throws IllegalArgumentException for a format with no conversion
     */
    static void toArgb(PixelFormat format, byte[] bytes, float[] floats, int pixels, int[] argb) {
        switch (format) {
            case BGR24 -> {
                for (int i = 0, s = 0; i < pixels; i++, s += 3) {
                    argb[i] = 0xFF000000 | (bytes[s + 2] & 0xFF) << 16 | (bytes[s + 1] & 0xFF) << 8 | bytes[s] & 0xFF;
                }
            }
            case RGB24 -> {
                for (int i = 0, s = 0; i < pixels; i++, s += 3) {
                    argb[i] = 0xFF000000 | (bytes[s] & 0xFF) << 16 | (bytes[s + 1] & 0xFF) << 8 | bytes[s + 2] & 0xFF;
                }
            }
            case GRAY8 -> {
                for (int i = 0; i < pixels; i++) {
                    int g = bytes[i] & 0xFF;
                    argb[i] = 0xFF000000 | g << 16 | g << 8 | g;
                }
            }
            case PLANAR_F32 -> {
                // Three planes of R, G, B in 0..1: the layout neural networks take.
                for (int i = 0; i < pixels; i++) {
                    argb[i] = 0xFF000000 | unit(floats[i]) << 16 | unit(floats[pixels + i]) << 8
                            | unit(floats[2 * pixels + i]);
                }
            }
        }
    }

    /** A channel in 0..1 as 0..255, clamped; NaN as 0. */
    private static int unit(float v) {
        float x = v * 255f + 0.5f;
        return x >= 255f ? 255 : x > 0f ? (int) x : 0;
    }
}
