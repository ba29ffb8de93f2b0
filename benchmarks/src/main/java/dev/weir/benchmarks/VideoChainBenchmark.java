package dev.weir.benchmarks;

import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.PortRef;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.SessionState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Frames per second of the 720p filter chain {@code video.file_source (bgr24) -> image.grey ->
 * image.gaussian_blur (5x5) -> image.laplacian (3x3) -> basic.null_sink}, decoding included. Each operation is one
 * complete engine run over the clip; the score is frames per second.
 *
 * <p>The baseline is ffmpeg's filtergraph doing the same operations on the same file with the same thread count,
 * outside the JVM: {@code benchmarks/video-vs-ffmpeg.sh} makes the clip, runs this benchmark and ffmpeg one after
 * the other and prints the ratio.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@State(Scope.Benchmark)
public class VideoChainBenchmark {

    /** Frames in the clip the script makes ({@code video-vs-ffmpeg.sh} passes the same number to ffmpeg). */
    public static final int FRAMES = 300;

    /** The clip: 1280x720 H.264, {@value #FRAMES} frames. */
    @Param("target/clip-720p.mp4")
    public String clip;

    /** Engine worker threads (the kernels' CPU backend uses every core on its own). */
    @Param("2")
    public int threads;

    private Engine engine;
    private GraphDocument doc;

    @Setup
    public void setUp() {
        Path path = Path.of(clip).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("no clip at " + path + "; run benchmarks/video-vs-ffmpeg.sh, which makes it");
        }
        engine = new Engine(NodeRegistry.load(VideoChainBenchmark.class.getClassLoader()));
        doc = chain(path);
    }

    static GraphDocument chain(Path clip) {
        GraphDocument d = GraphDocument.empty("video-bench", "720p filter chain benchmark");
        d = d.withNode(NodeInstance.of("src", "video.file_source", 1,
                Params.of("path", clip.toString(), "pixel_format", "bgr24")));
        d = d.withNode(NodeInstance.of("grey", "image.grey", 1, Params.of("format", "bgr24")));
        d = d.withNode(NodeInstance.of("blur", "image.gaussian_blur", 1, Params.of("format", "gray8", "ksize", 5L, "sigma", 1.0)));
        d = d.withNode(NodeInstance.of("lap", "image.laplacian", 1, Params.of("format", "gray8", "ksize", 3L)));
        d = d.withNode(NodeInstance.of("sink", "basic.null_sink", 1, Params.of("element", "gray8")));
        d = edge(d, "src", "grey");
        d = edge(d, "grey", "blur");
        d = edge(d, "blur", "lap");
        return edge(d, "lap", "sink");
    }

    private static GraphDocument edge(GraphDocument d, String from, String to) {
        // Four frames of slack per edge: enough to decouple the stages, and 4 x 2.7 MB instead of 16 x 2.7 MB.
        return d.withEdge(EdgeInstance.of(from + "-" + to, new PortRef(from, "out"), new PortRef(to, "in"))
                .withSpec(EdgeSpec.DEFAULT.withCapacity(4)));
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void chain() {
        RunResult r = engine.start(doc, RunOptions.defaults().withWorkerThreads(threads))
                .await(Duration.ofMinutes(5))
                .orElseThrow(() -> new IllegalStateException("video chain did not finish in 5 minutes"));
        if (r.state() != SessionState.COMPLETED) {
            throw new IllegalStateException("video chain ended " + r.state() + ": " + r.failure());
        }
    }
}
