package dev.weir.nodes.vision;

import dev.weir.engine.api.InputFiles;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Class names of a detection model, for labels ({@code vision.draw_boxes}), the class filter of
 * {@code vision.yolo} and the editor.
 *
 * <p>Where names come from, in order:
 * <ol>
 *   <li>the model's own metadata: Ultralytics exports write {@code names} as a Python dict literal,
 *       {@code {0: 'person', 1: 'bicycle', ...}}, into the ONNX file's {@code metadata_props};</li>
 *   <li>a text file with one name per line (Darknet's {@code coco.names} format);</li>
 *   <li>the 80 COCO names bundled with this library ({@link #coco80()}), copied from Debian's {@code opencv-doc}
 *       ({@code object_detection_classes_yolov3.txt}).</li>
 * </ol>
 *
 * <p>{@link #read(Path)} reads ONNX metadata without ONNX Runtime: it walks the file's top-level protobuf fields
 * and seeks over the graph, so the editor and the draw node can label classes without loading the model. Every
 * method may block on file I/O and allocates; none is meant for a {@code process} call.
 */
public final class ClassNames {

    /** The ONNX {@code ModelProto} field number of {@code metadata_props} (repeated StringStringEntryProto). */
    private static final int MODEL_METADATA_PROPS = 14;
    /** Metadata values larger than this are not names; refusing them bounds memory on a corrupt file. */
    private static final int MAX_METADATA_BYTES = 1 << 20;

    private static final List<String> COCO80 = loadCoco80();

    private ClassNames() {
    }

    /** The 80 COCO class names in the order of COCO-trained YOLO models (0 = person, ..., 79 = toothbrush). */
    public static List<String> coco80() {
        return COCO80;
    }

    private static List<String> loadCoco80() {
        try (InputStream in = ClassNames.class.getResourceAsStream("coco80.names")) {
            if (in == null) {
                throw new IllegalStateException("resource dev/weir/nodes/vision/coco80.names is missing from the jar");
            }
            List<String> names = lines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (names.size() != 80) {
                throw new IllegalStateException("coco80.names holds " + names.size() + " names, not 80");
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The names a node's {@code class_names} param asks for: the bundled COCO names when it is empty, otherwise
     * what {@link #read} finds in the file. Shared by the nodes that label classes ({@code vision.draw_boxes}, the
     * preview nodes), so they accept the same files and fail with the same messages.
     *
     * @param path the param's value
     * @param who  the node, as messages name it ("node 'draw' (vision.draw_boxes)")
     * @throws IllegalArgumentException naming the node and the file when it does not exist or cannot be read
     */
    public static List<String> forParam(String path, String who) {
        if (path.isEmpty()) {
            return coco80();
        }
        Path file = InputFiles.resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(who + ": class names file '" + file.toAbsolutePath()
                    + "' does not exist (param 'class_names')");
        }
        try {
            return read(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(who + ": cannot read class names from '" + file.toAbsolutePath()
                    + "': " + e.getMessage(), e);
        }
    }

    /**
     * The names stored in {@code file}: the {@code names} metadata of an ONNX model ({@code .onnx}, any case), or
     * one name per line of any other file (surrounding blanks trimmed, blank lines at the end ignored).
     *
     * @return the names by class id; empty for a model without {@code names} metadata
     * @throws IOException              when the file cannot be read or is not a protobuf file
     * @throws IllegalArgumentException when the metadata holds something other than a names dict or list
     */
    public static List<String> read(Path file) throws IOException {
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            Optional<String> names = onnxMetadata(file, "names");
            return names.isPresent() ? parseUltralytics(names.get()) : List.of();
        }
        return lines(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            out.add(line.strip());
        }
        while (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return List.copyOf(out);
    }

    /**
     * The value of metadata entry {@code key} of the ONNX model in {@code model}, read from the top-level
     * {@code ModelProto.metadata_props} without parsing (or loading) the graph.
     *
     * @throws IOException when the file ends inside a field or is not a protobuf message
     */
    public static Optional<String> onnxMetadata(Path model, String key) throws IOException {
        try (InputStream raw = Files.newInputStream(model);
             ProtoReader in = new ProtoReader(new BufferedInputStream(raw, 1 << 16), Files.size(model))) {
            String found = null;
            while (in.remaining() > 0) {
                long tag = in.varint();
                int field = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                if (field == MODEL_METADATA_PROPS && wire == 2) {
                    long len = in.length();
                    String k = null;
                    String v = null;
                    long end = in.position() + len;
                    while (in.position() < end) {
                        long t = in.varint();
                        if ((t & 7) == 2 && (t >>> 3) == 1) {
                            k = in.string();
                        } else if ((t & 7) == 2 && (t >>> 3) == 2) {
                            v = in.string();
                        } else {
                            in.skipField((int) (t & 7));
                        }
                    }
                    if (in.position() != end) {
                        throw new IOException("malformed metadata entry in " + model);
                    }
                    if (key.equals(k) && v != null) {
                        found = v; // protobuf semantics: a repeated key's last value wins
                    }
                } else {
                    in.skipField(wire);
                }
            }
            return Optional.ofNullable(found);
        }
    }

    /**
     * Parses the {@code names} metadata Ultralytics writes: a Python dict literal from class id to name,
     * {@code {0: 'person', 1: "o'clock"}}, or a list literal {@code ['person', 'bicycle']}. Strings may use either
     * quote and Python's backslash escapes for quotes, backslashes, {@code \n} and {@code \t}.
     *
     * @return the names by class id
     * @throws IllegalArgumentException when the text is not such a literal, or the ids are not exactly 0..n-1
     */
    public static List<String> parseUltralytics(String text) {
        Literal p = new Literal(text);
        p.ws();
        char open = p.next();
        if (open == '[') {
            List<String> out = new ArrayList<>();
            p.ws();
            if (p.peek() == ']') {
                p.next();
            } else {
                while (true) {
                    p.ws();
                    out.add(p.quoted());
                    p.ws();
                    char c = p.next();
                    if (c == ']') {
                        break;
                    }
                    p.expect(c, ',');
                }
            }
            p.end();
            return List.copyOf(out);
        }
        p.expect(open, '{');
        TreeMap<Integer, String> byId = new TreeMap<>();
        p.ws();
        if (p.peek() == '}') {
            p.next();
        } else {
            while (true) {
                p.ws();
                int id = p.integer();
                p.ws();
                p.expect(p.next(), ':');
                p.ws();
                if (byId.put(id, p.quoted()) != null) {
                    throw new IllegalArgumentException("class names repeat id " + id);
                }
                p.ws();
                char c = p.next();
                if (c == '}') {
                    break;
                }
                p.expect(c, ',');
            }
        }
        p.end();
        if (!byId.isEmpty() && (byId.firstKey() != 0 || byId.lastKey() != byId.size() - 1)) {
            throw new IllegalArgumentException("class names must have ids 0.." + (byId.size() - 1) + ", had "
                    + byId.firstKey() + ".." + byId.lastKey());
        }
        return List.copyOf(byId.values());
    }

    /** A cursor over a Python literal, with messages that show where it went wrong. */
    private static final class Literal {
        private final String s;
        private int i;

        Literal(String s) {
            this.s = s;
        }

        void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        char peek() {
            if (i >= s.length()) {
                throw bad("ends early");
            }
            return s.charAt(i);
        }

        char next() {
            char c = peek();
            i++;
            return c;
        }

        void expect(char got, char wanted) {
            if (got != wanted) {
                i--;
                throw bad("expected '" + wanted + "'");
            }
        }

        void end() {
            ws();
            if (i != s.length()) {
                throw bad("has text after the closing bracket");
            }
        }

        int integer() {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i || i - start > 6) {
                i = start;
                throw bad("expected a class id");
            }
            return Integer.parseInt(s, start, i, 10);
        }

        String quoted() {
            char q = next();
            if (q != '\'' && q != '"') {
                i--;
                throw bad("expected a quoted name");
            }
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == q) {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = next();
                    sb.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case '\\', '\'', '"' -> e;
                        default -> throw bad("has an unsupported escape \\" + e);
                    });
                } else {
                    sb.append(c);
                }
            }
        }

        IllegalArgumentException bad(String what) {
            int from = Math.max(0, i - 20);
            int to = Math.min(s.length(), i + 20);
            return new IllegalArgumentException("class names literal " + what + " at character " + i + ": ..."
                    + s.substring(from, to) + "...");
        }
    }

    /** Just enough protobuf to walk a message's fields: varints, lengths and skipping. */
    private static final class ProtoReader implements AutoCloseable {
        private final InputStream in;
        private final long size;
        private long pos;

        ProtoReader(InputStream in, long size) {
            this.in = in;
            this.size = size;
        }

        long position() {
            return pos;
        }

        long remaining() {
            return size - pos;
        }

        private int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("file ends inside a protobuf field at byte " + pos);
            }
            pos++;
            return b;
        }

        long varint() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = read();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IOException("not a protobuf file: a varint longer than 10 bytes at byte " + pos);
        }

        /** A length prefix, checked against what is left of the file. */
        long length() throws IOException {
            long len = varint();
            if (len < 0 || len > remaining()) {
                throw new IOException("not a protobuf file: a field of " + len + " bytes at byte " + pos + " runs past "
                        + "the end of the file (" + size + " bytes)");
            }
            return len;
        }

        String string() throws IOException {
            long len = length();
            if (len > MAX_METADATA_BYTES) {
                throw new IOException("a metadata string of " + len + " bytes at byte " + pos + " is too long");
            }
            byte[] b = in.readNBytes((int) len);
            if (b.length != len) {
                throw new EOFException("file ends inside a string at byte " + pos);
            }
            pos += len;
            return new String(b, StandardCharsets.UTF_8);
        }

        void skip(long n) throws IOException {
            in.skipNBytes(n);
            pos += n;
        }

        void skipField(int wire) throws IOException {
            switch (wire) {
                case 0 -> varint();
                case 1 -> skip(8);
                case 2 -> skip(length());
                case 5 -> skip(4);
                default -> throw new IOException("not a protobuf file: wire type " + wire + " at byte " + pos);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
