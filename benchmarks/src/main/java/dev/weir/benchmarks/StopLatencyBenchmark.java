package dev.weir.benchmarks;

import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.Session;
import dev.weir.engine.runtime.SessionState;
import dev.weir.engine.runtime.metrics.EdgeMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How long {@code Session.stop()} takes, against the raw cost of stopping one parked thread, in the same run.
 *
 * <ul>
 *   <li>{@link #sessionStop}: the graph has two parts on a two-worker run: an endless {@code basic.counter}
 *       (integer records) into a {@code bench.stuck_sink} that never consumes, so that edge is full and the
 *       counter is blocked on it; and an endless f32 chain {@code basic.counter -> basic.multiply ->
 *       basic.null_sink} (chunks of 4096) that keeps the workers busy. Before each measured call the session is
 *       started and left running {@value #RUN_BEFORE_STOP_MS} ms (not measured); the measured call is
 *       {@code session.stop()}, which returns once every engine thread has ended and every processor is
 *       closed.</li>
 *   <li>{@link #threadInterruptJoin} (baseline): a plain platform thread loops on
 *       {@code LockSupport.parkNanos(1 ms)} until interrupted; after the same {@value #RUN_BEFORE_STOP_MS} ms
 *       the measured call is {@code interrupt()} then {@code join()}.</li>
 * </ul>
 * SampleTime mode: every call is timed, so the result has p50, p99 and max.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 8, time = 4)
@Fork(1)
public class StopLatencyBenchmark {

    /** How long the session (or thread) runs before it is stopped. */
    public static final long RUN_BEFORE_STOP_MS = 50;

    @State(Scope.Thread)
    public static class Running {
        private Engine engine;
        private GraphDocument doc;
        private RunOptions options;
        Session session;
        RunResult result;

        @Setup(Level.Trial)
        public void setUp() {
            engine = new Engine(Graphs.registry());
            GraphDocument d = GraphDocument.empty("stop-latency", "stop latency");
            d = Graphs.node(d, "stuck_src", "basic.counter", "element", "value", "count", 0L);
            d = Graphs.node(d, "stuck", "bench.stuck_sink");
            d = Graphs.edge(d, "stuck_src", "stuck");
            doc = Graphs.f32Chain(d, "busy_", 0L, 4096, 1, 1.0000001);
            options = RunOptions.defaults().withWorkerThreads(2);
            engine.plan(doc, options); // fail fast on an invalid graph
        }

        @Setup(Level.Invocation)
        public void start() throws InterruptedException {
            result = null;
            session = engine.start(doc, options);
            Thread.sleep(RUN_BEFORE_STOP_MS);
            if (session.state() != SessionState.RUNNING) {
                throw new IllegalStateException("session is " + session.state() + " after "
                        + RUN_BEFORE_STOP_MS + " ms: " + session.failure());
            }
        }

        @TearDown(Level.Invocation)
        public void check() {
            RunResult r = result != null ? result : session.stop();
            if (r.state() != SessionState.STOPPED) {
                throw new IllegalStateException("run ended " + r.state() + ": " + r.failure());
            }
            EdgeMetrics stuck = r.finalMetrics().edge("stuck_src-stuck").orElseThrow();
            if (stuck.backlog() != stuck.capacity()) {
                throw new IllegalStateException("the stuck edge held " + stuck.backlog() + " of "
                        + stuck.capacity() + " frames: the source was not blocked");
            }
            session = null;
        }
    }

    @Benchmark
    public RunResult sessionStop(Running s) {
        RunResult r = s.session.stop();
        s.result = r;
        return r;
    }

    @State(Scope.Thread)
    public static class Parked {
        Thread thread;

        @Setup(Level.Invocation)
        public void start() throws InterruptedException {
            thread = Thread.ofPlatform().name("parked").daemon(true).start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    LockSupport.parkNanos(1_000_000);
                }
            });
            Thread.sleep(RUN_BEFORE_STOP_MS);
        }

        @TearDown(Level.Invocation)
        public void check() throws InterruptedException {
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(10));
                throw new IllegalStateException("the parked thread was still alive after join()");
            }
        }
    }

    @Benchmark
    public Thread threadInterruptJoin(Parked s) throws InterruptedException {
        Thread t = s.thread;
        t.interrupt();
        t.join();
        return t;
    }
}
