package dev.weir.app;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ResolvedPort;
import dev.weir.engine.model.InvalidGraphException;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.Session;
import dev.weir.engine.runtime.SessionState;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The {@code weir} command. This first version runs the built-in demo graph headless and lists the node library;
 * running saved {@code .dag} files arrives with the file format.
 *
 * <pre>
 *   weir demo [--seconds S] [--threads N] [--stats-ms M]   run the demo graph, print metrics
 *   weir nodes                                             list node types with ports and params
 * </pre>
 *
 * Exit codes: 0 success, 1 invalid input, 2 failure at run time, 130 interrupted.
 */
public final class Weir {

    private final PrintStream out;
    private final PrintStream err;

    Weir(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Weir(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            usage(out);
            return 0;
        }
        try {
            return switch (args[0]) {
                case "demo" -> demo(args);
                case "nodes" -> nodes();
                default -> {
                    err.println("weir: unknown command '" + args[0] + "'");
                    usage(err);
                    yield 1;
                }
            };
        } catch (IllegalArgumentException | InvalidGraphException e) {
            err.println("weir: " + e.getMessage());
            return 1;
        }
    }

    private static void usage(PrintStream s) {
        s.println("usage: weir demo [--seconds S] [--threads N] [--stats-ms M]");
        s.println("       weir nodes");
    }

    private int demo(String[] args) {
        double seconds = 3;
        int threads = Runtime.getRuntime().availableProcessors();
        long statsMs = 1000;
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--seconds" -> seconds = number(args[i], value, 0.1, 86_400);
                case "--threads" -> threads = (int) number(args[i], value, 1, 1024);
                case "--stats-ms" -> statsMs = (long) number(args[i], value, 100, 3_600_000);
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
            i++;
        }
        Engine engine = new Engine(NodeRegistry.load(Weir.class.getClassLoader()));
        RunOptions options = RunOptions.defaults().withWorkerThreads(threads);
        Session session = engine.start(DemoGraph.build(), options);
        Thread hook = Thread.ofPlatform().unstarted(session::stop);
        Runtime.getRuntime().addShutdownHook(hook);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long nextStats = System.nanoTime() + statsMs * 1_000_000;
        while (System.nanoTime() < end && !session.state().isTerminal()) {
            sleep(Math.min(20, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            if (System.nanoTime() >= nextStats) {
                out.print(session.metrics().format());
                nextStats += statsMs * 1_000_000;
            }
        }
        RunResult r = session.stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting anyway
        }
        out.println("final:");
        out.print(r.finalMetrics().format());
        r.closeFailures().forEach(f -> err.println("weir: warning: " + f.message()));
        if (r.state() == SessionState.FAILED) {
            err.println("weir: " + r.failure().orElseThrow().message());
            return 2;
        }
        return 0;
    }

    private static double number(String option, String value, double min, double max) {
        if (value == null) {
            throw new IllegalArgumentException("option '" + option + "' needs a value");
        }
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + option + "' must be a number, was '" + value + "'");
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException("option '" + option + "' must be in " + min + ".." + max + ", was " + value);
        }
        return v;
    }

    private int nodes() {
        NodeRegistry registry = NodeRegistry.load(Weir.class.getClassLoader());
        for (NodeDescriptor d : registry.all()) {
            out.printf(Locale.ROOT, "%s (v%d) [%s] %s%n", d.id(), d.version(), d.category(), d.label());
            out.println("    " + d.description());
            var defaults = d.defaults();
            for (ResolvedPort p : d.resolveInputs(defaults)) {
                out.printf(Locale.ROOT, "    in  %-10s %s%s%n", p.name(), p.type().describe(), p.optional() ? " (optional)" : "");
            }
            for (ResolvedPort p : d.resolveOutputs(defaults)) {
                out.printf(Locale.ROOT, "    out %-10s %s%n", p.name(), p.type().describe());
            }
            for (ParamSpec p : d.params()) {
                out.printf(Locale.ROOT, "    param %-10s %s = %s%s%s%n", p.key(), p.type().describe(), p.defaultValue(),
                        p.unit().isEmpty() ? "" : " " + p.unit(), p.hotUpdatable() ? " (live)" : "");
            }
        }
        return 0;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
