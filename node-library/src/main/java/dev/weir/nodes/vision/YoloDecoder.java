package dev.weir.nodes.vision;

import java.util.Arrays;

/**
 * Turns the raw head output of a YOLOv8-style detector into kept boxes: per anchor the best class, a score
 * threshold, then {@link Nms}. All buffers are sized in the constructor; {@link #decode} and {@link #suppress}
 * allocate nothing.
 *
 * <h2>Output layout</h2>
 * Ultralytics exports one tensor of {@code 4 + classes} channels by {@code anchors} (8400 for a 640x640 input:
 * 80x80 + 40x40 + 20x20 cells): channels 0..3 are the box centre and size {@code cx, cy, w, h} in model-input
 * pixels, channels 4.. the class scores, already through a sigmoid; there is no objectness channel and no NMS in
 * the model. The usual export is channels first, {@code [1, 84, 8400]}; some converters write it transposed,
 * {@code [1, 8400, 84]}. {@link #forShape} tells them apart by which dimension is smaller (a detector always has
 * more anchors than classes + 4), and both are read in place, without transposing.
 *
 * <h2>Decoding (as Ultralytics' {@code non_max_suppression} with {@code multi_label=False})</h2>
 * <ol>
 *   <li>each anchor's score is its best class score, and its class that class (the lowest class id on a tie);</li>
 *   <li>anchors whose score is not above {@code conf} are dropped; so are those whose best class is filtered out
 *       (the filter applies after the argmax, as Ultralytics' {@code classes=}: an anchor that is mostly
 *       "truck" does not turn into a "car" because trucks are filtered out);</li>
 *   <li>{@code cx, cy, w, h} become corners, the candidates are sorted by score, and NMS keeps at most
 *       {@code maxKeep}.</li>
 * </ol>
 * For the channels-first layout, step 1 first takes a plain running maximum over the class rows (contiguous,
 * vectorised by the JIT), then finds the argmax only for the few anchors above the threshold.
 */
final class YoloDecoder {

    private final int classes;
    private final int anchors;
    private final boolean channelsFirst;

    private final float[] best;
    private final float[] x1;
    private final float[] y1;
    private final float[] x2;
    private final float[] y2;
    private final float[] score;
    private final int[] cls;
    private final int[] order;
    private final int[] keep;
    private final boolean[] removed;
    private int candidates;

    /**
     * @param classes       number of class channels (channels - 4)
     * @param anchors       number of anchors (boxes) in the output
     * @param channelsFirst whether the output is {@code [4 + classes][anchors]} (else {@code [anchors][4 + classes]})
     */
    YoloDecoder(int classes, int anchors, boolean channelsFirst) {
        if (classes < 1 || anchors < 1) {
            throw new IllegalArgumentException("a YOLO output needs at least one class and one anchor, had "
                    + classes + " and " + anchors);
        }
        this.classes = classes;
        this.anchors = anchors;
        this.channelsFirst = channelsFirst;
        best = new float[anchors];
        x1 = new float[anchors];
        y1 = new float[anchors];
        x2 = new float[anchors];
        y2 = new float[anchors];
        score = new float[anchors];
        cls = new int[anchors];
        order = new int[anchors];
        keep = new int[anchors];
        removed = new boolean[anchors];
    }

    /**
     * The decoder for an output tensor of this shape: {@code [1, C, A]} or {@code [C, A]} channels first when
     * {@code C < A}, else transposed.
     *
     * @throws IllegalArgumentException when the shape cannot be a YOLOv8-style detection head
     */
    static YoloDecoder forShape(long[] shape) {
        int rank = shape.length;
        if (rank < 2 || rank > 3 || (rank == 3 && shape[0] != 1)) {
            throw new IllegalArgumentException("expected a detection output of shape [1, 4 + classes, anchors], was "
                    + Arrays.toString(shape));
        }
        long a = shape[rank - 2];
        long b = shape[rank - 1];
        boolean first = a < b;
        long channels = first ? a : b;
        long count = first ? b : a;
        if (channels < 5 || count > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("expected a detection output of shape [1, 4 + classes, anchors], was "
                    + Arrays.toString(shape) + " (" + channels + " channels cannot hold a box and a class score)");
        }
        return new YoloDecoder((int) channels - 4, (int) count, first);
    }

    int classes() {
        return classes;
    }

    int anchors() {
        return anchors;
    }

    boolean channelsFirst() {
        return channelsFirst;
    }

    /** Floats in one output tensor. */
    int outputSize() {
        return (4 + classes) * anchors;
    }

    /**
     * Finds the candidates: anchors whose best class scores above {@code conf} and passes {@code allowed}.
     *
     * @param raw     the output tensor, {@link #outputSize()} floats
     * @param allowed per class whether it is reported; null reports every class
     * @return the number of candidates, in anchor order
     */
    int decode(float[] raw, float conf, boolean[] allowed) {
        int n = 0;
        int a = anchors;
        int stride = 4 + classes;
        if (channelsFirst) {
            System.arraycopy(raw, 4 * a, best, 0, a);
            for (int c = 1; c < classes; c++) {
                int row = (4 + c) * a;
                for (int i = 0; i < a; i++) {
                    best[i] = Math.max(best[i], raw[row + i]);
                }
            }
            for (int i = 0; i < a; i++) {
                float s = best[i];
                if (s > conf) {
                    int c = 0;
                    while (raw[(4 + c) * a + i] != s) {
                        c++;
                    }
                    if (allowed == null || allowed[c]) {
                        add(n++, raw[i], raw[a + i], raw[2 * a + i], raw[3 * a + i], s, c);
                    }
                }
            }
        } else {
            for (int i = 0; i < a; i++) {
                int base = i * stride;
                float s = raw[base + 4];
                int c = 0;
                for (int k = 1; k < classes; k++) {
                    float v = raw[base + 4 + k];
                    if (v > s) {
                        s = v;
                        c = k;
                    }
                }
                if (s > conf && (allowed == null || allowed[c])) {
                    add(n++, raw[base], raw[base + 1], raw[base + 2], raw[base + 3], s, c);
                }
            }
        }
        candidates = n;
        return n;
    }

    private void add(int k, float cx, float cy, float w, float h, float s, int c) {
        x1[k] = cx - w / 2;
        y1[k] = cy - h / 2;
        x2[k] = cx + w / 2;
        y2[k] = cy + h / 2;
        score[k] = s;
        cls[k] = c;
    }

    /**
     * Sorts the candidates of the last {@link #decode} by score and runs NMS.
     *
     * @return the number of kept boxes; read them with {@link #kept(int)} and the accessors
     */
    int suppress(float iouThreshold, boolean agnostic, int maxKeep) {
        int n = candidates;
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Nms.sortByScore(order, score, n);
        return Nms.suppress(x1, y1, x2, y2, cls, order, n, iouThreshold, agnostic, maxKeep, keep, removed);
    }

    /** The candidate index of kept box {@code k} (0 = best). */
    int kept(int k) {
        return keep[k];
    }

    float x1(int c) {
        return x1[c];
    }

    float y1(int c) {
        return y1[c];
    }

    float x2(int c) {
        return x2[c];
    }

    float y2(int c) {
        return y2[c];
    }

    float score(int c) {
        return score[c];
    }

    int classId(int c) {
        return cls[c];
    }
}
