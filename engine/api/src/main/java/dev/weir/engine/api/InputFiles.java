package dev.weir.engine.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Weir finds a file it reads: the one rule for relative input paths, used by every node, probe and command
 * that opens an input file (a video, a model, a recording, a {@code .dag} named on the command line).
 *
 * <pre>
 *   absolute path                    as given
 *   relative path, found in the      working directory / path
 *     working directory
 *   otherwise, found in Weir's home  weir.home / path
 *   otherwise                        working directory / path  (so the caller's "no such file" names the place a
 *                                                               user would look first)
 * </pre>
 *
 * <p>Weir's home is the folder that holds the example graphs and the assets they use ({@code examples/},
 * {@code assets/}): the repository for {@code ./weir}, {@code /opt/weir} for the installed package. The launchers set
 * it with the system property {@value #HOME_PROPERTY}; worker JVMs inherit it. So an example that reads
 * {@code assets/video/vtest.avi} runs from any directory, even though the installation is read-only and a desktop
 * start runs in {@code $HOME}, while a user's own file of the same name in the working directory still wins.
 *
 * <p>Only inputs are looked up: outputs (sinks, recordings being written) stay relative to the working directory,
 * so Weir never writes into its home. Nodes keep checking for an empty path themselves; an empty path is returned
 * unchanged.
 */
public final class InputFiles {

    /** The system property naming Weir's home (a folder); unset or blank means there is none. */
    public static final String HOME_PROPERTY = "weir.home";

    private InputFiles() {
    }

    /**
     * Resolves an input path by the rule above, against the current working directory and {@link #home()}.
     *
     * @return an absolute, normalised path, or the empty path for an empty {@code path}
     */
    public static Path resolve(String path) {
        return resolve(Path.of(path));
    }

    /** {@link #resolve(String)} for a path already parsed. */
    public static Path resolve(Path path) {
        return resolve(path, Path.of("").toAbsolutePath(), home());
    }

    /**
     * The rule itself, with the working directory and the home given (for tests and for callers with their own
     * base).
     */
    public static Path resolve(Path path, Path workingDir, Optional<Path> home) {
        if (path.toString().isEmpty()) {
            return path;
        }
        if (path.isAbsolute()) {
            return path.normalize();
        }
        Path local = workingDir.toAbsolutePath().resolve(path).normalize();
        if (Files.exists(local) || home.isEmpty()) {
            return local;
        }
        Path installed = home.get().toAbsolutePath().resolve(path).normalize();
        return Files.exists(installed) ? installed : local;
    }

    /** Weir's home from {@value #HOME_PROPERTY}, if set to a non-blank value. */
    public static Optional<Path> home() {
        String value = System.getProperty(HOME_PROPERTY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(value).toAbsolutePath().normalize());
    }
}
