package dev.weir.editor.ui;

import dev.weir.editor.model.SetProcessCommand;
import dev.weir.editor.run.GraphRunner;
import dev.weir.editor.run.RunListener;
import dev.weir.editor.run.RunMetrics;
import dev.weir.editor.run.RunOutcome;
import dev.weir.editor.run.RunStartException;
import dev.weir.editor.run.RunningGraph;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.preview.PreviewHub;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.model.GraphDocument;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's side of running, on the FFT example, against a scripted {@link GraphRunner} that keeps the
 * runner's contract (listener calls from another thread, one end per run) and lets a test refuse a start or a
 * live param, or report a worker group's state. The engine itself is tested with the app's {@code EditorRunTest}.
 */
class RunControllerTest extends EditorFxTest {

    private final ScriptedRunner runner = new ScriptedRunner();

    @Override
    GraphRunner runner() {
        return runner;
    }

    /** Starts scripted runs and records every call it gets. */
    static final class ScriptedRunner implements GraphRunner {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile RunStartException refuseStart;
        volatile String refuseParam;
        volatile RunListener listener;
        volatile PreviewHub hub;

        @Override
        public RunningGraph start(GraphDocument document, PreviewHub previews, RunListener l)
                throws RunStartException {
            calls.add("start " + document.id());
            if (refuseStart != null) {
                throw refuseStart;
            }
            listener = l;
            hub = previews;
            return new RunningGraph() {
                private RunOutcome end;

                @Override
                public void pause() {
                    calls.add("pause");
                }

                @Override
                public void resume() {
                    calls.add("resume");
                }

                @Override
                public void setParams(String nodeId, Params changes) {
                    if (changes.has(refuseParam)) {
                        throw new IllegalArgumentException("node '" + nodeId + "' param '" + refuseParam
                                + "' is out of reach of this run");
                    }
                    calls.add("set " + nodeId + " " + changes);
                }

                @Override
                public synchronized RunOutcome stop() {
                    if (end == null) {
                        calls.add("stop");
                        end = new RunOutcome(RunOutcome.End.STOPPED, List.of(), RunMetrics.EMPTY);
                        l.onEnded(end);
                    }
                    return end;
                }
            };
        }
    }

    private void awaitState(RunController.State s) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> window.runs().state() == s));
    }

    @Test
    void aRefusedStartIsListedWithItsReasonAndTheWindowStaysIdle() throws Exception {
        runner.refuseStart = new RunStartException("graph 'fft-sinusoids' cannot run: node 'fft' needs a license",
                List.of("node 'fft' needs a license"), null);
        tap(KeyCode.F5);
        awaitState(RunController.State.IDLE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> fx(() -> !window.problems().runList().getItems().isEmpty()));
        assertThat(fx(() -> List.copyOf(window.problems().runList().getItems())))
                .containsExactly(new RunProblem("fft", "cannot run", "node 'fft' needs a license", true));
        assertThat(window.statusBar().message().getText())
                .isEqualTo("Cannot run: graph 'fft-sinusoids' cannot run: node 'fft' needs a license");
        assertThat(runner.calls).containsExactly("start fft-sinusoids");

        // The run's problems are about the document as it was: the next edit clears them.
        interact(() -> window.model().execute(new dev.weir.editor.model.RenameGraphCommand("renamed")));
        assertThat(fx(() -> window.problems().runList().getItems())).isEmpty();
    }

    @Test
    void aRefusedLiveChangeStaysQueuedWithTheReasonAndOthersStillApply() throws Exception {
        PreviewHub hub = new PreviewHub() {
            @Override
            public void attach(PreviewSlot slot) {
            }

            @Override
            public void detach(PreviewSlot slot) {
            }
        };
        interact(() -> window.runs().setPreviewHub(hub));
        runner.refuseParam = "hop";
        tap(KeyCode.F5);
        awaitState(RunController.State.RUNNING);
        assertThat(runner.hub).as("the run gets the window's preview hub").isSameAs(hub);

        clickAt(title("fft"));
        typeInto("#param-hop", "256");
        String reason = "node 'fft' param 'hop' is out of reach of this run";
        assertThat(window.statusBar().message().getText()).isEqualTo("Not applied live: " + reason);
        assertThat(fx(() -> window.runs().queuedChanges())).containsExactly("fft.hop not applied live: " + reason);
        assertThat(fx(() -> window.runs().appliedDocument().nodes().get("fft").params().get("hop")))
                .as("the run still has the old value, and the editor knows it").isEqualTo(512L);
        assertThat(fx(() -> List.copyOf(window.problems().runList().getItems())))
                .containsExactly(new RunProblem("fft", "fft.hop", "not applied live: " + reason, false));
        assertThat(fx(() -> lookup("#run-queued-text").queryAs(Label.class).getText()))
                .startsWith("1 change queued for the next run");

        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> window0 = lookup("#param-window").queryAs(
                javafx.scene.control.ComboBox.class);
        interact(() -> window0.setValue("hamming"));
        assertThat(runner.calls).contains("set fft " + Params.of("window", "hamming"));
        assertThat(runner.calls).noneMatch(c -> c.contains("hop"));
        assertThat(fx(() -> window.runs().queuedChanges())).hasSize(1);

        tap(KeyCode.F7);
        awaitState(RunController.State.IDLE);
        assertThat(fx(() -> window.runs().queuedChanges())).isEmpty();
        assertThat(runner.calls).endsWith("stop");
    }

    @Test
    void aWorkerGroupsStateShowsOnItsNodesInTheStatusBarAndInTheProblems() throws Exception {
        interact(() -> window.model().execute(new SetProcessCommand(Set.of("fft"), "dsp")));
        tap(KeyCode.F5);
        awaitState(RunController.State.RUNNING);
        runner.listener.onMetrics(new RunMetrics(3, 2.5,
                List.of(new RunMetrics.NodeStat("tones", "RUNNING", 480, 0.2, 1200),
                        new RunMetrics.NodeStat("fft", "FAILED", 0, 0, 800),
                        new RunMetrics.NodeStat("spectrum", "RUNNING", 0, 0, 800)),
                List.of(new RunMetrics.EdgeStat("e1", 1.0, 16, 0), new RunMetrics.EdgeStat("e2", 0.0, 16, 0)),
                List.of(new RunMetrics.GroupStat("dsp", "RESTARTING", 4242, 1, "killed by signal 9",
                        List.of("fft"))),
                List.of(new RunMetrics.NodeFault("fft", "process group",
                        "process 'dsp' restarting: killed by signal 9"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> window.runs().metrics().sample() == 3));
        assertThat(window.statusBar().runLabel().getText()).isEqualTo("● Running · 2.5 s · dsp restarting ↻1");
        RunOverlay o = fx(() -> window.canvas().runOverlay());
        assertThat(o.groups().get("dsp").badge()).isEqualTo("dsp · restarting ↻1");
        assertThat(o.failedNodes()).containsExactly("fft");
        assertThat(fx(() -> List.copyOf(window.problems().runList().getItems()))).containsExactly(
                new RunProblem("fft", "node 'fft'", "failed in process group: process 'dsp' restarting: killed by"
                        + " signal 9", true),
                new RunProblem("fft", "process 'dsp'", "restarting after 1 restart; last failure: killed by signal 9",
                        false));
        screenshot("run-process-group");

        tap(KeyCode.F6);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.calls.contains("pause"));
        assertThat(window.runs().state()).isEqualTo(RunController.State.PAUSED);
        tap(KeyCode.F6);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.calls.contains("resume"));
        tap(KeyCode.F7);
        awaitState(RunController.State.IDLE);
        assertThat(runner.calls).containsExactly("start fft-sinusoids", "pause", "resume", "stop");
    }
}
