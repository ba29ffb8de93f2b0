package dev.weir.app;

import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.runtime.Engine;
import dev.weir.engine.runtime.RunOptions;
import dev.weir.engine.runtime.RunResult;
import dev.weir.engine.runtime.Session;
import dev.weir.engine.runtime.SessionState;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Runs one graph headless: prints stats every interval, stops at the duration, on Ctrl-C or when the graph
 * completes, then prints a summary. Shared by {@code weir run} and {@code weir demo}.
 */
final class RunLoop {

    private RunLoop() {
    }

    /**
     * @param duration      stop after this long, or null to run until the graph completes
     * @param statsInterval print stats this often; zero for none
     * @return the exit code
     */
    static int run(Engine engine, GraphDocument doc, RunOptions options, Duration duration, Duration statsInterval,
                   Interrupts interrupts, PrintStream out, PrintStream err) {
        long t0 = System.nanoTime();
        Session session = engine.start(doc, options);
        long deadline = duration == null ? Long.MAX_VALUE : t0 + duration.toNanos();
        long every = statsInterval.toNanos();
        long nextStats = every > 0 ? t0 + every : Long.MAX_VALUE;
        boolean interrupted = false;
        while (!session.state().isTerminal()) {
            long now = System.nanoTime();
            if (now >= deadline) {
                break;
            }
            long waitNanos = Math.min(Math.min(deadline, nextStats) - now, 20_000_000L);
            if (interrupts.await(Math.max(1, waitNanos / 1_000_000))) {
                interrupted = true;
                break;
            }
            if (System.nanoTime() >= nextStats && !session.state().isTerminal()) {
                out.print(session.metrics().format());
                out.flush();
                nextStats += every;
            }
        }
        RunResult r = session.stop();
        double seconds = (System.nanoTime() - t0) / 1e9;
        String how = switch (r.state()) {
            case COMPLETED -> "completed";
            case FAILED -> "failed";
            default -> interrupted ? "interrupted" : duration != null ? "stopped at --duration" : "stopped";
        };
        out.printf(Locale.ROOT, "summary: graph '%s' %s after %.2f s%n", doc.id(), how, seconds);
        out.print(r.finalMetrics().format());
        out.flush();
        r.closeFailures().forEach(f -> err.println("weir: warning: " + f.message()));
        if (r.state() == SessionState.FAILED) {
            err.println("weir: " + r.failure().orElseThrow().message());
            return ExitCodes.RUN_FAILED;
        }
        return interrupted ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }
}
