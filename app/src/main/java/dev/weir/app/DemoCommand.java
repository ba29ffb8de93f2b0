package dev.weir.app;

import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code weir demo}: runs the built-in demo graph, so a fresh checkout shows the engine without any file. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the built-in demo graph (a diamond and a feedback loop) headless with live stats.")
final class DemoCommand implements Callable<Integer> {

    private final Weir.Context context;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class, defaultValue = "3s",
            description = "How long to run (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--stats", paramLabel = "INTERVAL", converter = DurationConverter.class, defaultValue = "1s",
            description = "Print stats this often; 0 for none (default: ${DEFAULT-VALUE}).")
    Duration stats;

    DemoCommand(Weir.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RunOptions options = RunOptions.defaults();
        if (threads != null) {
            if (threads < 1 || threads > 1024) {
                context.err().println("weir: --threads must be in 1..1024, was " + threads);
                return ExitCodes.INVALID_INPUT;
            }
            options = options.withWorkerThreads(threads);
        }
        return RunLoop.run(new Engine(context.registry().get()), DemoGraph.build(), options, duration, stats,
                context.interrupts(), context.out(), context.err());
    }
}
