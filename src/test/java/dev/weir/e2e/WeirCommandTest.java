package dev.weir.e2e;

import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.model.dag.DagCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged {@code weir} command as a user runs it: a separate process from {@code app/target/weir.jar}, on the
 * example graphs, with real signals.
 */
class WeirCommandTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    private static final Path JAR = ROOT.resolve("app/target/weir.jar");
    private static final Path EXAMPLES = ROOT.resolve("examples");

    @BeforeAll
    static void jarIsBuilt() {
        assertThat(JAR).as("app/target/weir.jar is built by the app module's package phase").exists();
    }

    private record Result(int exit, String out, String err, double seconds) {
    }

    private static Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-jar");
        cmd.add(JAR.toString());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(ROOT.toFile()).start();
    }

    private static Result run(String... args) throws Exception {
        long t0 = System.nanoTime();
        Process p = start(args);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("weir %s finished", String.join(" ", args)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1e9);
    }

    private static List<Path> examples() throws IOException {
        try (var s = Files.list(EXAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".dag")).sorted().toList();
        }
    }

    @Test
    void everyExampleValidatesAndIsInCanonicalForm() throws Exception {
        List<Path> files = examples();
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        List<String> args = new ArrayList<>(List.of("validate"));
        files.forEach(f -> args.add(f.toString()));
        Result r = run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(files.size()).allMatch(l -> l.contains(": ok ("));
        DagCodec codec = new DagCodec(NodeRegistry.load(getClass().getClassLoader()));
        for (Path f : files) {
            String text = Files.readString(f);
            assertThat(codec.write(codec.read(f))).as("%s round-trips byte for byte", f).isEqualTo(text);
        }
    }

    @Test
    void finiteExampleRunsToCompletionWithStatsAndSummary() throws Exception {
        Result r = run("run", "examples/basic-diamond.dag", "--stats", "100ms");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("summary: graph 'basic-diamond' completed", "counter", "sum", "busy");
        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"examples/basic-feedback.dag", "examples/basic-preview-fanout.dag"})
    void infiniteExampleStopsOnTimeWithDuration(String file) throws Exception {
        Result r = run("run", file, "--duration", "1s", "--stats", "250ms", "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("stopped at --duration after 1\\.0\\d s");
        // JVM start-up and class loading come on top of the one second of running.
        assertThat(r.seconds()).isLessThan(8);
        assertThat(r.out()).containsPattern("t=0\\.[2-9]s");
    }

    @Test
    void ctrlCStopsGracefullyPrintsFinalStatsAndExits130() throws Exception {
        Process p = start("run", "examples/basic-feedback.dag", "--stats", "100ms");
        StringBuilder out = new StringBuilder();
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        // Wait until it runs and prints stats, then send SIGINT as a terminal's Ctrl-C does.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (p.isAlive() && System.nanoTime() < deadline && !statsPrinted(p)) {
            Thread.sleep(50);
        }
        Thread.sleep(400);
        assertThat(p.isAlive()).isTrue();
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("weir exits after Ctrl-C").isTrue();
        reader.join(5000);
        assertThat(p.exitValue()).isEqualTo(130);
        assertThat(out.toString()).contains("summary: graph 'basic-feedback' interrupted after", "acc", "hold");
    }

    /** Whether the process has been up long enough to print (JVM start plus one stats interval). */
    private static boolean statsPrinted(Process p) {
        return p.info().totalCpuDuration().map(d -> d.toMillis() > 500).orElse(true);
    }

    @Test
    void invalidFileExitsOneWithOneMessageNamingTheFile() throws Exception {
        Path bad = Files.createTempFile("weir-bad", ".dag");
        try {
            Files.writeString(bad, "{\"format_version\": 1, \"graph\": {\"id\": \"g\"}, \"nodes\": [{\"id\": \"a\", "
                    + "\"type\": \"basic.counter\", \"type_version\": 1, \"params\": {\"count\": NaN}}], \"edges\": []}");
            Result r = run("run", bad.toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err().lines()).singleElement().satisfies(l -> assertThat(l).startsWith(bad.toString() + ":1:"));
            assertThat(r.out()).isEmpty();
        } finally {
            Files.deleteIfExists(bad);
        }
    }
}
