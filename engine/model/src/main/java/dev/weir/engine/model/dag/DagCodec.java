package dev.weir.engine.model.dag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.model.GraphDocument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads and writes {@code .dag} files: the JSON form of a {@link GraphDocument} that users save, diff, share and
 * run headless. The format is described in {@code docs/dag-format.md}; {@code docs/dag.schema.json} is its JSON
 * Schema.
 *
 * <h2>Reading</h2>
 * A file goes through these steps, and the first that fails refuses it with a {@link DagFormatException} whose
 * one-line message names the file, the line and column or JSON path, and the node:
 * <ol>
 *   <li>size against {@link DagLimits#maxFileBytes()}, before reading it;</li>
 *   <li>strict UTF-8 decoding (a leading byte order mark is skipped); an empty or blank file is refused;</li>
 *   <li>strict JSON parsing within the limits: no comments, no NaN, no duplicate keys, no trailing content, no
 *       integer beyond 64 bits or real beyond a double;</li>
 *   <li>format migrations ({@link FormatMigration}) from the file's {@code format_version} to the current one; a
 *       newer file is refused ("open it with a newer Weir");</li>
 *   <li>mapping to DTOs, checking the kind of every field: missing, unknown and misspelt fields, wrong types,
 *       unknown enum values, bad ids, duplicate node or edge ids, out-of-range numbers;</li>
 *   <li>node type migrations: a node whose {@code type_version} is older than its registered type gets its params
 *       brought forward by the type's {@link dev.weir.engine.api.ParamMigration}s;</li>
 *   <li>the {@link GraphDocument}.</li>
 * </ol>
 * What is well-formed but wrong as a graph (unknown node types, newer type versions, dangling edges, unknown
 * ports, type mismatches, cycles) loads unchanged, so the file round-trips, and
 * {@link dev.weir.engine.model.GraphValidator} reports it. Nothing read from a file is ever executed, named as a
 * class, or opened as a path: the tree is mapped by hand, without data binding.
 *
 * <h2>Writing</h2>
 * {@link #write} gives canonical text (see {@link DagWriter}): reading a canonical file and writing it again gives
 * the same bytes. {@link #save} replaces a file atomically (see {@link AtomicSave}).
 *
 * <p>Instances are immutable and thread-safe; the app builds one per registry and keeps it.
 */
public final class DagCodec {

    private final NodeRegistry registry;
    private final DagLimits limits;
    private final Map<Integer, FormatMigration> formatMigrations;
    private final int formatVersion;
    private final DagParser parser;

    /** A codec that migrates node params through {@code registry}, with the default limits. */
    public DagCodec(NodeRegistry registry) {
        this(registry, DagLimits.DEFAULT);
    }

    /** A codec that migrates node params through {@code registry}, with the given limits. */
    public DagCodec(NodeRegistry registry, DagLimits limits) {
        this(registry, limits, FormatMigration.BUILT_IN, GraphDocument.CURRENT_FORMAT_VERSION);
    }

    /**
     * A codec that reads and writes format {@code formatVersion} and brings older files forward with
     * {@code formatMigrations}. Weir itself always uses {@link FormatMigration#BUILT_IN} and
     * {@link GraphDocument#CURRENT_FORMAT_VERSION}; tests use this to exercise the migration machinery with a
     * made-up chain of versions, since format 1 is the first. The tree after the last step must have the current
     * layout.
     *
     * @throws IllegalArgumentException when two steps start at the same version or a step starts at or after
     *                                  {@code formatVersion}
     */
    DagCodec(NodeRegistry registry, DagLimits limits, List<FormatMigration> formatMigrations, int formatVersion) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.limits = Objects.requireNonNull(limits, "limits");
        if (formatVersion < 1) {
            throw new IllegalArgumentException("format version must be at least 1, was " + formatVersion);
        }
        Map<Integer, FormatMigration> m = new TreeMap<>();
        for (FormatMigration step : formatMigrations) {
            if (step.fromVersion() >= formatVersion) {
                throw new IllegalArgumentException("format migration from version " + step.fromVersion()
                        + " (" + step.description() + ") starts at or after the current version " + formatVersion);
            }
            if (m.putIfAbsent(step.fromVersion(), step) != null) {
                throw new IllegalArgumentException("two format migrations start at version " + step.fromVersion());
            }
        }
        this.formatMigrations = Map.copyOf(m);
        this.formatVersion = formatVersion;
        this.parser = new DagParser(limits);
    }

    /**
     * A codec without node types: every node loads exactly as written, with no param migration. For tools that
     * only move files around ({@code weir fmt}) and for tests.
     */
    public static DagCodec withoutRegistry() {
        return new DagCodec(NodeRegistry.of(List.of()));
    }

    /** This codec with other limits. */
    public DagCodec withLimits(DagLimits newLimits) {
        return new DagCodec(registry, newLimits, List.copyOf(formatMigrations.values()), formatVersion);
    }

    /** The registry node params are migrated through. */
    public NodeRegistry registry() {
        return registry;
    }

    /** The limits files are checked against. */
    public DagLimits limits() {
        return limits;
    }

    /** The format version this codec reads up to and writes. */
    public int formatVersion() {
        return formatVersion;
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /**
     * The document in {@code file}. Messages name the file as {@code file.toString()}.
     *
     * @throws DagFormatException when the file cannot be read (missing, a directory, no permission), is over the
     *                            size limit (checked before reading), or is not a valid {@code .dag} file
     */
    public GraphDocument read(Path file) throws DagFormatException {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new DagFormatException(source, "is a directory, not a .dag file");
            }
            parser.checkSize(Files.size(file), source);
            int cap = (int) Math.min(limits.maxFileBytes() + 1, Integer.MAX_VALUE - 16);
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(cap);
            }
        } catch (NoSuchFileException e) {
            throw new DagFormatException(source, -1, -1, null, null, null, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new DagFormatException(source, -1, -1, null, null, null, "permission denied", e);
        } catch (IOException e) {
            throw new DagFormatException(source, -1, -1, null, null, null, "cannot read the file: " + e, e);
        }
        return parse(bytes, source);
    }

    /**
     * The document in {@code bytes}, which must be UTF-8.
     *
     * @param sourceName what messages call the input, such as a file name; may be null
     */
    public GraphDocument parse(byte[] bytes, String sourceName) throws DagFormatException {
        return parseText(parser.decode(bytes, sourceName), sourceName);
    }

    /**
     * The document in {@code json}.
     *
     * @param sourceName what messages call the input, such as a file name; may be null
     */
    public GraphDocument parse(String json, String sourceName) throws DagFormatException {
        parser.checkSize(utf8Length(json), sourceName);
        return parseText(json.startsWith("\uFEFF") ? json.substring(1) : json, sourceName);
    }

    private GraphDocument parseText(String text, String source) throws DagFormatException {
        if (text.isEmpty()) {
            throw new DagFormatException(source, "file is empty");
        }
        if (text.isBlank()) {
            throw new DagFormatException(source, "file is empty (it holds only whitespace)");
        }
        ObjectNode root = parser.parse(text, source);
        int version = fileFormatVersion(root, text, source);
        boolean migrated = false;
        for (int v = version; v < formatVersion; v++) {
            FormatMigration step = formatMigrations.get(v);
            if (step == null) {
                // The file's own format_version is still where the text has it.
                throw at(source, text, false, "$.format_version", "format_version " + version
                        + " is too old for this Weir: it has no migration from format " + v + " to " + (v + 1), null);
            }
            ObjectNode next;
            try {
                next = step.migrate().apply(root);
            } catch (RuntimeException e) {
                throw at(source, text, migrated, "$", "cannot migrate from format " + v + " to " + (v + 1) + " ("
                        + step.description() + "): " + e.getMessage(), e);
            }
            if (next == null) {
                throw at(source, text, migrated, "$", "cannot migrate from format " + v + " to " + (v + 1) + " ("
                        + step.description() + "): the step returned no tree", null);
            }
            root = next;
            root.put("format_version", v + 1);
            migrated |= !step.keepsLayout();
        }
        // Once a step that moves fields ran, paths no longer match the text, so messages give paths without line
        // and column. Steps that only add optional fields keep every value where the text has it.
        return new DagReader(source, migrated ? null : text, parser, limits).read(root, formatVersion, registry);
    }

    private int fileFormatVersion(ObjectNode root, String text, String source) throws DagFormatException {
        JsonNode v = root.get("format_version");
        if (v == null) {
            throw at(source, text, false, "$", "missing required field \"format_version\" (is this a Weir .dag"
                    + " file?)", null);
        }
        String number;
        if (v.isIntegralNumber()) {
            number = v.asText();
        } else if (v instanceof POJONode p && p.getPojo() instanceof Json.OutOfRangeNumber o && o.integer()) {
            number = o.text();
        } else {
            throw at(source, text, false, "$.format_version", "format_version must be an integer, was "
                    + Json.describe(v), null);
        }
        boolean negative = number.startsWith("-");
        if (negative || (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() < 1)) {
            throw at(source, text, false, "$.format_version", "format_version " + number
                    + " is not a format version (the first is 1)", null);
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() > formatVersion) {
            throw at(source, text, false, "$.format_version", "format_version " + number
                    + " is newer than this Weir reads (" + formatVersion + "); open it with a newer Weir", null);
        }
        int version = v.intValue();
        return version;
    }

    private DagFormatException at(String source, String text, boolean migrated, String path, String detail,
                                  Throwable cause) {
        int[] loc = migrated ? null : parser.locate(text, path);
        return new DagFormatException(source, loc == null ? -1 : loc[0], loc == null ? -1 : loc[1], path, null,
                null, detail, cause);
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    // ---- writing --------------------------------------------------------------------------------------------

    /**
     * {@code doc} as canonical {@code .dag} text in this codec's format version (whatever version the document
     * was read from): fixed key order, sorted params, 2-space indent, LF, a final newline. The same document
     * always gives the same text.
     *
     * @throws IllegalArgumentException when the document holds a value a file cannot: a NaN or infinite real in
     *                                  params or metadata, or a type version below 1
     */
    public String write(GraphDocument doc) {
        return DagWriter.write(Objects.requireNonNull(doc, "doc"), formatVersion);
    }

    /**
     * Writes {@code doc} to {@code file} atomically: readers and a crash at any moment see either the old file or
     * the complete new one. The text goes to a temporary file {@code .NAME.RANDOM.tmp} in the same directory,
     * which is forced to disk and renamed over {@code file}; then the directory is forced. On failure the
     * temporary file is removed and {@code file} is untouched. A process killed mid-save may leave a temporary
     * file; later saves remove such files once they are an hour old. A symbolic link is followed: the file it
     * points to is replaced.
     *
     * @throws IOException              when the file cannot be written; the old content is then intact
     * @throws IllegalArgumentException as {@link #write}
     */
    public void save(GraphDocument doc, Path file) throws IOException {
        byte[] bytes = write(doc).getBytes(StandardCharsets.UTF_8);
        AtomicSave.write(file, bytes);
    }
}
