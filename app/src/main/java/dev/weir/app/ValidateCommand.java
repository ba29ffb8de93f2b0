package dev.weir.app;

import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.GraphValidator;
import dev.weir.engine.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code weir validate}: lists every problem of every file. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks .dag files and lists every problem, one per line.")
final class ValidateCommand implements Callable<Integer> {

    private final Weir.Context context;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .dag files.")
    List<Path> files;

    ValidateCommand(Weir.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        boolean allValid = true;
        for (Path file : files) {
            RunCommand.Loaded loaded = RunCommand.Loaded.load(file, context);
            if (loaded == null) {
                allValid = false;
                continue;
            }
            GraphDocument doc = loaded.document();
            List<Problem> problems = new GraphValidator(loaded.registry()).validate(doc);
            int errors = Problems.print(file.toString(), problems, context.err());
            if (errors == 0) {
                context.out().println(file + ": ok (" + doc.nodes().size() + " nodes, " + doc.edges().size()
                        + " edges)");
            } else {
                allValid = false;
            }
        }
        return allValid ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
    }
}
