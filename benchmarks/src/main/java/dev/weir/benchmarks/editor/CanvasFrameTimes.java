package dev.weir.benchmarks.editor;

import dev.weir.editor.ui.EditorOptions;
import dev.weir.editor.ui.EditorWindow;
import dev.weir.editor.ui.FxDialogs;
import dev.weir.editor.ui.GraphCanvas;
import dev.weir.editor.ui.Viewport;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.GraphValidator;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/**
 * Frame times of the editor canvas on a 1000-node, 1200-edge graph while it pans and zooms: a real editor window
 * (menus, palette, inspector and all), driven frame by frame from an {@link AnimationTimer}, which records the
 * time between consecutive pulses.
 *
 * <pre>
 *   xvfb-run -a -s "-screen 0 1600x1000x24" java -Djavafx.animation.fullspeed=true --enable-native-access=ALL-UNNAMED \
 *       -cp benchmarks/target/benchmarks.jar dev.weir.benchmarks.editor.CanvasFrameTimes
 * </pre>
 *
 * <p>With {@code javafx.animation.fullspeed=true} pulses run back to back instead of at 60 Hz, and JavaFX waits for
 * the previous frame's rendering before the next pulse, so the interval between two pulses is the frame time: the
 * application thread's work (this timer, the canvas draw, CSS, layout) plus the wait for the render thread. Without
 * it, intervals are whole vsync periods and the report counts frames that missed one. The canvas's own draw time
 * on the application thread is reported beside it.
 *
 * <p>Phases, each {@value #FRAMES} frames after {@value #WARMUP} of warm-up: pan with the whole graph in view
 * (lowest detail), pan at 100 % (full detail, few nodes), pan at 40 % (titles and ports of about 150 nodes), and a
 * zoom sweep from 5 % to 200 % and back. Arguments {@code ROWS COLS} change the graph's size ({@code 0 0}: an empty
 * canvas, the fixed cost of a frame); {@code -Dframes=N} the frames per phase; {@code -Dscreenshots=DIR} saves a
 * picture of each phase (taken before its measured frames). Not a unit test: it measures, it
 * does not assert.
 */
public final class CanvasFrameTimes {

    static final int WARMUP = 120;
    static final int FRAMES = Integer.getInteger("frames", 600);

    private CanvasFrameTimes() {
    }

    /** One phase: a name and what each frame does to the view. */
    private record Phase(String name, Runnable setup, IntConsumer frame) {
    }

    public static void main(String[] args) throws Exception {
        NodeRegistry registry = NodeRegistry.load(CanvasFrameTimes.class.getClassLoader());
        int rows = args.length == 2 ? Integer.parseInt(args[0]) : 25;
        int cols = args.length == 2 ? Integer.parseInt(args[1]) : 40;
        GraphDocument doc = LargeGraph.grid(registry, rows, cols);
        int problems = new GraphValidator(registry).validate(doc).size();
        Path state = Files.createTempDirectory("weir-frames");
        CountDownLatch done = new CountDownLatch(1);
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "graph: %d nodes, %d edges, %d problems; java %s; %s; load %s",
                doc.nodes().size(), doc.edges().size(), problems, System.getProperty("java.version"),
                Boolean.getBoolean("javafx.animation.fullspeed") ? "fullspeed pulses" : "60 Hz pulses", load()));

        Platform.startup(() -> {
            Stage stage = new Stage();
            EditorWindow w = EditorWindow.open(stage, new EditorOptions(registry, null, state, new FxDialogs(),
                    Duration.ofSeconds(60), false));
            stage.setWidth(1360);
            stage.setHeight(860);
            w.model().history().reset(doc, true);
            GraphCanvas canvas = w.canvas();
            Viewport v = canvas.viewport();
            List<Phase> phases = List.of(
                    new Phase("pan, whole graph in view", canvas::fitToView, i -> v.panBy(i % 240 < 120 ? 3 : -3, 1.5 * Math.sin(i / 20.0))),
                    new Phase("pan at 100 %", () -> {
                        canvas.fitToView();
                        canvas.resetZoom();
                    }, i -> v.panBy(i % 240 < 120 ? -6 : 6, i % 120 < 60 ? -3 : 3)),
                    new Phase("pan at 40 %", () -> {
                        canvas.fitToView();
                        v.zoomTo(0.4, canvas.getWidth() / 2, canvas.getHeight() / 2);
                    }, i -> v.panBy(i % 240 < 120 ? -5 : 5, i % 120 < 60 ? -2 : 2)),
                    new Phase("zoom sweep 5 % .. 200 %", canvas::fitToView, i -> {
                        // Exponential sweep up and down: 5 % to 200 % in 300 frames, then back.
                        double t = (i % 600) / 300.0;
                        double s = 0.05 * Math.pow(40, t <= 1 ? t : 2 - t);
                        v.zoomTo(s, canvas.getWidth() * (0.3 + 0.4 * ((i % 97) / 97.0)), canvas.getHeight() / 2);
                    }));
            new AnimationTimer() {
                int phase = -1;
                int frame;
                long last;
                long[] intervals;
                long[] draws;
                long[] cpus;
                long[] renders;
                long lastCpu;
                long lastRender;
                final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                final long fxThread = Thread.currentThread().threadId();
                final long renderThread = renderThreadId();

                @Override
                public void handle(long now) {
                    if (phase < 0 || frame == WARMUP + FRAMES) {
                        if (phase >= 0) {
                                report.add(summary(phases.get(phase).name(), intervals, draws, cpus, renders));
                        }
                        phase++;
                        if (phase == phases.size()) {
                            stop();
                            stage.close();
                            done.countDown();
                            return;
                        }
                        phases.get(phase).setup().run();
                        frame = 0;
                        last = 0;
                        intervals = new long[FRAMES];
                        draws = new long[FRAMES];
                        cpus = new long[FRAMES];
                        renders = new long[FRAMES];
                    }
                    long t = System.nanoTime();
                    long render = threads.getThreadCpuTime(renderThread);
                    long cpu = threads.getThreadCpuTime(fxThread) + render;
                    if (frame > WARMUP) {
                        intervals[frame - WARMUP - 1] = t - last;
                        draws[frame - WARMUP - 1] = canvas.lastDrawNanos();
                        cpus[frame - WARMUP - 1] = cpu - lastCpu;
                        renders[frame - WARMUP - 1] = render - lastRender;
                    }
                    last = t;
                    lastCpu = cpu;
                    lastRender = render;
                    if (frame == WARMUP && System.getProperty("screenshots") != null) {
                        snapshot(stage.getScene(), Path.of(System.getProperty("screenshots"), "frames-phase-" + phase + ".png"));
                    }
                    phases.get(phase).frame().accept(frame);
                    canvas.requestRedraw();
                    frame++;
                }
            }.start();
        });
        done.await();
        Platform.exit();
        report.forEach(System.out::println);
        Path out = Path.of("benchmarks", "target", "canvas-frame-times.txt");
        if (Files.isDirectory(out.getParent())) {
            Files.write(out, report);
            System.out.println("written to " + out);
        }
    }

    /** Saves what the window shows, for a look at each phase's level of detail. */
    private static void snapshot(javafx.scene.Scene scene, Path file) {
        javafx.scene.image.WritableImage img = scene.snapshot(null);
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage((int) img.getWidth(), (int) img.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, img.getPixelReader().getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            javax.imageio.ImageIO.write(out, "png", file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The thread JavaFX renders on (Prism's QuantumRenderer), whose CPU time is part of every frame. */
    private static long renderThreadId() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                return t.threadId();
            }
        }
        throw new IllegalStateException("no QuantumRenderer thread");
    }

    private static String summary(String name, long[] intervalsNs, long[] drawsNs, long[] cpuNs, long[] renderNs) {
        // The last slot stays 0 (the frame after it starts the next phase): drop it.
        long[] iv = sorted(intervalsNs);
        long[] dr = sorted(drawsNs);
        long[] cpu = sorted(cpuNs);
        long[] rn = sorted(renderNs);
        return String.format(Locale.ROOT,
                "%-25s wall ms p50 %5.1f p95 %5.1f p99 %5.1f | cpu ms p50 %5.1f p95 %5.1f p99 %5.1f"
                        + " (render thread p50 %5.1f p95 %5.1f) | canvas draw ms p50 %4.1f p95 %4.1f",
                name, ms(iv, 0.50), ms(iv, 0.95), ms(iv, 0.99), ms(cpu, 0.50), ms(cpu, 0.95), ms(cpu, 0.99),
                ms(rn, 0.50), ms(rn, 0.95), ms(dr, 0.50), ms(dr, 0.95));
    }

    private static long[] sorted(long[] a) {
        long[] s = Arrays.copyOf(a, a.length - 1);
        Arrays.sort(s);
        return s;
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] / 1e6;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
