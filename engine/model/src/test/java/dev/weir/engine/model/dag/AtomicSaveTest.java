package dev.weir.engine.model.dag;

import dev.weir.engine.api.Params;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicSaveTest {

    private static final DagCodec CODEC = DagCodec.withoutRegistry();
    private static final Pattern TEMP = Pattern.compile("\\.graph\\.dag\\.[0-9a-f]{16}\\.tmp");

    private static GraphDocument small(String name) {
        return GraphDocument.empty("g", name)
                .withNode(NodeInstance.of("a", "x.y", 1, Params.of("k", 1L)));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void saveReplacesTheFileAndLeavesNothingElse(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("graph.dag");
        CODEC.save(small("first"), f);
        CODEC.save(small("second"), f);
        assertThat(Files.readString(f)).isEqualTo(CODEC.write(small("second")));
        assertThat(CODEC.read(f)).isEqualTo(small("second"));
        assertThat(names(dir)).containsExactly("graph.dag");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void saveKeepsTheFilesPermissions(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("graph.dag");
        CODEC.save(small("first"), f);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        CODEC.save(small("second"), f);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
    }

    @Test
    void aDocumentThatCannotBeWrittenLeavesTheOldFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("graph.dag");
        CODEC.save(small("first"), f);
        GraphDocument bad = small("bad").withParams("a", Params.of("gain", Double.NaN));
        assertThatThrownBy(() -> CODEC.save(bad, f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node 'a' param 'gain' is NaN; a .dag file holds only finite numbers");
        assertThat(Files.readString(f)).isEqualTo(CODEC.write(small("first")));
        assertThat(names(dir)).containsExactly("graph.dag");
    }

    @Test
    void aFailedMoveRemovesTheTempFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("graph.dag");
        Files.createDirectory(f);
        Files.writeString(f.resolve("keep"), "x");
        assertThatThrownBy(() -> CODEC.save(small("x"), f)).isInstanceOf(IOException.class);
        assertThat(names(dir)).containsExactly("graph.dag");
        assertThat(Files.readString(f.resolve("keep"))).isEqualTo("x");
    }

    @Test
    void saveIntoAMissingDirectoryFails(@TempDir Path dir) {
        Path f = dir.resolve("no/such/graph.dag");
        assertThatThrownBy(() -> CODEC.save(small("x"), f)).isInstanceOf(IOException.class);
        assertThat(Files.exists(dir.resolve("no"))).isFalse();
    }

    @Test
    void staleTempFilesOfTheSameTargetAreCleanedUp(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("graph.dag");
        Path stale = Files.writeString(dir.resolve(".graph.dag.0123456789abcdef.tmp"), "half a gra");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path fresh = Files.writeString(dir.resolve(".graph.dag.fedcba9876543210.tmp"), "another save in flight");
        Path otherTarget = Files.writeString(dir.resolve(".other.dag.0123456789abcdef.tmp"), "not ours");
        Files.setLastModifiedTime(otherTarget, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        CODEC.save(small("x"), f);
        assertThat(names(dir)).containsExactly(".graph.dag.fedcba9876543210.tmp", ".other.dag.0123456789abcdef.tmp",
                "graph.dag");
        assertThat(Files.exists(fresh)).isTrue();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aSymbolicLinkStaysALink(@TempDir Path dir) throws Exception {
        Path real = dir.resolve("real.dag");
        CODEC.save(small("first"), real);
        Path link = Files.createSymbolicLink(dir.resolve("link.dag"), real.getFileName());
        CODEC.save(small("second"), link);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(CODEC.read(real)).isEqualTo(small("second"));
    }

    /**
     * Kills a child JVM that saves two large documents to one path in a tight loop, ~20 times at random moments.
     * After every kill the file must be exactly one of the two documents, never a mix or a prefix, and the only
     * other files may be temporary files with the documented name pattern.
     */
    @Test
    @Timeout(120)
    void killingTheProcessMidSaveNeverLeavesAPartialFile(@TempDir Path dir) throws Exception {
        byte[] a = CODEC.write(CrashDocs.version(0)).getBytes(StandardCharsets.UTF_8);
        byte[] b = CODEC.write(CrashDocs.version(1)).getBytes(StandardCharsets.UTF_8);
        assertThat(a.length).isGreaterThan(1_000_000);
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classpath = System.getProperty("java.class.path");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int kills = 20;
        int parallel = 4;
        int leftTemps = 0;
        int sawA = 0;
        for (int round = 0; round < kills / parallel; round++) {
            List<Process> children = new ArrayList<>();
            List<Path> targets = new ArrayList<>();
            for (int j = 0; j < parallel; j++) {
                Path runDir = Files.createDirectory(dir.resolve("run" + round + "_" + j));
                Path target = runDir.resolve("graph.dag");
                targets.add(target);
                children.add(new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                        "-cp", classpath, SaveLoopMain.class.getName(), target.toString())
                        .redirectError(runDir.resolve("stderr.txt").toFile()).start());
            }
            for (int j = 0; j < parallel; j++) {
                Process p = children.get(j);
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line = r.readLine();
                    assertThat(line).as("child %d (seed %d), stderr: %s", j, seed,
                            Files.readString(targets.get(j).resolveSibling("stderr.txt"))).isEqualTo("saved");
                    Thread.sleep(random.nextInt(250));
                    p.destroyForcibly();
                    p.waitFor();
                }
            }
            for (Path target : targets) {
                byte[] now = Files.readAllBytes(target);
                boolean isA = Arrays.equals(now, a);
                assertThat(isA || Arrays.equals(now, b))
                        .as("after a kill, %s holds %d bytes that are neither version (seed %d)", target,
                                now.length, seed).isTrue();
                sawA += isA ? 1 : 0;
                assertThat(CODEC.read(target)).isEqualTo(CrashDocs.version(isA ? 0 : 1));
                for (String name : names(target.getParent())) {
                    if (!name.equals("graph.dag") && !name.equals("stderr.txt")) {
                        assertThat(name).as("stray file after a kill").matches(TEMP);
                        leftTemps++;
                    }
                }
            }
        }
        System.out.printf("crash test: %d kills, %d left a temp file, %d found version A (seed %d)%n", kills,
                leftTemps, sawA, seed);
    }
}
