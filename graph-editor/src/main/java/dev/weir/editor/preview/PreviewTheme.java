package dev.weir.editor.preview;

import javafx.scene.paint.Color;

/**
 * Colours the preview canvases draw with, one set per editor theme (the canvases draw pixels, so CSS cannot reach
 * them; they follow AtlantaFX Primer's palette by hand, like the graph canvas's {@code CanvasTheme}).
 *
 * @param background panel background, outside the plot area
 * @param plot       plot area background; also the "no data" cells of a waterfall
 * @param grid       grid lines
 * @param axis       axis lines
 * @param text       tick labels and titles
 * @param trace      the line of a plot
 */
record PreviewTheme(Color background, Color plot, Color grid, Color axis, Color text, Color trace) {

    /** For Primer Light. */
    static final PreviewTheme LIGHT = new PreviewTheme(Color.web("#f6f8fa"), Color.WHITE, Color.web("#e6e9ed"),
            Color.web("#afb8c1"), Color.web("#59636e"), Color.web("#0969da"));

    /** For Primer Dark. */
    static final PreviewTheme DARK = new PreviewTheme(Color.web("#010409"), Color.web("#0d1117"),
            Color.web("#21262d"), Color.web("#484f58"), Color.web("#8d96a0"), Color.web("#2f81f7"));

    /** {@code c} as an opaque ARGB int, for pictures written pixel by pixel. */
    static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
