package dev.weir.engine.ipc;

import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.ProcessSpec;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.Session;
import dev.weir.engine.runtime.SessionState;
import dev.weir.engine.runtime.metrics.ProcessMetrics;
import dev.weir.engine.runtime.testnodes.Collector;
import dev.weir.engine.runtime.testnodes.GraphBuilder;
import dev.weir.engine.runtime.testnodes.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worker processes dying under a running graph, and the lifecycle of a multi-process run: an infinite counter in
 * main, x2 in worker group {@code w}, a collecting sink in main.
 */
class SupervisionTest {

    @TempDir
    Path tmp;

    private final Collector collector = new Collector();

    private GraphDocument graph(ProcessSpec spec) {
        GraphDocument doc = new GraphBuilder("supervised")
                .node("src", "basic.counter", "count", 0)
                .node("x2", "basic.multiply", "factor", 2)
                .node("k", "test.collect")
                .edge("src.out", "x2.in", EdgeSpec.DEFAULT.withCapacity(64))
                .edge("x2.out", "k.in", EdgeSpec.DEFAULT.withCapacity(64))
                .build();
        return doc.withNode(doc.node("x2").orElseThrow().withProcess("w")).withProcessSpec("w", spec);
    }

    private Session start(GraphDocument doc) {
        Engine engine = new Engine(TestNodes.registry(collector), IpcTesting.transport(tmp));
        return engine.start(doc, RunOptions.defaults().withWorkerThreads(1).withMetricsInterval(Duration.ofMillis(20)));
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static ProcessMetrics w(Session s) {
        return s.metrics().process("w").orElseThrow();
    }

    @Test
    void aKilledWorkerIsNoticedWithinASecondRestartedAndTheSinkKeepsReceiving() throws Exception {
        Session s = start(graph(ProcessSpec.onFailure(3, 50, 1000)));
        try {
            await("the sink's first 1000 values", Duration.ofSeconds(60), () -> collector.values("k").size() > 1000);
            assertThat(w(s).state()).isEqualTo("RUNNING");
            long pid = w(s).pid();
            ProcessHandle victim = ProcessHandle.of(pid).orElseThrow();

            long killed = System.nanoTime();
            new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
            await("the failure to be noticed", Duration.ofSeconds(1),
                    () -> w(s).restarts() > 0 || !w(s).lastFailure().isEmpty());
            long noticedMs = (System.nanoTime() - killed) / 1_000_000;
            assertThat(noticedMs).as("noticed within 1 s").isLessThan(1000);
            assertThat(victim.isAlive()).isFalse();
            assertThat(w(s).lastFailure()).contains("killed by signal 9");
            assertThat(s.state()).as("the main process and the run survive").isEqualTo(SessionState.RUNNING);

            await("the restarted worker", Duration.ofSeconds(60),
                    () -> w(s).state().equals("RUNNING") && w(s).pid() != pid);
            assertThat(w(s).restarts()).isEqualTo(1);
            int before = collector.values("k").size();
            await("the sink to keep receiving", Duration.ofSeconds(60),
                    () -> collector.values("k").size() > before + 1000);
            List<Long> seen = collector.values("k");
            assertThat(seen).allMatch(v -> v % 2 == 0);
        } finally {
            RunResult r = s.stop();
            assertThat(r.state()).isEqualTo(SessionState.STOPPED);
        }
        assertThat(IpcTesting.liveChildren()).as("no worker left").isEmpty();
        assertThat(IpcTesting.leftovers(tmp.resolve("runs"))).as("no queue files left").isEmpty();
    }

    @Test
    void withRestartNeverTheGroupStaysDownTheRestRunsOnAndTheRunReportsIt() throws Exception {
        GraphDocument doc = graph(ProcessSpec.DEFAULT);
        // A finite source, so the run can end: the rest of the graph must finish although x2 is gone.
        doc = doc.withNode(doc.node("src").orElseThrow().withParam("count", 2_000_000L));
        Session s = start(doc);
        await("the worker to run", Duration.ofSeconds(60), () -> collector.values("k").size() > 100);
        long pid = w(s).pid();
        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        RunResult r = s.await(Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("run did not end"));
        assertThat(r.state()).isEqualTo(SessionState.FAILED);
        assertThat(r.failure().orElseThrow().message()).contains("process:w", "killed by signal 9");
        assertThat(r.finalMetrics().process("w").orElseThrow().state()).isEqualTo("GAVE_UP");
        assertThat(r.finalMetrics().node("x2").orElseThrow().phase()).isEqualTo("FAILED");
        assertThat(r.finalMetrics().node("k").orElseThrow().phase()).as("the sink ended its stream").isEqualTo("FINISHED");
        assertThat(IpcTesting.liveChildren()).isEmpty();
        assertThat(IpcTesting.leftovers(tmp.resolve("runs"))).isEmpty();
    }

    @Test
    void pauseResumeAndStopReachTheWorkerAndStopIsBounded() throws Exception {
        Session s = start(graph(ProcessSpec.DEFAULT));
        await("values", Duration.ofSeconds(60), () -> collector.values("k").size() > 100);
        s.pause();
        Thread.sleep(100);
        int paused = collector.values("k").size();
        Thread.sleep(300);
        assertThat(collector.values("k").size()).as("nothing flows while paused").isEqualTo(paused);
        s.resume();
        await("values after resume", Duration.ofSeconds(30), () -> collector.values("k").size() > paused + 100);
        long t0 = System.nanoTime();
        RunResult r = s.stop();
        long stopMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.state()).isEqualTo(SessionState.STOPPED);
        assertThat(stopMs).as("stop returns within the session's bound").isLessThan(10_000);
        assertThat(r.finalMetrics().process("w").orElseThrow().state()).isEqualTo("STOPPED");
        assertThat(IpcTesting.liveChildren()).isEmpty();
        assertThat(IpcTesting.leftovers(tmp.resolve("runs"))).isEmpty();
    }

    /** A run folder whose coordinator was SIGKILLed (its pid is dead) is removed by the next run; live ones stay. */
    @Test
    void runFoldersOfDeadCoordinatorsAreRemoved() throws Exception {
        Path base = tmp.resolve("runs");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path orphan = base.resolve("weir-g-" + gone.pid() + "-1");
        Path live = base.resolve("weir-g-" + ProcessHandle.current().pid() + "-99");
        for (Path d : List.of(orphan, live)) {
            java.nio.file.Files.createDirectories(d.resolve("ch-0"));
            java.nio.file.Files.writeString(d.resolve(IpcRun.MANIFEST_FILE), "0 -\n");
        }
        IpcTransport.removeOrphans(base);
        assertThat(orphan).doesNotExist();
        assertThat(live).exists();
    }
}
