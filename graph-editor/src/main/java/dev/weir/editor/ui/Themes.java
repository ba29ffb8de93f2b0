package dev.weir.editor.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/**
 * Light and dark themes: AtlantaFX's Primer themes as the application's user-agent stylesheet (no hand-written
 * CSS), and the matching {@link CanvasTheme} for what the canvas draws itself.
 */
public final class Themes {

    private Themes() {
    }

    /** Applies the light or dark theme to every window of the application; returns the canvas colours. */
    public static CanvasTheme apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        return dark ? CanvasTheme.DARK : CanvasTheme.LIGHT;
    }
}
