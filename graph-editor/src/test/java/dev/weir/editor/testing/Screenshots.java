package dev.weir.editor.testing;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves PNG snapshots of test windows to {@code target/screenshots} (the {@code weir.screenshots} property), kept as
 * build artifacts; chosen ones are copied to {@code docs/screenshots} for the README.
 */
public final class Screenshots {

    private Screenshots() {
    }

    /** The directory screenshots go to. */
    public static Path directory() {
        return Path.of(System.getProperty("weir.screenshots", "target/screenshots"));
    }

    /** Snapshots {@code scene} as {@code NAME.png}; call on the JavaFX application thread. */
    public static Path save(Scene scene, String name) {
        WritableImage img = scene.snapshot(null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(directory());
            Path file = directory().resolve(name + ".png");
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
