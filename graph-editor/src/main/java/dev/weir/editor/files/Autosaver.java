package dev.weir.editor.files;

import dev.weir.engine.model.GraphDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes a session's unsaved document to its recovery file a short while after the last change (debounced: a
 * burst of edits gives one write), on a daemon thread of its own so the user never waits for the disk.
 *
 * <p>Documents are immutable, so the writing thread reads the one it was handed while the editor goes on editing.
 * {@link #changed} and {@link #discard} are called on the application thread.
 */
public final class Autosaver implements AutoCloseable {

    /** Delay after the last change, in milliseconds, unless {@value #DELAY_PROPERTY} says otherwise. */
    public static final long DEFAULT_DELAY_MS = 1500;
    /** System property with the delay in milliseconds (tests shorten it). */
    public static final String DELAY_PROPERTY = "weir.autosave.delay.ms";

    private final RecoveryStore.Session session;
    private final Duration delay;
    private final Consumer<IOException> onError;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "weir-autosave");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;
    private Runnable onWritten = () -> { };

    /**
     * @param session where to write
     * @param delay   how long after the last change to write
     * @param onError told (on the autosave thread) when a write fails; the next change tries again
     */
    public Autosaver(RecoveryStore.Session session, Duration delay, Consumer<IOException> onError) {
        this.session = Objects.requireNonNull(session, "session");
        this.delay = Objects.requireNonNull(delay, "delay");
        this.onError = Objects.requireNonNull(onError, "onError");
    }

    /** The delay from {@value #DELAY_PROPERTY}, or the default. */
    public static Duration configuredDelay() {
        return Duration.ofMillis(Long.getLong(DELAY_PROPERTY, DEFAULT_DELAY_MS));
    }

    /** Runs {@code r} on the autosave thread after every successful write (tests wait on it). */
    public void onWritten(Runnable r) {
        this.onWritten = Objects.requireNonNull(r, "onWritten");
    }

    /** The recovery session written to. */
    public RecoveryStore.Session session() {
        return session;
    }

    /**
     * The document has unsaved changes: write it after the delay, unless another change comes first.
     *
     * @param original the file it belongs to, or null
     */
    public synchronized void changed(GraphDocument doc, Path original) {
        Objects.requireNonNull(doc, "doc");
        if (pending != null) {
            pending.cancel(false);
        }
        long generation = session.generation();
        pending = executor.schedule(() -> {
            try {
                if (session.write(doc, original, generation)) {
                    onWritten.run();
                }
            } catch (IOException e) {
                onError.accept(e);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Nothing is unsaved any more (saved, or a clean exit): cancel a pending write and delete the files. */
    public synchronized void discard() throws IOException {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        session.discard();
    }

    /** Stops the autosave thread; the files stay (a clean exit calls {@link #discard} first). */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
