package dev.weir.app;

import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    RunSettings settings = new RunSettings();

    DemoCommand(Weir.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RunOptions options;
        try {
            options = settings.runOptions();
        } catch (IllegalArgumentException e) {
            context.err().println("weir: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        return RunLoop.run(new Engine(context.registry().get()), DemoGraph.build(), options, duration,
                settings.stats, context.interrupts(), context.out(), context.err());
    }
}
