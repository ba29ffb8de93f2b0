package dev.weir.engine.model.dag;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a {@code .dag} file into a Jackson tree, refusing everything that is not strict JSON in
 * strict UTF-8 within the {@link DagLimits}. It builds the tree itself, without recursion and without data
 * binding, so no nesting depth can overflow the stack and no class is ever named by a file.
 *
 * <p>It also finds the line and column of a JSON path again, for messages about values that were found wrong
 * only after parsing ({@link #locate}).
 */
final class DagParser {

    private static final int MAX_NUMBER_LENGTH = 1000;
    private static final Pattern SOURCE_REF = Pattern.compile(
            "\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");
    private static final Pattern CLOSE_MARKER = Pattern.compile(
            "expected close marker for (Object|Array) \\(start marker at line (\\d+), column (\\d+)\\)");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) ['\"](.*)['\"]",
            Pattern.DOTALL);
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '([^']*)'");
    private static final Pattern CHAR_CODE = Pattern.compile("\\('(.{1,2}?)' \\(code \\d+\\)\\)");
    private static final Pattern CTRL_CODE = Pattern.compile("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']*)'");

    private final DagLimits limits;
    private final JsonFactory factory;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    DagParser(DagLimits limits) {
        this.limits = limits;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxStringLength())
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxDocumentLength(limits.maxFileBytes())
                .build();
        this.factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // Keys from a file never go to String.intern or into the shared symbol table, whose hash-flood
                // guard throws an IllegalStateException instead of a parse error.
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .build();
    }

    /**
     * {@code bytes} decoded as strict UTF-8: a malformed or truncated sequence is refused with its byte offset.
     * A leading UTF-8 byte order mark is skipped; {@link DagWriter} never writes one.
     */
    String decode(byte[] bytes, String source) throws DagFormatException {
        checkSize(bytes.length, source);
        int start = hasBom(bytes) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.position(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            String shown = offset < bytes.length ? String.format(" (0x%02x)", bytes[offset] & 0xff) : "";
            throw new DagFormatException(source, line, column, null, null, null, "not valid UTF-8 at byte "
                    + offset + shown + "; a .dag file must be UTF-8 text", null);
        }
        out.flip();
        return out.toString();
    }

    static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF;
    }

    void checkSize(long bytes, String source) throws DagFormatException {
        if (bytes > limits.maxFileBytes()) {
            throw new DagFormatException(source, "file is " + bytes + " bytes, over the limit of "
                    + limits.maxFileBytes() + " bytes (DagLimits.maxFileBytes)");
        }
    }

    /** One open object or array while building. */
    private static final class Frame {
        final JsonNode node;
        final String path;
        final int counted; // 0, or 1 for $.nodes, 2 for $.edges
        int size;

        Frame(JsonNode node, String path, int counted) {
            this.node = node;
            this.path = path;
            this.counted = counted;
        }
    }

    /**
     * The tree of {@code text}, which must hold exactly one JSON object. Integers become {@code LongNode}s and
     * reals {@code DoubleNode}s; a number that neither can hold is kept as a {@link Json.OutOfRangeNumber} for the
     * reader to refuse with its path.
     */
    ObjectNode parse(String text, String source) throws DagFormatException {
        JsonParser p = null;
        try {
            p = factory.createParser(text);
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new DagFormatException(source, "file is empty");
            }
            if (t != JsonToken.START_OBJECT) {
                throw at(source, p.currentTokenLocation(), "$", "the top level must be a JSON object, was "
                        + tokenKind(t));
            }
            ObjectNode root = nodes.objectNode();
            List<Frame> stack = new ArrayList<>();
            stack.add(new Frame(root, "$", 0));
            while (!stack.isEmpty()) {
                t = p.nextToken();
                if (t == null) {
                    throw at(source, p.currentLocation(), null, "unexpected end of file (is the file cut short?)");
                }
                Frame top = stack.getLast();
                switch (t) {
                    case FIELD_NAME -> {
                        continue;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        stack.removeLast();
                        continue;
                    }
                    default -> {
                    }
                }
                String name = top.node.isObject() ? p.currentName() : null;
                int index = top.size++;
                if (top.counted != 0) {
                    checkCount(top, index, p, source);
                }
                JsonNode value;
                switch (t) {
                    case START_OBJECT -> {
                        value = nodes.objectNode();
                        stack.add(new Frame(value, childPath(top, name, index), 0));
                    }
                    case START_ARRAY -> {
                        value = nodes.arrayNode();
                        int counted = stack.size() == 1 ? ("nodes".equals(name) ? 1 : "edges".equals(name) ? 2 : 0) : 0;
                        stack.add(new Frame(value, childPath(top, name, index), counted));
                    }
                    case VALUE_STRING -> value = nodes.textNode(p.getText());
                    case VALUE_NUMBER_INT -> value = integer(p);
                    case VALUE_NUMBER_FLOAT -> value = real(p);
                    case VALUE_TRUE -> value = nodes.booleanNode(true);
                    case VALUE_FALSE -> value = nodes.booleanNode(false);
                    case VALUE_NULL -> value = nodes.nullNode();
                    default -> throw at(source, p.currentTokenLocation(), null, "unexpected " + t);
                }
                if (top.node instanceof ObjectNode o) {
                    o.set(name, value);
                } else {
                    ((ArrayNode) top.node).add(value);
                }
            }
            t = p.nextToken();
            if (t != null) {
                throw at(source, p.currentTokenLocation(), null,
                        "unexpected content (" + tokenKind(t) + ") after the end of the top-level object");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation() != null ? e.getLocation() : p != null ? p.currentLocation() : null;
            throw at(source, loc, null, explain(e), e);
        } catch (IOException e) {
            // Reading from a String does no I/O; anything else is a malformed input the parser reports this way.
            throw new DagFormatException(source, -1, -1, null, null, null, "cannot parse: " + e.getMessage(), e);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // a String source has nothing to release
                }
            }
        }
    }

    private void checkCount(Frame top, int index, JsonParser p, String source) throws DagFormatException {
        int max = top.counted == 1 ? limits.maxNodes() : limits.maxEdges();
        if (index >= max) {
            String what = top.counted == 1 ? "nodes" : "edges";
            throw at(source, p.currentTokenLocation(), top.path, "more than " + max + " " + what
                    + " exceed the limit of " + max + " (DagLimits.max" + (top.counted == 1 ? "Nodes" : "Edges") + ")");
        }
    }

    private static String childPath(Frame top, String name, int index) {
        return name != null ? Json.path(top.path, name) : Json.path(top.path, index);
    }

    private JsonNode integer(JsonParser p) throws IOException {
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return nodes.pojoNode(new Json.OutOfRangeNumber(p.getText(), true));
        }
        return nodes.numberNode(p.getLongValue());
    }

    private JsonNode real(JsonParser p) throws IOException {
        String text = p.getText();
        double d;
        try {
            d = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return nodes.pojoNode(new Json.OutOfRangeNumber(text, false));
        }
        if (Double.isInfinite(d) || (d == 0.0 && hasNonZeroDigit(text))) {
            return nodes.pojoNode(new Json.OutOfRangeNumber(text, false));
        }
        return nodes.numberNode(d);
    }

    /** Whether the mantissa of a JSON real has a digit other than 0, i.e. it underflowed if it parsed as 0. */
    private static boolean hasNonZeroDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static String tokenKind(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    /** One clause about a syntax or limit error, without Jackson's class names and feature hints. */
    private String explain(JsonProcessingException e) {
        String raw = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (raw.contains("nesting depth")) {
                return "nesting deeper than " + limits.maxNestingDepth() + " levels exceeds the limit of "
                        + limits.maxNestingDepth() + " (DagLimits.maxNestingDepth)";
            }
            if (raw.startsWith("String value length")) {
                return "a string longer than " + limits.maxStringLength() + " characters exceeds the limit of "
                        + limits.maxStringLength() + " (DagLimits.maxStringLength)";
            }
            if (raw.startsWith("Name length")) {
                return "a key longer than " + limits.maxStringLength() + " characters exceeds the limit of "
                        + limits.maxStringLength() + " (DagLimits.maxStringLength)";
            }
            if (raw.startsWith("Number value length")) {
                return "a number longer than " + MAX_NUMBER_LENGTH + " characters";
            }
            if (raw.startsWith("Document length")) {
                return "file is over the limit of " + limits.maxFileBytes() + " bytes (DagLimits.maxFileBytes)";
            }
        }
        String msg = SOURCE_REF.matcher(raw).replaceAll("line $1, column $2");
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        Matcher m = DUPLICATE.matcher(msg);
        if (m.find()) {
            return "duplicate key " + Json.quote(m.group(1)) + "; each key may appear once per object";
        }
        m = NON_STANDARD.matcher(msg);
        if (m.find()) {
            return "'" + m.group(1) + "' is not valid JSON; a .dag file holds only finite numbers";
        }
        m = UNRECOGNIZED.matcher(msg);
        if (m.find()) {
            String token = m.group(1);
            if (token.matches("[+-]?(Infinity|INF|NaN)")) {
                return "'" + token + "' is not valid JSON; a .dag file holds only finite numbers";
            }
            return "unrecognized token '" + Json.unquoted(token) + "': expected a JSON value (string, number, "
                    + "object, array, true, false or null)";
        }
        if (e instanceof JsonEOFException || msg.contains("end-of-input")) {
            m = CLOSE_MARKER.matcher(msg);
            if (m.find()) {
                return "unexpected end of file: the " + m.group(1).toLowerCase(java.util.Locale.ROOT)
                        + " opened at " + m.group(2) + ":" + m.group(3) + " is not closed (is the file cut short?)";
            }
            String rest = msg.replaceFirst("(?i)^unexpected end-of-input:? ?", "").replace("within/between", "between");
            return "unexpected end of file" + (rest.isEmpty() ? "" : rest.startsWith("in ") ? " " + rest : ": " + rest)
                    + " (is the file cut short?)";
        }
        if (msg.contains("ALLOW_COMMENTS")) {
            return "comments are not allowed: a .dag file is plain JSON";
        }
        msg = CHAR_CODE.matcher(msg).replaceAll("'$1'");
        msg = CTRL_CODE.matcher(msg).replaceAll("(control character $1)")
                .replaceAll(" ?\\(?(or )?enable `?JsonReadFeature\\.[A-Z_]+`? to allow\\)?", "")
                .replaceAll(": enable `?JsonReadFeature\\.[A-Z_]+`? to allow", "")
                .replace("(JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                        "a JSON value");
        return "invalid JSON: " + lowerFirst(msg);
    }

    /** {@code s} with a lower-case first letter, unless it starts an acronym. */
    private static String lowerFirst(String s) {
        if (s.length() < 2 || Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static DagFormatException at(String source, JsonLocation loc, String path, String detail) {
        return at(source, loc, path, detail, null);
    }

    private static DagFormatException at(String source, JsonLocation loc, String path, String detail,
                                         Throwable cause) {
        int line = loc == null ? -1 : loc.getLineNr();
        int column = loc == null ? -1 : loc.getColumnNr();
        return new DagFormatException(source, line, column, path, null, null, detail, cause);
    }

    /**
     * The 1-based line and column where the value at {@code path} starts in {@code text}, or null when there is
     * no such value. Used only to place a message, so it re-parses the text rather than keeping a location for
     * every value of every file.
     */
    int[] locate(String text, String path) {
        try (JsonParser p = factory.createParser(text)) {
            List<String> paths = new ArrayList<>();
            List<int[]> indexes = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    paths.removeLast();
                    indexes.removeLast();
                    continue;
                }
                String here;
                if (paths.isEmpty()) {
                    here = "$";
                } else if (indexes.getLast() != null) {
                    here = Json.path(paths.getLast(), indexes.getLast()[0]++);
                } else {
                    here = Json.path(paths.getLast(), p.currentName());
                }
                if (here.equals(path)) {
                    JsonLocation loc = p.currentTokenLocation();
                    return new int[] {loc.getLineNr(), loc.getColumnNr()};
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (!path.startsWith(here)) {
                        p.skipChildren();
                        continue;
                    }
                    paths.add(here);
                    indexes.add(t == JsonToken.START_ARRAY ? new int[] {0} : null);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
