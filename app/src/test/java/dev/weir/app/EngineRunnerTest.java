package dev.weir.app;

import dev.weir.editor.run.RunListener;
import dev.weir.editor.run.RunMetrics;
import dev.weir.editor.run.RunOutcome;
import dev.weir.editor.run.RunStartException;
import dev.weir.editor.run.RunningGraph;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.preview.PreviewHub;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.ProcessSpec;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.testnodes.Collector;
import dev.weir.engine.runtime.testnodes.GraphBuilder;
import dev.weir.engine.runtime.testnodes.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The editor's runner on the real engine, with the runtime's test nodes (a sleepy source, a failing node, a sink). */
class EngineRunnerTest {

    private final Collector collector = new Collector();
    private final EngineRunner runner = new EngineRunner(new Engine(TestNodes.registry(collector)),
            RunOptions.defaults().withWorkerThreads(1).withMetricsInterval(Duration.ofMillis(50)));
    private final Recorder events = new Recorder();
    private Set<String> threadsBefore;
    private RunningGraph run;

    /** What the runner tells the editor, in order. */
    static final class Recorder implements RunListener {
        final List<RunMetrics> metrics = new CopyOnWriteArrayList<>();
        final List<RunOutcome> ended = new CopyOnWriteArrayList<>();
        final AtomicReference<String> order = new AtomicReference<>("");

        @Override
        public void onMetrics(RunMetrics m) {
            metrics.add(m);
            if (!ended.isEmpty()) {
                order.set("metrics after the end");
            }
        }

        @Override
        public void onEnded(RunOutcome outcome) {
            ended.add(outcome);
        }

        RunMetrics latest() {
            return metrics.isEmpty() ? RunMetrics.EMPTY : metrics.getLast();
        }

        /** The final metrics once the run has ended, the latest sample before. */
        RunMetrics latestOrFinal() {
            return ended.isEmpty() ? latest() : ended.getFirst().last();
        }
    }

    @BeforeEach
    void rememberThreads() {
        threadsBefore = EngineThreads.names();
    }

    @AfterEach
    void stopAndCheckThreads() {
        if (run != null) {
            run.stop();
        }
        EngineThreads.awaitOnly(threadsBefore, Duration.ofSeconds(10));
    }

    /** source (one value every 2 ms) -> x (multiply by factor) -> k (collect). */
    private GraphDocument chain(double factor) {
        return new GraphBuilder("chain")
                .node("src", "test.sleepy_source", "sleep_ms", 2)
                .node("x", "basic.multiply", "factor", factor)
                .node("k", "test.collect")
                .edge("src.out", "x.in")
                .edge("x.out", "k.in")
                .build();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void metricsNameEveryNodeAndEdgeWithRatesBusyAndFill() throws Exception {
        run = runner.start(chain(2), PreviewHub.NONE, events);
        await("a sample with frames through the sink", Duration.ofSeconds(20),
                () -> events.latest().node("k").map(n -> n.items() > 20).orElse(false));
        RunMetrics m = events.latest();
        assertThat(m.nodes()).extracting(RunMetrics.NodeStat::nodeId).containsExactly("src", "x", "k");
        // The sink has no outputs: its items are the frames it took in, so it shows a rate like its writer's.
        RunMetrics.NodeStat k = m.node("k").orElseThrow();
        assertThat(k.items()).isPositive().isLessThanOrEqualTo(collector.frameStarts("k").size());
        assertThat(k.itemsPerSecond()).isGreaterThan(0);
        assertThat(m.node("src").orElseThrow().itemsPerSecond()).isGreaterThan(0);
        assertThat(m.node("x").orElseThrow().busy()).isBetween(0.0, 1.0);
        assertThat(m.edges()).extracting(RunMetrics.EdgeStat::edgeId).containsExactlyInAnyOrder("e1", "e2");
        assertThat(m.edge("e1").orElseThrow().capacity()).isEqualTo(EdgeSpec.DEFAULT.capacity());
        assertThat(m.edge("e1").orElseThrow().fill()).isBetween(0.0, 1.0);
        assertThat(m.groups()).isEmpty();
        assertThat(m.faults()).isEmpty();
        assertThat(m.elapsedSeconds()).isPositive();
    }

    @Test
    void pauseHoldsTheFramesResumeGoesOnStopEndsOnceWithNoThreadLeft() throws Exception {
        run = runner.start(chain(2), PreviewHub.NONE, events);
        await("values", Duration.ofSeconds(20), () -> collector.values("k").size() > 10);
        run.pause();
        int paused = collector.values("k").size();
        Thread.sleep(200);
        assertThat(collector.values("k").size()).as("nothing flows while paused").isEqualTo(paused);
        run.resume();
        await("values after resume", Duration.ofSeconds(20), () -> collector.values("k").size() > paused + 10);

        RunOutcome o = run.stop();
        assertThat(o.state()).isEqualTo(RunOutcome.End.STOPPED);
        assertThat(o.failures()).isEmpty();
        assertThat(o.last().node("k").orElseThrow().items()).isGreaterThan(paused);
        assertThat(events.ended).containsExactly(o);
        assertThat(run.stop()).as("stop is idempotent").isEqualTo(o);
        assertThat(events.ended).hasSize(1);
        assertThat(events.order.get()).isEmpty();
        run = null;
        EngineThreads.awaitOnly(threadsBefore, Duration.ofSeconds(5));
    }

    @Test
    void aHotParamChangesTheRunningGraphAndAColdOneIsRefusedNamingNodeAndParam() throws Exception {
        run = runner.start(chain(2), PreviewHub.NONE, events);
        await("doubled values", Duration.ofSeconds(20), () -> collector.values("k").size() > 5);
        assertThat(collector.values("k")).allMatch(v -> v % 2 == 0);

        run.setParams("x", Params.of("factor", 1000.0));
        await("values multiplied by 1000", Duration.ofSeconds(20),
                () -> collector.values("k").getLast() >= 1000 && collector.values("k").getLast() % 1000 == 0);

        assertThatThrownBy(() -> run.setParams("x", Params.of("element", "f32")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'").hasMessageContaining("'element'")
                .hasMessageContaining("cannot change while running");
        assertThatThrownBy(() -> run.setParams("x", Params.of("factor", "loud")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'factor'");
    }

    @Test
    void aFailingNodeEndsTheRunFailedWithItsMessage() throws Exception {
        GraphDocument doc = new GraphBuilder("failing")
                .node("src", "test.sleepy_source", "sleep_ms", 1)
                .node("bad", "test.fail", "fail_in", "process", "after", 5)
                .node("k", "test.collect")
                .edge("src.out", "bad.in")
                .edge("bad.out", "k.in")
                .build();
        run = runner.start(doc, PreviewHub.NONE, events);
        await("the end of the run", Duration.ofSeconds(20), () -> !events.ended.isEmpty());
        RunOutcome o = events.ended.getFirst();
        assertThat(o.state()).isEqualTo(RunOutcome.End.FAILED);
        RunMetrics.NodeFault expected = new RunMetrics.NodeFault("bad", "process",
                "failing in process after 5 frames as asked");
        assertThat(o.failures()).containsExactly(expected);
        assertThat(o.last().faults()).containsExactly(expected);
        assertThat(run.stop()).as("stop after the end returns that end").isEqualTo(o);
        assertThat(events.ended).hasSize(1);
        // The failure stops the run, so the sink may not have taken all 5 frames the node passed; never more.
        assertThat(collector.values("k")).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void anInvalidGraphDoesNotStartAndEachProblemNamesItsNode() {
        GraphDocument doc = new GraphBuilder("invalid")
                .node("x", "basic.multiply", "factor", "loud")
                .node("k", "test.collect")
                .node("ghost", "no.such_type")
                .edge("x.out", "k.in")
                .build();
        assertThatThrownBy(() -> runner.start(doc, PreviewHub.NONE, events))
                .isInstanceOfSatisfying(RunStartException.class, e -> {
                    assertThat(e.getMessage()).startsWith("graph 'invalid' cannot run: ").contains("more)");
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("'x'", "factor"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("'ghost'", "no.such_type"));
                });
        assertThat(events.metrics).isEmpty();
        assertThat(events.ended).isEmpty();
    }

    @Test
    void aWorkerGroupThatDiesMarksItsNodesAndTheGroupStatsSayWhy() throws Exception {
        // Only node-library types: the worker plans the whole graph with the providers ServiceLoader finds.
        GraphDocument doc = new GraphBuilder("grouped")
                .node("src", "basic.counter", "count", 0)
                .node("x2", "basic.multiply", "factor", 2)
                .node("k", "basic.null_sink")
                .edge("src.out", "x2.in", EdgeSpec.DEFAULT.withCapacity(64))
                .edge("x2.out", "k.in", EdgeSpec.DEFAULT.withCapacity(64))
                .build();
        doc = doc.withNode(doc.node("x2").orElseThrow().withProcess("w")).withProcessSpec("w", ProcessSpec.DEFAULT);
        run = runner.start(doc, PreviewHub.NONE, events);
        await("the worker group to run", Duration.ofSeconds(60), () -> events.latest().groups().stream()
                .anyMatch(g -> g.state().equals("RUNNING") && g.pid() > 0));
        RunMetrics.GroupStat w = events.latest().groups().getFirst();
        assertThat(w.name()).isEqualTo("w");
        assertThat(w.nodes()).containsExactly("x2");
        assertThat(w.restarts()).isZero();
        assertThat(w.lastFailure()).isEmpty();

        new ProcessBuilder("kill", "-9", Long.toString(w.pid())).start().waitFor();
        // Noticed within a second; the run may already have wound down (restart never, and the rest of the graph
        // ends without x2), in which case the final metrics carry the fault.
        await("the dead group's node marked", Duration.ofSeconds(5),
                () -> events.latestOrFinal().faults().stream().anyMatch(f -> f.nodeId().equals("x2")));
        RunMetrics m = events.latestOrFinal();
        RunMetrics.NodeFault f = m.faults().stream().filter(x -> x.nodeId().equals("x2")).findFirst().orElseThrow();
        assertThat(f.message()).startsWith("process 'w' ").contains("killed by signal 9");
        assertThat(m.groups().getFirst().state()).isIn("FAILED", "GAVE_UP");
        assertThat(m.faults()).extracting(RunMetrics.NodeFault::nodeId).containsOnly("x2");
    }
}
