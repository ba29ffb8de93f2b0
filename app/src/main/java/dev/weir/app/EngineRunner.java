package dev.weir.app;

import dev.weir.editor.run.GraphRunner;
import dev.weir.editor.run.RunListener;
import dev.weir.editor.run.RunMetrics;
import dev.weir.editor.run.RunOutcome;
import dev.weir.editor.run.RunStartException;
import dev.weir.editor.run.RunningGraph;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.preview.PreviewHub;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.InvalidGraphException;
import dev.weir.engine.model.Problem;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.ExecutionPlan;
import dev.weir.engine.runtime.NodeFailure;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.Session;
import dev.weir.engine.runtime.metrics.EdgeMetrics;
import dev.weir.engine.runtime.metrics.MetricsSnapshot;
import dev.weir.engine.runtime.metrics.NodeMetrics;
import dev.weir.engine.runtime.metrics.ProcessMetrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The editor's {@link GraphRunner} on the engine: validates, plans and starts a document as {@code weir run} does
 * (worker process groups and queue edges through the {@code engine/ipc} transport that {@link Engine} finds on the
 * class path), and translates the engine's metrics and results into the editor's plain records.
 *
 * <pre>
 *  start(doc) ──plan──▶ InvalidGraphException / IllegalArgumentException ──▶ RunStartException (one line per cause)
 *             ──start──▶ Session ──onMetrics (metrics thread)──▶ RunMetrics ──▶ RunListener.onMetrics
 *                          │
 *                          └── weir-run-watch-GRAPH: await ──▶ RunOutcome ──▶ RunListener.onEnded (exactly once)
 *  stop() ──▶ Session.stop (every engine thread joined) ──▶ the same RunOutcome, watcher joined
 * </pre>
 *
 * <p>Metrics mapping: a node's items/s are its output frames per second, or its input frames per second for a
 * sink (a node without outputs), so every node shows its throughput; busy is the share of the interval spent
 * inside its processor. A worker group that is down (FAILED, RESTARTING, GAVE_UP) reports each of its nodes as a
 * fault with the group's last failure, and the first node failure of the main process is a fault as soon as the
 * session knows it (the run then winds down and ends FAILED).
 */
public final class EngineRunner implements GraphRunner {

    private static final Duration WATCH_SLICE = Duration.ofSeconds(1);

    private final Engine engine;
    private final RunOptions options;

    /** Runs on an engine over {@code registry}, with the default options (a worker per core, metrics every 100 ms). */
    public EngineRunner(NodeRegistry registry) {
        this(new Engine(registry), RunOptions.defaults());
    }

    /** Runs on {@code engine} with {@code options}. */
    public EngineRunner(Engine engine, RunOptions options) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public RunningGraph start(GraphDocument document, PreviewHub previews, RunListener listener)
            throws RunStartException {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(previews, "previews");
        Objects.requireNonNull(listener, "listener");
        // The run's options carry the hub: each preview node's slot is attached to it as the node opens and
        // detached once the run has ended (engine/runtime RunPreviews).
        ExecutionPlan plan;
        try {
            plan = engine.plan(document, options.withPreviews(previews));
        } catch (InvalidGraphException e) {
            List<Problem> errors = e.errors();
            List<String> lines = errors.stream().map(Problem::message).toList();
            throw new RunStartException("graph '" + document.id() + "' cannot run: " + lines.getFirst()
                    + (lines.size() > 1 ? " (and " + (lines.size() - 1) + " more)" : ""), lines, e);
        } catch (IllegalArgumentException e) {
            throw new RunStartException(e.getMessage(), List.of(e.getMessage()), e);
        }
        Session session;
        try {
            session = engine.start(plan);
        } catch (RuntimeException e) {
            // A processor factory that throws, a transport that cannot make its run folder or worker processes.
            String why = "graph '" + document.id() + "' could not start: " + describe(e);
            throw new RunStartException(why, List.of(why), e);
        }
        Run run = new Run(session, plan, listener);
        run.begin();
        return run;
    }

    /** One line for a cause: its message, with the exception's name where the name says something. */
    static String describe(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        boolean plain = t instanceof IllegalStateException || t instanceof IllegalArgumentException
                || t instanceof java.io.UncheckedIOException || t instanceof java.io.IOException;
        return plain ? m : t.getClass().getSimpleName() + ": " + m;
    }

    /** One run: the session, its metrics forwarding and the thread that reports its end. */
    private static final class Run implements RunningGraph {
        private final Session session;
        private final ExecutionPlan plan;
        private final RunListener listener;
        private final Set<String> sinks = new HashSet<>();
        private final AtomicReference<RunOutcome> ended = new AtomicReference<>();
        private final Thread watcher;

        Run(Session session, ExecutionPlan plan, RunListener listener) {
            this.session = session;
            this.plan = plan;
            this.listener = listener;
            for (ExecutionPlan.PlannedNode n : plan.nodes()) {
                if (n.outputs().isEmpty()) {
                    sinks.add(n.id());
                }
            }
            this.watcher = Thread.ofPlatform().name("weir-run-watch-" + plan.graph().document().id()).daemon(true)
                    .unstarted(this::watch);
        }

        void begin() {
            session.onMetrics(s -> {
                if (ended.get() == null) {
                    listener.onMetrics(metrics(s));
                }
            });
            watcher.start();
        }

        /** Waits for the run to end on its own (or through stop) and reports it. */
        private void watch() {
            while (true) {
                Optional<RunResult> r = session.await(WATCH_SLICE);
                if (r.isPresent()) {
                    end(r.get());
                    return;
                }
                if (Thread.currentThread().isInterrupted()) {
                    return; // stop() reports the end itself
                }
            }
        }

        private RunOutcome end(RunResult r) {
            RunOutcome o = outcome(r);
            if (ended.compareAndSet(null, o)) {
                listener.onEnded(o);
                return o;
            }
            return ended.get();
        }

        @Override
        public void pause() {
            session.pause();
        }

        @Override
        public void resume() {
            session.resume();
        }

        @Override
        public void setParams(String nodeId, Params changes) {
            session.setParams(nodeId, changes);
        }

        @Override
        public RunOutcome stop() {
            RunResult r = session.stop();
            // Session.stop has joined the engine's threads (or given up after its bound and said so in the log);
            // the watcher is then about to report, or still waiting on a run that will not end: either way it must
            // not outlive the run.
            watcher.interrupt();
            try {
                watcher.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return end(r);
        }

        // ---- mapping ----

        private RunMetrics metrics(MetricsSnapshot s) {
            List<RunMetrics.NodeStat> nodes = new ArrayList<>(s.nodes().size());
            for (NodeMetrics n : s.nodes()) {
                boolean sink = sinks.contains(n.nodeId());
                nodes.add(new RunMetrics.NodeStat(n.nodeId(), n.phase(),
                        sink ? n.framesInPerSec() : n.framesOutPerSec(), n.busyFraction(),
                        sink ? n.framesIn() : n.framesOut()));
            }
            List<RunMetrics.EdgeStat> edges = new ArrayList<>(s.edges().size());
            for (EdgeMetrics e : s.edges()) {
                if (e.edgeId() != null) {
                    edges.add(new RunMetrics.EdgeStat(e.edgeId(), e.fill(), e.capacity(), e.dropped()));
                }
            }
            List<RunMetrics.GroupStat> groups = new ArrayList<>(s.processes().size());
            List<RunMetrics.NodeFault> faults = new ArrayList<>();
            session.failure().ifPresent(f -> faults.addAll(faults(f)));
            for (ProcessMetrics p : s.processes()) {
                groups.add(new RunMetrics.GroupStat(p.name(), p.state(), p.pid(), p.restarts(), p.lastFailure(),
                        p.nodes()));
                if (isDown(p.state())) {
                    String why = "process '" + p.name() + "' " + p.state().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + (p.lastFailure().isEmpty() ? "" : ": " + p.lastFailure());
                    for (String id : p.nodes()) {
                        if (faults.stream().noneMatch(f -> f.nodeId().equals(id))) {
                            faults.add(new RunMetrics.NodeFault(id, "process group", why));
                        }
                    }
                }
            }
            return new RunMetrics(s.sample(), s.elapsedNanos() / 1e9, nodes, edges, groups, faults);
        }

        private static boolean isDown(String groupState) {
            return groupState.equals("FAILED") || groupState.equals("RESTARTING") || groupState.equals("GAVE_UP");
        }

        private RunOutcome outcome(RunResult r) {
            RunOutcome.End end = switch (r.state()) {
                case COMPLETED -> RunOutcome.End.COMPLETED;
                case FAILED -> RunOutcome.End.FAILED;
                default -> RunOutcome.End.STOPPED;
            };
            List<RunMetrics.NodeFault> failures = new ArrayList<>();
            r.failure().ifPresent(f -> failures.addAll(faults(f)));
            for (NodeFailure c : r.closeFailures()) {
                failures.add(new RunMetrics.NodeFault(c.nodeId(), c.phase(), describe(c.cause())));
            }
            RunMetrics last = metrics(r.finalMetrics());
            // The final snapshot's faults come from the session's failure too; the outcome's list is complete.
            return new RunOutcome(end, failures, new RunMetrics(last.sample(), last.elapsedSeconds(), last.nodes(),
                    last.edges(), last.groups(), failures));
        }

        /**
         * The nodes a failure is about: the node itself, or every node of a worker group that failed as a whole
         * ({@code (process:NAME)}: the process died). An engine failure ({@code (engine:WORKER)}) stays as it is,
         * a fault of the run rather than of a node.
         */
        private List<RunMetrics.NodeFault> faults(NodeFailure f) {
            String id = f.nodeId();
            if (id.startsWith("(process:") && id.endsWith(")")) {
                String group = id.substring("(process:".length(), id.length() - 1);
                List<RunMetrics.NodeFault> out = new ArrayList<>();
                for (ExecutionPlan.PlannedNode n : plan.nodesOf(group)) {
                    out.add(new RunMetrics.NodeFault(n.id(), f.phase(), "process '" + group + "' failed: "
                            + describe(f.cause())));
                }
                if (!out.isEmpty()) {
                    return out;
                }
            }
            return List.of(new RunMetrics.NodeFault(id, f.phase(), describe(f.cause())));
        }
    }
}
