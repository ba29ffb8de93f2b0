package dev.weir.benchmarks;

import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.Session;
import dev.weir.engine.runtime.SessionState;
import dev.weir.engine.runtime.metrics.NodeMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Samples per second through a chain {@code basic.counter -> n x basic.multiply -> basic.null_sink} (all f32,
 * chunks of {@value #CHUNK}), run by the engine on two worker threads, against one fused single-threaded loop
 * that does the same work in the same run.
 *
 * <ul>
 *   <li>{@link #pipeline}: one complete engine run per operation: {@code Engine.start(doc,
 *       RunOptions.defaults().withWorkerThreads(2))} then {@code session.await(...)}. The counter is finite
 *       ({@value #SAMPLES} samples), so the run completes by itself. Validation, planning, ring allocation and
 *       thread start-up (and thread exit) are inside the operation. A whole run of one chunk takes 2 ms (n=1) to
 *       6 ms (n=10), while one operation lasts about 0.3 s (n=1) to 1.5 s (n=10) on a 2-core machine, so they
 *       are under 1% of it.</li>
 *   <li>{@link #fused} (baseline): for each of the same {@value #CHUNKS} chunks, write the counter values
 *       {@code base + i} into one 4096-float buffer, multiply it in place {@code n} times by the same
 *       {@code (float) factor}, and hand it to a Blackhole.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 9, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ChainBenchmark {

    /** Samples per frame. */
    public static final int CHUNK = 4096;
    /** Frames the counter emits per run. */
    public static final int CHUNKS = 100_000;
    /** Samples per operation (the JMH "op" count of one invocation). */
    public static final int SAMPLES = CHUNK * CHUNKS;
    /** The multiply factor. */
    public static final double FACTOR = 1.0000001;

    /** Multiply nodes in the chain. */
    @Param({"1", "3", "10"})
    public int n;

    private Engine engine;
    private GraphDocument doc;
    private RunOptions options;
    private float[] buffer;

    @Setup(Level.Trial)
    public void setUp() {
        engine = new Engine(Graphs.registry());
        doc = Graphs.f32Chain(GraphDocument.empty("chain-" + n, "chain of " + n), "", SAMPLES, CHUNK, n, FACTOR);
        options = RunOptions.defaults().withWorkerThreads(2);
        engine.plan(doc, options); // fail fast on an invalid graph
        buffer = new float[CHUNK];
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public RunResult pipeline() {
        Session session = engine.start(doc, options);
        RunResult r = session.await(Duration.ofMinutes(5))
                .orElseThrow(() -> new IllegalStateException("chain of " + n + " did not finish within 5 min"));
        if (r.state() != SessionState.COMPLETED) {
            throw new IllegalStateException("chain of " + n + " ended " + r.state() + ": " + r.failure());
        }
        NodeMetrics sink = r.finalMetrics().node("sink").orElseThrow();
        if (sink.framesIn() != CHUNKS) {
            throw new IllegalStateException("sink read " + sink.framesIn() + " frames, expected " + CHUNKS);
        }
        return r;
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void fused(Blackhole bh) {
        float[] buf = buffer;
        float f = (float) FACTOR;
        int multiplies = n;
        for (long emitted = 0; emitted < SAMPLES; emitted += CHUNK) {
            int len = (int) Math.min(CHUNK, SAMPLES - emitted);
            fusedChunk(buf, emitted, len, multiplies, f); // the counter's start is 0
            bh.consume(buf);
        }
    }

    /**
     * One chunk of the fused loop: the counter values, then {@code multiplies} in-place multiplications. A method of
     * its own, called 100,000 times per operation, so the JIT compiles it normally and early instead of relying on
     * on-stack replacement of one long loop.
     */
    private static void fusedChunk(float[] buf, long base, int len, int multiplies, float f) {
        for (int i = 0; i < len; i++) {
            buf[i] = base + i;
        }
        for (int k = 0; k < multiplies; k++) {
            for (int i = 0; i < len; i++) {
                buf[i] *= f;
            }
        }
    }
}
