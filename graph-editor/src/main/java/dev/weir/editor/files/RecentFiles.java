package dev.weir.editor.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The most recently opened or saved files, newest first, kept in {@code STATE_DIR/recent-files.txt} (one absolute
 * path per line) so that every editor window and the next start share them.
 */
public final class RecentFiles {

    /** How many files are remembered. */
    public static final int MAX = 10;

    private final Path file;

    /** The list kept under {@code stateDir}. */
    public RecentFiles(Path stateDir) {
        this.file = Objects.requireNonNull(stateDir, "stateDir").resolve("recent-files.txt");
    }

    /** The remembered files, newest first; files that no longer exist are left out. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        try {
            if (!Files.exists(file)) {
                return out;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    Path p = Path.of(line.strip());
                    if (Files.exists(p) && !out.contains(p)) {
                        out.add(p);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A damaged list only costs the user their recent files; never stop the editor for it.
            return out;
        }
        return out;
    }

    /** Puts {@code path} first. */
    public void add(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        List<Path> all = new ArrayList<>(list());
        all.remove(abs);
        all.addFirst(abs);
        while (all.size() > MAX) {
            all.removeLast();
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(".recent-files.txt.tmp");
        Files.write(tmp, all.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Forgets every file. */
    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }
}
