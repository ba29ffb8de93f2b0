package dev.weir.app;

import dev.weir.engine.api.InputFiles;
import dev.weir.engine.ipc.Recording;
import dev.weir.engine.ipc.ReplayGraphs;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.InvalidGraphException;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code weir replay}: plays a recorded edge into the part of a graph downstream of it.
 *
 * <pre>
 *   weir run radar.dag --record e2=rec            records edge e2 into rec/e2
 *   weir replay rec/e2 --into radar.dag           runs radar.dag with e2's writer side replaced by the recording
 * </pre>
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays a recorded edge (weir run --record) into the nodes downstream of it in a graph.")
final class ReplayCommand implements Callable<Integer> {

    enum Speed { max, original }

    private final Weir.Context context;

    @Parameters(index = "0", paramLabel = "RECORDING", description = "The recording's folder (DIR/EDGE).")
    Path recording;

    @Option(names = "--into", paramLabel = "FILE", required = true,
            description = "The .dag graph to replay into; nodes that only fed the edge are left out.")
    Path file;

    @Option(names = "--edge", paramLabel = "EDGE",
            description = "The edge of FILE to replace (default: the edge the recording was made from).")
    String edge;

    @Option(names = "--speed", paramLabel = "SPEED", defaultValue = "max",
            description = "max, or original (paced by the frames' time stamps or index / sample rate). Default: ${DEFAULT-VALUE}.")
    Speed speed;

    @Option(names = "--from-frame", paramLabel = "N", defaultValue = "0",
            description = "First recorded frame to play, from 0.")
    long fromFrame;

    @Option(names = "--from-time", paramLabel = "SECONDS", defaultValue = "0",
            description = "Skip frames earlier than this signal time, in seconds since the first recorded frame.")
    double fromTime;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Stop after this long; default: when the recording has been played.")
    Duration duration;

    @Mixin
    RunSettings settings = new RunSettings();

    ReplayCommand(Weir.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        RunCommand.Loaded loaded = RunCommand.Loaded.load(file, context);
        if (loaded == null) {
            return ExitCodes.INVALID_INPUT;
        }
        GraphDocument doc;
        RunOptions options;
        try {
            if (fromFrame < 0 || fromTime < 0) {
                throw new IllegalArgumentException("--from-frame and --from-time must not be negative");
            }
            Recording rec = Recording.read(InputFiles.resolve(recording));
            String e = edge != null ? edge : rec.edge();
            doc = ReplayGraphs.replay(loaded.document(), e, rec, speed.name(), fromFrame, fromTime);
            options = settings.runOptions();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            context.err().println("weir: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        Engine engine = new Engine(loaded.registry());
        try {
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
}
