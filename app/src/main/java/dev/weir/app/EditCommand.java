package dev.weir.app;

import dev.weir.editor.ui.EditorOptions;
import dev.weir.editor.ui.EditorWindow;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.model.dag.DagFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code weir edit [FILE]}: opens the graph editor, a desktop window, on FILE or on a new graph. Blocks until the
 * window is closed. A file that cannot be read is reported here, in one line, before any window opens. The window
 * runs graphs on the engine ({@link EngineRunner}) and lists the installation's examples under File ▸ Examples.
 */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Opens the graph editor (a desktop window) on FILE, or on a new graph.")
final class EditCommand implements Callable<Integer> {

    private final Weir.Context context;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A .dag file to open.")
    Path file;

    EditCommand(Weir.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var registry = context.registry().get();
        if (file != null) {
            try {
                new DagCodec(registry).read(file);
            } catch (DagFormatException e) {
                context.err().println(e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
        }
        if (System.getProperty(EditorWindow.EXAMPLES_PROPERTY) == null) {
            System.setProperty(EditorWindow.EXAMPLES_PROPERTY, examplesFolder().toString());
        }
        try {
            return context.editor().open(EditorOptions.defaults(registry, file).withRunner(new EngineRunner(registry)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        } catch (RuntimeException e) {
            // Typically no display: JavaFX cannot start its toolkit.
            context.err().println("weir: cannot open the editor window: " + e.getMessage()
                    + " (the editor needs a display; 'weir run' and 'weir validate' work without one)");
            return ExitCodes.INVALID_INPUT;
        }
    }

    /**
     * Where the example graphs are: {@code <weir.home>/examples} when the launcher set {@code weir.home} (a packaged
     * installation) and that folder exists, else {@code ./examples} (a source checkout run with {@code ./weir}).
     */
    static Path examplesFolder() {
        String home = System.getProperty("weir.home");
        if (home != null && !home.isBlank()) {
            Path installed = Path.of(home, "examples");
            if (Files.isDirectory(installed)) {
                return installed.toAbsolutePath().normalize();
            }
        }
        return Path.of("examples").toAbsolutePath().normalize();
    }
}
