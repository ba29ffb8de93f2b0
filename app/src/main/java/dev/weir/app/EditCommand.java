package dev.weir.app;

import dev.weir.editor.ui.EditorOptions;
import dev.weir.editor.ui.EditorWindow;
import dev.weir.engine.api.InputFiles;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.model.dag.DagFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code weir edit [--smoke] [FILE]}: opens the graph editor, a desktop window, on FILE or on a new graph. Blocks
 * until the window is closed. A file that cannot be read is reported here, in one line, before any window opens.
 * FILE is an input, found by {@link InputFiles}' rule, so {@code weir edit examples/fft-sinusoids.dag} opens the
 * installed example from any directory.
 *
 * <p>{@code --smoke} checks an installation: the window opens, is drawn, is described on stdout and closed again
 * with exit code 0; no crash-recovery offer is made, since its dialog would wait for a user.
 *
 * <p>The window runs graphs on the engine ({@link EngineRunner}) and lists the installation's examples under
 * File ▸ Examples.
 */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Opens the graph editor (a desktop window) on FILE, or on a new graph.")
final class EditCommand implements Callable<Integer> {

    private final Weir.Context context;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A .dag file to open.")
    Path file;

    @Option(names = "--smoke", description = "Check that the editor works here: open the window, wait until it is "
            + "drawn, print one line about it and close it (exit code 0; 1 when it cannot open).")
    boolean smoke;

    EditCommand(Weir.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var registry = context.registry().get();
        Path input = file == null ? null : InputFiles.resolve(file);
        if (input != null) {
            try {
                new DagCodec(registry).read(input);
            } catch (DagFormatException e) {
                context.err().println(e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
        }
        if (System.getProperty(EditorWindow.EXAMPLES_PROPERTY) == null) {
            System.setProperty(EditorWindow.EXAMPLES_PROPERTY, examplesFolder().toString());
        }
        EditorOptions options = EditorOptions.defaults(registry, input).withRunner(new EngineRunner(registry));
        try {
            if (smoke) {
                context.out().println("weir: " + context.editor().smoke(new EditorOptions(options.registry(),
                        options.file(), options.stateDir(), options.dialogs(), options.autosaveDelay(), false)));
                return ExitCodes.OK;
            }
            return context.editor().open(options);
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
