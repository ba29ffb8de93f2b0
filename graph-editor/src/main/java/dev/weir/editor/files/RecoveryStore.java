package dev.weir.editor.files;

import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.model.dag.DagFormatException;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Recovery files: what an editor session had not saved, written to the state directory so that it survives a
 * crash.
 *
 * <pre>
 *   STATE_DIR/recovery/&lt;session&gt;.dag          the unsaved document (written atomically by DagCodec.save)
 *   STATE_DIR/recovery/&lt;session&gt;.properties   pid, process start, the file it was opened from, when it was written
 * </pre>
 *
 * <p>A session (one editor window) writes its files while it has unsaved changes and deletes them when it saves
 * or exits cleanly. A file whose writing process is no longer alive (no process with its pid, or one that started
 * at another time, so a reused pid does not count) was left by a crash: an <em>orphan</em>, offered for recovery at
 * the next start.
 *
 * <p>Thread-safe: autosave writes from its own thread while the application thread may discard.
 */
public final class RecoveryStore {

    private final Path dir;
    private final DagCodec codec;

    /** A store under {@code stateDir}/recovery, writing and reading with {@code codec}. */
    public RecoveryStore(Path stateDir, DagCodec codec) {
        this.dir = Objects.requireNonNull(stateDir, "stateDir").resolve("recovery");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** The directory holding the recovery files. */
    public Path directory() {
        return dir;
    }

    /** A new session of this process: a unique name, no files yet. */
    public Session newSession() {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        String name = "session-" + self.pid() + "-" + Long.toHexString(System.nanoTime());
        return new Session(name, self.pid(), start);
    }

    /** One editor window's recovery files. */
    public final class Session {
        private final String name;
        private final long pid;
        private final long processStart;
        private long generation;

        private Session(String name, long pid, long processStart) {
            this.name = name;
            this.pid = pid;
            this.processStart = processStart;
        }

        /** The recovery document's path. */
        public Path file() {
            return dir.resolve(name + ".dag");
        }

        private Path meta() {
            return dir.resolve(name + ".properties");
        }

        /**
         * The generation to pass to {@link #write}: a write that was scheduled before a later {@link #discard}
         * must not bring the files back.
         */
        public synchronized long generation() {
            return generation;
        }

        /**
         * Writes {@code doc} as this session's recovery file, unless {@link #discard} was called since
         * {@code generation} was read.
         *
         * @param original the file the document was opened from or last saved to, or null for a new document
         * @return whether it wrote
         */
        public synchronized boolean write(GraphDocument doc, Path original, long generation) throws IOException {
            if (generation != this.generation) {
                return false;
            }
            Files.createDirectories(dir);
            codec.save(doc, file());
            Properties p = new Properties();
            p.setProperty("pid", Long.toString(pid));
            p.setProperty("process_start", Long.toString(processStart));
            p.setProperty("written", Instant.now().toString());
            if (original != null) {
                p.setProperty("original", original.toAbsolutePath().toString());
            }
            Path tmp = dir.resolve("." + name + ".properties.tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Weir editor recovery file; deleted when the editor saves or exits cleanly");
            }
            Files.move(tmp, meta(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }

        /** Deletes this session's files (after a save, or on a clean exit); pending writes are cancelled. */
        public synchronized void discard() throws IOException {
            generation++;
            Files.deleteIfExists(meta());
            Files.deleteIfExists(file());
        }
    }

    /**
     * A recovery file left by a process that is gone.
     *
     * @param name     the session name
     * @param file     the recovery document
     * @param original the file the lost session was editing, if it had one
     * @param written  when the recovery file was last written
     */
    public record Orphan(String name, Path file, Optional<Path> original, Instant written) {

        /**
         * Whether the recovery file holds changes newer than the original file (or there is no original). An
         * original saved after the recovery file was written (by another program, or a later session) makes the
         * recovery file stale.
         */
        public boolean newerThanOriginal() {
            if (original.isEmpty() || !Files.exists(original.get())) {
                return true;
            }
            try {
                return Files.getLastModifiedTime(original.get()).toInstant().isBefore(written);
            } catch (IOException e) {
                return true;
            }
        }
    }

    /** Recovery files whose writer is no longer running, newest first. Unreadable leftovers are skipped. */
    public List<Orphan> orphans() throws IOException {
        List<Orphan> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "session-*.properties")) {
            for (Path meta : ds) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                    p.load(r);
                } catch (NoSuchFileException e) {
                    continue; // discarded meanwhile
                }
                String name = meta.getFileName().toString().replaceFirst("\\.properties$", "");
                Path dag = dir.resolve(name + ".dag");
                long pid;
                long start;
                Instant written;
                try {
                    pid = Long.parseLong(p.getProperty("pid", ""));
                    start = Long.parseLong(p.getProperty("process_start", "0"));
                    written = Instant.parse(p.getProperty("written", ""));
                } catch (RuntimeException e) {
                    continue;
                }
                if (!Files.exists(dag) || alive(pid, start)) {
                    continue;
                }
                String original = p.getProperty("original");
                out.add(new Orphan(name, dag, Optional.ofNullable(original).map(Path::of), written));
            }
        }
        out.sort(Comparator.comparing(Orphan::written).reversed());
        return out;
    }

    /** Reads an orphan's document. */
    public GraphDocument read(Orphan orphan) throws DagFormatException {
        return codec.read(orphan.file());
    }

    /** Deletes an orphan's files (recovered into a new session, or declined). */
    public void discard(Orphan orphan) throws IOException {
        Files.deleteIfExists(dir.resolve(orphan.name() + ".properties"));
        Files.deleteIfExists(orphan.file());
    }

    private static boolean alive(long pid, long start) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        if (start == 0) {
            return true;
        }
        // A pid the OS gave to a newer process after the writer died.
        return h.get().info().startInstant().map(i -> Math.abs(i.toEpochMilli() - start) < 1000).orElse(true);
    }
}
