package dev.weir.engine.model.dag;

import dev.weir.engine.api.Params;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.Point;
import dev.weir.engine.model.PortRef;
import dev.weir.engine.model.ProcessSpec;

import java.util.List;
import java.util.Map;

/**
 * Writes a {@link GraphDocument} as canonical {@code .dag} text: the same document always gives the same
 * characters, so that saving an unchanged graph changes nothing and a change shows as a small diff.
 *
 * <ul>
 *   <li>Two-space indent, one member per line, {@code "key": value}, {@code {}} and {@code []} when empty
 *       (the layout of {@code JSON.stringify(doc, null, 2)}); LF line ends and a final newline; no BOM.</li>
 *   <li>Fixed key order: {@code format_version, graph, nodes, edges, processes, metadata}; a node
 *       {@code id, type, type_version, name, state, process, params, ui}; an edge {@code id, from, to, spec, ui};
 *       every field is written, defaults included; processes sorted by name.</li>
 *   <li>Params and metadata keys sorted (Java {@code String} order, as {@link Params} keeps them).</li>
 *   <li>Integers ({@code Long}) as integers; reals ({@code Double}) by {@link Double#toString(double)}, which always
 *       has a {@code .} or an exponent, so {@code 2.0} stays a real, and is the shortest text that reads back to
 *       the same double, {@code -0.0} included.</li>
 *   <li>Strings as UTF-8 with only {@code "}, {@code \}, control characters and unpaired surrogates escaped.</li>
 * </ul>
 */
final class DagWriter {

    private final StringBuilder sb;
    private int depth;
    private boolean first = true;
    private boolean afterKey;

    private DagWriter(int capacity) {
        sb = new StringBuilder(capacity);
    }

    /**
     * The text of {@code doc} in format {@code formatVersion}.
     *
     * @throws IllegalArgumentException when the document holds what a file cannot: a non-finite real in params or
     *                                  metadata, or a type version below 1
     */
    static String write(GraphDocument doc, int formatVersion) {
        DagWriter w = new DagWriter(512 + 320 * doc.nodes().size() + 360 * doc.edges().size());
        w.open('{');
        w.key("format_version").number(formatVersion);
        w.key("graph").open('{');
        w.key("id").string(doc.id());
        w.key("name").string(doc.name());
        w.close('}');
        w.key("nodes").open('[');
        for (NodeInstance n : doc.nodeList()) {
            w.node(n);
        }
        w.close(']');
        w.key("edges").open('[');
        for (EdgeInstance e : doc.edgeList()) {
            w.edge(e);
        }
        w.close(']');
        w.key("processes").open('{');
        for (Map.Entry<String, ProcessSpec> e : doc.processes().entrySet()) {
            ProcessSpec p = e.getValue();
            w.key(e.getKey()).open('{');
            w.key("restart").string(DagReader.fileName(p.restart()));
            w.key("max_restarts").number(p.maxRestarts());
            w.key("backoff_ms").number(p.backoffMillis());
            w.key("max_backoff_ms").number(p.maxBackoffMillis());
            w.close('}');
        }
        w.close('}');
        w.key("metadata").values(doc.metadata(), "metadata", null);
        w.close('}');
        w.sb.append('\n');
        return w.sb.toString();
    }

    private void node(NodeInstance n) {
        if (n.typeVersion() < 1) {
            throw new IllegalArgumentException("node '" + n.id() + "' has type version " + n.typeVersion()
                    + "; a .dag file needs 1 or more");
        }
        open('{');
        key("id").string(n.id());
        key("type").string(n.type());
        key("type_version").number(n.typeVersion());
        key("name").string(n.name());
        key("state").string(DagReader.fileName(n.state()));
        key("process").string(n.process());
        key("params").values(n.params(), "param", n.id());
        key("ui").open('{');
        key("x").real(n.ui().position().x(), "ui x", n.id());
        key("y").real(n.ui().position().y(), "ui y", n.id());
        close('}');
        close('}');
    }

    private void edge(EdgeInstance e) {
        open('{');
        key("id").string(e.id());
        key("from").ref(e.from());
        key("to").ref(e.to());
        EdgeSpec s = e.spec();
        key("spec").open('{');
        key("capacity").number(s.capacity());
        key("overflow").string(DagReader.fileName(s.overflow()));
        key("delay").number(s.delay());
        key("transport").string(DagReader.fileName(s.transport()));
        key("record").bool(s.record());
        key("record_folder").string(s.recordFolder());
        close('}');
        key("ui").open('{');
        key("points").open('[');
        for (Point p : e.ui().points()) {
            open('{');
            key("x").real(p.x(), "point x", null);
            key("y").real(p.y(), "point y", null);
            close('}');
        }
        close(']');
        close('}');
        close('}');
    }

    private void ref(PortRef r) {
        open('{');
        key("node").string(r.node());
        key("port").string(r.port());
        close('}');
    }

    private void values(Params params, String what, String nodeId) {
        open('{');
        for (Map.Entry<String, Object> e : params.asMap().entrySet()) {
            key(e.getKey());
            String label = (nodeId == null ? "" : "node '" + nodeId + "' ") + what + " '" + e.getKey() + "'";
            if (e.getValue() instanceof List<?> list) {
                open('[');
                for (Object o : list) {
                    scalar(o, label);
                }
                close(']');
            } else {
                scalar(e.getValue(), label);
            }
        }
        close('}');
    }

    private void scalar(Object v, String label) {
        switch (v) {
            case Long l -> number(l);
            case Double d -> real(d, label, null);
            case Boolean b -> bool(b);
            case String s -> string(s);
            default -> throw new IllegalArgumentException(label + " holds a " + v.getClass().getName()
                    + ", which a .dag file cannot");
        }
    }

    // ---- layout ---------------------------------------------------------------------------------------------

    private void separate() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (depth == 0) {
            return;
        }
        if (!first) {
            sb.append(',');
        }
        newline();
        first = false;
    }

    private void newline() {
        sb.append('\n');
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
    }

    private DagWriter key(String k) {
        separate();
        Json.appendString(sb, k);
        sb.append(": ");
        afterKey = true;
        return this;
    }

    private void open(char c) {
        separate();
        sb.append(c);
        depth++;
        first = true;
    }

    private void close(char c) {
        depth--;
        if (!first) {
            newline();
        }
        sb.append(c);
        first = false;
    }

    private void string(String s) {
        separate();
        Json.appendString(sb, s);
    }

    private void bool(boolean b) {
        separate();
        sb.append(b);
    }

    private void number(long v) {
        separate();
        sb.append(v);
    }

    private void real(double v, String what, String nodeId) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException((nodeId == null ? "" : "node '" + nodeId + "' ") + what + " is " + v
                    + "; a .dag file holds only finite numbers");
        }
        separate();
        sb.append(Double.toString(v));
    }
}
