package dev.weir.engine.model.dag;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces a file so that, whenever the process dies, the file holds either its old or its new content, never a
 * mix and never nothing:
 *
 * <pre>
 *  1. write   dir/.NAME.RANDOM.tmp   (a new file next to the target, same file system)
 *  2. force   its data and metadata to the device       FileChannel.force(true)
 *  3. rename  it over dir/NAME                          Files.move(ATOMIC_MOVE, REPLACE_EXISTING)
 *  4. force   the directory, so the rename itself survives a power cut (where the file system can)
 * </pre>
 *
 * If a step fails, the temporary file is deleted and the target is untouched. If the process is killed between
 * steps 1 and 3, a temporary file is left behind; it always matches {@code .NAME.*.tmp} (a hidden file on Unix)
 * and later saves of the same target delete such files once they are an hour old.
 */
final class AtomicSave {

    /** Temp files older than this are left over from a crash, not a save in progress elsewhere. */
    static final Duration STALE_AFTER = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("windows");

    private AtomicSave() {
    }

    /** The prefix of every temporary file made while saving {@code target}. */
    static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    static final String TEMP_SUFFIX = ".tmp";

    static void write(Path target, byte[] bytes) throws IOException {
        Path file = target.toAbsolutePath();
        if (Files.isSymbolicLink(file)) {
            // Replace what the link points to, not the link: a linked graph stays linked.
            file = file.toRealPath();
        }
        Path dir = file.getParent();
        if (dir == null) {
            throw new IOException(target + ": cannot save to a file system root");
        }
        cleanStaleTemps(dir, file);
        byte[] rnd = new byte[8];
        RANDOM.nextBytes(rnd);
        Path tmp = dir.resolve(tempPrefix(file) + HexFormat.of().formatHex(rnd) + TEMP_SUFFIX);
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            copyPermissions(file, tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException(target + ": the file system cannot replace files atomically, so the graph"
                        + " was not saved (the old file is untouched)", e);
            }
            moved = true;
            forceDirectory(dir);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the save already failed; the original exception says why
                }
            }
        }
    }

    /** Keeps the target's permissions (a new temp file gets the umask's), so a save does not change them. */
    private static void copyPermissions(Path from, Path to) {
        try {
            PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
            PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class);
            if (src != null && dst != null && Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                Set<PosixFilePermission> perms = src.readAttributes().permissions();
                dst.setPermissions(perms);
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort: the content matters, the mode is a courtesy
        }
    }

    /**
     * Forces the directory entry of the rename to disk. By now the new file is in place and complete; if the file
     * system cannot force a directory (Windows, some network and FUSE file systems), the save still succeeded and
     * only the rename's durability across a power cut is left to the file system, so the failure is ignored.
     */
    private static void forceDirectory(Path dir) {
        if (WINDOWS) {
            return; // NTFS journals renames itself, and a directory cannot be opened for force there
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // see above
        }
    }

    private static void cleanStaleTemps(Path dir, Path file) {
        String prefix = tempPrefix(file);
        Instant before = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(TEMP_SUFFIX)
                    && n.length() == prefix.length() + 16 + TEMP_SUFFIX.length();
        })) {
            for (Path p : ds) {
                try {
                    FileTime t = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                    if (t.toInstant().isBefore(before)) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException ignored) {
                    // another saver may have moved or removed it
                }
            }
        } catch (IOException ignored) {
            // cleaning is a courtesy; the save goes on
        }
    }
}
