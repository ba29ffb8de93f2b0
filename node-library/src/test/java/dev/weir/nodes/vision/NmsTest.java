package dev.weir.nodes.vision;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** IoU, the score sort and greedy NMS, per class and class-agnostic, against hand cases and a brute-force reference. */
class NmsTest {

    @Test
    void iouOfKnownPairs() {
        assertThat(Nms.iou(0, 0, 2, 2, 0, 0, 2, 2)).isEqualTo(1f);
        assertThat(Nms.iou(0, 0, 2, 2, 1, 0, 3, 2)).isCloseTo(2f / 6f, within(1e-7f)); // overlap 1x2 of 4 + 4 - 2
        assertThat(Nms.iou(0, 0, 2, 2, 2, 0, 4, 2)).isZero(); // touching edges
        assertThat(Nms.iou(0, 0, 2, 2, 5, 5, 6, 6)).isZero();
        assertThat(Nms.iou(0, 0, 4, 4, 1, 1, 2, 2)).isCloseTo(1f / 16f, within(1e-7f)); // nested
        assertThat(Nms.iou(0, 0, 0, 0, 0, 0, 0, 0)).isZero(); // empty boxes never overlap
    }

    @Test
    void sortsByDescendingScoreWithTiesInIndexOrder() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            int n = rnd.nextInt(60);
            float[] score = new float[n];
            int[] order = new int[n];
            List<Integer> reference = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                score[i] = rnd.nextInt(8) / 8f; // many ties
                order[i] = i;
                reference.add(i);
            }
            Nms.sortByScore(order, score, n);
            reference.sort(Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparing(i -> i));
            assertThat(order).containsExactly(reference.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Two classes on the same pixels: per-class NMS keeps both, agnostic keeps the better. */
    @Test
    void perClassKeepsOverlappingBoxesOfOtherClasses() {
        float[] x1 = {10, 11, 10};
        float[] y1 = {10, 10, 60};
        float[] x2 = {50, 51, 50};
        float[] y2 = {50, 50, 90};
        int[] cls = {2, 7, 2}; // car, truck, another car elsewhere
        float[] score = {0.6f, 0.5f, 0.4f};
        int[] order = {0, 1, 2};
        Nms.sortByScore(order, score, 3);
        int[] keep = new int[3];
        boolean[] removed = new boolean[3];
        int n = Nms.suppress(x1, y1, x2, y2, cls, order, 3, 0.5f, false, 10, keep, removed);
        assertThat(java.util.Arrays.copyOf(keep, n)).containsExactly(0, 1, 2);
        n = Nms.suppress(x1, y1, x2, y2, cls, order, 3, 0.5f, true, 10, keep, removed);
        assertThat(java.util.Arrays.copyOf(keep, n)).containsExactly(0, 2);
    }

    /** Suppression needs an IoU strictly above the threshold, as torchvision's nms. */
    @Test
    void anIouEqualToTheThresholdDoesNotSuppress() {
        float[] x1 = {0, 1};
        float[] y1 = {0, 0};
        float[] x2 = {2, 3};
        float[] y2 = {2, 2};
        int[] cls = {0, 0};
        int[] order = {0, 1};
        int[] keep = new int[2];
        boolean[] removed = new boolean[2];
        float third = Nms.iou(0, 0, 2, 2, 1, 0, 3, 2);
        assertThat(Nms.suppress(x1, y1, x2, y2, cls, order, 2, third, false, 10, keep, removed)).isEqualTo(2);
        assertThat(Nms.suppress(x1, y1, x2, y2, cls, order, 2, Math.nextDown(third), false, 10, keep, removed))
                .isEqualTo(1);
    }

    @Test
    void stopsAtMaxKeep() {
        float[] x1 = {0, 10, 20, 30};
        float[] y1 = {0, 0, 0, 0};
        float[] x2 = {5, 15, 25, 35};
        float[] y2 = {5, 5, 5, 5};
        int[] cls = {0, 0, 0, 0};
        int[] order = {3, 1, 0, 2};
        int[] keep = new int[4];
        boolean[] removed = new boolean[4];
        int n = Nms.suppress(x1, y1, x2, y2, cls, order, 4, 0.5f, false, 2, keep, removed);
        assertThat(java.util.Arrays.copyOf(keep, n)).containsExactly(3, 1);
    }

    /** Random clusters of boxes against a plain O(n^2) reference written from torchvision's definition. */
    @Test
    void agreesWithABruteForceReference() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 300; round++) {
            int n = 1 + rnd.nextInt(80);
            float[] x1 = new float[n], y1 = new float[n], x2 = new float[n], y2 = new float[n], score = new float[n];
            int[] cls = new int[n];
            for (int i = 0; i < n; i++) {
                float cx = rnd.nextInt(4) * 40 + (float) rnd.nextDouble(-8, 8);
                float cy = rnd.nextInt(3) * 40 + (float) rnd.nextDouble(-8, 8);
                float w = (float) rnd.nextDouble(5, 40);
                float h = (float) rnd.nextDouble(5, 40);
                x1[i] = cx - w / 2;
                x2[i] = cx + w / 2;
                y1[i] = cy - h / 2;
                y2[i] = cy + h / 2;
                score[i] = (float) rnd.nextDouble();
                cls[i] = rnd.nextInt(3);
            }
            boolean agnostic = rnd.nextBoolean();
            float thr = (float) rnd.nextDouble(0.1, 0.9);
            int maxKeep = 1 + rnd.nextInt(n + 2);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Nms.sortByScore(order, score, n);
            int[] keep = new int[n];
            int k = Nms.suppress(x1, y1, x2, y2, cls, order, n, thr, agnostic, maxKeep, keep, new boolean[n]);

            // Reference: repeatedly take the best box not yet taken or suppressed.
            List<Integer> alive = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                alive.add(i);
            }
            List<Integer> kept = new ArrayList<>();
            while (!alive.isEmpty() && kept.size() < maxKeep) {
                int best = alive.stream().min(Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparing(i -> i))
                        .orElseThrow();
                kept.add(best);
                alive.removeIf(j -> j == best || ((agnostic || cls[j] == cls[best])
                        && Nms.iou(x1[best], y1[best], x2[best], y2[best], x1[j], y1[j], x2[j], y2[j]) > thr));
            }
            assertThat(java.util.Arrays.copyOf(keep, k)).as("round %d", round)
                    .containsExactly(kept.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
