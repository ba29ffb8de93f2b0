package dev.weir.editor.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the editor keeps per-user state: recovery files, recent files, settings.
 *
 * <p>In order: the system property {@value #PROPERTY}, the environment variable {@value #ENV} (tests and portable
 * installs point these at a directory of their own), then the platform's place for application state:
 * {@code $XDG_STATE_HOME/weir} or {@code ~/.local/state/weir} on Linux, {@code ~/Library/Application Support/Weir}
 * on macOS, {@code %LOCALAPPDATA%\Weir} on Windows.
 */
public final class StateDir {

    /** System property naming the state directory. */
    public static final String PROPERTY = "weir.state.dir";
    /** Environment variable naming the state directory. */
    public static final String ENV = "WEIR_STATE_DIR";

    private StateDir() {
    }

    /** The state directory for this process (not created). */
    public static Path resolve() {
        return resolve(System.getProperty(PROPERTY), System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
    }

    static Path resolve(String property, Map<String, String> env, String osName, String home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return local != null ? Path.of(local, "Weir") : Path.of(home, "AppData", "Local", "Weir");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Weir");
        }
        String xdg = env.get("XDG_STATE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "weir") : Path.of(home, ".local", "state", "weir");
    }
}
