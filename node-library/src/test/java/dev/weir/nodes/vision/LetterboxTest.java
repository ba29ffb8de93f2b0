package dev.weir.nodes.vision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The letterbox geometry against Ultralytics' formulas worked out by hand, and the fused resampling against a
 * direct per-pixel bilinear written independently here (in double, OpenCV's INTER_LINEAR definition).
 */
class LetterboxTest {

    /**
     * Geometry for sizes worked out by hand with Ultralytics' LetterBox: r = min(640/w, 640/h), size = round(w r),
     * round(h r) (half to even), left/top = round(pad / 2 - 0.1).
     */
    @ParameterizedTest(name = "{0}x{1} -> {2}x{3} at ({4}, {5})")
    @CsvSource({
        // w,   h,    width, height, left, top
        "768,  576,  640, 480,   0,  80",   // dog.jpg: 4:3, r = 5/6
        "640,  424,  640, 424,   0, 108",   // person.jpg: r = 1, no resampling
        "1280, 720,  640, 360,   0, 140",   // 16:9
        "1000, 1,    640, 1,     0, 319",   // a one-row strip: odd padding 639 = 319 + 320
        "1,    1000, 1,   640, 319,   0",   // a one-column strip
        "641,  479,  640, 478,   0,  81",   // r just under 1: 479 r = 478.25 -> 478, pad 162 -> 81
        "3,    5,    384, 640, 128,   0",   // tiny, upscaled by 128
        "640,  640,  640, 640,   0,   0",   // exact
        "333,  777,  274, 640, 183,   0",   // r = 640/777: 333 r = 274.29 -> 274, pad 366 -> 183
    })
    void geometryFollowsUltralytics(int w, int h, int width, int height, int left, int top) {
        Letterbox lb = new Letterbox(w, h, 640, 640);
        assertThat(lb.width()).isEqualTo(width);
        assertThat(lb.height()).isEqualTo(height);
        assertThat(lb.left()).isEqualTo(left);
        assertThat(lb.top()).isEqualTo(top);
        assertThat(lb.scale()).isCloseTo(Math.min(640.0 / w, 640.0 / h), within(1e-12));
    }

    @Test
    void padsAreCentredWithTheOddPixelRightAndBottom() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            int w = 1 + rnd.nextInt(3000);
            int h = 1 + rnd.nextInt(3000);
            int dw = 32 * (1 + rnd.nextInt(40));
            int dh = 32 * (1 + rnd.nextInt(40));
            Letterbox lb = new Letterbox(w, h, dw, dh);
            int right = dw - lb.width() - lb.left();
            int bottom = dh - lb.height() - lb.top();
            assertThat(right - lb.left()).as("%dx%d into %dx%d", w, h, dw, dh).isBetween(0, 1);
            assertThat(bottom - lb.top()).as("%dx%d into %dx%d", w, h, dw, dh).isBetween(0, 1);
            // One side always fills the model input (up to rounding), so the scale is the tighter one.
            assertThat(lb.width() == dw || lb.height() == dh
                    || Math.abs(lb.width() - w * lb.scale()) <= 0.5 && Math.abs(lb.height() - h * lb.scale()) <= 0.5)
                    .isTrue();
        }
    }

    @Test
    void mapsModelCoordinatesBackToTheSource() {
        Letterbox lb = new Letterbox(768, 576, 640, 640);
        assertThat(lb.toSourceX(0)).isEqualTo(0);
        assertThat(lb.toSourceY(80)).isEqualTo(0);
        assertThat(lb.toSourceX(640)).isCloseTo(768, within(1e-9));
        assertThat(lb.toSourceY(560)).isCloseTo(576, within(1e-9));
        assertThat(lb.toSourceY(0)).isCloseTo(-96, within(1e-9)); // in the padding: caller clips
    }

    @Test
    void withoutResamplingThePixelsAreCopiedAsRgbPlanesOverTheGrey() {
        int w = 64;
        int h = 40;
        byte[] bgr = randomImage(w, h, 3);
        Letterbox lb = new Letterbox(w, h, 64, 64);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment t = arena.allocate(3L * 64 * 64 * Float.BYTES, 4);
            lb.pad(t);
            lb.fill(bgr, true, t);
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    boolean inside = y >= 12 && y < 52;
                    for (int p = 0; p < 3; p++) {
                        float v = t.getAtIndex(ValueLayout.JAVA_FLOAT, (p * 64L + y) * 64 + x);
                        float want = inside ? (bgr[((y - 12) * w + x) * 3 + (2 - p)] & 0xFF) / 255f : 114f / 255f;
                        assertThat(v).as("plane %d at (%d, %d)", p, x, y).isCloseTo(want, within(1e-6f));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1} into {2}x{3}")
    @CsvSource({"97, 61, 640, 640", "768, 576, 640, 640", "13, 300, 320, 320", "5, 3, 64, 48", "1, 1, 32, 32"})
    void resamplesLikeDirectBilinear(int w, int h, int dw, int dh) {
        byte[] rgb = randomImage(w, h, w * 31 + h);
        Letterbox lb = new Letterbox(w, h, dw, dh);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment t = arena.allocate(3L * dw * dh * Float.BYTES, 4);
            lb.pad(t);
            lb.fill(rgb, false, t);
            double sx = (double) w / lb.width();
            double sy = (double) h / lb.height();
            double worst = 0;
            for (int y = 0; y < lb.height(); y++) {
                for (int x = 0; x < lb.width(); x++) {
                    for (int p = 0; p < 3; p++) {
                        double want = bilinear(rgb, w, h, p, (x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5) / 255;
                        float v = t.getAtIndex(ValueLayout.JAVA_FLOAT,
                                ((long) p * dh + lb.top() + y) * dw + lb.left() + x);
                        worst = Math.max(worst, Math.abs(v - want));
                    }
                }
            }
            // float32 arithmetic on values in 0..1: a few ulps
            assertThat(worst).isLessThan(2e-6);
            // and the padding is still grey after the fill
            if (lb.top() > 0) {
                assertThat(t.getAtIndex(ValueLayout.JAVA_FLOAT, 0)).isEqualTo(114f / 255f);
            }
        }
    }

    /** OpenCV's INTER_LINEAR for one channel at source position (fx, fy): clamp to the edges, blend 2x2. */
    private static double bilinear(byte[] img, int w, int h, int channel, double fx, double fy) {
        int x0 = (int) Math.floor(fx);
        double ax = fx - x0;
        if (x0 < 0) {
            x0 = 0;
            ax = 0;
        }
        if (x0 >= w - 1) {
            x0 = w - 1;
            ax = 0;
        }
        int y0 = (int) Math.floor(fy);
        double ay = fy - y0;
        if (y0 < 0) {
            y0 = 0;
            ay = 0;
        }
        if (y0 >= h - 1) {
            y0 = h - 1;
            ay = 0;
        }
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        double a = px(img, w, x0, y0, channel) * (1 - ax) + px(img, w, x1, y0, channel) * ax;
        double b = px(img, w, x0, y1, channel) * (1 - ax) + px(img, w, x1, y1, channel) * ax;
        return a * (1 - ay) + b * ay;
    }

    private static int px(byte[] img, int w, int x, int y, int c) {
        return img[(y * w + x) * 3 + c] & 0xFF;
    }

    private static byte[] randomImage(int w, int h, long seed) {
        byte[] b = new byte[w * h * 3];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    @Test
    void refusesTooSmallBuffers() {
        Letterbox lb = new Letterbox(10, 10, 32, 32);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment small = arena.allocate(3L * 32 * 31 * Float.BYTES, 4);
            assertThatThrownBy(() -> lb.pad(small)).isInstanceOf(IllegalArgumentException.class);
            MemorySegment t = arena.allocate(3L * 32 * 32 * Float.BYTES, 4);
            assertThatThrownBy(() -> lb.fill(new byte[299], true, t)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new Letterbox(0, 10, 32, 32)).isInstanceOf(IllegalArgumentException.class);
    }
}
