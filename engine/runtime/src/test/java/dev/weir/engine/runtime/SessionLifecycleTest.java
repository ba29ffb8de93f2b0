package dev.weir.engine.runtime;

import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.runtime.metrics.MetricsSnapshot;
import dev.weir.engine.runtime.metrics.WorkerMetrics;
import dev.weir.engine.runtime.testnodes.Collector;
import dev.weir.engine.runtime.testnodes.GraphBuilder;
import dev.weir.engine.runtime.testnodes.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start, pause, resume, stop, failures, live params, metrics and allocation of whole runs. */
class SessionLifecycleTest {

    private final Collector collector = new Collector();
    private final Engine engine = new Engine(TestNodes.registry(collector));

    @AfterEach
    void noEngineThreadsLeft() {
        assertThat(engineThreads()).isEmpty();
    }

    static List<String> engineThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("weir-")).toList();
    }

    /** An infinite source whose only reader never reads (so it is blocked on a full edge), beside a busy chain. */
    private static GraphDocument blockedAndBusy() {
        return new GraphBuilder("blocked")
                .node("src", "basic.counter", "count", 0)
                .node("stuck", "test.stuck_sink")
                .node("busy", "basic.counter", "count", 0, "element", "f32", "chunk", 4096)
                .node("x", "basic.multiply", "element", "f32", "chunk", 4096)
                .node("sink", "basic.null_sink", "element", "f32", "chunk", 4096)
                .edge("src.out", "stuck.in", EdgeSpec.DEFAULT.withCapacity(4))
                .edge("busy.out", "x.in").edge("x.out", "sink.in")
                .build();
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 4})
    void stopsWithinBoundWithInfiniteSourcesAndABlockedEdge(int threads) {
        long[] stopMillis = new long[10];
        for (int i = 0; i < stopMillis.length; i++) {
            Session s = engine.start(blockedAndBusy(), RunOptions.defaults().withWorkerThreads(threads));
            waitUntil(() -> s.metrics().edge("e1").map(e -> e.backlog() == 4).orElse(false), Duration.ofSeconds(5));
            long t0 = System.nanoTime();
            RunResult r = s.stop();
            stopMillis[i] = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.state()).isEqualTo(SessionState.STOPPED);
            assertThat(r.failure()).isEmpty();
        }
        Arrays.sort(stopMillis);
        // The bound is 100 ms. The median is held to it strictly; single outliers on a loaded 2-core CI machine
        // (a GC pause, a descheduled thread) get more room. The JMH stop-latency benchmark reports the real figure.
        assertThat(stopMillis[stopMillis.length / 2]).as("median stop time, ms: %s", Arrays.toString(stopMillis))
                .isLessThan(100);
        assertThat(stopMillis[stopMillis.length - 1]).as("slowest stop, ms").isLessThan(1000);
        assertThat(collector.closed()).containsExactlyInAnyOrder("src", "stuck", "busy", "x", "sink");
    }

    @Test
    void thousandStartStopCyclesLeaveNoThreads() {
        int before = Thread.activeCount();
        GraphDocument doc = blockedAndBusy();
        ExecutionPlan plan = engine.plan(doc, RunOptions.defaults().withWorkerThreads(2));
        for (int i = 0; i < 1000; i++) {
            Session s = engine.start(plan);
            RunResult r = s.stop();
            assertThat(r.state()).as("cycle %d", i).isIn(SessionState.STOPPED);
        }
        assertThat(engineThreads()).isEmpty();
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(before);
    }

    @Test
    void failingNodeStopsTheGraphAndReportsNodeAndCause() {
        GraphDocument doc = new GraphBuilder("fail")
                .node("src", "basic.counter", "count", 0)
                .node("bad", "test.fail", "fail_in", "process", "after", 100)
                .node("k", "test.collect")
                .node("other", "basic.counter", "count", 0)
                .node("other_sink", "basic.null_sink")
                .edge("src.out", "bad.in").edge("bad.out", "k.in").edge("other.out", "other_sink.in")
                .build();
        Session s = engine.start(doc, RunOptions.defaults().withWorkerThreads(2));
        RunResult r = s.await(Duration.ofSeconds(10)).orElseThrow();
        assertThat(r.state()).isEqualTo(SessionState.FAILED);
        NodeFailure f = r.failure().orElseThrow();
        assertThat(f.nodeId()).isEqualTo("bad");
        assertThat(f.phase()).isEqualTo("process");
        assertThat(f.message()).contains("node 'bad'").contains("failing in process after 100 frames");
        assertThat(collector.values("k")).hasSize(100);
        assertThat(collector.closed()).containsExactlyInAnyOrder("src", "bad", "k", "other", "other_sink");
    }

    @ParameterizedTest
    @ValueSource(strings = {"open", "complete"})
    void failureInOpenOrCompleteIsReportedAndEverythingCloses(String where) {
        GraphDocument doc = new GraphBuilder("fail-" + where)
                .node("src", "basic.counter", "count", 10)
                .node("bad", "test.fail", "fail_in", where)
                .node("k", "test.collect")
                .edge("src.out", "bad.in").edge("bad.out", "k.in")
                .build();
        RunResult r = engine.start(doc, RunOptions.defaults().withWorkerThreads(2)).await(Duration.ofSeconds(10))
                .orElseThrow();
        assertThat(r.state()).isEqualTo(SessionState.FAILED);
        assertThat(r.failure().orElseThrow().nodeId()).isEqualTo("bad");
        assertThat(r.failure().orElseThrow().phase()).isEqualTo(where);
        // Every processor that was opened is closed; one whose open never ran (the run failed first) is not.
        assertThat(collector.closed()).contains("bad").containsExactlyInAnyOrderElementsOf(collector.opened());
        if (where.equals("complete")) {
            assertThat(collector.closed()).containsExactlyInAnyOrder("src", "bad", "k");
        }
    }

    @Test
    void failureInCloseIsReportedWithoutHidingACompletedRun() {
        GraphDocument doc = new GraphBuilder("fail-close")
                .node("src", "basic.counter", "count", 10)
                .node("bad", "test.fail", "fail_in", "close")
                .node("k", "test.collect")
                .edge("src.out", "bad.in").edge("bad.out", "k.in")
                .build();
        RunResult r = engine.start(doc, RunOptions.defaults()).await(Duration.ofSeconds(10)).orElseThrow();
        assertThat(r.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(r.closeFailures()).singleElement().satisfies(f -> {
            assertThat(f.nodeId()).isEqualTo("bad");
            assertThat(f.phase()).isEqualTo("close");
        });
        assertThat(collector.values("k")).hasSize(10);
    }

    @Test
    void headNodeCancelsItsInfiniteUpstream() {
        GraphDocument doc = new GraphBuilder("take")
                .node("src", "basic.counter", "count", 0)
                .node("x", "basic.multiply", "factor", 1)
                .node("take", "test.take", "n", 25)
                .node("k", "test.collect")
                .edge("src.out", "x.in").edge("x.out", "take.in").edge("take.out", "k.in")
                .build();
        RunResult r = engine.start(doc, RunOptions.defaults().withWorkerThreads(2)).await(Duration.ofSeconds(10))
                .orElseThrow();
        assertThat(r.state()).isEqualTo(SessionState.COMPLETED);
        assertThat(collector.values("k")).hasSize(25).startsWith(0L, 1L, 2L);
    }

    @Test
    void pauseHoldsEveryNodeAndResumeContinues() {
        GraphDocument doc = new GraphBuilder("pause")
                .node("src", "basic.counter", "count", 0)
                .node("k", "test.collect")
                .edge("src.out", "k.in")
                .build();
        Session s = engine.start(doc, RunOptions.defaults().withWorkerThreads(2));
        waitUntil(() -> collector.values("k").size() > 100, Duration.ofSeconds(5));
        s.pause();
        assertThat(s.state()).isEqualTo(SessionState.PAUSED);
        int atPause = collector.values("k").size();
        sleep(150);
        assertThat(collector.values("k")).hasSize(atPause);
        s.resume();
        assertThat(s.state()).isEqualTo(SessionState.RUNNING);
        waitUntil(() -> collector.values("k").size() > atPause + 100, Duration.ofSeconds(5));
        assertThat(s.stop().state()).isEqualTo(SessionState.STOPPED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"value", "f32"})
    void liveParamChangeAppliesBetweenProcessCalls(String element) {
        GraphDocument doc = new GraphBuilder("params")
                .node("src", "basic.counter", "count", 0, "element", element, "chunk", 64)
                .node("x", "basic.multiply", "factor", 2, "element", element, "chunk", 64)
                .node("k", "test.collect", "element", element, "chunk", 64)
                .edge("src.out", "x.in").edge("x.out", "k.in")
                .build();
        Session s = engine.start(doc, RunOptions.defaults().withWorkerThreads(2));
        waitUntil(() -> collector.values("k").size() > 1000, Duration.ofSeconds(5));
        s.setParam("x", "factor", 3);
        waitUntil(() -> {
            List<Long> v = collector.values("k");
            return v.getLast() == 3 * (v.size() - 1);
        }, Duration.ofSeconds(5));
        s.stop();
        List<Long> v = collector.values("k");
        // Every value was multiplied by exactly one factor: 2 up to a switch point, 3 after it.
        int switchAt = -1;
        for (int i = 0; i < v.size(); i++) {
            long expected = (switchAt < 0 ? 2L : 3L) * i;
            if (switchAt < 0 && v.get(i) != 2L * i) {
                switchAt = i;
                expected = 3L * i;
            }
            assertThat(v.get(i)).as("value %d (switch at %d)", i, switchAt).isEqualTo(expected);
        }
        assertThat(switchAt).isPositive();
        if (element.equals("f32")) {
            // Never in the middle of a frame: the switch falls on a frame boundary (chunks of 64).
            assertThat(switchAt % 64).isZero();
        }
    }

    @Test
    void paramUpdatesAreCheckedAndNamed() {
        GraphDocument doc = new GraphBuilder("bad-params")
                .node("src", "basic.counter", "count", 0)
                .node("x", "basic.multiply")
                .node("k", "basic.null_sink")
                .edge("src.out", "x.in").edge("x.out", "k.in")
                .build();
        Session s = engine.start(doc, RunOptions.defaults());
        try {
            assertThatThrownBy(() -> s.setParam("x", "factor", "big")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("node 'x'").hasMessageContaining("param 'factor'");
            assertThatThrownBy(() -> s.setParam("x", "factor", 1e300)).hasMessageContaining("must be in");
            assertThatThrownBy(() -> s.setParam("src", "count", 5)).hasMessageContaining("cannot change while running");
            assertThatThrownBy(() -> s.setParam("nope", "factor", 1)).hasMessageContaining("no node 'nope'");
            assertThatThrownBy(() -> s.setParam("x", "gain", 1)).hasMessageContaining("param 'gain'");
        } finally {
            s.stop();
        }
    }

    @Test
    void metricsAreSampledEveryIntervalAndCountExactly() {
        GraphDocument doc = new GraphBuilder("metrics")
                .node("src", "basic.counter", "count", 0, "element", "f32", "chunk", 256)
                .node("x", "basic.multiply", "element", "f32", "chunk", 256)
                .node("k", "basic.null_sink", "element", "f32", "chunk", 256)
                .edge("src.out", "x.in").edge("x.out", "k.in")
                .build();
        List<MetricsSnapshot> seen = new CopyOnWriteArrayList<>();
        Session s = engine.start(doc, RunOptions.defaults().withWorkerThreads(2));
        s.onMetrics(seen::add);
        sleep(650);
        RunResult r = s.stop();
        assertThat(seen.size()).isBetween(4, 9);
        MetricsSnapshot mid = seen.get(2);
        assertThat(mid.intervalNanos()).isBetween(50_000_000L, 300_000_000L);
        assertThat(mid.node("x").orElseThrow().framesInPerSec()).isPositive();
        assertThat(mid.node("x").orElseThrow().busyFraction()).isBetween(0.0, 1.0);
        assertThat(mid.edge("e1").orElseThrow().fill()).isBetween(0.0, 1.0);
        MetricsSnapshot last = r.finalMetrics();
        // Totals are exact at the end: every frame the multiplier published was consumed by the sink or is still
        // in the edge.
        long published = last.node("x").orElseThrow().framesOut();
        long consumed = last.node("k").orElseThrow().framesIn();
        assertThat(published - consumed).isEqualTo(last.edge("e2").orElseThrow().backlog());
        assertThat(last.node("src").orElseThrow().elementsOut())
                .isEqualTo(256 * last.node("src").orElseThrow().framesOut());
        assertThat(last.format()).contains("src", "x", "k", "e1", "e2", "busy");
    }

    @Test
    void warmChainAllocatesNothingOnItsWorkers() {
        GraphDocument doc = new GraphBuilder("alloc")
                .node("src", "basic.counter", "count", 0, "element", "f32", "chunk", 4096)
                .node("x1", "basic.multiply", "element", "f32", "chunk", 4096)
                .node("x2", "basic.multiply", "element", "f32", "chunk", 4096)
                .node("x3", "basic.multiply", "element", "f32", "chunk", 4096)
                .node("k", "basic.null_sink", "element", "f32", "chunk", 4096)
                .edge("src.out", "x1.in").edge("x1.out", "x2.in").edge("x2.out", "x3.in").edge("x3.out", "k.in")
                .build();
        Session s = engine.start(doc, RunOptions.defaults().withWorkerThreads(2));
        try {
            sleep(1500); // warm-up: let the JIT compile the duty cycle and the processors
            List<WorkerMetrics> before = s.metrics().workers();
            long framesBefore = s.metrics().node("k").orElseThrow().framesIn();
            sleep(700);
            List<WorkerMetrics> after = s.metrics().workers();
            long framesAfter = s.metrics().node("k").orElseThrow().framesIn();
            assertThat(framesAfter - framesBefore).as("frames moved while measuring").isGreaterThan(1000);
            assertThat(before).hasSize(2);
            for (int i = 0; i < before.size(); i++) {
                assertThat(before.get(i).allocatedBytes()).isNotNegative();
                assertThat(after.get(i).allocatedBytes() - before.get(i).allocatedBytes())
                        .as("bytes allocated by %s while moving %d frames", after.get(i).name(),
                                framesAfter - framesBefore)
                        .isZero();
            }
        } finally {
            s.stop();
        }
    }

    @Test
    void blockingNodeGetsItsOwnThreadAndIsInterruptedOnStop() {
        GraphDocument doc = new GraphBuilder("blocking")
                .node("src", "test.sleepy_source", "sleep_ms", 50)
                .node("k", "test.collect")
                .edge("src.out", "k.in")
                .build();
        ExecutionPlan plan = engine.plan(doc, RunOptions.defaults().withWorkerThreads(1));
        assertThat(plan.threadCount()).isEqualTo(2);
        Session s = engine.start(plan);
        waitUntil(() -> collector.values("k").size() >= 2, Duration.ofSeconds(5));
        assertThat(engineThreads()).contains("weir-blocking-src", "weir-worker-0");
        long t0 = System.nanoTime();
        RunResult r = s.stop();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
        assertThat(r.state()).isEqualTo(SessionState.STOPPED);
        assertThat(r.failure()).isEmpty();
        assertThat(collector.closed()).contains("src", "k");
    }

    @Test
    void invalidGraphIsRefusedBeforeAnyThreadStarts() {
        GraphDocument doc = new GraphBuilder("invalid")
                .node("x", "basic.multiply", "factor", "two")
                .node("k", "test.collect")
                .edge("x.out", "k.in")
                .build();
        assertThatThrownBy(() -> engine.start(doc, RunOptions.defaults()))
                .isInstanceOf(dev.weir.engine.model.InvalidGraphException.class)
                .hasMessageContaining("'factor'");
        assertThat(collector.opened()).isEmpty();
    }

    @Test
    void ipcEdgeIsRefusedRatherThanSilentlyRunInProcess() {
        GraphDocument doc = new GraphBuilder("ipc")
                .node("src", "basic.counter", "count", 10)
                .node("k", "test.collect")
                .edge("src.out", "k.in", EdgeSpec.DEFAULT.withTransport(dev.weir.engine.model.Transport.IPC))
                .build();
        // The runtime's tests have no engine/ipc on the class path, so the engine has no process transport.
        assertThat(engine.transport()).isEmpty();
        assertThatThrownBy(() -> engine.start(doc, RunOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("graph 'ipc'").hasMessageContaining("engine/ipc");
        GraphDocument placed = new GraphBuilder("placed")
                .node("src", "basic.counter", "count", 10)
                .node("k", "test.collect")
                .edge("src.out", "k.in")
                .build();
        GraphDocument elsewhere = placed.withNode(placed.node("src").orElseThrow().withProcess("w1"));
        assertThatThrownBy(() -> engine.plan(elsewhere, RunOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the main process");
        assertThat(collector.opened()).isEmpty();
    }

    @Test
    void planSplitsWorkersPerProcessGroupAndMarksQueueChannels() {
        GraphDocument doc = new GraphBuilder("groups")
                .node("src", "basic.counter", "count", 10)
                .node("x2", "basic.multiply", "factor", 2)
                .node("k", "test.collect")
                .edge("src.out", "x2.in").edge("x2.out", "k.in")
                .build();
        doc = doc.withNode(doc.node("x2").orElseThrow().withProcess("dsp"));
        ExecutionPlan plan = new Planner().plan(engine.validate(doc), RunOptions.defaults().withWorkerThreads(2));
        assertThat(plan.processes()).containsExactly("main", "dsp");
        assertThat(plan.cooperativeGroupsOf("main")).containsExactly(List.of("src"), List.of("k"));
        assertThat(plan.cooperativeGroupsOf("dsp")).containsExactly(List.of("x2"));
        assertThat(plan.channels()).allMatch(c -> c.transport() == dev.weir.engine.model.Transport.IPC);
        assertThat(plan.needsTransport()).isTrue();
        assertThat(plan.toDot()).contains("process dsp", "ipc");
    }

    @Test
    void planPrintsAsDotWithWorkersAndEdges() {
        GraphDocument doc = new GraphBuilder("dot")
                .node("src", "basic.counter", "count", 10)
                .node("sum", "basic.sum")
                .node("k", "test.collect")
                .edge("src.out", "sum.in0")
                .edge("sum.out", "sum.in1", EdgeSpec.DEFAULT.withDelay(1))
                .edge("sum.out", "k.in")
                .build();
        ExecutionPlan plan = engine.plan(doc, RunOptions.defaults().withWorkerThreads(2));
        assertThat(plan.cooperativeGroups()).containsExactly(List.of("src", "sum"), List.of("k"));
        assertThat(plan.channels()).hasSize(2);
        assertThat(plan.toDot()).contains("digraph \"dot\"", "cluster_worker_0", "\"src\" -> \"sum\"",
                "z^-1", "style=dashed", "basic.sum");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            sleep(2);
        }
    }
}
