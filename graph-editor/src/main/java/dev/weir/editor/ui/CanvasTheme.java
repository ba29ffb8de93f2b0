package dev.weir.editor.ui;

import javafx.scene.paint.Color;

/**
 * The colours the canvas draws with, one set per application theme. The canvas is not styled by CSS (it draws
 * pixels), so it takes these from the theme switch rather than from AtlantaFX's looked-up colours.
 *
 * @param background  canvas background
 * @param gridMinor   fine grid lines
 * @param gridMajor   every fifth grid line
 * @param nodeBody    node box fill
 * @param nodeHeader  title bar fill
 * @param nodeBorder  node outline
 * @param text        titles
 * @param textMuted   summaries, port names
 * @param edge        edges of an unknown type
 * @param accent      selection
 * @param danger      problems, refused wires
 * @param success     accepted wires, edges with room to spare while running
 * @param warning     edges filling up while running, worker groups that are restarting
 * @param disabled    fill of a disabled node
 * @param marquee     marquee fill
 */
public record CanvasTheme(Color background, Color gridMinor, Color gridMajor, Color nodeBody, Color nodeHeader,
                          Color nodeBorder, Color text, Color textMuted, Color edge, Color accent, Color danger,
                          Color success, Color warning, Color disabled, Color marquee) {

    /** For AtlantaFX Primer Light. */
    public static final CanvasTheme LIGHT = new CanvasTheme(Color.web("#f6f8fa"), Color.web("#e6e9ed"),
            Color.web("#d5d9de"), Color.WHITE, Color.web("#eaeef2"), Color.web("#afb8c1"), Color.web("#1f2328"),
            Color.web("#59636e"), Color.web("#8c959f"), Color.web("#0969da"), Color.web("#cf222e"),
            Color.web("#1a7f37"), Color.web("#bf8700"), Color.web("#eff1f3"), Color.web("#0969da", 0.12));

    /** For AtlantaFX Primer Dark. */
    public static final CanvasTheme DARK = new CanvasTheme(Color.web("#0d1117"), Color.web("#161b22"),
            Color.web("#21262d"), Color.web("#161b22"), Color.web("#21262d"), Color.web("#484f58"),
            Color.web("#e6edf3"), Color.web("#8d96a0"), Color.web("#6e7681"), Color.web("#2f81f7"),
            Color.web("#f85149"), Color.web("#3fb950"), Color.web("#d29922"), Color.web("#0d1117"), Color.web("#2f81f7", 0.18));
}
