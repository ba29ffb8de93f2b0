package dev.weir.benchmarks;

import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.PortRef;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.SessionState;
import dev.weir.nodes.radar.RadarNodes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Pulses per second through the radar chain {@code radar.pulse_sim -> radar.pulse_compression -> radar.mtd ->
 * radar.cfar} on two worker threads, with a PRI of 350 us and 1000 samples per pulse (16 pulses per CPI, the
 * ASSETS.md targets). Each operation is one complete engine run of {@value #PULSES} pulses, start-up included.
 *
 * <p>Its baselines are outside the JVM, so {@code benchmarks/radar-vs-numpy.sh} runs this benchmark and
 * {@code benchmarks/python/radar_chain.py} (the same chain in numpy, vectorised over each CPI) one after the other
 * and prints both ratios: against real time (1 / 350 us = 2857 pulses/s) and against numpy.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class RadarChainBenchmark {

    static final int SAMPLES = 1000;
    static final double PRT = 350e-6;
    static final int PULSES_PER_CPI = 16;
    static final int PULSES = PULSES_PER_CPI * 200;

    private Engine engine;
    private GraphDocument doc;

    @Setup
    public void setUp() {
        engine = new Engine(NodeRegistry.of(new RadarNodes()));
        doc = chain(PULSES);
    }

    /** The chain with the scenario's physics at 1000 samples per 350 us pulse. */
    static GraphDocument chain(long pulses) {
        double fs = SAMPLES / PRT;
        Object[] common = {"samples_per_pulse", (long) SAMPLES, "sample_rate_hz", fs};
        GraphDocument d = GraphDocument.empty("radar-bench", "radar chain benchmark");
        d = node(d, "sim", "radar.pulse_sim", common, "prt_s", PRT, "pulses_per_cpi", (long) PULSES_PER_CPI,
                "count", pulses);
        d = node(d, "pc", "radar.pulse_compression", common);
        d = node(d, "mtd", "radar.mtd", new Object[]{"samples_per_pulse", (long) SAMPLES},
                "pulses_per_cpi", (long) PULSES_PER_CPI);
        d = node(d, "cfar", "radar.cfar", common, "prt_s", PRT, "pulses_per_cpi", (long) PULSES_PER_CPI);
        d = edge(d, "sim", "pc");
        d = edge(d, "pc", "mtd");
        return edge(d, "mtd", "cfar");
    }

    private static GraphDocument node(GraphDocument d, String id, String type, Object[] common, Object... more) {
        Object[] all = new Object[common.length + more.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return d.withNode(NodeInstance.of(id, type, 1, Params.of(all)));
    }

    private static GraphDocument edge(GraphDocument d, String from, String to) {
        return d.withEdge(EdgeInstance.of(from + "-" + to, new PortRef(from, "out"), new PortRef(to, "in")));
    }

    /** One run of {@value #PULSES} pulses on two workers; JMH's ops/s is then pulses/s. */
    @Benchmark
    @OperationsPerInvocation(PULSES)
    public void chain() {
        RunResult r = engine.start(doc, RunOptions.defaults().withWorkerThreads(2)).await(Duration.ofMinutes(2))
                .orElseThrow(() -> new IllegalStateException("radar chain did not finish"));
        if (r.state() != SessionState.COMPLETED) {
            throw new IllegalStateException("radar chain ended " + r.state() + ": " + r.failure());
        }
    }
}
