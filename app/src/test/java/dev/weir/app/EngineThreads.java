package dev.weir.app;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/** The engine's threads (all named {@code weir-*}), for tests that check a run leaves none behind. */
final class EngineThreads {

    private EngineThreads() {
    }

    /** Names of the live threads whose name starts with {@code weir-}. */
    static Set<String> names() {
        Set<String> out = new TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("weir-")) {
                out.add(t.getName());
            }
        }
        return out;
    }

    /**
     * Waits until no {@code weir-*} thread is alive that was not alive in {@code before}.
     *
     * @throws AssertionError naming the threads left when the time runs out
     */
    static void awaitOnly(Set<String> before, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<String> extra = new TreeSet<>(names());
            extra.removeAll(before);
            if (extra.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("threads left behind after " + timeout + ": " + extra);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for threads to end: " + extra, e);
            }
        }
    }
}
