package dev.weir.benchmarks;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.WorkStatus;
import dev.weir.nodes.dsp.DspNodes;
import org.jtransforms.fft.FloatFFT_1D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the {@code dsp.fft} node costs on top of the transform it wraps: one {@code process} call that takes a
 * chunk of {@code size} complex samples and publishes one spectrum, against a bare JTransforms
 * {@code complexForward} of the same size in the same run. Power-of-two sizes, where the node calls JTransforms
 * itself, so the difference is the node's own work: copying the chunk in, the window and the port calls.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FftOverheadBenchmark {

    @Param({"1024", "4096"})
    int size;

    private Processor node;
    private Inputs in;
    private Outputs out;
    private BenchPorts.DiscardingOutput discarding;
    private FloatFFT_1D bare;
    private float[] input;
    private float[] work;

    @Setup
    public void setUp() throws Exception {
        NodeDescriptor fft = NodeRegistry.of(new DspNodes()).find("dsp.fft").orElseThrow();
        Params params = fft.canonicalParams(Params.of("fft_size", (long) size, "input", "complex",
                "window", "rectangular"));
        DataType chunkType = new DataType.SampleStream(ElementType.COMPLEX64, Dim.of(size));
        Frame chunk = new Frame(chunkType).setLength(size);
        input = chunk.floats();
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) Math.sin(i * 0.01);
        }
        List<ResolvedPort> ins = fft.resolveInputs(params);
        List<ResolvedPort> outs = fft.resolveOutputs(params);
        in = new Inputs(List.of(new BenchPorts.LoopingInput(ins.getFirst().name(), chunkType, chunk)));
        discarding = new BenchPorts.DiscardingOutput(outs.getFirst().name(), outs.getFirst().type());
        out = new Outputs(List.of(discarding));
        node = fft.factory().create();
        node.open(new BenchPorts.Context("fft", fft, params, ins, outs));
        bare = new FloatFFT_1D(size);
        work = new float[2 * size];
    }

    /** The node: one chunk in, one spectrum out (the output takes one frame per operation). */
    @Benchmark
    public WorkStatus node() {
        discarding.reset();
        WorkStatus s = node.process(in, out);
        if (discarding.published != 1) {
            throw new IllegalStateException("expected one spectrum per call, got " + discarding.published);
        }
        return s;
    }

    /** The baseline: copy the chunk (the node must too) and transform it. */
    @Benchmark
    public void bareJTransforms(Blackhole bh) {
        System.arraycopy(input, 0, work, 0, work.length);
        bare.complexForward(work);
        bh.consume(work);
    }

}
