package dev.weir.engine.model.dag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.Params;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.EdgeUi;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeState;
import dev.weir.engine.model.NodeUi;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.model.Point;
import dev.weir.engine.model.PortRef;
import dev.weir.engine.model.ProcessSpec;
import dev.weir.engine.model.RestartPolicy;
import dev.weir.engine.model.Transport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps the (already format-migrated) JSON tree of one file to a {@link GraphDocument}: first into DTO records
 * that mirror the JSON, checking the kind of every field; then node-type param migrations on the DTOs; then the
 * model. One instance reads one file and is thrown away.
 *
 * <p>Every refusal names the JSON path and, inside a node or edge, its id. The line and column are looked up
 * lazily from the path, and only when the tree still has the file's layout (no format migration ran).
 */
final class DagReader {

    static final List<String> TOP_FIELDS = List.of("format_version", "graph", "nodes", "edges", "processes", "metadata");
    static final List<String> GRAPH_FIELDS = List.of("id", "name");
    static final List<String> NODE_FIELDS = List.of("id", "type", "type_version", "name", "state", "process", "params",
            "ui");
    static final List<String> NODE_UI_FIELDS = List.of("x", "y");
    static final List<String> EDGE_FIELDS = List.of("id", "from", "to", "spec", "ui");
    static final List<String> REF_FIELDS = List.of("node", "port");
    static final List<String> SPEC_FIELDS = List.of("capacity", "overflow", "delay", "transport", "record",
            "record_folder");
    static final List<String> PROCESS_FIELDS = List.of("restart", "max_restarts", "backoff_ms", "max_backoff_ms");
    static final List<String> EDGE_UI_FIELDS = List.of("points");
    static final List<String> POINT_FIELDS = List.of("x", "y");

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]{0,127}");

    // ---- DTOs: the file's shape, one record per JSON object ------------------------------------------------

    record FileDto(int formatVersion, GraphDto graph, List<NodeDto> nodes, List<EdgeDto> edges, Params metadata,
                   Map<String, ProcessSpec> processes) {
    }

    record GraphDto(String id, String name) {
    }

    record NodeDto(int index, String id, String type, int typeVersion, String name, NodeState state, Params params,
                   PointDto ui, String process) {
        NodeDto withParams(int version, Params migrated) {
            return new NodeDto(index, id, type, version, name, state, migrated, ui, process);
        }
    }

    record EdgeDto(int index, String id, RefDto from, RefDto to, SpecDto spec, List<PointDto> points) {
    }

    record RefDto(String node, String port) {
    }

    record SpecDto(int capacity, OverflowPolicy overflow, int delay, Transport transport, boolean record,
                   String recordFolder) {
    }

    record PointDto(double x, double y) {
    }

    /** The node or edge a value belongs to, for messages. */
    private record Ctx(String nodeId, String edgeId) {
        static final Ctx NONE = new Ctx(null, null);
    }

    // ---------------------------------------------------------------------------------------------------------

    private final String source;
    private final String text;
    private final DagParser parser;
    private final DagLimits limits;

    /**
     * @param text the file's text for locating values, or null when the tree no longer has the file's layout
     */
    DagReader(String source, String text, DagParser parser, DagLimits limits) {
        this.source = source;
        this.text = text;
        this.parser = parser;
        this.limits = limits;
    }

    /** The document in {@code root}, with node params migrated through {@code registry}. */
    GraphDocument read(ObjectNode root, int formatVersion, NodeRegistry registry) throws DagFormatException {
        FileDto file = toDto(root, formatVersion);
        List<NodeDto> nodes = new ArrayList<>(file.nodes().size());
        for (NodeDto n : file.nodes()) {
            nodes.add(migrate(n, registry));
        }
        return toModel(new FileDto(file.formatVersion(), file.graph(), nodes, file.edges(), file.metadata(),
                file.processes()));
    }

    // ---- tree -> DTO ----------------------------------------------------------------------------------------

    private FileDto toDto(ObjectNode root, int formatVersion) throws DagFormatException {
        checkFields(root, "$", "the top level", TOP_FIELDS, Ctx.NONE);
        GraphDto graph = graph(required(root, "$", "graph", Ctx.NONE), "$.graph");

        JsonNode nodesNode = required(root, "$", "nodes", Ctx.NONE);
        array(nodesNode, "$.nodes", Ctx.NONE);
        if (nodesNode.size() > limits.maxNodes()) {
            throw fail("$.nodes", Ctx.NONE, nodesNode.size() + " nodes exceed the limit of " + limits.maxNodes()
                    + " (DagLimits.maxNodes)");
        }
        List<NodeDto> nodes = new ArrayList<>(nodesNode.size());
        Map<String, Integer> nodeIds = new HashMap<>();
        for (int i = 0; i < nodesNode.size(); i++) {
            NodeDto n = node(nodesNode.get(i), Json.path("$.nodes", i), i);
            Integer first = nodeIds.putIfAbsent(n.id(), i);
            if (first != null) {
                throw fail(Json.path("$.nodes", i) + ".id", new Ctx(n.id(), null), "duplicate node id '" + n.id()
                        + "'; $.nodes[" + first + "] has it already");
            }
            nodes.add(n);
        }

        JsonNode edgesNode = required(root, "$", "edges", Ctx.NONE);
        array(edgesNode, "$.edges", Ctx.NONE);
        if (edgesNode.size() > limits.maxEdges()) {
            throw fail("$.edges", Ctx.NONE, edgesNode.size() + " edges exceed the limit of " + limits.maxEdges()
                    + " (DagLimits.maxEdges)");
        }
        List<EdgeDto> edges = new ArrayList<>(edgesNode.size());
        Map<String, Integer> edgeIds = new HashMap<>();
        for (int i = 0; i < edgesNode.size(); i++) {
            EdgeDto e = edge(edgesNode.get(i), Json.path("$.edges", i), i);
            Integer first = edgeIds.putIfAbsent(e.id(), i);
            if (first != null) {
                throw fail(Json.path("$.edges", i) + ".id", new Ctx(null, e.id()), "duplicate edge id '" + e.id()
                        + "'; $.edges[" + first + "] has it already");
            }
            edges.add(e);
        }

        JsonNode meta = root.get("metadata");
        Params metadata = meta == null ? Params.empty() : values(meta, "$.metadata", "metadata", Ctx.NONE);
        JsonNode procs = root.get("processes");
        Map<String, ProcessSpec> processes = procs == null ? Map.of() : processes(procs, "$.processes");
        return new FileDto(formatVersion, graph, nodes, edges, metadata, processes);
    }

    private GraphDto graph(JsonNode n, String path) throws DagFormatException {
        object(n, path, Ctx.NONE);
        checkFields(n, path, "graph", GRAPH_FIELDS, Ctx.NONE);
        String id = string(required(n, path, "id", Ctx.NONE), path + ".id", Ctx.NONE);
        String name = optionalString(n, path, "name", "", Ctx.NONE);
        return new GraphDto(id, name);
    }

    private NodeDto node(JsonNode n, String path, int index) throws DagFormatException {
        object(n, path, Ctx.NONE);
        // The id first, so that every later message can name the node.
        JsonNode idNode = n.get("id");
        Ctx ctx = idNode != null && idNode.isTextual() && NODE_ID.matcher(idNode.textValue()).matches()
                ? new Ctx(idNode.textValue(), null) : Ctx.NONE;
        checkFields(n, path, "a node", NODE_FIELDS, ctx);
        String id = string(required(n, path, "id", ctx), path + ".id", ctx);
        if (!NODE_ID.matcher(id).matches()) {
            throw fail(path + ".id", ctx, "node id " + Json.quote(id)
                    + " must start with a letter or _ and use only letters, digits, _ or - (at most 128)");
        }
        String type = string(required(n, path, "type", ctx), path + ".type", ctx);
        int typeVersion = intValue(required(n, path, "type_version", ctx), path + ".type_version", ctx,
                "type_version", 1, Integer.MAX_VALUE);
        String name = optionalString(n, path, "name", "", ctx);
        NodeState state = NodeState.ENABLED;
        JsonNode s = n.get("state");
        if (s != null) {
            state = enumValue(s, path + ".state", ctx, "state", NodeState.class);
        }
        String process = optionalString(n, path, "process", NodeInstance.MAIN_PROCESS, ctx);
        if (!NodeInstance.isValidProcessName(process)) {
            throw fail(path + ".process", ctx, "process " + Json.quote(process)
                    + " must start with a letter or _ and use only letters, digits, _ or - (at most 128)");
        }
        JsonNode p = n.get("params");
        Params params = p == null ? Params.empty() : values(p, path + ".params", "param", ctx);
        PointDto ui = new PointDto(0, 0);
        JsonNode u = n.get("ui");
        if (u != null) {
            ui = point(u, path + ".ui", ctx, "node ui", NODE_UI_FIELDS);
        }
        return new NodeDto(index, id, type, typeVersion, name, state, params, ui, process);
    }

    private EdgeDto edge(JsonNode n, String path, int index) throws DagFormatException {
        object(n, path, Ctx.NONE);
        JsonNode idNode = n.get("id");
        Ctx ctx = idNode != null && idNode.isTextual() && !idNode.textValue().isEmpty()
                && idNode.textValue().length() <= 128 ? new Ctx(null, idNode.textValue()) : Ctx.NONE;
        checkFields(n, path, "an edge", EDGE_FIELDS, ctx);
        String id = string(required(n, path, "id", ctx), path + ".id", ctx);
        if (id.isEmpty() || id.length() > 128) {
            throw fail(path + ".id", ctx, "edge id " + Json.quote(id) + " must have 1 to 128 characters");
        }
        RefDto from = ref(required(n, path, "from", ctx), path + ".from", ctx);
        RefDto to = ref(required(n, path, "to", ctx), path + ".to", ctx);
        SpecDto spec = new SpecDto(EdgeSpec.DEFAULT.capacity(), EdgeSpec.DEFAULT.overflow(), EdgeSpec.DEFAULT.delay(),
                EdgeSpec.DEFAULT.transport(), false, "");
        JsonNode s = n.get("spec");
        if (s != null) {
            spec = spec(s, path + ".spec", ctx);
        }
        List<PointDto> points = List.of();
        JsonNode u = n.get("ui");
        if (u != null) {
            String upath = path + ".ui";
            object(u, upath, ctx);
            checkFields(u, upath, "edge ui", EDGE_UI_FIELDS, ctx);
            JsonNode pts = u.get("points");
            if (pts != null) {
                String ppath = upath + ".points";
                array(pts, ppath, ctx);
                List<PointDto> list = new ArrayList<>(pts.size());
                for (int i = 0; i < pts.size(); i++) {
                    list.add(point(pts.get(i), Json.path(ppath, i), ctx, "a point", POINT_FIELDS));
                }
                points = list;
            }
        }
        return new EdgeDto(index, id, from, to, spec, points);
    }

    private RefDto ref(JsonNode n, String path, Ctx ctx) throws DagFormatException {
        object(n, path, ctx);
        checkFields(n, path, "an edge end", REF_FIELDS, ctx);
        String node = string(required(n, path, "node", ctx), path + ".node", ctx);
        String port = string(required(n, path, "port", ctx), path + ".port", ctx);
        return new RefDto(node, port);
    }

    private SpecDto spec(JsonNode n, String path, Ctx ctx) throws DagFormatException {
        object(n, path, ctx);
        checkFields(n, path, "an edge spec", SPEC_FIELDS, ctx);
        EdgeSpec d = EdgeSpec.DEFAULT;
        int capacity = n.has("capacity") ? intValue(n.get("capacity"), path + ".capacity", ctx, "capacity", 1,
                EdgeSpec.MAX_CAPACITY) : d.capacity();
        OverflowPolicy overflow = n.has("overflow") ? enumValue(n.get("overflow"), path + ".overflow", ctx,
                "overflow", OverflowPolicy.class) : d.overflow();
        int delay = n.has("delay") ? intValue(n.get("delay"), path + ".delay", ctx, "delay", 0, Integer.MAX_VALUE)
                : d.delay();
        Transport transport = n.has("transport") ? enumValue(n.get("transport"), path + ".transport", ctx,
                "transport", Transport.class) : d.transport();
        boolean record = false;
        if (n.has("record")) {
            JsonNode r = n.get("record");
            if (!r.isBoolean()) {
                throw fail(path + ".record", ctx, "record must be true or false, was " + Json.describe(r));
            }
            record = r.booleanValue();
        }
        String recordFolder = optionalString(n, path, "record_folder", "", ctx);
        return new SpecDto(capacity, overflow, delay, transport, record, recordFolder);
    }

    /** The {@code processes} object: supervision per worker process group, keyed by group name. */
    private Map<String, ProcessSpec> processes(JsonNode n, String path) throws DagFormatException {
        object(n, path, Ctx.NONE);
        Map<String, ProcessSpec> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String name = e.getKey();
            String ppath = Json.path(path, name);
            if (!NodeInstance.isValidProcessName(name)) {
                throw fail(ppath, Ctx.NONE, "process " + Json.quote(name)
                        + " must start with a letter or _ and use only letters, digits, _ or - (at most 128)");
            }
            if (name.equals(NodeInstance.MAIN_PROCESS)) {
                throw fail(ppath, Ctx.NONE, "process \"main\" is the engine's own process: it cannot be restarted,"
                        + " so it takes no entry here");
            }
            JsonNode p = e.getValue();
            object(p, ppath, Ctx.NONE);
            checkFields(p, ppath, "a process", PROCESS_FIELDS, Ctx.NONE);
            ProcessSpec d = ProcessSpec.DEFAULT;
            RestartPolicy restart = p.has("restart") ? enumValue(p.get("restart"), ppath + ".restart", Ctx.NONE,
                    "restart", RestartPolicy.class) : d.restart();
            int maxRestarts = p.has("max_restarts") ? intValue(p.get("max_restarts"), ppath + ".max_restarts",
                    Ctx.NONE, "max_restarts", 0, ProcessSpec.MAX_RESTARTS) : d.maxRestarts();
            int backoff = p.has("backoff_ms") ? intValue(p.get("backoff_ms"), ppath + ".backoff_ms", Ctx.NONE,
                    "backoff_ms", 1, (int) ProcessSpec.MAX_BACKOFF_MILLIS) : (int) d.backoffMillis();
            int maxBackoff = p.has("max_backoff_ms") ? intValue(p.get("max_backoff_ms"), ppath + ".max_backoff_ms",
                    Ctx.NONE, "max_backoff_ms", 1, (int) ProcessSpec.MAX_BACKOFF_MILLIS)
                    : (int) Math.max(d.maxBackoffMillis(), backoff);
            try {
                out.put(name, new ProcessSpec(restart, maxRestarts, backoff, maxBackoff));
            } catch (IllegalArgumentException ex) {
                throw fail(ppath, Ctx.NONE, "process '" + name + "': " + ex.getMessage());
            }
        }
        return out;
    }

    private PointDto point(JsonNode n, String path, Ctx ctx, String what, List<String> fields)
            throws DagFormatException {
        object(n, path, ctx);
        checkFields(n, path, what, fields, ctx);
        double x = coordinate(required(n, path, "x", ctx), path + ".x", ctx, "x");
        double y = coordinate(required(n, path, "y", ctx), path + ".y", ctx, "y");
        return new PointDto(x, y);
    }

    /** Free-form typed values: params of a node, or the document's metadata. */
    private Params values(JsonNode n, String path, String what, Ctx ctx) throws DagFormatException {
        if (!n.isObject()) {
            throw fail(path, ctx, ("param".equals(what) ? "params" : what) + " must be an object, was "
                    + Json.describe(n));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String key = e.getKey();
            String vpath = Json.path(path, key);
            String label = what + " '" + Json.unquoted(key) + "'";
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<Object> list = new ArrayList<>(v.size());
                for (int i = 0; i < v.size(); i++) {
                    JsonNode el = v.get(i);
                    if (el.isArray() || el.isObject() || el.isNull()) {
                        throw fail(Json.path(vpath, i), ctx, label + " element " + i
                                + " must be an integer, real, boolean or string, was " + Json.describe(el)
                                + (el.isArray() ? " (lists do not nest)" : ""));
                    }
                    list.add(scalar(el, Json.path(vpath, i), ctx, label + " element " + i));
                }
                m.put(key, list);
            } else if (v.isObject() || v.isNull()) {
                throw fail(vpath, ctx, label + " must be an integer, real, boolean, string or a list of those, was "
                        + Json.describe(v) + (v.isNull() ? " (leave it out instead)" : ""));
            } else {
                m.put(key, scalar(v, vpath, ctx, label));
            }
        }
        return Params.of(m);
    }

    private Object scalar(JsonNode v, String path, Ctx ctx, String label) throws DagFormatException {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) {
                throw fail(path, ctx, label + ": " + new Json.OutOfRangeNumber(v.asText(), true).problem());
            }
            return v.longValue();
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            if (!Double.isFinite(d)) {
                throw fail(path, ctx, label + " must be a finite number, was " + v.asText());
            }
            return d;
        }
        if (v instanceof POJONode p && p.getPojo() instanceof Json.OutOfRangeNumber o) {
            throw fail(path, ctx, label + ": " + o.problem());
        }
        throw fail(path, ctx, label + " must be an integer, real, boolean or string, was " + Json.describe(v));
    }

    // ---- field helpers --------------------------------------------------------------------------------------

    private void checkFields(JsonNode n, String path, String what, List<String> allowed, Ctx ctx)
            throws DagFormatException {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                String hint = closest(f, allowed).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
                throw fail(Json.path(path, f), ctx, "unknown field " + Json.quote(f) + hint + "; " + what
                        + " has only " + String.join(", ", allowed));
            }
        }
    }

    private JsonNode required(JsonNode n, String path, String field, Ctx ctx) throws DagFormatException {
        JsonNode v = n.get(field);
        if (v == null) {
            throw fail(path, ctx, "missing required field \"" + field + "\"");
        }
        return v;
    }

    private void object(JsonNode n, String path, Ctx ctx) throws DagFormatException {
        if (!n.isObject()) {
            throw fail(path, ctx, "must be an object, was " + Json.describe(n));
        }
    }

    private void array(JsonNode n, String path, Ctx ctx) throws DagFormatException {
        if (!n.isArray()) {
            throw fail(path, ctx, "must be an array, was " + Json.describe(n));
        }
    }

    private String string(JsonNode v, String path, Ctx ctx) throws DagFormatException {
        if (!v.isTextual()) {
            throw fail(path, ctx, "must be a string, was " + Json.describe(v));
        }
        return v.textValue();
    }

    private String optionalString(JsonNode n, String path, String field, String def, Ctx ctx)
            throws DagFormatException {
        JsonNode v = n.get(field);
        return v == null ? def : string(v, Json.path(path, field), ctx);
    }

    private int intValue(JsonNode v, String path, Ctx ctx, String what, int min, int max)
            throws DagFormatException {
        if (v instanceof POJONode p && p.getPojo() instanceof Json.OutOfRangeNumber o) {
            throw fail(path, ctx, what + " must be an integer between " + min + " and " + max + ", was "
                    + (o.integer() ? "integer " : "real ") + o.text());
        }
        if (!v.isIntegralNumber()) {
            throw fail(path, ctx, what + " must be an integer, was " + Json.describe(v));
        }
        if (!v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw fail(path, ctx, what + " must be an integer between " + min + " and " + max + ", was "
                    + v.asText());
        }
        return (int) v.longValue();
    }

    private double coordinate(JsonNode v, String path, Ctx ctx, String what) throws DagFormatException {
        if (v instanceof POJONode p && p.getPojo() instanceof Json.OutOfRangeNumber o) {
            throw fail(path, ctx, what + ": " + o.problem());
        }
        if (!v.isNumber()) {
            throw fail(path, ctx, what + " must be a number, was " + Json.describe(v));
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw fail(path, ctx, what + " must be a finite number, was " + v.asText());
        }
        return d;
    }

    private <E extends Enum<E>> E enumValue(JsonNode v, String path, Ctx ctx, String what, Class<E> type)
            throws DagFormatException {
        E[] values = type.getEnumConstants();
        List<String> names = new ArrayList<>(values.length);
        for (E e : values) {
            names.add(fileName(e));
        }
        if (!v.isTextual()) {
            throw fail(path, ctx, what + " must be a string, one of " + String.join(", ", names) + "; was "
                    + Json.describe(v));
        }
        for (E e : values) {
            if (fileName(e).equals(v.textValue())) {
                return e;
            }
        }
        throw fail(path, ctx, "unknown " + what + " " + Json.quote(v.textValue()) + "; expected one of "
                + String.join(", ", names));
    }

    /** How an enum constant is spelled in a file: lower snake case. */
    static String fileName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The allowed name a typo most likely meant: same letters ignoring case, or at most 2 edits away. */
    private static Optional<String> closest(String f, List<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String a : allowed) {
            int d = a.equalsIgnoreCase(f) ? 0 : distance(a, f.toLowerCase(Locale.ROOT), bestDistance);
            if (d < bestDistance) {
                best = a;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance, or {@code limit} when it is at least that. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit || b.length() > 64) {
            return limit;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], limit);
    }

    // ---- node-type migrations -------------------------------------------------------------------------------

    private NodeDto migrate(NodeDto n, NodeRegistry registry) throws DagFormatException {
        Optional<NodeDescriptor> d = registry.find(n.type());
        if (d.isEmpty() || n.typeVersion() >= d.get().version()) {
            // Unknown types and newer versions stay exactly as read; the validator reports them.
            return n;
        }
        NodeDescriptor desc = d.get();
        String path = Json.path("$.nodes", n.index());
        Ctx ctx = new Ctx(n.id(), null);
        Params migrated;
        try {
            migrated = desc.migrateParams(n.typeVersion(), n.params());
        } catch (RuntimeException e) {
            throw fail(path, ctx, "cannot bring the params of '" + n.type() + "' from type version "
                    + n.typeVersion() + " to " + desc.version() + ": " + e.getMessage(), e);
        }
        if (migrated == null) {
            throw fail(path, ctx, "cannot bring the params of '" + n.type() + "' from type version "
                    + n.typeVersion() + " to " + desc.version() + ": a migration returned null");
        }
        return n.withParams(desc.version(), migrated);
    }

    // ---- DTO -> model ---------------------------------------------------------------------------------------

    private GraphDocument toModel(FileDto f) throws DagFormatException {
        Map<String, NodeInstance> nodes = new LinkedHashMap<>();
        for (NodeDto n : f.nodes()) {
            try {
                nodes.put(n.id(), new NodeInstance(n.id(), n.type(), n.typeVersion(), n.name(), n.params(),
                        n.state(), new NodeUi(new Point(n.ui().x(), n.ui().y())), n.process()));
            } catch (IllegalArgumentException e) {
                throw fail(Json.path("$.nodes", n.index()), new Ctx(n.id(), null), e.getMessage());
            }
        }
        Map<String, EdgeInstance> edges = new LinkedHashMap<>();
        for (EdgeDto e : f.edges()) {
            try {
                List<Point> points = new ArrayList<>(e.points().size());
                for (PointDto p : e.points()) {
                    points.add(new Point(p.x(), p.y()));
                }
                SpecDto s = e.spec();
                edges.put(e.id(), new EdgeInstance(e.id(), new PortRef(e.from().node(), e.from().port()),
                        new PortRef(e.to().node(), e.to().port()),
                        new EdgeSpec(s.capacity(), s.overflow(), s.delay(), s.transport(), s.record(),
                                s.recordFolder()), new EdgeUi(points)));
            } catch (IllegalArgumentException ex) {
                throw fail(Json.path("$.edges", e.index()), new Ctx(null, e.id()), ex.getMessage());
            }
        }
        return new GraphDocument(f.formatVersion(), f.graph().id(), f.graph().name(), nodes, edges, f.metadata(),
                f.processes());
    }

    // ---- errors ---------------------------------------------------------------------------------------------

    private DagFormatException fail(String path, Ctx ctx, String detail) {
        return fail(path, ctx, detail, null);
    }

    private DagFormatException fail(String path, Ctx ctx, String detail, Throwable cause) {
        int[] at = text == null ? null : parser.locate(text, path);
        return new DagFormatException(source, at == null ? -1 : at[0], at == null ? -1 : at[1], path, ctx.nodeId(),
                ctx.edgeId(), detail, cause);
    }
}
