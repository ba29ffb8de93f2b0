package dev.weir.engine.model.dag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;

import java.util.regex.Pattern;

/** Small JSON helpers shared by the reader and the writer: paths, string escaping, value descriptions. */
final class Json {

    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int EXCERPT = 40;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /** {@code parent.key}, or {@code parent["odd key"]} when the key is not a plain identifier. */
    static String path(String parent, String key) {
        if (SIMPLE_KEY.matcher(key).matches()) {
            return parent + "." + key;
        }
        StringBuilder sb = new StringBuilder(parent.length() + key.length() + 4).append(parent).append('[');
        appendString(sb, key);
        return sb.append(']').toString();
    }

    /** {@code parent[index]}. */
    static String path(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /**
     * Appends {@code s} as a JSON string literal: quotes, backslashes and control characters escaped, everything
     * else as is (the file is UTF-8), except unpaired surrogates, which UTF-8 cannot hold and which are written as
     * {@code \}{@code uXXXX} escapes so they survive a round trip.
     */
    static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(sb, c);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                            sb.append(c).append(s.charAt(++i));
                        } else {
                            unicodeEscape(sb, c);
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        unicodeEscape(sb, c);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void unicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u").append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15])
                .append(HEX[c & 15]);
    }

    /** {@code s} as a JSON string literal for a message, cut to a readable length. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        if (s.length() > EXCERPT) {
            appendString(sb, s.substring(0, Character.isHighSurrogate(s.charAt(EXCERPT - 1)) ? EXCERPT - 1 : EXCERPT));
            sb.insert(sb.length() - 1, "...");
            sb.append(" (").append(s.length()).append(" characters)");
        } else {
            appendString(sb, s);
        }
        return sb.toString();
    }

    /** {@code s} escaped and cut like {@link #quote}, without the surrounding quotes, for {@code param 'key'}. */
    static String unquoted(String s) {
        String q = quote(s);
        int close = q.lastIndexOf('"');
        return q.substring(1, close) + q.substring(close + 1);
    }

    /** What a value is, for "must be X, was Y" messages: {@code string "abc"}, {@code integer 5}, {@code object}. */
    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "missing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return "string " + quote(n.textValue());
        }
        if (n.isBoolean()) {
            return "boolean " + n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return "integer " + n.asText();
        }
        if (n.isNumber()) {
            return "real " + n.asText();
        }
        if (n instanceof POJONode p && p.getPojo() instanceof OutOfRangeNumber o) {
            return (o.integer() ? "integer " : "real ") + o.text();
        }
        if (n.isObject()) {
            return "object";
        }
        if (n.isArray()) {
            return "array";
        }
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A number in the file that no {@code long} or finite {@code double} can hold, kept in the tree as text so
     * that the reader can refuse it with the path and node it belongs to.
     *
     * @param text    the number as written
     * @param integer whether it was written as an integer
     */
    record OutOfRangeNumber(String text, boolean integer) {
        String problem() {
            String shown = text.length() > EXCERPT ? text.substring(0, EXCERPT) + "... (" + text.length()
                    + " digits)" : text;
            if (integer) {
                return "integer " + shown + " is out of range: integers must fit in 64 bits ("
                        + Long.MIN_VALUE + ".." + Long.MAX_VALUE + ")";
            }
            return "real " + shown + " is out of range of a 64-bit real (about 4.9e-324 to 1.8e308 in magnitude)";
        }
    }
}
