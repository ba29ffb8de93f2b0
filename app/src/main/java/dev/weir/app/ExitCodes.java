package dev.weir.app;

/** The exit codes of the {@code weir} command, documented in the README. */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** Invalid input: a malformed file, an invalid graph, a bad option. */
    static final int INVALID_INPUT = 1;
    /** A node failed while running. */
    static final int RUN_FAILED = 2;
    /** Interrupted (Ctrl-C), after a graceful stop; 128 + SIGINT as shells expect. */
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
