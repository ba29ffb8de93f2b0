package dev.weir.nodes.vision;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decoding of YOLOv8 head outputs in both layouts, the threshold, the class filter and the argmax. */
class YoloDecoderTest {

    @Test
    void tellsTheLayoutsApartByShape() {
        YoloDecoder first = YoloDecoder.forShape(new long[] {1, 84, 8400});
        assertThat(first.channelsFirst()).isTrue();
        assertThat(first.classes()).isEqualTo(80);
        assertThat(first.anchors()).isEqualTo(8400);
        YoloDecoder transposed = YoloDecoder.forShape(new long[] {1, 8400, 84});
        assertThat(transposed.channelsFirst()).isFalse();
        assertThat(transposed.classes()).isEqualTo(80);
        assertThat(YoloDecoder.forShape(new long[] {6, 2100}).classes()).isEqualTo(2);
        assertThatThrownBy(() -> YoloDecoder.forShape(new long[] {1, 4, 8400}))
                .hasMessageContaining("cannot hold a box and a class score");
        assertThatThrownBy(() -> YoloDecoder.forShape(new long[] {2, 84, 8400})).hasMessageContaining("[2, 84, 8400]");
        assertThatThrownBy(() -> YoloDecoder.forShape(new long[] {8400})).hasMessageContaining("expected");
    }

    /** The same random output written in both layouts decodes to the same candidates and kept boxes. */
    @Test
    void bothLayoutsDecodeAlike() {
        int classes = 7;
        int anchors = 300;
        int ch = 4 + classes;
        float[] first = new float[ch * anchors];
        float[] transposed = new float[ch * anchors];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int a = 0; a < anchors; a++) {
            for (int c = 0; c < ch; c++) {
                float v = c < 4 ? (float) rnd.nextDouble(c < 2 ? 0 : 5, c < 2 ? 640 : 120) : (float) rnd.nextDouble();
                first[c * anchors + a] = v;
                transposed[a * ch + c] = v;
            }
        }
        YoloDecoder f = YoloDecoder.forShape(new long[] {1, ch, anchors});
        YoloDecoder t = YoloDecoder.forShape(new long[] {1, anchors, ch});
        int nf = f.decode(first, 0.8f, null);
        int nt = t.decode(transposed, 0.8f, null);
        assertThat(nf).isEqualTo(nt).isPositive();
        for (int i = 0; i < nf; i++) {
            assertThat(f.score(i)).isEqualTo(t.score(i));
            assertThat(f.classId(i)).isEqualTo(t.classId(i));
            assertThat(f.x1(i)).isEqualTo(t.x1(i));
            assertThat(f.y2(i)).isEqualTo(t.y2(i));
        }
        int kf = f.suppress(0.5f, false, 100);
        int kt = t.suppress(0.5f, false, 100);
        assertThat(kf).isEqualTo(kt);
        for (int k = 0; k < kf; k++) {
            assertThat(f.kept(k)).isEqualTo(t.kept(k));
        }
    }

    /**
     * A channels-first output holding these anchors (each cx, cy, w, h, then the class scores), followed by enough
     * all-zero anchors that anchors outnumber channels, as in every real detector.
     */
    private static float[] channelsFirst(int classes, float[]... anchors) {
        int n = Math.max(anchors.length, 4 + classes + 1);
        float[] raw = new float[(4 + classes) * n];
        for (int a = 0; a < anchors.length; a++) {
            for (int c = 0; c < 4 + classes; c++) {
                raw[c * n + a] = anchors[a][c];
            }
        }
        return raw;
    }

    /**
     * Anchor 0: best class 2 at 0.9; anchor 1: best 0.5, exactly the threshold (dropped: it must be above);
     * anchor 2: classes 0 and 1 tie at 0.7 (the lower id wins).
     */
    @Test
    void keepsScoresAboveTheThresholdAndTheFirstOfTiedClasses() {
        float[] raw = channelsFirst(3,
                new float[] {100, 50, 20, 10, 0.1f, 0.2f, 0.9f},
                new float[] {300, 60, 20, 30, 0.5f, 0.1f, 0.3f},
                new float[] {500, 70, 20, 40, 0.7f, 0.7f, 0.2f});
        YoloDecoder d = YoloDecoder.forShape(new long[] {1, 7, raw.length / 7});
        assertThat(d.channelsFirst()).isTrue();
        assertThat(d.decode(raw, 0.5f, null)).isEqualTo(2);
        assertThat(d.classId(0)).isEqualTo(2);
        assertThat(d.score(0)).isEqualTo(0.9f);
        assertThat(d.x1(0)).isEqualTo(90f);
        assertThat(d.y1(0)).isEqualTo(45f);
        assertThat(d.x2(0)).isEqualTo(110f);
        assertThat(d.y2(0)).isEqualTo(55f);
        assertThat(d.classId(1)).isZero();
        assertThat(d.score(1)).isEqualTo(0.7f);
        assertThat(d.x1(1)).isEqualTo(490f);
    }

    /** The class filter applies after the argmax, as Ultralytics' classes=: a truck does not turn into a car. */
    @Test
    void theClassFilterAppliesAfterTheArgmax() {
        float[] raw = channelsFirst(2, new float[] {100, 100, 10, 10, 0.6f, 0.8f}); // car 0.6, truck 0.8
        YoloDecoder d = YoloDecoder.forShape(new long[] {1, 6, raw.length / 6});
        assertThat(d.decode(raw, 0.25f, new boolean[] {true, false})).isZero();
        assertThat(d.decode(raw, 0.25f, new boolean[] {false, true})).isEqualTo(1);
        assertThat(d.classId(0)).isEqualTo(1);
        assertThat(d.score(0)).isEqualTo(0.8f);
    }
}
