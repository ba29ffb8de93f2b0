package dev.weir.installers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies Weir's class-path jar without the native libraries of platforms other than the one the Linux packages are
 * for (x86_64). The dependencies carry natives for every platform they support: ONNX Runtime for Linux, macOS and
 * Windows (macOS with its debug symbols: about 190 MB of the jar's 310 MB unpacked), JNA and jffi (through
 * Chronicle) for some twenty more. Each library picks its own platform's folder at run time, so the others are
 * dead weight in a Linux package.
 *
 * <p>Native files (by extension, or inside a macOS {@code .dSYM} bundle) are judged by the nearest folder above them
 * that names a platform ({@code linux-x64}, {@code linux-x86-64}, {@code x86_64-Linux}, {@code win32-x86},
 * {@code Darwin}, ...): Linux on x86_64 is kept, any other operating system or architecture is dropped. JavaFX's
 * natives sit at the jar's root (its jars are per platform already) and are kept when they are {@code .so} files. A
 * native file that fits none of these is an error rather than a guess: a new dependency's layout must be taught
 * here, not silently shipped or silently lost.
 */
public final class JarTrimmer {

    /** What happens to one jar entry. */
    enum Verdict { KEEP, DROP, UNKNOWN }

    /** Shared libraries, static archives and import libraries, by file name. */
    private static final Pattern NATIVE = Pattern.compile(".*\\.(so(\\.\\d+)*|dll|dylib|jnilib|a|lib|pdb)");

    private static final Set<String> OPERATING_SYSTEMS = Set.of("linux", "win", "win32", "windows", "darwin", "osx",
            "macos", "mac", "aix", "sunos", "solaris", "freebsd", "openbsd", "netbsd", "dragonflybsd", "android");

    private static final Set<String> ARCHITECTURES = Set.of("amd64", "x86", "i386", "i686", "aarch64", "arm64",
            "arm", "armel", "armhf", "ppc", "ppc64", "ppc64le", "s390x", "mips64el", "loongarch64", "riscv64",
            "sparc", "sparcv9");

    private JarTrimmer() {
    }

    /**
     * The verdict on one entry: everything that is not a native file is kept.
     *
     * @param name a jar entry name such as {@code ai/onnxruntime/native/win-x64/onnxruntime.dll}
     */
    static Verdict classify(String name) {
        String[] segments = name.split("/");
        boolean inDsym = false;
        for (int i = 0; i < segments.length - 1; i++) {
            inDsym |= segments[i].toLowerCase(Locale.ROOT).endsWith(".dsym");
        }
        if (!inDsym && !NATIVE.matcher(segments[segments.length - 1].toLowerCase(Locale.ROOT)).matches()) {
            return Verdict.KEEP;
        }
        for (int i = segments.length - 2; i >= 0; i--) {
            Verdict v = platformVerdict(segments[i]);
            if (v != null) {
                return v;
            }
        }
        if (segments.length == 1) {
            return name.toLowerCase(Locale.ROOT).matches(".*\\.so(\\.\\d+)*") ? Verdict.KEEP : Verdict.UNKNOWN;
        }
        return Verdict.UNKNOWN;
    }

    /**
     * KEEP for a folder naming Linux on x86_64, DROP for one naming another platform, UNKNOWN for Linux without an
     * architecture, null for a folder that names no operating system (look further up).
     */
    private static Verdict platformVerdict(String folder) {
        List<String> tokens = new ArrayList<>(List.of(folder.toLowerCase(Locale.ROOT).split("[-_]")));
        // x86_64 and x86-64 split into two tokens; x64 is Microsoft's and ONNX Runtime's name for the same.
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).equals("x86") && tokens.get(i + 1).equals("64")) {
                tokens.set(i, "amd64");
                tokens.remove(i + 1);
            }
        }
        tokens.replaceAll(t -> t.equals("x64") || t.equals("x86_64") ? "amd64" : t);
        String os = tokens.stream().filter(OPERATING_SYSTEMS::contains).findFirst().orElse(null);
        if (os == null) {
            return null;
        }
        String arch = tokens.stream().filter(ARCHITECTURES::contains).findFirst().orElse(null);
        if (!os.equals("linux")) {
            return Verdict.DROP;
        }
        if (arch == null) {
            return Verdict.UNKNOWN;
        }
        return arch.equals("amd64") ? Verdict.KEEP : Verdict.DROP;
    }

    /** What a trim did: the native files kept and dropped, with their unpacked sizes. */
    record Summary(List<String> kept, long keptBytes, List<String> dropped, long droppedBytes) {
    }

    /**
     * Writes {@code in} to {@code out} without the dropped entries and without folders left empty by them.
     *
     * @throws IllegalStateException naming every native file whose platform is unknown; {@code out} is then deleted
     */
    static Summary trim(Path in, Path out) throws IOException {
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        long keptBytes = 0;
        long droppedBytes = 0;
        // The zip file system rewrites the archive on close, copying the entries it keeps without recompressing.
        try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + out.toUri()), Map.of())) {
            List<Path> files;
            try (Stream<Path> all = Files.walk(jar.getPath("/"))) {
                files = all.filter(Files::isRegularFile).toList();
            }
            for (Path f : files) {
                String name = f.toString().substring(1);
                switch (classify(name)) {
                    case KEEP -> {
                        if (isNativeName(name)) {
                            kept.add(name);
                            keptBytes += Files.size(f);
                        }
                    }
                    case DROP -> {
                        dropped.add(name);
                        droppedBytes += Files.size(f);
                        Files.delete(f);
                    }
                    case UNKNOWN -> unknown.add(name);
                }
            }
            if (unknown.isEmpty()) {
                deleteEmptiedFolders(jar, dropped);
            }
        }
        if (!unknown.isEmpty()) {
            Files.delete(out);
            throw new IllegalStateException("native files for an unknown platform (teach JarTrimmer which platform "
                    + "their folder names): " + String.join(", ", unknown));
        }
        return new Summary(List.copyOf(kept), keptBytes, List.copyOf(dropped), droppedBytes);
    }

    private static boolean isNativeName(String name) {
        return NATIVE.matcher(name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)).matches();
    }

    /** Deletes the folders of dropped files, deepest first, as far up as they are empty. */
    private static void deleteEmptiedFolders(FileSystem jar, List<String> dropped) throws IOException {
        List<Path> folders = new ArrayList<>();
        for (String name : dropped) {
            for (Path p = jar.getPath("/" + name).getParent(); p != null && p.getNameCount() > 0; p = p.getParent()) {
                if (!folders.contains(p)) {
                    folders.add(p);
                }
            }
        }
        folders.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> children = Files.list(folder)) {
                    if (children.findAny().isEmpty()) {
                        Files.delete(folder);
                    }
                }
            }
        }
    }

    /**
     * {@code JarTrimmer IN OUT}: trims IN into OUT and prints what it kept and dropped. Exit code 1 with a message on
     * an unknown platform or a missing IN.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: JarTrimmer IN.jar OUT.jar");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        if (!Files.isRegularFile(in)) {
            System.err.println("JarTrimmer: " + in + " does not exist (build the app first)");
            System.exit(1);
        }
        Summary s;
        try {
            s = trim(in, Path.of(args[1]));
        } catch (IllegalStateException e) {
            System.err.println("JarTrimmer: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.printf(Locale.ROOT, "JarTrimmer: dropped %d native files of other platforms (%.1f MB unpacked); "
                        + "kept %d for linux-x86_64 (%.1f MB); %s: %.1f MB -> %.1f MB%n",
                s.dropped().size(), s.droppedBytes() / 1e6, s.kept().size(), s.keptBytes() / 1e6, in.getFileName(),
                Files.size(in) / 1e6, Files.size(Path.of(args[1])) / 1e6);
    }
}
