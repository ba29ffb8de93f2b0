package dev.weir.editor.ui;

import dev.weir.editor.files.RecoveryStore;
import dev.weir.editor.model.Command;
import dev.weir.editor.testing.TestGraphs;
import dev.weir.engine.model.GraphDocument;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unclean exit for real: another JVM runs the editor, edits, autosaves, and is killed with SIGKILL. The next
 * editor started on the same state directory offers the recovery file in a dialog; Restore brings back the edited
 * document, dirty and attached to its file.
 */
class CrashRecoveryTest extends EditorFxTest {

    private Path file;

    @Override
    Path initialFile() {
        return file;
    }

    @Override
    boolean offerRecovery() {
        return true;
    }

    @Override
    void beforeOpen() throws Exception {
        file = state.resolve("graph.dag");
        Files.copy(TestGraphs.example("fft-sinusoids.dag"), file);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-Dprism.order=sw"));
        if (System.getProperty("glass.platform") != null) {
            cmd.add("-Dglass.platform=" + System.getProperty("glass.platform"));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashingEditor.class.getName(),
                file.toString(), state.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<Boolean> saved = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.equals("AUTOSAVED")) {
                            return true;
                        }
                    }
                    return false;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            assertThat(saved.get(60, TimeUnit.SECONDS)).as("the editor process autosaved").isTrue();
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-exit path
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(new RecoveryStore(state, TestGraphs.CODEC).orphans()).hasSize(1);
    }

    @Test
    void theNextStartOffersTheRecoveryFileAndRestoresTheEditedDocument() throws Exception {
        GraphDocument expected = TestGraphs.CODEC.read(file);
        for (Command c : CrashingEditor.edits()) {
            expected = c.apply(expected);
        }

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("Weir did not close cleanly last time.").tryQuery()).isPresent();
        screenshotWindow("Recover unsaved changes", "recovery-offer");
        clickOn("Restore");

        assertThat(doc()).isEqualTo(expected);
        assertThat(window.model().history().isDirty()).isTrue();
        assertThat(window.stage().getTitle()).isEqualTo("* graph.dag — Weir");
        assertThat(window.documents().file()).contains(file.toAbsolutePath().normalize());
        // The crashed session's files were taken over by this session's autosave.
        assertThat(new RecoveryStore(state, TestGraphs.CODEC).orphans()).isEmpty();

        interact(() -> window.documents().save());
        assertThat(TestGraphs.CODEC.read(file)).isEqualTo(expected);
        try (Stream<Path> s = Files.list(state.resolve("recovery"))) {
            assertThat(s).as("nothing is left to recover after a save").isEmpty();
        }
    }
}
