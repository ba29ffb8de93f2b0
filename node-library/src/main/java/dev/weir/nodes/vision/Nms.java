package dev.weir.nodes.vision;

/**
 * Greedy non-maximum suppression over boxes held in parallel arrays, as {@code torchvision.ops.nms} (which
 * Ultralytics calls) computes it: take the best remaining box, drop every later box that overlaps it by an IoU
 * <em>greater than</em> the threshold, repeat.
 *
 * <p>Per-class (Ultralytics' default, {@code agnostic=False}): a box only suppresses boxes of its own class, so a
 * car and a truck on the same pixels both survive. Class-agnostic: any overlap suppresses. Ultralytics gets the
 * per-class result from one NMS call by shifting each class's boxes far apart ({@code + class * max_wh}); comparing
 * classes directly gives the same boxes without the float error of that shift.
 *
 * <p>Boxes are corners {@code (x1, y1, x2, y2)} with {@code x2 >= x1}; the area is {@code (x2 - x1)(y2 - y1)},
 * without the +1 of older pixel conventions. Pure functions on caller-owned arrays: nothing is allocated.
 */
final class Nms {

    private Nms() {
    }

    /** Intersection over union of two corner boxes; 0 when either is empty. */
    static float iou(float ax1, float ay1, float ax2, float ay2, float bx1, float by1, float bx2, float by2) {
        float iw = Math.min(ax2, bx2) - Math.max(ax1, bx1);
        float ih = Math.min(ay2, by2) - Math.max(ay1, by1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        float inter = iw * ih;
        float union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /**
     * Sorts {@code order[0..n)} (indexes into {@code score}) by descending score; equal scores keep ascending
     * index order, so results never depend on the sort's internals. Heapsort: in place, O(n log n) worst case.
     */
    static void sortByScore(int[] order, float[] score, int n) {
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(order, score, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            int t = order[0];
            order[0] = order[end];
            order[end] = t;
            siftDown(order, score, 0, end);
        }
    }

    /** Whether candidate a comes after candidate b in the final order (lower score, or equal and higher index). */
    private static boolean after(float[] score, int a, int b) {
        return score[a] < score[b] || (score[a] == score[b] && a > b);
    }

    /** Max-heap on "comes after", so the heap's root is the candidate that belongs last. */
    private static void siftDown(int[] order, float[] score, int i, int n) {
        int v = order[i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= n) {
                break;
            }
            if (c + 1 < n && after(score, order[c + 1], order[c])) {
                c++;
            }
            if (!after(score, order[c], v)) {
                break;
            }
            order[i] = order[c];
            i = c;
        }
        order[i] = v;
    }

    /**
     * Greedy NMS over the candidates {@code order[0..n)}, already sorted best first.
     *
     * @param cls          class of each candidate (ignored when {@code agnostic})
     * @param iouThreshold a later box is dropped when its IoU with a kept one is greater than this
     * @param maxKeep      stop after this many kept boxes (Ultralytics' {@code max_det})
     * @param keep         receives the kept candidates' indexes, best first
     * @param removed      scratch of at least as many flags as the largest candidate index + 1; cleared here
     * @return the number of boxes kept
     */
    static int suppress(float[] x1, float[] y1, float[] x2, float[] y2, int[] cls, int[] order, int n,
                        float iouThreshold, boolean agnostic, int maxKeep, int[] keep, boolean[] removed) {
        for (int k = 0; k < n; k++) {
            removed[order[k]] = false;
        }
        int kept = 0;
        for (int k = 0; k < n && kept < maxKeep; k++) {
            int i = order[k];
            if (removed[i]) {
                continue;
            }
            keep[kept++] = i;
            float ax1 = x1[i], ay1 = y1[i], ax2 = x2[i], ay2 = y2[i];
            int c = cls[i];
            for (int m = k + 1; m < n; m++) {
                int j = order[m];
                if (!removed[j] && (agnostic || cls[j] == c)
                        && iou(ax1, ay1, ax2, ay2, x1[j], y1[j], x2[j], y2[j]) > iouThreshold) {
                    removed[j] = true;
                }
            }
        }
        return kept;
    }
}
