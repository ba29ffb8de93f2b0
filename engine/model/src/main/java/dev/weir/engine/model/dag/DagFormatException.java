package dev.weir.engine.model.dag;

/**
 * A {@code .dag} file that cannot be loaded: unreadable, not UTF-8, not JSON, over a {@link DagLimits limit},
 * of a newer format, or with a field of the wrong kind. {@link #getMessage()} is one line that says where and
 * what, in the {@code file:line:column: } style compilers use, so editors and terminals can jump to it:
 *
 * <pre>
 * graphs/x.dag:12:5: $.nodes[3].params.size (node 'fft'): param 'size' must be ...
 * graphs/x.dag:1:1: file is empty
 * graphs/x.dag: $.nodes: 20000 nodes exceed the limit of 10000 (DagLimits.maxNodes)
 * </pre>
 *
 * Parts that are unknown are left out. A graph that is well-formed but does not make sense (a dangling edge, an
 * unknown node type, a cycle) is <em>not</em> a format error: it loads, and {@code GraphValidator} reports it.
 *
 * <p>The editor shows {@link #line()}/{@link #column()} as a marker in the raw file and {@link #nodeId()} on the
 * canvas; {@code weir} prints {@link #getMessage()}.
 */
public final class DagFormatException extends Exception {

    private final String source;
    private final int line;
    private final int column;
    private final String jsonPath;
    private final String nodeId;
    private final String edgeId;
    private final String detail;

    /**
     * Creates the exception.
     *
     * @param source   the file name or path as the user gave it, or null
     * @param line     1-based line, or -1 when unknown
     * @param column   1-based column in characters, or -1 when unknown
     * @param jsonPath where in the document, such as {@code $.nodes[3].params.gain}, or null
     * @param nodeId   the node the problem is in, or null
     * @param edgeId   the edge the problem is in, or null
     * @param detail   what is wrong, as a lower-case clause without location
     * @param cause    the underlying exception, or null
     */
    public DagFormatException(String source, int line, int column, String jsonPath, String nodeId, String edgeId,
                              String detail, Throwable cause) {
        super(detail, cause);
        this.source = source;
        this.line = line > 0 ? line : -1;
        this.column = line > 0 && column > 0 ? column : -1;
        this.jsonPath = jsonPath;
        this.nodeId = nodeId;
        this.edgeId = edgeId;
        this.detail = detail == null ? "invalid .dag file" : detail;
    }

    /** A problem of the whole file, without location. */
    public DagFormatException(String source, String detail) {
        this(source, -1, -1, null, null, null, detail, null);
    }

    /** The file name or path as given to the codec, or null. */
    public String source() {
        return source;
    }

    /** 1-based line of the offending value, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column (in characters) of the offending value, or -1 when unknown. */
    public int column() {
        return column;
    }

    /** Where in the document, such as {@code $.nodes[3].params.gain}, or null. */
    public String jsonPath() {
        return jsonPath;
    }

    /** The id of the node the problem is in, or null. */
    public String nodeId() {
        return nodeId;
    }

    /** The id of the edge the problem is in, or null. */
    public String edgeId() {
        return edgeId;
    }

    /** What is wrong, without location. */
    public String detail() {
        return detail;
    }

    /** {@code source:line:column: path (node 'id'): detail}, on one line, without the parts that are unknown. */
    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            sb.append(oneLine(source));
        }
        if (line > 0) {
            if (!sb.isEmpty()) {
                sb.append(':');
            }
            sb.append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        if (!sb.isEmpty()) {
            sb.append(": ");
        }
        boolean where = false;
        if (jsonPath != null) {
            sb.append(oneLine(jsonPath));
            where = true;
        }
        if (nodeId != null) {
            sb.append(where ? " " : "").append("(node '").append(oneLine(nodeId)).append("')");
            where = true;
        } else if (edgeId != null) {
            sb.append(where ? " " : "").append("(edge '").append(oneLine(edgeId)).append("')");
            where = true;
        }
        if (where) {
            sb.append(": ");
        }
        sb.append(oneLine(detail));
        return sb.toString();
    }

    /** Keeps the message on one line whatever a file name or id holds. */
    private static String oneLine(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                switch (c) {
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> sb.append(String.format("\\u%04x", (int) c));
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
