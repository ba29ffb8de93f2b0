package dev.weir.app;

import dev.weir.editor.ui.EditorLauncher;
import dev.weir.editor.ui.EditorOptions;
import dev.weir.engine.api.NodeRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The {@code weir} command line.
 *
 * <pre>
 *   weir run FILE.dag [--duration D] [--set node.param=value ...] [--record EDGE[=DIR] ...] [--threads N]
 *            [--stats INTERVAL]
 *   weir replay RECORDING --into FILE.dag [--edge EDGE] [--speed max|original] [--from-frame N] [--from-time S]
 *   weir validate FILE...
 *   weir nodes [--json]
 *   weir demo [--duration D] [--threads N] [--stats INTERVAL]
 *   weir edit [--smoke] [FILE]
 *   weir FILE.dag              (the same as weir edit FILE.dag)
 * </pre>
 *
 * Exit codes ({@link ExitCodes}): 0 success, 1 invalid input, 2 failure at run time, 130 interrupted. Errors are
 * one line each, naming the file, node or option; users never see a stack trace.
 */
@Command(name = "weir", mixinStandardHelpOptions = true, version = "weir 0.1.0",
        description = {"Edits, runs and checks Weir streaming graphs (.dag files).",
                "'weir FILE.dag' opens the editor on FILE, as 'weir edit FILE.dag' does."},
        subcommands = {RunCommand.class, ReplayCommand.class, ValidateCommand.class, NodesCommand.class,
                DemoCommand.class, EditCommand.class})
public final class Weir implements Runnable {

    /** What the subcommands share: output streams, the node library, Ctrl-C handling, the editor window. */
    record Context(PrintStream out, PrintStream err, Supplier<NodeRegistry> registry, Interrupts interrupts,
                   Editor editor) {

        /** A context whose {@code edit} opens the real editor window. */
        Context(PrintStream out, PrintStream err, Supplier<NodeRegistry> registry, Interrupts interrupts) {
            this(out, err, registry, interrupts, Editor.DESKTOP);
        }
    }

    /** The editor window; tests substitute their own. */
    interface Editor {

        /** The JavaFX editor ({@link EditorLauncher}); the smoke check gives the window a minute to appear. */
        Editor DESKTOP = new Editor() {
            @Override
            public int open(EditorOptions options) throws InterruptedException {
                return EditorLauncher.run(options);
            }

            @Override
            public String smoke(EditorOptions options) throws InterruptedException {
                return EditorLauncher.smoke(options, Duration.ofMinutes(1));
            }
        };

        /** Opens an editor window and returns the exit code once the user has closed it. */
        int open(EditorOptions options) throws InterruptedException;

        /**
         * Opens an editor window, waits until it has been drawn, closes it and returns one line describing it.
         *
         * @throws RuntimeException when the window cannot be opened or does not appear
         */
        String smoke(EditorOptions options) throws InterruptedException;
    }

    private final Context context;

    Weir(Context context) {
        this.context = context;
    }

    Weir(PrintStream out, PrintStream err, Interrupts interrupts) {
        this(new Context(out, err, () -> NodeRegistry.load(Weir.class.getClassLoader()), interrupts));
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Weir(out, err, Interrupts.onSigint()).run(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(context.out());
    }

    /**
     * {@code weir FILE.dag ...} is {@code weir edit FILE.dag ...}: what a file manager runs for a double-clicked
     * graph, and the short form for a person. Only a first argument ending in {@code .dag} counts, so a mistyped
     * subcommand is still reported as one.
     */
    static String[] withImplicitEdit(String[] args) {
        if (args.length > 0 && args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".dag")) {
            String[] edit = new String[args.length + 1];
            edit[0] = "edit";
            System.arraycopy(args, 0, edit, 1, args.length);
            return edit;
        }
        return args;
    }

    /** Runs the command line and returns the exit code. */
    int run(String[] args) {
        args = withImplicitEdit(args);
        CommandLine cl = new CommandLine(this, new Factory(context));
        cl.setOut(new PrintWriter(context.out(), true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(context.err(), true, StandardCharsets.UTF_8));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            context.err().println("weir: " + ex.getMessage());
            context.err().println("(see 'weir " + ex.getCommandLine().getCommandName().replace("weir", "").trim()
                    + " --help')");
            return ExitCodes.INVALID_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            // Unexpected: report it in one line. WEIR_DEBUG=1 shows the stack trace for bug reports.
            context.err().println("weir: internal error: " + ex);
            if (System.getenv("WEIR_DEBUG") != null) {
                ex.printStackTrace(context.err());
            }
            return ExitCodes.RUN_FAILED;
        });
        return cl.execute(args);
    }

    /** Builds subcommands with the shared context. */
    private record Factory(Context context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == RunCommand.class) {
                return cls.cast(new RunCommand(context));
            }
            if (cls == ReplayCommand.class) {
                return cls.cast(new ReplayCommand(context));
            }
            if (cls == ValidateCommand.class) {
                return cls.cast(new ValidateCommand(context));
            }
            if (cls == NodesCommand.class) {
                return cls.cast(new NodesCommand(context));
            }
            if (cls == DemoCommand.class) {
                return cls.cast(new DemoCommand(context));
            }
            if (cls == EditCommand.class) {
                return cls.cast(new EditCommand(context));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
