package dev.weir.engine.model;

import java.util.Objects;

/**
 * One thing wrong with a graph document, found by {@link GraphValidator}.
 *
 * <p>The editor shows problems on the node, port or edge they name (the location fields) and lists the messages
 * in its problems panel; {@code weir run} prints them. The message is a complete sentence that names what is
 * involved, so it makes sense without the location fields, in a log or a terminal.
 *
 * @param severity whether the problem stops a run
 * @param code     the kind of problem, stable across releases
 * @param message  a complete sentence naming the node, port, param or edge involved
 * @param nodeId   the node the problem is about, or null for a problem of an edge or of the whole graph
 * @param edgeId   the edge the problem is about, or null
 * @param port     the port name on {@code nodeId} the problem is about, or null
 * @param param    the param key on {@code nodeId} the problem is about, or null
 */
public record Problem(Severity severity, ProblemCode code, String message, String nodeId, String edgeId,
                      String port, String param) {

    /** How bad a problem is. */
    public enum Severity {
        /** The graph cannot run until it is fixed. */
        ERROR,
        /** The graph runs, but probably not as the user meant. */
        WARNING
    }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("problem " + code + " needs a message");
        }
    }

    /**
     * A problem with the code's default severity. Used by {@link GraphValidator}; the editor may use it for
     * problems of its own that it lists beside the validator's.
     */
    public static Problem of(ProblemCode code, String message, String nodeId, String edgeId, String port,
                             String param) {
        return new Problem(code.defaultSeverity(), code, message, nodeId, edgeId, port, param);
    }

    /** Whether this problem stops a run; {@link GraphValidator#validateForRun} refuses a graph that has one. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * Where the problem is, such as {@code node 'fft1' param 'fft_size'} or {@code edge 'e3'}, or {@code graph}
     * when it names nothing smaller. The editor's problems panel shows it as a column; {@link #toString()} uses it.
     */
    public String location() {
        StringBuilder sb = new StringBuilder();
        append(sb, "edge", edgeId);
        append(sb, "node", nodeId);
        append(sb, "port", port);
        append(sb, "param", param);
        return sb.isEmpty() ? "graph" : sb.toString();
    }

    private static void append(StringBuilder sb, String what, String value) {
        if (value == null) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append(' ');
        }
        sb.append(what).append(" '").append(value).append('\'');
    }

    /** {@code ERROR PARAM_INVALID at node 'fft1' param 'fft_size': <message>}, for logs and exception texts. */
    @Override
    public String toString() {
        return severity + " " + code + " at " + location() + ": " + message;
    }
}
