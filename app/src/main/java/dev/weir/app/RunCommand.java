package dev.weir.app;

import dev.weir.engine.api.InputFiles;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.InvalidGraphException;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.model.dag.DagFormatException;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code weir run}: loads, validates and runs a graph headless. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a .dag graph headless, printing per-node stats while it runs and a summary at the end.")
final class RunCommand implements Callable<Integer> {

    private final Weir.Context context;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .dag file.")
    Path file;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Stop after this long (2s, 500ms, 1.5m); default: until the graph completes.")
    Duration duration;

    @Option(names = "--set", paramLabel = "NODE.PARAM=VALUE", converter = ParamAssignment.Converter.class,
            description = "Override a param before running (repeatable). VALUE is a JSON number, boolean, list or text.")
    List<ParamAssignment> sets = new ArrayList<>();

    @Option(names = "--record", paramLabel = "EDGE[=DIR]",
            description = "Keep edge EDGE's frames on disk for replay (repeatable), in DIR/EDGE; default DIR: --record-dir.")
    List<String> records = new ArrayList<>();

    @Option(names = "--record-dir", paramLabel = "DIR", defaultValue = "recordings",
            description = "Where --record puts recordings without =DIR (default: ${DEFAULT-VALUE}).")
    Path recordDir;

    @Mixin
    RunSettings settings = new RunSettings();

    RunCommand(Weir.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Loaded loaded = Loaded.load(file, context);
        if (loaded == null) {
            return ExitCodes.INVALID_INPUT;
        }
        GraphDocument doc = loaded.document();
        RunOptions options;
        try {
            for (ParamAssignment s : sets) {
                doc = s.applyTo(doc, file.toString());
            }
            for (String r : records) {
                int eq = r.indexOf('=');
                String edge = eq < 0 ? r : r.substring(0, eq);
                String dir = eq < 0 ? recordDir.toString() : r.substring(eq + 1);
                if (edge.isEmpty() || dir.isEmpty()) {
                    throw new IllegalArgumentException("--record " + r + ": expected EDGE or EDGE=DIR");
                }
                doc = dev.weir.engine.ipc.ReplayGraphs.record(doc, edge, dir);
            }
            options = settings.runOptions();
        } catch (IllegalArgumentException e) {
            context.err().println("weir: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        Engine engine = new Engine(loaded.registry());
        try {
            engine.validate(doc);
            engine.plan(doc, options);
        } catch (InvalidGraphException e) {
            Problems.print(file.toString(), e.problems(), context.err());
            return ExitCodes.INVALID_INPUT;
        } catch (IllegalArgumentException e) {
            context.err().println(file + ": error: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        return RunLoop.run(engine, doc, options, duration, settings.stats, context.interrupts(), context.out(),
                context.err());
    }

    /** A document read from a file with the registry it was read against. */
    record Loaded(GraphDocument document, dev.weir.engine.api.NodeRegistry registry) {
        /**
         * Reads {@code file}, printing the problem and returning null when it cannot be read. The file is an input,
         * found by {@link InputFiles}' rule: {@code weir run examples/yolo-detect.dag} runs the installed example
         * from any directory unless the working directory has its own.
         */
        static Loaded load(Path file, Weir.Context context) {
            var registry = context.registry().get();
            try {
                return new Loaded(new DagCodec(registry).read(InputFiles.resolve(file)), registry);
            } catch (DagFormatException e) {
                context.err().println(e.getMessage());
                return null;
            }
        }
    }
}
