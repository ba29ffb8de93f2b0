package dev.weir.engine.model.dag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The golden files under {@code src/test/resources/dag/golden} and the schema under {@code docs/}. */
final class Golden {

    private Golden() {
    }

    static Path dir(String name) {
        URL url = Golden.class.getResource("/dag/" + name);
        if (url == null) {
            throw new IllegalStateException("no test resource dir /dag/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every golden file, sorted by name. */
    static List<Path> files() {
        try (Stream<Path> s = Files.list(dir("golden"))) {
            return s.filter(p -> p.toString().endsWith(".dag")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(String name) {
        return dir("golden").resolve(name);
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code docs/dag.schema.json}, found from the module directory the tests run in. */
    static Path schema() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path p = d.resolve("docs/dag.schema.json");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("docs/dag.schema.json not found above " + dir);
    }
}
