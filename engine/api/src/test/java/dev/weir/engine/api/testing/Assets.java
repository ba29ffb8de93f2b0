package dev.weir.engine.api.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real videos, images and models that {@code tools/fetch-assets.sh} puts under {@code assets/}. The build
 * runs that script before any module and passes the folder to every test JVM as the system property
 * {@code weir.assets}.
 *
 * <p>A missing asset fails the test that needs it, with the command that fetches it: a test that quietly
 * skipped on a machine without assets would prove nothing there.
 */
public final class Assets {

    private Assets() {
    }

    /** The assets folder. */
    public static Path root() {
        String dir = System.getProperty("weir.assets");
        if (dir == null || dir.isBlank()) {
            // Run from an IDE without Maven's system properties: assume the working directory is a module.
            Path here = Path.of("").toAbsolutePath();
            for (Path p = here; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("tools/fetch-assets.sh"))) {
                    return p.resolve("assets");
                }
            }
            return here.resolve("assets");
        }
        return Path.of(dir);
    }

    /**
     * The asset at {@code relative} (for example {@code video/vtest.avi}).
     *
     * @throws AssertionError naming the file and the script that fetches it, when it is not there
     */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("test asset " + p + " is missing; run tools/fetch-assets.sh (the Maven build"
                    + " runs it unless -DskipAssets is given)");
        }
        return p;
    }
}
