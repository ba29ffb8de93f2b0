package dev.weir.benchmarks.editor;

import dev.weir.editor.preview.PreviewBoard;
import dev.weir.editor.ui.EditorOptions;
import dev.weir.editor.ui.EditorWindow;
import dev.weir.editor.ui.FxDialogs;
import dev.weir.engine.api.DataType;
import dev.weir.engine.api.Dim;
import dev.weir.engine.api.ElementType;
import dev.weir.engine.api.Frame;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.PixelFormat;
import dev.weir.engine.api.preview.PreviewAxis;
import dev.weir.engine.api.preview.PreviewBoxes;
import dev.weir.engine.api.preview.PreviewKind;
import dev.weir.engine.api.preview.PreviewSlot;
import dev.weir.engine.api.preview.PreviewSpec;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * What a preview picture costs, and whether previews keep up: a real editor window (1360x860) whose
 * {@link PreviewBoard} is fed through real {@link PreviewSlot}s by a writer thread at a fixed rate, as a preview node
 * would feed it, one phase per kind of picture.
 *
 * <pre>
 *   xvfb-run -a -s "-screen 0 1600x1000x24" java --enable-native-access=ALL-UNNAMED \
 *       -cp benchmarks/target/benchmarks.jar dev.weir.benchmarks.editor.PreviewFrameTimes [SECONDS]
 * </pre>
 *
 * <p>Pulses run at the display's 60 Hz (not full speed): the board draws at most 60 pictures a second whatever the
 * writer does, so the numbers are per picture actually drawn. For each phase it reports the pictures drawn per second,
 * the board's own time per pass on the FX thread ({@link PreviewBoard#lastPassNanos}: acquire, convert, draw calls),
 * and the CPU time per picture of the FX thread (pass, CSS, layout, pulse) and of Prism's render thread (rasterizing
 * the canvas, uploading the image texture, painting the window). Not a unit test: it measures, it does not assert.
 */
public final class PreviewFrameTimes {

    private PreviewFrameTimes() {
    }

    /** One phase: a slot, how to fill one set of its lanes, and the writer's rate. */
    private record Phase(String name, PreviewSlot slot, Consumer<Frame[]> fill, double rateHz) {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 8;
        NodeRegistry registry = NodeRegistry.load(PreviewFrameTimes.class.getClassLoader());
        Path state = Files.createTempDirectory("weir-preview-frames");
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "java %s; %d cpus; load %s; %.0f s per phase after 2 s of warm-up",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), load(), seconds));

        List<Phase> phases = List.of(
                spectrum("spectrum 4096 bins, written at 1 kHz", 4096, 1000),
                video("video 1280x720 bgr24 + 4 boxes, written at 120 Hz", 1280, 720, 120),
                video("video 1280x720 bgr24 + 4 boxes, written at 30 Hz", 1280, 720, 30),
                heatmap("heatmap 256x512 (range-Doppler), written at 120 Hz", 256, 512, 120),
                waterfall("waterfall 200x1024, written at 120 Hz", 200, 1024, 120));

        CountDownLatch started = new CountDownLatch(1);
        EditorWindow[] window = new EditorWindow[1];
        Platform.startup(() -> {
            Stage stage = new Stage();
            window[0] = EditorWindow.open(stage, new EditorOptions(registry, null, state, new FxDialogs(),
                    Duration.ofSeconds(60), false));
            stage.setWidth(1360);
            stage.setHeight(860);
            started.countDown();
        });
        started.await();
        PreviewBoard board = window[0].previewHub();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fxThread = onFx(() -> Thread.currentThread().threadId());
        long renderThread = renderThreadId();

        for (Phase phase : phases) {
            String id = phase.slot().nodeId();
            board.attach(phase.slot());
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> write(phase, stop), "preview-writer");
            writer.start();
            Thread.sleep(2000);
            onFx(() -> board.showPanel(id));
            // Sample the board's pass time on every pulse that ran a pass.
            List<Long> passNanos = new ArrayList<>();
            long[] lastPasses = {onFx(board::passes)};
            AnimationTimer sampler = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long p = board.passes();
                    if (p != lastPasses[0]) {
                        lastPasses[0] = p;
                        passNanos.add(board.lastPassNanos());
                    }
                }
            };
            long[] before = onFx(() -> {
                sampler.start();
                return new long[]{System.nanoTime(), board.stats(id).orElseThrow().rendered(),
                        phase.slot().publishedCount()};
            });
            long fxCpu0 = threads.getThreadCpuTime(fxThread);
            long renderCpu0 = threads.getThreadCpuTime(renderThread);
            Thread.sleep((long) (seconds * 1000));
            long[] after = onFx(() -> {
                sampler.stop();
                return new long[]{System.nanoTime(), board.stats(id).orElseThrow().rendered(),
                        phase.slot().publishedCount()};
            });
            long fxCpu = threads.getThreadCpuTime(fxThread) - fxCpu0;
            long renderCpu = threads.getThreadCpuTime(renderThread) - renderCpu0;
            stop.set(true);
            writer.join();
            board.detach(phase.slot());

            double s = (after[0] - before[0]) / 1e9;
            long rendered = after[1] - before[1];
            long[] pass = onFx(() -> passNanos.stream().mapToLong(Long::longValue).sorted().toArray());
            double[] size = onFx(() -> {
                var p = board.panel(id).orElseThrow();
                return new double[]{p.getWidth(), p.getHeight()};
            });
            report.add(String.format(Locale.ROOT,
                    "%-52s written %6.1f/s  drawn %5.1f/s | board pass ms p50 %5.2f p95 %5.2f | cpu ms per picture:"
                            + " fx thread %5.2f, render thread %5.2f | panel %.0fx%.0f",
                    phase.name(), (after[2] - before[2]) / s, rendered / s, ms(pass, 0.5), ms(pass, 0.95),
                    rendered == 0 ? Double.NaN : fxCpu / 1e6 / rendered,
                    rendered == 0 ? Double.NaN : renderCpu / 1e6 / rendered, size[0], size[1]));
            System.out.println(report.getLast());
        }
        onFx(() -> {
            window[0].documents().exitCleanly();
            window[0].stage().close();
            return null;
        });
        Platform.exit();
        Path out = Path.of("benchmarks", "target", "preview-frame-times.txt");
        if (Files.isDirectory(out.getParent())) {
            Files.write(out, report);
            System.out.println("written to " + out);
        }
    }

    /** Publishes at {@code phase.rateHz()} on an absolute schedule until told to stop, as a preview node would. */
    private static void write(Phase phase, AtomicBoolean stop) {
        long period = (long) (1e9 / phase.rateHz());
        long next = System.nanoTime();
        while (!stop.get()) {
            Frame[] lanes = phase.slot().claim();
            phase.fill().accept(lanes);
            phase.slot().publish();
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime(); // behind: do not burst to catch up
            }
        }
    }

    private static Phase spectrum(String name, int bins, double rate) {
        PreviewSpec spec = new PreviewSpec(PreviewKind.SPECTRUM, "Spectrum", new PreviewAxis("frequency", "Hz", 0,
                24000), PreviewAxis.auto("magnitude", "dB"), PreviewAxis.AUTO, List.of());
        PreviewSlot slot = new PreviewSlot("bench_spectrum", spec,
                List.of(new DataType.VectorOf(ElementType.FLOAT32, Dim.of(bins))));
        // A few precomputed spectra (noise floor and a moving tone), copied in turn: the writer costs little.
        float[][] spectra = new float[16][bins];
        java.util.Random rnd = new java.util.Random(1);
        for (int k = 0; k < spectra.length; k++) {
            int tone = bins / 8 + k * bins / 20;
            for (int i = 0; i < bins; i++) {
                double d = i - tone;
                spectra[k][i] = (float) (-100 + 3 * rnd.nextGaussian() + 95 * Math.exp(-d * d / 8));
            }
        }
        int[] n = {0};
        return new Phase(name, slot, lanes -> {
            System.arraycopy(spectra[n[0]++ % spectra.length], 0, lanes[0].floats(), 0, bins);
            lanes[0].setIndex(0).setSampleRate(0);
        }, rate);
    }

    private static Phase video(String name, int w, int h, double rate) {
        PreviewSpec spec = new PreviewSpec(PreviewKind.VIDEO, "Camera", PreviewAxis.AUTO, PreviewAxis.AUTO,
                PreviewAxis.AUTO, List.of("person", "bicycle", "car"));
        PreviewSlot slot = new PreviewSlot("bench_video_" + (int) rate, spec, List.of(
                new DataType.ImageOf(PixelFormat.BGR24, Dim.of(w), Dim.of(h)),
                new DataType.RecordsOf(PreviewBoxes.SCHEMA, Dim.of(100))));
        byte[][] images = new byte[2][w * h * 3];
        for (int k = 0; k < 2; k++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = (y * w + x) * 3;
                    images[k][i] = (byte) (x / 5 + 40 * k);
                    images[k][i + 1] = (byte) (y / 3);
                    images[k][i + 2] = (byte) 90;
                }
            }
        }
        int[] n = {0};
        return new Phase(name, slot, lanes -> {
            int k = n[0]++;
            System.arraycopy(images[k % 2], 0, lanes[0].bytes(), 0, images[0].length);
            lanes[0].setIndex(k);
            Frame boxes = lanes[1].setLength(4).setIndex(k);
            for (int b = 0; b < 4; b++) {
                double x = 100 + 250 * b + (k % 50);
                boxes.setRecordDouble(b, PreviewBoxes.X1, x).setRecordDouble(b, PreviewBoxes.Y1, 200)
                        .setRecordDouble(b, PreviewBoxes.X2, x + 180).setRecordDouble(b, PreviewBoxes.Y2, 520)
                        .setRecordDouble(b, PreviewBoxes.SCORE, 0.5 + 0.1 * b)
                        .setRecordLong(b, PreviewBoxes.CLASS_ID, b % 3);
            }
        }, rate);
    }

    private static Phase heatmap(String name, int rows, int cols, double rate) {
        PreviewSpec spec = new PreviewSpec(PreviewKind.HEATMAP, "Range-Doppler", new PreviewAxis("range", "m", 0,
                1500), new PreviewAxis("velocity", "m/s", -40, 40), PreviewAxis.auto("power", "dB"), List.of());
        PreviewSlot slot = new PreviewSlot("bench_heatmap", spec,
                List.of(new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(rows), Dim.of(cols))));
        float[][] maps = noiseMaps(rows * cols);
        int[] n = {0};
        return new Phase(name, slot, lanes -> System.arraycopy(maps[n[0]++ % maps.length], 0, lanes[0].floats(), 0,
                rows * cols), rate);
    }

    private static Phase waterfall(String name, int rows, int bins, double rate) {
        PreviewSpec spec = new PreviewSpec(PreviewKind.WATERFALL, "Waterfall", PreviewAxis.AUTO, PreviewAxis.AUTO,
                new PreviewAxis("power", "dB", -120, 0), List.of());
        PreviewSlot slot = new PreviewSlot("bench_waterfall", spec,
                List.of(new DataType.MatrixOf(ElementType.FLOAT32, Dim.of(rows), Dim.of(bins))));
        float[][] maps = noiseMaps(rows * bins);
        int[] n = {0};
        return new Phase(name, slot, lanes -> {
            System.arraycopy(maps[n[0]++ % maps.length], 0, lanes[0].floats(), 0, rows * bins);
            lanes[0].setIndex(-bins / 2).setSampleRate(bins / 48000.0);
        }, rate);
    }

    private static float[][] noiseMaps(int n) {
        java.util.Random rnd = new java.util.Random(2);
        float[][] maps = new float[4][n];
        for (float[] m : maps) {
            for (int i = 0; i < n; i++) {
                m[i] = (float) (-90 + 10 * rnd.nextGaussian());
            }
        }
        return maps;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(c);
        Platform.runLater(task);
        return task.get();
    }

    /** The thread JavaFX renders on (Prism's QuantumRenderer). */
    private static long renderThreadId() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                return t.threadId();
            }
        }
        throw new IllegalStateException("no QuantumRenderer thread");
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
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
