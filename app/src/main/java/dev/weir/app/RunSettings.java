package dev.weir.app;

import dev.weir.engine.runtime.RunOptions;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The options every command that runs a graph shares ({@code run} and {@code demo}), as a picocli mixin. */
final class RunSettings {

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--stats", paramLabel = "INTERVAL", converter = DurationConverter.class, defaultValue = "1s",
            description = "Print stats this often; 0 for none (default: ${DEFAULT-VALUE}).")
    Duration stats;

    /**
     * The engine options these settings ask for.
     *
     * @throws IllegalArgumentException naming the option when it is out of range
     */
    RunOptions runOptions() {
        RunOptions options = RunOptions.defaults();
        if (threads != null) {
            if (threads < 1 || threads > 1024) {
                throw new IllegalArgumentException("--threads must be in 1..1024, was " + threads);
            }
            options = options.withWorkerThreads(threads);
        }
        return options;
    }
}
