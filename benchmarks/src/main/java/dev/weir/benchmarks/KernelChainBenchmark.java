package dev.weir.benchmarks;

import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.InputPort;
import dev.weir.engine.api.Inputs;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.OutputPort;
import dev.weir.engine.api.Outputs;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.Processor;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.api.WorkStatus;
import dev.weir.kernels.image.Border;
import dev.weir.kernels.image.GaussianCoefficients;
import dev.weir.kernels.image.ImageNodes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Frames per second through {@code image.grey -> image.gaussian_blur (5x5, sigma 1) -> image.laplacian (ksize 1)}
 * on one 1280x720 RGB frame, on the CPU kernel backend, against a plain single-threaded fused scalar loop that
 * computes the same bytes in the same run.
 *
 * <ul>
 *   <li>{@link #kernelsAllCores}: the three nodes' processors, each opened with {@code threads = 0} (every core,
 *       one shared pool), called back to back; frames go from one to the next through one-slot hand-offs, as a
 *       fused worker of the engine would pass them. One operation is one frame through all three.</li>
 *   <li>{@link #kernelsOneThread} (control): the same with {@code threads = 1}: the kernels' own speed, without
 *       the pool.</li>
 *   <li>{@link #fusedScalar} (baseline): one loop over output rows that computes grey rows, horizontal and
 *       vertical Gaussian rows and the Laplacian on demand, with small row rings, no intermediate images, no
 *       threads. Plain per-pixel Java: whatever C2 auto-vectorises, it may.</li>
 * </ul>
 *
 * Set-up checks that all three produce the same output bytes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class KernelChainBenchmark {

    static final int W = 1280;
    static final int H = 720;
    static final double SIGMA = 1.0;
    static final int KSIZE = 5;

    private Chain allCores;
    private Chain oneThread;
    private Frame rgb;
    private FusedScalar fused;

    @Setup
    public void setUp() throws Exception {
        rgb = new Frame(new DataType.ImageOf(PixelFormat.RGB24, Dim.of(W), Dim.of(H)));
        fill(rgb.bytes());
        allCores = new Chain(rgb, 0);
        oneThread = new Chain(rgb, 1);
        fused = new FusedScalar(rgb.bytes());
        allCores.run();
        oneThread.run();
        fused.run();
        if (!Arrays.equals(allCores.output(), fused.out) || !Arrays.equals(oneThread.output(), fused.out)) {
            throw new IllegalStateException("the kernel chain and the fused loop disagree");
        }
    }

    @TearDown
    public void tearDown() throws Exception {
        allCores.close();
        oneThread.close();
    }

    /** Gradients, a checker pattern and noise: edges everywhere, as in a video frame. */
    static void fill(byte[] b) {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int c = 0; c < 3; c++) {
                    b[(y * W + x) * 3 + c] = (byte) (x * (c + 1) / 5 + y / 3 + ((x / 97 + y / 61) % 2) * 90
                            + rnd.nextInt(-25, 26));
                }
            }
        }
    }

    /** One frame through the three nodes on every core (one shared pool). */
    @Benchmark
    public byte kernelsAllCores() {
        allCores.run();
        return allCores.output()[W * H / 2];
    }

    /** One frame through the three nodes with one thread each (control: the kernels without the pool). */
    @Benchmark
    public byte kernelsOneThread() {
        oneThread.run();
        return oneThread.output()[W * H / 2];
    }

    /** One frame through the fused single-threaded loop (baseline). */
    @Benchmark
    public void fusedScalar(Blackhole bh) {
        fused.run();
        bh.consume(fused.out);
    }

    // ------------------------------------------------------------------------------------------ node chain

    /** The three processors and the hand-offs between them. */
    static final class Chain implements AutoCloseable {
        private final List<Processor> nodes = new ArrayList<>();
        private final List<Inputs> ins = new ArrayList<>();
        private final List<Outputs> outs = new ArrayList<>();
        private final Slot last;

        Chain(Frame rgb, int threads) throws Exception {
            NodeRegistry registry = NodeRegistry.of(new ImageNodes());
            InputPort source = new BenchPorts.LoopingInput(rgb);
            DataType type = rgb.type();
            Slot slot = null;
            String[] ids = {"image.grey", "image.gaussian_blur", "image.laplacian"};
            Params[] params = {Params.of("format", "rgb24"), Params.of("ksize", KSIZE, "sigma", SIGMA),
                    Params.of("ksize", 1)};
            for (int step = 0; step < ids.length; step++) {
                NodeDescriptor d = registry.find(ids[step]).orElseThrow();
                Params p = d.canonicalParams(params[step].with("threads", threads));
                List<ResolvedPort> in = d.resolveInputs(p);
                in = List.of(new ResolvedPort(in.getFirst().name(), 0, type, false, in.getFirst().spec()));
                List<ResolvedPort> declared = d.resolveOutputs(p);
                DataType outType = d.inference().outputs(p, in, declared).getFirst();
                List<ResolvedPort> out = List.of(new ResolvedPort(declared.getFirst().name(), 0, outType, false,
                        declared.getFirst().spec()));
                Processor proc = d.factory().create();
                proc.open(new BenchPorts.Context(d.id().replace('.', '_'), d, p, in, out));
                Slot next = new Slot(outType);
                nodes.add(proc);
                ins.add(new Inputs(List.of(slot == null ? source : slot)));
                outs.add(new Outputs(List.of(next)));
                slot = next;
                type = outType;
            }
            last = slot;
        }

        void run() {
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i).process(ins.get(i), outs.get(i)) != WorkStatus.OK) {
                    throw new IllegalStateException("node " + i + " made no progress");
                }
            }
            last.full = false; // the sink takes the frame
        }

        byte[] output() {
            return last.frame.bytes();
        }

        @Override
        public void close() throws Exception {
            for (Processor p : nodes) {
                p.close();
            }
        }
    }

    /** A one-frame hand-off between two processors: the writer's output and the reader's input. */
    static final class Slot implements InputPort, OutputPort {
        final Frame frame;
        boolean full;

        Slot(DataType type) {
            this.frame = new Frame(type);
        }

        @Override
        public String name() {
            return "slot";
        }

        @Override
        public DataType type() {
            return frame.type();
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public int available() {
            return full ? 1 : 0;
        }

        @Override
        public Frame peek() {
            return frame;
        }

        @Override
        public void release() {
            full = false;
        }

        @Override
        public int position() {
            return 0;
        }

        @Override
        public void consume(int elements) {
            full = false;
        }

        @Override
        public boolean isEndOfStream() {
            return false;
        }

        @Override
        public int remaining() {
            return full ? 0 : 1;
        }

        @Override
        public Frame claim() {
            return frame;
        }

        @Override
        public void publish() {
            full = true;
        }
    }

    // ------------------------------------------------------------------------------------------ baseline

    /**
     * The baseline: output row by output row, computing each grey row, horizontal Gaussian row and blurred row
     * once, when first needed, into rings of rows (5 horizontal rows, 3 blurred rows). Same fixed-point arithmetic
     * as OpenCV and the kernels, so the bytes agree.
     */
    static final class FusedScalar {
        final byte[] rgb;
        final byte[] out = new byte[W * H];
        final int[] k = GaussianCoefficients.fixedPoint(KSIZE, SIGMA);
        final int r = KSIZE / 2;
        final int[] grey = new int[W];
        final int[][] hRows = new int[8][W];
        final int[] hTag = new int[8];
        final int[][] bRows = new int[4][W];
        final int[] bTag = new int[4];
        final int[][] taps = new int[KSIZE][];

        FusedScalar(byte[] rgb) {
            this.rgb = rgb;
        }

        void run() {
            Arrays.fill(hTag, -1);
            Arrays.fill(bTag, -1);
            for (int y = 0; y < H; y++) {
                int[] up = blurred(Border.reflect101(y - 1, H));
                int[] mid = blurred(y);
                int[] dn = blurred(Border.reflect101(y + 1, H));
                int o = y * W;
                for (int x = 0; x < W; x++) {
                    int l = x == 0 ? 1 : x - 1;
                    int rr = x == W - 1 ? W - 2 : x + 1;
                    int v = up[x] + dn[x] + mid[l] + mid[rr] - 4 * mid[x];
                    out[o + x] = (byte) Math.min(Math.abs(v), 255);
                }
            }
        }

        /** Blurred row {@code y}, computed on first use. */
        private int[] blurred(int y) {
            int slot = y & 3;
            int[] row = bRows[slot];
            if (bTag[slot] == y) {
                return row;
            }
            bTag[slot] = y;
            // Five consecutive (or reflected) rows fall in distinct slots of the ring of eight.
            for (int j = 0; j < KSIZE; j++) {
                taps[j] = horizontal(Border.reflect101(y - r + j, H));
            }
            for (int x = 0; x < W; x++) {
                int s = 0;
                for (int j = 0; j < KSIZE; j++) {
                    s += k[j] * taps[j][x];
                }
                row[x] = (s + (1 << 15)) >> 16;
            }
            return row;
        }

        /** Horizontal Gaussian row {@code y} of the grey image, computed on first use. */
        private int[] horizontal(int y) {
            int slot = y & 7;
            int[] row = hRows[slot];
            if (hTag[slot] == y) {
                return row;
            }
            hTag[slot] = y;
            int s = y * W * 3;
            for (int x = 0; x < W; x++, s += 3) {
                grey[x] = (9798 * (rgb[s] & 0xFF) + 19235 * (rgb[s + 1] & 0xFF) + 3735 * (rgb[s + 2] & 0xFF)
                        + (1 << 14)) >> 15;
            }
            for (int x = 0; x < W; x++) {
                int acc = 0;
                for (int j = 0; j < KSIZE; j++) {
                    int sx = x - r + j;
                    acc += k[j] * grey[sx < 0 ? -sx : sx >= W ? 2 * W - 2 - sx : sx];
                }
                row[x] = acc;
            }
            return row;
        }
    }
}
