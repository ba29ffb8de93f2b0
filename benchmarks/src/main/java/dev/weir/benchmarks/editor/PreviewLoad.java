package dev.weir.benchmarks.editor;

import dev.weir.editor.preview.PreviewBoard;
import dev.weir.editor.preview.PreviewDock;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.api.preview.PreviewHub;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeState;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.model.PortRef;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.Session;
import dev.weir.engine.runtime.metrics.NodeMetrics;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The two preview figures of issue 7, on the real engine and the editor's real preview panels (a {@link PreviewDock}
 * in a shown window, drawn by a {@link PreviewBoard} on the FX thread of this same process):
 *
 * <ol>
 *   <li><b>pipeline</b>: frames per second out of the source of two examples, unpaced and endless, with their
 *       previews open, against the same graph with the preview nodes disabled (and, as a third case, with the
 *       preview nodes running but no viewer): {@code fft-sinusoids.dag} (tones -> FFT -> magnitude, light work per
 *       frame, 15-19 thousand chunks a second; time plot, spectrum and waterfall) and {@code radar-pc-mtd.dag} (pulse
 *       simulator -> pulse compression -> MTD -> CFAR, heavy work per pulse; the range-Doppler map). Rounds alternate (without, with) so that machine load hits both
 *       alike; the ratio is median(with) / median(without). Goal: at least 0.9.</li>
 *   <li><b>video</b>: a 1280x720 H.264 clip decoded to bgr24 and paced at its own 30 frames/s ({@code realtime},
 *       looping) into {@code preview.video}: pictures drawn per second in the panel against frames per second out of
 *       the source. Goal: the preview keeps up (ratio about 1.0).</li>
 * </ol>
 *
 * <pre>
 *   benchmarks/preview-load.sh          (makes the 720p clip, then runs this under xvfb-run)
 * </pre>
 *
 * <p>Not a unit test: it measures and prints, it does not assert. Arguments: {@code [pipeline|video|all]
 * [CLIP]}; {@code -Drounds=N} (default 4) and {@code -Dseconds=S} (default 4) per pipeline round;
 * {@code -Dstage=WxH} the window's size (default 1400x900).
 */
public final class PreviewLoad {

    private static final int ROUNDS = Integer.getInteger("rounds", 4);
    private static final double SECONDS = Double.parseDouble(System.getProperty("seconds", "4"));

    private PreviewLoad() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "all";
        Path clip = Path.of(args.length > 1 ? args[1] : "benchmarks/target/clip-720p.mp4");
        NodeRegistry registry = NodeRegistry.load(PreviewLoad.class.getClassLoader());
        Engine engine = new Engine(registry);

        Platform.startup(() -> { });
        AtomicReference<PreviewBoard> boardRef = new AtomicReference<>();
        onFx(() -> {
            // The editor's theme, whose looked-up colours the dock's stylesheet uses.
            javafx.application.Application.setUserAgentStylesheet(
                    new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            Stage stage = new Stage();
            PreviewDock dock = new PreviewDock(stage);
            PreviewBoard board = new PreviewBoard(dock);
            String[] size = System.getProperty("stage", "1400x900").split("x");
            stage.setScene(new Scene(dock.view(), Double.parseDouble(size[0]), Double.parseDouble(size[1])));
            stage.setTitle("Weir preview load");
            stage.show();
            boardRef.set(board);
        });
        PreviewBoard board = boardRef.get();
        try {
            if (mode.equals("pipeline") || mode.equals("all")) {
                pipeline(engine, registry, board, "fft-sinusoids.dag", "tones");
                pipeline(engine, registry, board, "radar-pc-mtd.dag", "sim");
            }
            if (mode.equals("video") || mode.equals("all")) {
                video(engine, board, clip);
            }
        } finally {
            Platform.exit();
        }
    }

    private static void pipeline(Engine engine, NodeRegistry registry, PreviewBoard board, String file, String source)
            throws Exception {
        GraphDocument example = new DagCodec(registry).read(Path.of("examples", file));
        // Endless and unpaced: the source runs as fast as the chain takes its output.
        GraphDocument with = example.withNode(example.node(source).orElseThrow().withParam("count", 0L));
        GraphDocument without = with;
        List<String> previews = new ArrayList<>();
        for (NodeInstance n : with.nodes().values()) {
            if (n.type().startsWith("preview.")) {
                previews.add(n.id());
                without = without.withNode(n.withState(NodeState.DISABLED));
            }
        }
        System.out.printf(Locale.ROOT, "pipeline: %s, previews %s, %d rounds of %.1f s after 1.5 s warm-up%n",
                example.id(), previews, ROUNDS, SECONDS);
        double[] a = new double[ROUNDS];
        double[] b = new double[ROUNDS];
        double[] c = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            a[r] = sourceRate(engine, without, source, PreviewHub.NONE, null, null);
            c[r] = sourceRate(engine, with, source, PreviewHub.NONE, null, null);
            long[] drawn = new long[1];
            b[r] = sourceRate(engine, with, source, board, board, drawn);
            System.out.printf(Locale.ROOT, "  round %d: without previews %.0f frames/s, preview nodes with no viewer "
                    + "%.0f, previews open %.0f (%d pictures drawn over %d panels)%n", r + 1, a[r], c[r], b[r],
                    drawn[0], previews.size());
        }
        double ma = median(a);
        double mb = median(b);
        double mc = median(c);
        System.out.printf(Locale.ROOT, "pipeline, preview nodes with no viewer / without: %.3f (medians %.0f / %.0f "
                + "frames/s)%n", mc / ma, mc, ma);
        System.out.printf(Locale.ROOT, "pipeline with previews open / without: %.3f (medians %.0f / %.0f frames/s)%n",
                mb / ma, mb, ma);
    }

    /** Frames per second out of node {@code source} over {@link #SECONDS}, after a warm-up. */
    private static double sourceRate(Engine engine, GraphDocument doc, String source, PreviewHub hub,
                                     PreviewBoard board, long[] drawn) throws Exception {
        Session s = engine.start(doc, RunOptions.defaults().withWorkerThreads(2).withPreviews(hub));
        try {
            Thread.sleep(1500);
            long r0 = board == null ? 0 : totalRendered(board);
            long f0 = framesOut(s, source);
            long t0 = System.nanoTime();
            Thread.sleep((long) (SECONDS * 1000));
            long f1 = framesOut(s, source);
            long t1 = System.nanoTime();
            if (drawn != null) {
                drawn[0] = totalRendered(board) - r0;
            }
            return (f1 - f0) / ((t1 - t0) / 1e9);
        } finally {
            s.stop();
        }
    }

    private static void video(Engine engine, PreviewBoard board, Path clip) throws Exception {
        if (!Files.isRegularFile(clip)) {
            throw new IllegalStateException("no clip at " + clip + "; benchmarks/preview-load.sh makes it");
        }
        GraphDocument d = GraphDocument.empty("preview-720p", "720p video preview");
        d = d.withNode(NodeInstance.of("video", "video.file_source", 1, Params.of("path", clip.toString(),
                "pixel_format", "bgr24", "loop", true, "realtime", true)));
        d = d.withNode(NodeInstance.of("view", "preview.video", 1, Params.of("format", "bgr24")));
        d = d.withEdge(EdgeInstance.of("v", new PortRef("video", "out"), new PortRef("view", "image"))
                .withSpec(EdgeSpec.DEFAULT.withOverflow(OverflowPolicy.KEEP_LATEST).withCapacity(2)));
        Session s = engine.start(d, RunOptions.defaults().withWorkerThreads(2).withPreviews(board));
        try {
            Thread.sleep(2000);
            long r0 = rendered(board, "view");
            long f0 = framesOut(s, "video");
            long t0 = System.nanoTime();
            Thread.sleep(10_000);
            long r1 = rendered(board, "view");
            long f1 = framesOut(s, "video");
            double dt = (System.nanoTime() - t0) / 1e9;
            double src = (f1 - f0) / dt;
            double drawnRate = (r1 - r0) / dt;
            System.out.printf(Locale.ROOT, "video 1280x720 bgr24: source %.2f frames/s, preview drew %.2f pictures/s,"
                    + " ratio %.3f (over %.1f s)%n", src, drawnRate, drawnRate / src, dt);
        } finally {
            s.stop();
        }
    }

    private static long framesOut(Session s, String node) {
        return s.metrics().node(node).map(NodeMetrics::framesOut).orElse(0L);
    }

    private static long rendered(PreviewBoard board, String node) throws Exception {
        CompletableFuture<Long> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(board.stats(node).map(PreviewBoard.Stats::rendered).orElse(0L)));
        return f.get();
    }

    private static long totalRendered(PreviewBoard board) throws Exception {
        CompletableFuture<Long> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(board.nodeIds().stream()
                .mapToLong(id -> board.stats(id).map(PreviewBoard.Stats::rendered).orElse(0L)).sum()));
        return f.get();
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                f.complete(null);
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        f.get();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
