package dev.weir.engine.model;

import dev.weir.engine.api.Params;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable graph: nodes and edges by id, plus metadata. Every change returns a new document, so an editor
 * undoes by swapping a reference and a running session can never see a half-made edit.
 *
 * <p>The document holds what a file holds and nothing derived: ports come from node descriptors and
 * params, problems from {@link GraphValidator}. It may hold an invalid graph (an unknown type, a dangling
 * edge), so that a broken file still loads, shows its problems and round-trips.
 *
 * @param formatVersion the {@code .dag} format version this document follows
 * @param id            graph id
 * @param name          display name
 * @param nodes         nodes by id, in document order
 * @param edges         edges by id, in document order
 * @param metadata      free-form metadata (author, description), as typed JSON-like values
 * @param processes     supervision of worker process groups by group name, sorted by name; a group that nodes
 *                      name but that has no entry gets {@link ProcessSpec#DEFAULT}. The main process has none: it is
 *                      the engine itself
 */
public record GraphDocument(int formatVersion, String id, String name, Map<String, NodeInstance> nodes,
                            Map<String, EdgeInstance> edges, Params metadata, Map<String, ProcessSpec> processes) {

    /** The format version this build writes. */
    public static final int CURRENT_FORMAT_VERSION = 2;

    /** A document without process specs. */
    public GraphDocument(int formatVersion, String id, String name, Map<String, NodeInstance> nodes,
                         Map<String, EdgeInstance> edges, Params metadata) {
        this(formatVersion, id, name, nodes, edges, metadata, Map.of());
    }

    public GraphDocument {
        Objects.requireNonNull(processes, "processes");
        processes = Collections.unmodifiableMap(new java.util.TreeMap<>(processes));
        processes.forEach((k, v) -> {
            Objects.requireNonNull(v, "process spec");
            if (!NodeInstance.isValidProcessName(k)) {
                throw new IllegalArgumentException("process '" + k
                        + "' must start with a letter or _ and use letters, digits, _ or - (at most 128)");
            }
            if (k.equals(NodeInstance.MAIN_PROCESS)) {
                throw new IllegalArgumentException("process 'main' is the engine's own process and takes no spec");
            }
        });
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metadata, "metadata");
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = Collections.unmodifiableMap(new LinkedHashMap<>(edges));
        nodes.forEach((k, v) -> {
            if (!k.equals(v.id())) {
                throw new IllegalArgumentException("node keyed '" + k + "' has id '" + v.id() + "'");
            }
        });
        edges.forEach((k, v) -> {
            if (!k.equals(v.id())) {
                throw new IllegalArgumentException("edge keyed '" + k + "' has id '" + v.id() + "'");
            }
        });
    }

    /** An empty document. */
    public static GraphDocument empty(String id, String name) {
        return new GraphDocument(CURRENT_FORMAT_VERSION, id, name, Map.of(), Map.of(), Params.empty());
    }

    /** The node {@code id}, if present. */
    public Optional<NodeInstance> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** The edge {@code id}, if present. */
    public Optional<EdgeInstance> edge(String id) {
        return Optional.ofNullable(edges.get(id));
    }

    /** A copy with {@code node} added or replaced (same id keeps its position). */
    public GraphDocument withNode(NodeInstance node) {
        Map<String, NodeInstance> m = new LinkedHashMap<>(nodes);
        m.put(node.id(), node);
        return new GraphDocument(formatVersion, id, name, m, edges, metadata, processes);
    }

    /** A copy without node {@code nodeId} and without every edge touching it. */
    public GraphDocument withoutNode(String nodeId) {
        Map<String, NodeInstance> m = new LinkedHashMap<>(nodes);
        m.remove(nodeId);
        Map<String, EdgeInstance> e = new LinkedHashMap<>(edges);
        e.values().removeIf(x -> x.from().node().equals(nodeId) || x.to().node().equals(nodeId));
        return new GraphDocument(formatVersion, id, name, m, e, metadata, processes);
    }

    /** A copy with {@code edge} added or replaced. */
    public GraphDocument withEdge(EdgeInstance edge) {
        Map<String, EdgeInstance> e = new LinkedHashMap<>(edges);
        e.put(edge.id(), edge);
        return new GraphDocument(formatVersion, id, name, nodes, e, metadata, processes);
    }

    /** A copy without edge {@code edgeId}. */
    public GraphDocument withoutEdge(String edgeId) {
        Map<String, EdgeInstance> e = new LinkedHashMap<>(edges);
        e.remove(edgeId);
        return new GraphDocument(formatVersion, id, name, nodes, e, metadata, processes);
    }

    /** A copy with another name. */
    public GraphDocument withName(String newName) {
        return new GraphDocument(formatVersion, id, newName, nodes, edges, metadata, processes);
    }

    /** A copy with other metadata. */
    public GraphDocument withMetadata(Params newMetadata) {
        return new GraphDocument(formatVersion, id, name, nodes, edges, newMetadata, processes);
    }

    /** A copy with the supervision of process group {@code process} set to {@code spec}. */
    public GraphDocument withProcessSpec(String process, ProcessSpec spec) {
        Map<String, ProcessSpec> p = new LinkedHashMap<>(processes);
        p.put(process, Objects.requireNonNull(spec, "spec"));
        return new GraphDocument(formatVersion, id, name, nodes, edges, metadata, p);
    }

    /** A copy without a spec for {@code process}, which then gets {@link ProcessSpec#DEFAULT}. */
    public GraphDocument withoutProcessSpec(String process) {
        Map<String, ProcessSpec> p = new LinkedHashMap<>(processes);
        p.remove(process);
        return new GraphDocument(formatVersion, id, name, nodes, edges, metadata, p);
    }

    /** How process group {@code process} is supervised: its entry, or {@link ProcessSpec#DEFAULT}. */
    public ProcessSpec processSpec(String process) {
        return processes.getOrDefault(process, ProcessSpec.DEFAULT);
    }

    /**
     * How an edge's items travel once both ends are placed: {@link Transport#IPC} when its ends are in different
     * process groups, when it records, or when it asks for IPC; {@link Transport#IN_PROCESS} otherwise. An edge
     * that asks for {@code in_process} across groups is a validation problem, and this returns IPC for it.
     *
     * @throws IllegalArgumentException when an end names a node that is not in the document
     */
    public Transport transportOf(EdgeInstance edge) {
        NodeInstance from = nodes.get(edge.from().node());
        NodeInstance to = nodes.get(edge.to().node());
        if (from == null || to == null) {
            throw new IllegalArgumentException("edge '" + edge.id() + "' names a node that is not in the graph");
        }
        if (!from.process().equals(to.process()) || edge.spec().record()
                || edge.spec().transport() == Transport.IPC) {
            return Transport.IPC;
        }
        return Transport.IN_PROCESS;
    }

    /** A copy with one node's params replaced. */
    public GraphDocument withParams(String nodeId, Params params) {
        NodeInstance n = nodes.get(nodeId);
        if (n == null) {
            throw new IllegalArgumentException("no node '" + nodeId + "'");
        }
        return withNode(n.withParams(params));
    }

    /** Edges that read from node {@code nodeId}. */
    public List<EdgeInstance> edgesFrom(String nodeId) {
        List<EdgeInstance> out = new ArrayList<>();
        for (EdgeInstance e : edges.values()) {
            if (e.from().node().equals(nodeId)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Edges that feed node {@code nodeId}. */
    public List<EdgeInstance> edgesInto(String nodeId) {
        List<EdgeInstance> out = new ArrayList<>();
        for (EdgeInstance e : edges.values()) {
            if (e.to().node().equals(nodeId)) {
                out.add(e);
            }
        }
        return out;
    }

    /** An id not yet used by a node or edge, of the form {@code prefix}, {@code prefix_2}, ... */
    public String freshId(String prefix) {
        if (!nodes.containsKey(prefix) && !edges.containsKey(prefix)) {
            return prefix;
        }
        for (int i = 2; ; i++) {
            String c = prefix + "_" + i;
            if (!nodes.containsKey(c) && !edges.containsKey(c)) {
                return c;
            }
        }
    }

    /** All nodes, in document order. */
    public Collection<NodeInstance> nodeList() {
        return nodes.values();
    }

    /** All edges, in document order. */
    public Collection<EdgeInstance> edgeList() {
        return edges.values();
    }
}
