package dev.weir.editor.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The example graphs of File ▸ Examples: the {@code .dag} files of one folder. */
final class Examples {

    private Examples() {
    }

    /**
     * The {@code *.dag} files directly in {@code folder}, sorted by name; none when the folder is null, missing
     * or unreadable (the menu then says so, which is all a user can act on).
     */
    static List<Path> list(String folder) {
        if (folder == null || folder.isBlank()) {
            return List.of();
        }
        Path dir = Path.of(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dag"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
