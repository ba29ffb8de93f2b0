package dev.weir.app;

import dev.weir.editor.model.Selection;
import dev.weir.editor.run.RunMetrics;
import dev.weir.editor.run.RunOutcome;
import dev.weir.editor.ui.RunController.State;
import dev.weir.editor.ui.RunOverlay;
import dev.weir.editor.ui.RunProblem;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.runtime.testnodes.GraphBuilder;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Running graphs from the editor window, on the real engine, driven with the keyboard and the inspector. */
class EditorRunTest extends EditorRunFxTest {

    /** src (a value every 2 ms) -> x (times factor, a hot param) -> k (collects). */
    private static GraphDocument chain() {
        return new GraphBuilder("chain")
                .node("src", "test.sleepy_source", "sleep_ms", 2)
                .node("x", "basic.multiply", "factor", 2.0)
                .node("k", "test.collect")
                .edge("src.out", "x.in")
                .edge("x.out", "k.in")
                .build();
    }

    private List<Long> values() {
        return collector.values("k");
    }

    /** Clicks the visible labelled control showing {@code text} (menus live in popup windows of their own). */
    private void clickText(String text) {
        java.util.function.Predicate<javafx.scene.Node> shown = n -> n instanceof javafx.scene.control.Labeled l
                && text.equals(l.getText()) && n.getScene() != null && n.isVisible();
        javafx.scene.Node target = lookup(shown).query();
        clickOn(target);
    }

    private boolean enabled(String tool) {
        return fx(() -> !lookup("#tool-" + tool).queryAs(Button.class).isDisabled());
    }

    @Test
    void f5F6F7RunPauseAndStopAndStopLeavesNoThreadBehind() throws Exception {
        open(chain());
        assertThat(enabled("run")).isTrue();
        assertThat(enabled("stop")).isFalse();

        tap(KeyCode.F5);
        await("the run", 30, () -> runs().state() == State.RUNNING);
        await("metrics on the canvas", 20, () -> {
            RunOverlay.NodeView k = window.canvas().runOverlay().node("k");
            return k != null && k.line() != null && runs().metrics().node("k").orElseThrow().items() > 10;
        });
        assertThat(enabled("run")).isFalse();
        assertThat(enabled("stop")).isTrue();
        assertThat(fx(() -> window.statusBar().runLabel().getText())).startsWith("● Running · ");
        assertThat(fx(() -> window.canvas().runOverlay().edges())).containsKeys("e1", "e2");
        screenshot("run-metrics");

        tap(KeyCode.F6);
        assertThat(state()).isEqualTo(State.PAUSED);
        assertThat(fx(() -> window.statusBar().runLabel().getText())).startsWith("Paused");
        Thread.sleep(300); // the pause takes effect within a duty cycle; then nothing may flow
        int paused = values().size();
        Thread.sleep(300);
        assertThat(values()).as("nothing flows while paused").hasSize(paused);

        tap(KeyCode.F6);
        assertThat(state()).isEqualTo(State.RUNNING);
        await("values after resuming", 20, () -> values().size() > paused + 10);

        tap(KeyCode.F7);
        await("the stop", 20, () -> runs().state() == State.IDLE);
        RunOutcome o = fx(() -> runs().lastOutcome());
        assertThat(o.state()).isEqualTo(RunOutcome.End.STOPPED);
        assertThat(o.failures()).isEmpty();
        assertThat(fx(() -> window.statusBar().runLabel().getText())).startsWith("Stopped · ");
        assertThat(fx(() -> window.canvas().runOverlay().live())).as("the last figures stay, muted").isFalse();
        EngineThreads.awaitOnly(threadsBefore, Duration.ofSeconds(10));

        tap(KeyCode.F1);
        Stage shortcuts = (Stage) listTargetWindows().stream()
                .filter(w -> w instanceof Stage s && "Keyboard shortcuts".equals(s.getTitle())).findFirst()
                .orElseThrow();
        List<String> texts = fx(() -> shortcuts.getScene().getRoot().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertThat(texts).contains("Run", "F5", "Pause", "F6", "Stop", "F7");
        interact(shortcuts::close);
    }

    @Test
    void aHotParamTypedInTheInspectorChangesTheRunningGraphAndUndoChangesItBack() throws Exception {
        open(chain());
        tap(KeyCode.F5);
        await("doubled values", 30, () -> values().size() > 5);
        assertThat(values()).allMatch(v -> v % 2 == 0);

        clickOn(title("x"));
        typeInto("#param-factor", "1000");
        await("values multiplied by 1000", 20, () -> {
            List<Long> v = values();
            return v.get(v.size() - 1) - v.get(v.size() - 2) == 1000;
        });
        assertThat(state()).isEqualTo(State.RUNNING);
        assertThat(fx(() -> window.statusBar().message().getText())).startsWith("Applied live: x.factor = 1000");
        assertThat(fx(() -> runs().queuedChanges())).isEmpty();
        assertThat(fx(() -> runs().appliedDocument().nodes().get("x").params().get("factor"))).isEqualTo(1000.0);

        clickOn(title("src")); // leave the field; Ctrl+Z then undoes the edit, not the field's text
        tap(KeyCode.CONTROL, KeyCode.Z);
        await("doubled values again", 20, () -> {
            List<Long> v = values();
            return v.get(v.size() - 1) - v.get(v.size() - 2) == 2;
        });
        assertThat(fx(() -> runs().appliedDocument().nodes().get("x").params().get("factor"))).isEqualTo(2.0);
        tap(KeyCode.F7);
        await("the stop", 20, () -> runs().state() == State.IDLE);
    }

    @Test
    void aFailingNodeIsMarkedOnTheCanvasAndItsMessageIsInTheProblemsList() throws Exception {
        open(new GraphBuilder("failing")
                .node("src", "test.sleepy_source", "sleep_ms", 1)
                .node("bad", "test.fail", "fail_in", "process", "after", 20)
                .node("k", "test.collect")
                .edge("src.out", "bad.in")
                .edge("bad.out", "k.in")
                .build());
        tap(KeyCode.F5);
        await("the run to fail and end", 30, () -> runs().state() == State.IDLE && runs().lastOutcome() != null);
        assertThat(fx(() -> runs().lastOutcome().state())).isEqualTo(RunOutcome.End.FAILED);

        String message = "failing in process after 20 frames as asked";
        RunOverlay overlay = fx(() -> window.canvas().runOverlay());
        assertThat(overlay.failedNodes()).containsExactly("bad");
        assertThat(overlay.node("bad").fault()).isEqualTo(message);
        List<RunProblem> listed = fx(() -> List.copyOf(window.problems().runList().getItems()));
        assertThat(listed).containsExactly(new RunProblem("bad", "node 'bad'", "failed in process: " + message, true));
        assertThat(fx(() -> window.problems().runList().isVisible())).isTrue();
        assertThat(fx(() -> window.statusBar().message().getText()))
                .startsWith("Run failed after ").endsWith("node 'bad' failed in process: " + message);
        // The failure stops the run: the sink got at most the 20 frames the node passed, in order, and never more.
        assertThat(values()).hasSizeLessThanOrEqualTo(20).isEqualTo(
                java.util.stream.LongStream.range(0, values().size()).boxed().toList());
        screenshot("run-failed-node");

        // Clicking the problem selects the node; the next edit clears the stale run marks.
        clickOn("#run-problems-list .list-cell");
        assertThat(fx(() -> window.model().selection())).isEqualTo(Selection.ofNode("bad"));
        interact(() -> window.model().execute(new dev.weir.editor.model.RenameNodeCommand("bad", "Bad")));
        assertThat(fx(() -> window.canvas().runOverlay().isEmpty())).isTrue();
        assertThat(fx(() -> window.problems().runList().getItems())).isEmpty();
    }

    @Test
    void aStructuralEditWhileRunningIsQueuedAndRestartAppliesIt() throws Exception {
        open(chain());
        tap(KeyCode.F5);
        await("the run", 30, () -> runs().state() == State.RUNNING && runs().metrics().edge("e2").isPresent());
        int capacity = fx(() -> runs().metrics().edge("e2").orElseThrow().capacity());

        interact(() -> window.model().select(Selection.ofEdge("e2")));
        typeInto("#edge-capacity", Integer.toString(capacity * 4));
        assertThat(fx(() -> window.model().document().edges().get("e2").spec().capacity())).isEqualTo(capacity * 4);
        assertThat(fx(() -> runs().queuedChanges())).containsExactly("edge 'e2' spec changed");
        assertThat(fx(() -> window.statusBar().queuedLabel().getText()))
                .isEqualTo("1 change queued for the next run (Ctrl+F5 restarts)");
        assertThat(fx(() -> lookup("#run-queued-banner").query().isVisible())).isTrue();
        assertThat(fx(() -> lookup("#run-queued-text").queryAs(Label.class).getText()))
                .isEqualTo("1 change queued for the next run: edge 'e2' spec changed");
        Thread.sleep(300);
        assertThat(fx(() -> runs().metrics().edge("e2").orElseThrow().capacity()))
                .as("the running graph keeps its edge").isEqualTo(capacity);
        screenshot("run-queued");

        clickOn(title("src"));
        tap(KeyCode.CONTROL, KeyCode.F5);
        await("the restarted run with the new edge", 30, () -> runs().state() == State.RUNNING
                && runs().metrics().edge("e2").map(e -> e.capacity() == capacity * 4).orElse(false));
        assertThat(fx(() -> runs().queuedChanges())).isEmpty();
        assertThat(fx(() -> window.statusBar().queuedLabel().isVisible())).isFalse();
        assertThat(fx(() -> lookup("#run-queued-banner").tryQuery().isPresent())).isFalse();
        tap(KeyCode.F7);
        await("the stop", 20, () -> runs().state() == State.IDLE);
    }

    @Test
    void fileExamplesOpensAnExampleAsANewDocumentThatRuns() throws Exception {
        String before = System.getProperty("weir.examples");
        System.setProperty("weir.examples", Path.of("..", "examples").toAbsolutePath().normalize().toString());
        try {
            clickText("File"); // showing the menu lists the folder's examples
            javafx.scene.control.Menu examples = fx(() -> ((javafx.scene.control.MenuBar) window.stage().getScene()
                    .lookup("#menu-bar")).getMenus().getFirst().getItems().stream()
                    .filter(i -> "menu-examples".equals(i.getId())).map(javafx.scene.control.Menu.class::cast)
                    .findFirst().orElseThrow());
            assertThat(fx(() -> examples.getItems().stream().map(javafx.scene.control.MenuItem::getText).toList()))
                    .contains("basic-diamond", "fft-sinusoids", "radar-pc-mtd", "video-filter");
            tap(KeyCode.ESCAPE);
            // A robot crossing a menu to its submenu closes it on the way on some window managers: fire the item.
            interact(() -> examples.getItems().stream().filter(i -> i.getText().equals("radar-pc-mtd")).findFirst()
                    .orElseThrow().fire());
            await("the example", 10, () -> window.model().document().id().equals("radar-pc-mtd"));
            assertThat(fx(() -> window.documents().file())).as("Save must not overwrite the example").isEmpty();
            assertThat(fx(() -> window.model().history().isDirty())).isFalse();

            tap(KeyCode.F5);
            await("every node of the radar chain busy", 60, () -> runs().state() == State.RUNNING
                    && runs().metrics().nodes().size() == window.model().document().nodes().size()
                    && runs().metrics().nodes().stream().allMatch(n -> n.items() > 0));
            RunMetrics m = fx(() -> runs().metrics());
            assertThat(m.faults()).isEmpty();
            tap(KeyCode.F7);
            await("the stop", 20, () -> runs().state() == State.IDLE);
            assertThat(fx(() -> runs().lastOutcome().state())).isEqualTo(RunOutcome.End.STOPPED);
        } finally {
            if (before == null) {
                System.clearProperty("weir.examples");
            } else {
                System.setProperty("weir.examples", before);
            }
        }
    }
}
