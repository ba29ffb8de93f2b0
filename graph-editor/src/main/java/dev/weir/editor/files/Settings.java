package dev.weir.editor.files;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Properties;

/**
 * Editor preferences that outlive a window (theme, grid snapping, preview thumbnails), in
 * {@code STATE_DIR/settings.properties}.
 * A missing or damaged file gives the defaults.
 */
public final class Settings {

    private final Path file;
    private final Properties values = new Properties();

    /** The settings kept under {@code stateDir}, loaded now. */
    public Settings(Path stateDir) {
        this.file = Objects.requireNonNull(stateDir, "stateDir").resolve("settings.properties");
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(r);
            } catch (IOException | RuntimeException e) {
                values.clear();
            }
        }
    }

    /** Whether the dark theme is chosen (default: light). */
    public boolean darkTheme() {
        return Boolean.parseBoolean(values.getProperty("theme.dark", "false"));
    }

    /** Chooses the theme and saves. */
    public void darkTheme(boolean dark) {
        set("theme.dark", Boolean.toString(dark));
    }

    /** Whether dragged nodes snap to the grid (default: yes). */
    public boolean snapToGrid() {
        return Boolean.parseBoolean(values.getProperty("grid.snap", "true"));
    }

    /** Turns grid snapping on or off and saves. */
    public void snapToGrid(boolean snap) {
        set("grid.snap", Boolean.toString(snap));
    }

    /** Whether preview nodes show their latest picture under them on the canvas (default: no). */
    public boolean previewThumbnails() {
        return Boolean.parseBoolean(values.getProperty("preview.thumbnails", "false"));
    }

    /** Turns canvas thumbnails of preview nodes on or off and saves. */
    public void previewThumbnails(boolean on) {
        set("preview.thumbnails", Boolean.toString(on));
    }

    private void set(String key, String value) {
        values.setProperty(key, value);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(".settings.properties.tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                values.store(w, "Weir editor settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Preferences are a convenience; the editor works the same without saving them.
        }
    }
}
