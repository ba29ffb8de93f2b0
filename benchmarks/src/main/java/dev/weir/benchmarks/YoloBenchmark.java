package dev.weir.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.WorkStatus;
import dev.weir.nodes.vision.Letterbox;
import dev.weir.nodes.vision.VisionNodes;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What {@code vision.yolo} costs on top of the inference it wraps, in frames per second, same JVM, same thread
 * settings, one after the other:
 *
 * <ul>
 *   <li>{@code node}: one {@code process} call on dog.jpg (768x576 BGR24): letterbox into the input tensor,
 *       {@code OrtSession.run}, copy out and decode {@code [1, 84, 8400]}, per-class NMS, four records;</li>
 *   <li>{@code bareOrt}: {@code OrtSession.run} alone on a tensor prepared once (the same letterboxed picture),
 *       with the output pinned to a preallocated tensor as the node does, on a session created with the node's
 *       options (intra-op threads {@code threads}, one inter-op thread, sequential, all optimisations, no
 *       spinning).</li>
 * </ul>
 *
 * The ratio {@code node / bareOrt} is the share of the inference rate the node keeps; the goal is a node
 * overhead of at most 5% (ratio >= 0.95). {@link #interleaved} measures the same two things alternately within one
 * run, which holds up better when other processes load the machine. The model and image come from {@code assets/} (fetched by
 * {@code tools/fetch-assets.sh}): the folder named by {@code -Dweir.assets}, else the first {@code assets/} beside a
 * {@code tools/fetch-assets.sh} from the working directory up.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 4)
@Fork(1)
@State(Scope.Benchmark)
public class YoloBenchmark {

    /**
     * ORT intra-op threads for both sides: 0 is ORT's default (one per physical core); 1 runs the model on the
     * calling thread alone, which is the steadier measurement on a busy machine.
     */
    @Param({"0", "1"})
    int threads;

    /** The node, opened on dog.jpg's size. */
    @State(Scope.Benchmark)
    public static class NodeState {
        Processor node;
        Inputs in;
        Outputs out;
        BenchPorts.DiscardingOutput discarding;

        @Setup(Level.Trial)
        public void setUp(YoloBenchmark b) throws Exception {
            NodeDescriptor yolo = NodeRegistry.of(new VisionNodes()).find("vision.yolo").orElseThrow();
            Params params = yolo.canonicalParams(Params.of("model", asset("models/yolov8n.onnx").toString(),
                    "threads", (long) b.threads));
            Frame image = dogJpg();
            ResolvedPort declaredIn = yolo.resolveInputs(params).getFirst();
            ResolvedPort in0 = new ResolvedPort(declaredIn.name(), 0, image.type(), false, declaredIn.spec());
            ResolvedPort out0 = yolo.resolveOutputs(params).getFirst();
            in = new Inputs(List.of(new BenchPorts.LoopingInput(in0.name(), image.type(), image)));
            discarding = new BenchPorts.DiscardingOutput(out0.name(), out0.type());
            out = new Outputs(List.of(discarding));
            node = yolo.factory().create();
            node.open(new BenchPorts.Context("yolo", yolo, params, List.of(in0), List.of(out0)));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            node.close();
        }
    }

    /** A bare session with the node's options and a prepared input tensor. */
    @State(Scope.Benchmark)
    public static class BareState {
        OrtSession session;
        OnnxTensor input;
        OnnxTensor output;
        Map<String, OnnxTensor> inputs;
        Map<String, OnnxTensor> pinned;

        @Setup(Level.Trial)
        public void setUp(YoloBenchmark b) throws Exception {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
                o.setIntraOpNumThreads(b.threads);
                o.setInterOpNumThreads(1);
                o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                o.addConfigEntry("session.intra_op.allow_spinning", "0");
                session = env.createSession(asset("models/yolov8n.onnx").toString(), o);
            }
            FloatBuffer in = ByteBuffer.allocateDirect(3 * 640 * 640 * Float.BYTES).order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
            Frame dog = dogJpg();
            Letterbox lb = new Letterbox(768, 576, 640, 640);
            lb.pad(MemorySegment.ofBuffer(in));
            lb.fill(dog.bytes(), true, MemorySegment.ofBuffer(in));
            input = OnnxTensor.createTensor(env, in, new long[] {1, 3, 640, 640});
            FloatBuffer out = ByteBuffer.allocateDirect(84 * 8400 * Float.BYTES).order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
            output = OnnxTensor.createTensor(env, out, new long[] {1, 84, 8400});
            inputs = Map.of(session.getInputNames().iterator().next(), input);
            pinned = Map.of(session.getOutputNames().iterator().next(), output);
            session.run(inputs, Set.of(), pinned).close(); // ORT's first run sets up; the node does it in open()
        }

        @TearDown(Level.Trial)
        public void tearDown() throws OrtException {
            output.close();
            input.close();
            session.close();
        }
    }

    /** The node: one image in, one boxes list out. */
    @Benchmark
    public WorkStatus node(NodeState s) {
        s.discarding.published = 0;
        WorkStatus st = s.node.process(s.in, s.out);
        if (s.discarding.published != 1) {
            throw new IllegalStateException("expected one boxes list per call, got " + s.discarding.published);
        }
        return st;
    }

    /** The baseline: the inference alone on a prepared tensor. */
    @Benchmark
    public void bareOrt(BareState s) throws OrtException {
        s.session.run(s.inputs, Set.of(), s.pinned).close();
    }

    /**
     * Time spent in each side of {@link #interleaved}, summed per iteration and reported by JMH as secondary
     * results; {@link Main} turns them into a ratio.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Split {
        public long nodeNanos;
        public long bareNanos;
        public long frames;

        @Setup(Level.Iteration)
        public void reset() {
            nodeNanos = 0;
            bareNanos = 0;
            frames = 0;
        }
    }

    /**
     * Both sides in one operation, one right after the other, each timed with {@code System.nanoTime} (a few tens of
     * nanoseconds against tens of milliseconds). On a machine that other work shares, load comes and goes over
     * seconds; the separate {@link #node} and {@link #bareOrt} runs then see different load, while here every frame
     * of the node has a bare run beside it under the same load.
     */
    @Benchmark
    public void interleaved(NodeState n, BareState b, Split split) throws OrtException {
        long t0 = System.nanoTime();
        node(n);
        long t1 = System.nanoTime();
        b.session.run(b.inputs, Set.of(), b.pinned).close();
        long t2 = System.nanoTime();
        split.nodeNanos += t1 - t0;
        split.bareNanos += t2 - t1;
        split.frames++;
    }

    /** The asset at {@code relative} under the assets folder. */
    static Path asset(String relative) {
        String dir = System.getProperty("weir.assets");
        Path root = null;
        if (dir != null && !dir.isBlank()) {
            root = Path.of(dir);
        } else {
            for (Path p = Path.of("").toAbsolutePath(); p != null && root == null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("tools/fetch-assets.sh"))) {
                    root = p.resolve("assets");
                }
            }
        }
        Path file = root == null ? Path.of("assets", relative) : root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("benchmark asset " + file.toAbsolutePath() + " is missing; run "
                    + "tools/fetch-assets.sh assets from the repository root, or pass -Dweir.assets=DIR");
        }
        return file;
    }

    /** dog.jpg (768x576) as one BGR24 frame. */
    static Frame dogJpg() throws IOException {
        BufferedImage decoded = ImageIO.read(asset("images/dog.jpg").toFile());
        BufferedImage bgr = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(decoded, 0, 0, null);
        byte[] px = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        Frame f = new Frame(new DataType.ImageOf(PixelFormat.BGR24, Dim.of(bgr.getWidth()), Dim.of(bgr.getHeight())));
        System.arraycopy(px, 0, f.bytes(), 0, px.length);
        return f;
    }

}
