package dev.weir.editor.files;

import dev.weir.editor.testing.TestGraphs;
import dev.weir.engine.model.GraphDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryStoreTest {

    @TempDir
    Path state;

    @Test
    void aLiveSessionsFilesAreNotOrphans() throws Exception {
        RecoveryStore store = new RecoveryStore(state, TestGraphs.CODEC);
        RecoveryStore.Session s = store.newSession();
        assertThat(s.write(TestGraphs.fft(), null, s.generation())).isTrue();
        assertThat(Files.exists(s.file())).isTrue();
        assertThat(store.orphans()).isEmpty();
        s.discard();
        assertThat(Files.list(store.directory())).isEmpty();
    }

    @Test
    void filesOfADeadProcessAreOrphansAndReadBack() throws Exception {
        RecoveryStore store = new RecoveryStore(state, TestGraphs.CODEC);
        Path original = state.resolve("g.dag");
        TestGraphs.CODEC.save(TestGraphs.fft(), original);
        Files.setLastModifiedTime(original, java.nio.file.attribute.FileTime.fromMillis(1000));
        GraphDocument edited = TestGraphs.fft().withName("edited");
        writeAsDeadProcess(store, edited, original);

        var orphans = store.orphans();
        assertThat(orphans).singleElement().satisfies(o -> {
            assertThat(o.original()).contains(original.toAbsolutePath());
            assertThat(o.newerThanOriginal()).isTrue();
        });
        assertThat(store.read(orphans.getFirst())).isEqualTo(edited);
        store.discard(orphans.getFirst());
        assertThat(store.orphans()).isEmpty();
    }

    @Test
    void anOriginalSavedAfterTheRecoveryFileMakesItStale() throws Exception {
        RecoveryStore store = new RecoveryStore(state, TestGraphs.CODEC);
        Path original = state.resolve("g.dag");
        writeAsDeadProcess(store, TestGraphs.fft(), original);
        Thread.sleep(20);
        TestGraphs.CODEC.save(TestGraphs.fft(), original);
        assertThat(store.orphans().getFirst().newerThanOriginal()).isFalse();
    }

    @Test
    void autosaveIsDebouncedAndADiscardCancelsAPendingWrite() throws Exception {
        RecoveryStore store = new RecoveryStore(state, TestGraphs.CODEC);
        try (Autosaver a = new Autosaver(store.newSession(), Duration.ofMillis(150), e -> { })) {
            CountDownLatch written = new CountDownLatch(1);
            int[] writes = {0};
            a.onWritten(() -> {
                writes[0]++;
                written.countDown();
            });
            for (int i = 0; i < 5; i++) {
                a.changed(TestGraphs.fft().withName("v" + i), null);
            }
            assertThat(written.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            assertThat(writes[0]).isEqualTo(1);
            assertThat(TestGraphs.CODEC.read(a.session().file()).name()).isEqualTo("v4");

            a.changed(TestGraphs.fft().withName("late"), null);
            a.discard();
            Thread.sleep(300);
            assertThat(Files.exists(a.session().file())).isFalse();
        }
    }

    @Test
    void recentFilesKeepTheNewestFirstWithoutDuplicates() throws Exception {
        RecentFiles r = new RecentFiles(state);
        Path a = Files.createFile(state.resolve("a.dag"));
        Path b = Files.createFile(state.resolve("b.dag"));
        r.add(a);
        r.add(b);
        r.add(a);
        assertThat(r.list()).containsExactly(a.toAbsolutePath(), b.toAbsolutePath());
        Files.delete(b);
        assertThat(r.list()).containsExactly(a.toAbsolutePath());
        for (int i = 0; i < 15; i++) {
            r.add(Files.createFile(state.resolve(i + ".dag")));
        }
        assertThat(r.list()).hasSize(RecentFiles.MAX);
    }

    @Test
    void settingsPersist() {
        Settings s = new Settings(state);
        assertThat(s.darkTheme()).isFalse();
        assertThat(s.snapToGrid()).isTrue();
        s.darkTheme(true);
        s.snapToGrid(false);
        Settings again = new Settings(state);
        assertThat(again.darkTheme()).isTrue();
        assertThat(again.snapToGrid()).isFalse();
    }

    @Test
    void stateDirOrder() {
        assertThat(StateDir.resolve("/p", Map.of(StateDir.ENV, "/e"), "Linux", "/h")).isEqualTo(Path.of("/p"));
        assertThat(StateDir.resolve(null, Map.of(StateDir.ENV, "/e"), "Linux", "/h")).isEqualTo(Path.of("/e"));
        assertThat(StateDir.resolve(null, Map.of("XDG_STATE_HOME", "/x"), "Linux", "/h")).isEqualTo(Path.of("/x/weir"));
        assertThat(StateDir.resolve(null, Map.of(), "Linux", "/h")).isEqualTo(Path.of("/h/.local/state/weir"));
        assertThat(StateDir.resolve(null, Map.of(), "Mac OS X", "/h"))
                .isEqualTo(Path.of("/h/Library/Application Support/Weir"));
    }

    /** Writes a recovery file as a process that has since died would have left it. */
    static void writeAsDeadProcess(RecoveryStore store, GraphDocument doc, Path original) throws Exception {
        RecoveryStore.Session s = store.newSession();
        s.write(doc, original, s.generation());
        Path meta = store.directory().resolve(s.file().getFileName().toString().replace(".dag", ".properties"));
        String text = Files.readString(meta).replaceFirst("pid=\\d+", "pid=" + deadPid());
        Files.writeString(meta, text);
    }

    /** The pid of a process that has exited. */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
