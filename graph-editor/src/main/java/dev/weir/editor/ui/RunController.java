package dev.weir.editor.ui;

import atlantafx.base.theme.Styles;
import dev.weir.editor.model.DocumentHistory;
import dev.weir.editor.model.EditorModel;
import dev.weir.editor.model.ParamText;
import dev.weir.editor.run.GraphRunner;
import dev.weir.editor.run.RunDiff;
import dev.weir.editor.run.RunListener;
import dev.weir.editor.run.RunMetrics;
import dev.weir.editor.run.RunOutcome;
import dev.weir.editor.run.RunStartException;
import dev.weir.editor.run.RunningGraph;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.preview.PreviewHub;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the window's graph: Run, Pause/Resume, Stop and Restart, live param changes, and what the canvas, the
 * status bar and the problems list show of a run.
 *
 * <pre>
 *          Run (F5)                started                   Stop (F7)               stopped, or the run
 *   IDLE ───────────▶ STARTING ─────────────▶ RUNNING ──────────────────▶ STOPPING ─── ended by itself ──▶ IDLE
 *    ▲                   │  refused              │  ▲ Pause/Resume (F6)      ▲
 *    └───────────────────┘  (problems list)      ▼  │                        │
 *                                               PAUSED ──────────────────────┘
 *   Restart (Ctrl+F5) = Stop, then Run with the document as it is now.
 * </pre>
 *
 * <p><b>Threads.</b> Everything here runs on the JavaFX application thread, except the calls that wait on the
 * engine: start (processors open, files are probed), pause (waits until the workers park) and stop (waits for every
 * engine thread). Those go, in order, to one control thread per run ({@code weir-editor-run}), which ends with the
 * run, and their results come back with {@link Platform#runLater}. Metrics arrive on the engine's metrics thread;
 * only the newest sample is kept and at most one hand-over to the application thread is pending at a time, and
 * the canvas draws on its next pulse, so a burst of samples costs one frame.
 *
 * <p><b>Edits while running.</b> After every edit the document is compared ({@link RunDiff}) with what the run
 * runs: the run's document plus the live changes it accepted. Hot-updatable params go to the running graph at
 * once, one param per call, and count as applied only when the call returns; a refused one stays listed as
 * queued, with the engine's reason in the problems list. Everything else waits for the next run, and the banner
 * and the status bar say how many changes do. Undoing a live change is itself a live change.
 *
 * <p>A run's last metrics and failures stay on the canvas after it ended, until the next edit or run.
 */
public final class RunController {

    /** Where a run is. */
    public enum State { IDLE, STARTING, RUNNING, PAUSED, STOPPING }

    /** A refused live change: the value the user set and the engine's reason. */
    private record Refusal(Object value, String reason) {
    }

    /** One run: its document, its graph once started, and the thread its control calls run on. */
    private final class Run implements RunListener {
        final GraphDocument document;
        final ExecutorService control = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform()
                .name("weir-editor-run").daemon(true).unstarted(r));
        final AtomicReference<RunMetrics> latest = new AtomicReference<>();
        final AtomicBoolean handOverPending = new AtomicBoolean();
        volatile RunningGraph graph;
        boolean finished;
        boolean restartAfter;

        Run(GraphDocument document) {
            this.document = document;
        }

        @Override
        public void onMetrics(RunMetrics metrics) {
            latest.set(metrics);
            if (!handOverPending.getAndSet(true)) {
                Platform.runLater(() -> {
                    handOverPending.set(false);
                    metricsArrived(this, latest.get());
                });
            }
        }

        @Override
        public void onEnded(RunOutcome outcome) {
            Platform.runLater(() -> ended(this, outcome));
        }
    }

    private final EditorModel model;
    private final GraphRunner runner;
    private final GraphCanvas canvas;
    private final ProblemsPane problems;
    private final StatusBar status;
    private final Runnable stateChanged;
    private final Label bannerText = new Label();
    private final HBox banner;

    private PreviewHub previews = PreviewHub.NONE;
    private State state = State.IDLE;
    private Run current;
    /** What the run runs: the document it started with plus the live changes it accepted. */
    private GraphDocument applied;
    private RunDiff pending = RunDiff.NONE;
    private Map<String, Refusal> refused = new LinkedHashMap<>();
    private RunMetrics metrics = RunMetrics.EMPTY;
    private List<RunProblem> startProblems = List.of();
    private RunOutcome lastOutcome;

    /**
     * @param runner       starts runs, or null for an editor without an engine (every action is then disabled)
     * @param stateChanged called on the application thread after every change of {@link #state()} (the window
     *                     updates its actions)
     */
    public RunController(EditorModel model, GraphRunner runner, GraphCanvas canvas, ProblemsPane problems,
                         StatusBar status, Runnable stateChanged) {
        this.model = Objects.requireNonNull(model, "model");
        this.runner = runner;
        this.canvas = Objects.requireNonNull(canvas, "canvas");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.status = Objects.requireNonNull(status, "status");
        this.stateChanged = Objects.requireNonNull(stateChanged, "stateChanged");
        bannerText.setId("run-queued-text");
        Button restart = new Button("Restart now");
        restart.setId("run-queued-restart");
        restart.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        restart.setOnAction(e -> restart());
        banner = new HBox(10, bannerText, restart);
        banner.setId("run-queued-banner");
        banner.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        banner.setStyle("-fx-background-color: -color-warning-subtle; -fx-border-color: -color-warning-emphasis;"
                + " -fx-padding: 4 6 4 10; -fx-background-radius: 4; -fx-border-radius: 4;");
        model.addListener(new EditorModel.Listener() {
            @Override
            public void documentChanged(DocumentHistory.Change change) {
                onDocumentChanged(change);
            }
        });
    }

    // ---- for the window and tests ----

    /** Whether this editor can run graphs at all. */
    public boolean canRun() {
        return runner != null;
    }

    /** Where the run is. */
    public State state() {
        return state;
    }

    /**
     * Where the previews of the next runs go: the window's preview panels. {@link PreviewHub#NONE} (the default)
     * until a viewer plugs in; a run already going keeps the hub it started with. The engine calls the hub from its
     * own threads, also while {@link #shutdown} holds the application thread: a hub hands slots over (with
     * {@code Platform.runLater}, say) and never waits for the application thread.
     */
    public void setPreviewHub(PreviewHub hub) {
        this.previews = Objects.requireNonNull(hub, "hub");
    }

    /** The preview hub the next run gets. */
    public PreviewHub previewHub() {
        return previews;
    }

    /** The newest metrics of the current or last run. */
    public RunMetrics metrics() {
        return metrics;
    }

    /** How the last run ended, or null while none has. */
    public RunOutcome lastOutcome() {
        return lastOutcome;
    }

    /** One line per change that waits for the next run (refused live changes included). */
    public List<String> queuedChanges() {
        List<String> out = new ArrayList<>(pending.queued());
        refused.forEach((k, r) -> out.add(k + " not applied live: " + r.reason()));
        return out;
    }

    /** The document the run runs now (with the live changes it accepted), or null while idle. */
    public GraphDocument appliedDocument() {
        return state == State.IDLE ? null : applied;
    }

    // ---- actions ----

    /** Run (F5): starts the document as it is now. Does nothing unless idle. */
    public void run() {
        if (runner == null || state != State.IDLE) {
            return;
        }
        start();
    }

    /** Pause (F6) while running, Resume (F6) while paused. */
    public void togglePause() {
        Run r = current;
        if (state == State.RUNNING) {
            setState(State.PAUSED);
            // The engine sets its paused flag at once and then waits for the workers to park: off this thread.
            r.control.execute(() -> control(r, "pause", () -> r.graph.pause()));
            status.show("Paused: the edges keep their frames; F6 resumes");
        } else if (state == State.PAUSED) {
            setState(State.RUNNING);
            r.control.execute(() -> control(r, "resume", () -> r.graph.resume()));
        }
    }

    /** Stop (F7): stops the run and waits for it, off this thread. */
    public void stop() {
        if (state != State.STARTING && state != State.RUNNING && state != State.PAUSED) {
            return;
        }
        Run r = current;
        setState(State.STOPPING);
        // Queued behind the start when still starting: the run is stopped as soon as it exists.
        r.control.execute(() -> {
            RunningGraph g = r.graph;
            if (g == null) {
                return; // the start failed; startFailed() has reported it
            }
            RunOutcome o;
            try {
                o = g.stop();
            } catch (RuntimeException e) {
                // Not expected from a runner; reported as the run's end so that the window never stays "Stopping".
                RunMetrics last = r.latest.get() == null ? RunMetrics.EMPTY : r.latest.get();
                o = new RunOutcome(RunOutcome.End.STOPPED,
                        List.of(new RunMetrics.NodeFault("run", "stop", "the run did not stop cleanly: " + e)), last);
            }
            RunOutcome end = o;
            Platform.runLater(() -> ended(r, end));
        });
        r.control.shutdown();
    }

    /** A pause or resume on the control thread; a failure is shown, never swallowed. */
    private void control(Run r, String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            Platform.runLater(() -> {
                if (r == current && !r.finished) {
                    status.show("Could not " + what + " the run: " + e.getMessage());
                    // Show the state the run is really in.
                    if (what.equals("pause") && state == State.PAUSED) {
                        setState(State.RUNNING);
                    } else if (what.equals("resume") && state == State.RUNNING) {
                        setState(State.PAUSED);
                    }
                }
            });
        }
    }

    /** Restart (Ctrl+F5): stops the run and starts the document as it is now, applying every queued change. */
    public void restart() {
        if (state == State.IDLE) {
            run();
        } else if (state != State.STOPPING) {
            current.restartAfter = true;
            stop();
        } else {
            current.restartAfter = true;
        }
    }

    /**
     * The window is closing: stops a run and waits for it (bounded by the engine's own stop timeout), so that
     * sinks finish their files before the application exits.
     */
    public void shutdown() {
        Run r = current;
        if (r == null || r.finished) {
            return;
        }
        r.restartAfter = false;
        stop();
        try {
            r.control.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start() {
        Run r = new Run(model.document());
        current = r;
        applied = r.document;
        pending = RunDiff.NONE;
        refused = new LinkedHashMap<>();
        metrics = RunMetrics.EMPTY;
        startProblems = List.of();
        lastOutcome = null;
        canvas.setRunOverlay(RunOverlay.NONE);
        setState(State.STARTING);
        PreviewHub hub = previews;
        r.control.execute(() -> {
            try {
                r.graph = runner.start(r.document, hub, r);
                Platform.runLater(() -> started(r));
            } catch (RunStartException e) {
                Platform.runLater(() -> startFailed(r, e.getMessage(), e.problems()));
            } catch (RuntimeException e) {
                String why = "the graph could not start: " + e;
                Platform.runLater(() -> startFailed(r, why, List.of(why)));
            }
        });
    }

    private void started(Run r) {
        if (r != current || r.finished || state != State.STARTING) {
            return; // stopped while starting (the stop is queued behind the start), or already over
        }
        setState(State.RUNNING);
        reconcile(); // edits made while it was starting
    }

    private void startFailed(Run r, String message, List<String> lines) {
        r.control.shutdown();
        if (r != current) {
            return;
        }
        r.finished = true;
        List<RunProblem> ps = new ArrayList<>();
        for (String l : lines) {
            ps.add(new RunProblem(nodeNamedIn(l), "cannot run", l, true));
        }
        startProblems = List.copyOf(ps);
        setState(State.IDLE);
        status.show("Cannot run: " + message);
    }

    private void metricsArrived(Run r, RunMetrics m) {
        if (r != current || r.finished || m == null) {
            return;
        }
        metrics = m;
        canvas.setRunOverlay(RunOverlay.of(m, true));
        refreshViews();
    }

    private void ended(Run r, RunOutcome o) {
        if (r.finished) {
            return;
        }
        r.finished = true;
        r.control.shutdown();
        if (r != current) {
            return;
        }
        lastOutcome = o;
        metrics = o.last();
        canvas.setRunOverlay(RunOverlay.of(o.last(), false));
        pending = RunDiff.NONE;
        refused = new LinkedHashMap<>();
        setState(State.IDLE);
        String after = String.format(Locale.ROOT, "%.1f s", o.last().elapsedSeconds());
        status.show(switch (o.state()) {
            case COMPLETED -> "Run completed after " + after;
            case STOPPED -> "Run stopped after " + after;
            case FAILED -> "Run failed after " + after + ": " + (o.failures().isEmpty() ? "see the problems list"
                    : describe(o.failures().getFirst()));
        });
        if (r.restartAfter) {
            start();
        }
    }

    // ---- edits while running ----

    private void onDocumentChanged(DocumentHistory.Change change) {
        if (change.kind() == DocumentHistory.ChangeKind.SAVED) {
            return;
        }
        switch (state) {
            case IDLE -> {
                // The last run's figures described the graph as it was; an edit makes them stale.
                if (lastOutcome != null || !startProblems.isEmpty() || !canvas.runOverlay().isEmpty()) {
                    lastOutcome = null;
                    startProblems = List.of();
                    metrics = RunMetrics.EMPTY;
                    canvas.setRunOverlay(RunOverlay.NONE);
                    refreshViews();
                }
            }
            case RUNNING, PAUSED -> {
                if (change.kind() == DocumentHistory.ChangeKind.RESET) {
                    // Another graph was opened: the run's graph is no longer on screen, so nothing could show it.
                    current.restartAfter = false;
                    stop();
                    status.show("Stopped the run: another graph was opened");
                } else {
                    reconcile();
                }
            }
            case STARTING -> {
                if (change.kind() == DocumentHistory.ChangeKind.RESET) {
                    current.restartAfter = false;
                    stop();
                    status.show("Stopped the run: another graph was opened");
                }
                // Otherwise started() reconciles once the run exists.
            }
            case STOPPING -> {
            }
        }
    }

    /** Applies the live part of the difference between the document and the run, and shows what is queued. */
    private void reconcile() {
        RunningGraph g = current.graph;
        RunDiff d = RunDiff.between(applied, model.document(), model.registry());
        Map<String, Refusal> stillRefused = new LinkedHashMap<>();
        List<String> appliedNow = new ArrayList<>();
        for (Map.Entry<String, Params> e : d.hot().entrySet()) {
            String node = e.getKey();
            for (String key : e.getValue().keys()) {
                Object value = e.getValue().get(key);
                String name = node + "." + key;
                Refusal before = refused.get(name);
                if (before != null && Objects.equals(before.value(), value)) {
                    stillRefused.put(name, before); // the same value again: the same answer, not a new call
                    continue;
                }
                try {
                    g.setParams(node, Params.of(key, value));
                    NodeInstance n = applied.nodes().get(node);
                    applied = applied.withNode(n.withParams(n.params().with(key, value)));
                    appliedNow.add(name + " = " + ParamText.format(value));
                } catch (RuntimeException ex) {
                    stillRefused.put(name, new Refusal(value, ex.getMessage() == null ? ex.toString()
                            : ex.getMessage()));
                }
            }
        }
        refused = stillRefused;
        pending = RunDiff.between(applied, model.document(), model.registry());
        if (!appliedNow.isEmpty()) {
            status.show("Applied live: " + String.join(", ", appliedNow));
        }
        if (!refused.isEmpty()) {
            Map.Entry<String, Refusal> first = refused.entrySet().iterator().next();
            status.show("Not applied live: " + first.getValue().reason());
        }
        refreshViews();
    }

    // ---- views ----

    private void setState(State s) {
        state = s;
        refreshViews();
        stateChanged.run();
    }

    private void refreshViews() {
        int queued = pending.queued().size() + refused.size();
        boolean active = state != State.IDLE;
        if (active && queued > 0) {
            String text = queued + (queued == 1 ? " change" : " changes") + " queued for the next run";
            bannerText.setText(text + ": " + String.join("; ", firstOf(queuedChanges(), 3))
                    + (queued > 3 ? "; …" : ""));
            canvas.setBanner(banner);
            status.showQueued(text + " (Ctrl+F5 restarts)");
        } else {
            canvas.setBanner(null);
            status.showQueued("");
        }
        String elapsed = metrics.sample() < 0 ? "" : String.format(Locale.ROOT, " · %.1f s", metrics.elapsedSeconds());
        switch (state) {
            case IDLE -> {
                if (lastOutcome == null) {
                    status.showRun("", null);
                } else {
                    RunOutcome.End e = lastOutcome.state();
                    status.showRun((e == RunOutcome.End.COMPLETED ? "Completed" : e == RunOutcome.End.STOPPED
                            ? "Stopped" : "Failed") + elapsed, e == RunOutcome.End.FAILED ? Styles.DANGER : null);
                }
            }
            case STARTING -> status.showRun("Starting…", Styles.WARNING);
            case RUNNING -> status.showRun("● Running" + elapsed + groupSummary(), Styles.SUCCESS);
            case PAUSED -> status.showRun("Paused" + elapsed + groupSummary(), Styles.WARNING);
            case STOPPING -> status.showRun("Stopping…", Styles.WARNING);
        }
        problems.setRunProblems(runProblems());
    }

    /** Worker groups that are not simply running, for the status bar: " · w restarting ↻1". */
    private String groupSummary() {
        StringBuilder sb = new StringBuilder();
        for (RunMetrics.GroupStat g : metrics.groups()) {
            if (!g.state().equals("RUNNING") || g.restarts() > 0) {
                sb.append(" · ").append(g.name()).append(' ')
                        .append(g.state().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .append(g.restarts() > 0 ? " ↻" + g.restarts() : "");
            }
        }
        return sb.toString();
    }

    private List<RunProblem> runProblems() {
        List<RunProblem> out = new ArrayList<>(startProblems);
        List<RunMetrics.NodeFault> faults = lastOutcome != null ? lastOutcome.failures() : metrics.faults();
        for (RunMetrics.NodeFault f : faults) {
            boolean node = model.document().nodes().containsKey(f.nodeId());
            out.add(new RunProblem(node ? f.nodeId() : null, node ? "node '" + f.nodeId() + "'" : f.nodeId(),
                    "failed in " + f.phase() + ": " + f.message(), true));
        }
        for (RunMetrics.GroupStat g : metrics.groups()) {
            if (!g.lastFailure().isEmpty()) {
                boolean down = g.state().equals("FAILED") || g.state().equals("GAVE_UP");
                out.add(new RunProblem(g.nodes().isEmpty() ? null : g.nodes().getFirst(), "process '" + g.name() + "'",
                        g.state().toLowerCase(Locale.ROOT).replace('_', ' ') + " after " + g.restarts()
                                + (g.restarts() == 1 ? " restart" : " restarts") + "; last failure: "
                                + g.lastFailure(), down));
            }
        }
        refused.forEach((name, r) -> out.add(new RunProblem(name.substring(0, name.indexOf('.')), name,
                "not applied live: " + r.reason(), false)));
        return out;
    }

    private static String describe(RunMetrics.NodeFault f) {
        return "node '" + f.nodeId() + "' failed in " + f.phase() + ": " + f.message();
    }

    private static List<String> firstOf(List<String> list, int n) {
        return list.subList(0, Math.min(n, list.size()));
    }

    /** The node a start problem names ("node 'fft' ..."), if it is in the document. */
    private String nodeNamedIn(String line) {
        int i = line.indexOf("node '");
        if (i < 0) {
            return null;
        }
        int end = line.indexOf('\'', i + 6);
        String id = end < 0 ? null : line.substring(i + 6, end);
        return id != null && model.document().nodes().containsKey(id) ? id : null;
    }
}
