package dev.weir.editor.preview;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.Arrays;
import java.util.List;

/**
 * Names, widths and colours of detection classes, built once so that drawing a label costs no string building or
 * text measuring per frame. A class id outside the spec's names is shown as {@code class N}; that string is made the
 * first time the id is seen, then kept.
 *
 * <p>Colours are Ultralytics' 20-colour palette, the one {@code vision.draw_boxes} burns into images, so a box
 * drawn by the preview and one drawn by the node have the same colour.
 */
final class ClassLabels {

    private static final int[] PALETTE = {
        0xFF3838, 0xFF9D97, 0xFF701F, 0xFFB21D, 0xCFD231, 0x48F90A, 0x92CC17, 0x3DDB86, 0x1A9334, 0x00D4BB,
        0x2C99A8, 0x00C2FF, 0x344593, 0x6473FF, 0x0018EC, 0x8438FF, 0x520085, 0xCB38FF, 0xFF95C8, 0xFF37C7,
    };
    private static final Color[] COLORS = new Color[PALETTE.length];
    /** Black or white, whichever reads better on the class colour. */
    private static final Color[] TEXT = new Color[PALETTE.length];

    static {
        for (int i = 0; i < PALETTE.length; i++) {
            int c = PALETTE[i];
            COLORS[i] = Color.rgb(c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF);
            double luma = 0.299 * (c >> 16 & 0xFF) + 0.587 * (c >> 8 & 0xFF) + 0.114 * (c & 0xFF);
            TEXT[i] = luma > 150 ? Color.BLACK : Color.WHITE;
        }
    }

    private final Font font;
    private final Text measure = new Text();
    private String[] names;
    private double[] widths;
    /** "0.00" .. "1.00": every score label there is at two decimals. */
    private final String[] scores = new String[101];
    private final double scoreWidth;

    ClassLabels(List<String> classNames, Font font) {
        this.font = font;
        measure.setFont(font);
        int n = Math.max(16, classNames.size());
        names = new String[n];
        widths = new double[n];
        for (int i = 0; i < classNames.size(); i++) {
            names[i] = classNames.get(i);
            widths[i] = width(names[i]);
        }
        for (int i = 0; i <= 100; i++) {
            scores[i] = AxisTicks.format(i / 100.0, 2);
        }
        scoreWidth = width("0.00");
    }

    private double width(String s) {
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    /** The name of class {@code id}; "" for a negative id (no class). */
    String name(int id) {
        if (id < 0) {
            return "";
        }
        if (id >= names.length) {
            int n = Math.max(id + 1, names.length * 2);
            names = Arrays.copyOf(names, n);
            widths = Arrays.copyOf(widths, n);
        }
        if (names[id] == null) {
            names[id] = "class " + id;
            widths[id] = width(names[id]);
        }
        return names[id];
    }

    /** Width in pixels of {@link #name}{@code (id)} in the label font. */
    double nameWidth(int id) {
        return id < 0 ? 0 : widths[id];
    }

    /** A score in 0..1 at two decimals; "" for NaN. */
    String score(double s) {
        if (Double.isNaN(s)) {
            return "";
        }
        return scores[(int) Math.round(Math.max(0, Math.min(1, s)) * 100)];
    }

    /** Width of a score label. */
    double scoreWidth() {
        return scoreWidth;
    }

    /** The label font. */
    Font font() {
        return font;
    }

    /** Box colour of class {@code id}. */
    static Color color(int id) {
        return COLORS[Math.floorMod(id, COLORS.length)];
    }

    /** Label text colour on {@link #color}{@code (id)}. */
    static Color textOn(int id) {
        return TEXT[Math.floorMod(id, TEXT.length)];
    }
}
