package dev.weir.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C into a request that the run loop notices, so that a run stops gracefully, prints its final stats
 * and exits with 130, instead of the JVM dying mid-run. A shutdown hook would be too late for that: by the time it
 * runs the exit status is fixed.
 */
final class Interrupts {

    private final CountDownLatch requested = new CountDownLatch(1);

    /** Installs a SIGINT handler that requests a stop; a second Ctrl-C then ends the process at once. */
    static Interrupts onSigint() {
        Interrupts i = new Interrupts();
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
                if (i.isRequested()) {
                    Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                }
                i.request();
            });
        } catch (IllegalArgumentException unsupported) {
            // No SIGINT on this platform or the JVM reserves it (-Xrs): Ctrl-C then ends the JVM as usual.
        }
        return i;
    }

    /** An instance no signal reaches, for tests and embedding. */
    static Interrupts manual() {
        return new Interrupts();
    }

    /** Asks the run to stop. Any thread. */
    void request() {
        requested.countDown();
    }

    boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Waits up to {@code millis} for a request; returns whether one came. */
    boolean await(long millis) {
        try {
            return requested.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
