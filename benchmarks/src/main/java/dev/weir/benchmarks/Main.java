package dev.weir.benchmarks;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the JMH suite with this project's defaults, then prints every benchmark's ratio against the baseline it
 * ran with.
 *
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar                      # the whole suite, about 5 minutes on 2 cores
 *   java -jar benchmarks/target/benchmarks.jar Chain                # only benchmarks matching a regex
 *   java -jar benchmarks/target/benchmarks.jar Edge -i 20 -wi 10    # any JMH option passes through
 *   java -jar benchmarks/target/benchmarks.jar -h                   # JMH's options; -l lists the benchmarks
 * </pre>
 *
 * Defaults, each replaced by the matching JMH option when given: every benchmark of this package; one fork
 * ({@code -f}); fork JVM options {@value #JVM_ARGS} ({@code -jvmArgs}). Warm-up and measurement come from each
 * class's annotations unless {@code -wi -w -i -r} are given. A regex that selects only one side of a pair leaves
 * that ratio out of the summary.
 */
public final class Main {

    /**
     * JVM options of every fork. The Vector API module lets the image kernels of {@code tornado-kernels} run their
     * vector bodies (without it they fall back to scalar code).
     */
    public static final String JVM_ARGS = "-Xms1g -Xmx1g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED "
            + "--add-modules jdk.incubator.vector";

    private static final String PKG = "dev.weir.benchmarks.";

    /**
     * A benchmark and the baseline it is compared with: ratio = candidate / baseline.
     *
     * @param unit  what one JMH operation is, for the table
     * @param goals wanted minimum ratio per param string ("-" when the benchmark has none)
     * @param note  shown in the goal column of rows without a goal
     */
    private record Pair(String className, String candidate, String baseline, String unit, String what,
                        Map<String, Double> goals, String note) {
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("EdgeThroughputBenchmark", "ringChannel", "disruptor", "items/s",
                    "RingChannel items/s / Disruptor (long event) items/s; higher is better", Map.of("-", 0.5), ""),
            new Pair("EdgeThroughputBenchmark", "ringChannel", "disruptorWithFrames", "items/s",
                    "control: RingChannel / Disruptor carrying the same Weir frames (ring algorithm alone)", Map.of(),
                    "(control)"),
            new Pair("ChainBenchmark", "pipeline", "fused", "samples/s",
                    "engine run (2 workers) samples/s / fused single-threaded loop samples/s; higher is better",
                    Map.of("n=3", 0.6, "n=10", 0.4), ""),
            new Pair("StopLatencyBenchmark", "sessionStop", "threadInterruptJoin", "ms",
                    "Session.stop() time / interrupt()+join() time of one parked thread; lower is better", Map.of(),
                    ""),
            new Pair("KernelChainBenchmark", "kernelsAllCores", "fusedScalar", "frames/s",
                    "grey -> Gaussian 5x5 -> Laplacian on 1280x720 RGB: CPU kernel backend on every core / fused "
                            + "single-threaded scalar loop; higher is better", Map.of(), ""),
            new Pair("KernelChainBenchmark", "kernelsOneThread", "fusedScalar", "frames/s",
                    "control: the same kernels on one thread / fused loop (the kernels' own speed, no pool)", Map.of(),
                    "(control)"),
            new Pair("YoloBenchmark", "node", "bareOrt", "frames/s",
                    "vision.yolo process (letterbox, inference, decode, NMS) frames/s / bare OrtSession.run frames/s "
                            + "with the same options; higher is better",
                    Map.of("threads=0", 0.95, "threads=1", 0.95), ""));

    /**
     * A benchmark method that runs candidate and baseline alternately in each operation and reports the time of
     * each as JMH secondary results ({@code @AuxCounters}): ratio = baseline time / candidate time, the
     * candidate's rate as a share of the baseline's.
     *
     * @param frames the counter of operations, to print times per operation
     */
    private record Split(String className, String method, String candidate, String baseline, String frames,
                         String unit, String what, Map<String, Double> goals) {
    }

    private static final List<Split> SPLITS = List.of(
            new Split("YoloBenchmark", "interleaved", "nodeNanos", "bareNanos", "frames", "ms/frame",
                    "the same two, alternating frame by frame in one run (load hits both alike); ratio of the times",
                    Map.of("threads=0", 0.95, "threads=1", 0.95)));

    private Main() {
    }

    public static void main(String[] args) throws RunnerException {
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("Error parsing command line: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers()
                || cli.shouldListResultFormats()) {
            try {
                org.openjdk.jmh.Main.main(args);
            } catch (Exception e) {
                throw new RunnerException(e);
            }
            return;
        }
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(cli);
        if (cli.getIncludes().isEmpty()) {
            builder.include("^" + PKG.replace(".", "\\.") + ".*Benchmark\\.");
            // Its baseline is ffmpeg, outside the JVM: benchmarks/video-vs-ffmpeg.sh makes its clip and runs both.
            builder.exclude("VideoChainBenchmark");
        }
        if (!cli.getForkCount().hasValue()) {
            builder.forks(1);
        }
        if (!cli.getJvmArgs().hasValue()) {
            builder.jvmArgs(JVM_ARGS.split(" "));
        }
        Options options = builder.build();
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        Collection<RunResult> results = new Runner(options).run();
        String took = String.format(Locale.ROOT, "%.1f min", (System.nanoTime() - t0) / 60e9);
        System.out.println();
        System.out.print(summary(results));
        System.out.println("suite took " + took + "; load average before: " + loadBefore + ", after: " + loadAverage()
                + " (" + Runtime.getRuntime().availableProcessors() + " CPUs)");
    }

    /** The ratio table for {@code results}. */
    static String summary(Collection<RunResult> results) {
        // class.method -> params -> result, in run order
        Map<String, Map<String, RunResult>> byName = new LinkedHashMap<>();
        for (RunResult r : results) {
            byName.computeIfAbsent(r.getParams().getBenchmark(), k -> new LinkedHashMap<>()).put(paramsOf(r), r);
        }
        StringBuilder sb = new StringBuilder();
        String line = "-".repeat(143) + "\n";
        sb.append("Weir benchmarks: each candidate against the baseline it ran with in this run\n").append(line);
        sb.append(String.format(Locale.ROOT, "%-24s %-9s %-32s %-44s %8s %8s  %s%n", "benchmark", "params",
                "candidate", "baseline", "ratio", "median", "goal"));
        sb.append(String.format(Locale.ROOT, "%-24s %-9s %-32s %-44s %8s %8s%n", "", "", "", "", "(means)", "(iters)"));
        sb.append(line);
        int rows = 0;
        for (Pair p : PAIRS) {
            Map<String, RunResult> cand = byName.getOrDefault(PKG + p.className + "." + p.candidate, Map.of());
            Map<String, RunResult> base = byName.getOrDefault(PKG + p.className + "." + p.baseline, Map.of());
            for (Map.Entry<String, RunResult> e : cand.entrySet()) {
                RunResult b = base.get(e.getKey());
                if (b == null) {
                    continue;
                }
                rows++;
                if (p.unit.equals("ms")) {
                    appendLatency(sb, p, e.getKey(), e.getValue(), b);
                } else {
                    appendThroughput(sb, p, e.getKey(), e.getValue(), b);
                }
            }
        }
        for (Split sp : SPLITS) {
            for (Map.Entry<String, RunResult> e : byName.getOrDefault(PKG + sp.className + "." + sp.method, Map.of())
                    .entrySet()) {
                rows++;
                appendSplit(sb, sp, e.getKey(), e.getValue());
            }
        }
        if (rows == 0) {
            sb.append("(no benchmark ran together with its baseline)\n");
        }
        for (Map.Entry<String, Map<String, RunResult>> e : byName.entrySet()) {
            if (!isPaired(e.getKey())) {
                for (Map.Entry<String, RunResult> r : e.getValue().entrySet()) {
                    Result<?> pr = r.getValue().getPrimaryResult();
                    sb.append(String.format(Locale.ROOT, "%-36s %-9s %s %s (not paired with a baseline in the summary)%n",
                            e.getKey().substring(e.getKey().lastIndexOf('.', e.getKey().lastIndexOf('.') - 1) + 1),
                            r.getKey(), human(pr.getScore(), pr.getScoreError()), pr.getScoreUnit()));
                }
            }
        }
        sb.append(line);
        sb.append("ratio (means): ratio of the JMH scores (mean over measurement iterations); median (iters): ratio of "
                + "the median iterations, less\nsensitive to other load on the machine. Latency rows compare the "
                + "percentiles of all samples.\n");
        for (Pair p : PAIRS) {
            sb.append("  ").append(p.className).append(' ').append(p.candidate).append(" vs ").append(p.baseline)
                    .append(": ").append(p.what).append('\n');
        }
        for (Split sp : SPLITS) {
            sb.append("  ").append(sp.className).append(' ').append(sp.method).append(": ").append(sp.what).append('\n');
        }
        return sb.toString();
    }

    /** One row of a {@link Split}: total times over all measured iterations, and the median iteration's ratio. */
    private static void appendSplit(StringBuilder sb, Split sp, String params, RunResult r) {
        double cand = 0;
        double base = 0;
        double frames = 0;
        List<Double> ratios = new ArrayList<>();
        for (BenchmarkResult br : r.getBenchmarkResults()) {
            for (IterationResult ir : br.getIterationResults()) {
                var sec = ir.getSecondaryResults();
                if (!sec.containsKey(sp.candidate) || !sec.containsKey(sp.baseline) || !sec.containsKey(sp.frames)) {
                    continue;
                }
                double c = sec.get(sp.candidate).getScore();
                double b = sec.get(sp.baseline).getScore();
                cand += c;
                base += b;
                frames += sec.get(sp.frames).getScore();
                if (c > 0) {
                    ratios.add(b / c);
                }
            }
        }
        if (cand <= 0 || frames <= 0) {
            sb.append(String.format(Locale.ROOT, "%-24s %-9s (no %s/%s counters in the results)%n", sp.className,
                    params, sp.candidate, sp.baseline));
            return;
        }
        double ratio = base / cand;
        ratios.sort(null);
        int n = ratios.size();
        double median = n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
        Double want = sp.goals.get(params);
        String goal = want == null ? "" : ">= " + java.math.BigDecimal.valueOf(want).stripTrailingZeros().toPlainString()
                + "x: " + (ratio >= want ? "met" : "MISSED");
        sb.append(String.format(Locale.ROOT, "%-24s %-9s %-32s %-44s %7.3fx %7.3fx  %s%n", sp.className, params,
                sp.method + " node " + String.format(Locale.ROOT, "%.2f", cand / frames / 1e6) + " " + sp.unit,
                "bareOrt " + String.format(Locale.ROOT, "%.2f", base / frames / 1e6) + " " + sp.unit,
                ratio, median, goal));
    }

    private static void appendThroughput(StringBuilder sb, Pair p, String params, RunResult c, RunResult b) {
        Result<?> cr = c.getPrimaryResult();
        Result<?> br = b.getPrimaryResult();
        double ratio = cr.getScore() / br.getScore();
        double medianRatio = medianIteration(c) / medianIteration(b);
        String goal = p.note;
        Double want = p.goals.get(params);
        if (want != null) {
            // plain digits: "%.1f" would print a 0.95 goal as 1.0
            goal = ">= " + java.math.BigDecimal.valueOf(want).stripTrailingZeros().toPlainString() + "x: "
                    + (ratio >= want ? "met" : "MISSED");
        }
        sb.append(String.format(Locale.ROOT, "%-24s %-9s %-32s %-44s %7.3fx %7.3fx  %s%n", p.className, params,
                p.candidate + " " + human(cr.getScore(), cr.getScoreError()) + " " + p.unit,
                p.baseline + " " + human(br.getScore(), br.getScoreError()) + " " + p.unit,
                ratio, medianRatio, goal));
    }

    private static void appendLatency(StringBuilder sb, Pair p, String params, RunResult c, RunResult b) {
        Statistics cs = c.getPrimaryResult().getStatistics();
        Statistics bs = b.getPrimaryResult().getStatistics();
        String unit = c.getPrimaryResult().getScoreUnit();
        String[] labels = {"p50", "p99", "max"};
        double[] cv = {cs.getPercentile(50), cs.getPercentile(99), cs.getMax()};
        double[] bv = {bs.getPercentile(50), bs.getPercentile(99), bs.getMax()};
        for (int i = 0; i < labels.length; i++) {
            sb.append(String.format(Locale.ROOT, "%-24s %-9s %-32s %-44s %7.1fx %8s  %s%n",
                    i == 0 ? p.className : "", labels[i],
                    String.format(Locale.ROOT, "%s %.3f %s", p.candidate, cv[i], unit),
                    String.format(Locale.ROOT, "%s %.3f %s", p.baseline, bv[i], unit),
                    cv[i] / bv[i], "",
                    i == 0 ? String.format(Locale.ROOT, "(%d / %d samples)", cs.getN(), bs.getN()) : ""));
        }
    }

    private static boolean isPaired(String benchmark) {
        for (Split sp : SPLITS) {
            if (benchmark.equals(PKG + sp.className + "." + sp.method)) {
                return true;
            }
        }
        for (Pair p : PAIRS) {
            String prefix = PKG + p.className + ".";
            if (benchmark.equals(prefix + p.candidate) || benchmark.equals(prefix + p.baseline)) {
                return true;
            }
        }
        return false;
    }

    /** The median of the measurement iterations' scores (over all forks). */
    private static double medianIteration(RunResult r) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult br : r.getBenchmarkResults()) {
            for (IterationResult ir : br.getIterationResults()) {
                scores.add(ir.getPrimaryResult().getScore());
            }
        }
        if (scores.isEmpty()) {
            return r.getPrimaryResult().getScore();
        }
        scores.sort(null);
        int n = scores.size();
        return n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
    }

    private static String paramsOf(RunResult r) {
        List<String> parts = new ArrayList<>();
        for (String k : r.getParams().getParamsKeys()) {
            parts.add(k + "=" + r.getParams().getParam(k));
        }
        return parts.isEmpty() ? "-" : String.join(",", parts);
    }

    /** {@code 1.23G±0.04G}-style score. */
    private static String human(double v, double error) {
        double a = Math.abs(v);
        String[] suffix = {"G", "M", "k", ""};
        double[] scale = {1e9, 1e6, 1e3, 1};
        for (int i = 0; i < scale.length; i++) {
            if (a >= scale[i] || i == scale.length - 1) {
                String e = Double.isNaN(error) ? "" : String.format(Locale.ROOT, "±%.2f", error / scale[i]);
                return String.format(Locale.ROOT, "%.2f%s%s", v / scale[i], e, suffix[i]);
            }
        }
        throw new AssertionError();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
