package dev.weir.editor.run;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.api.ParamSpec;
import dev.weir.engine.api.ParamType;
import dev.weir.engine.api.Params;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What separates the document a run is running from the document the editor now shows, split into what the
 * running graph can take live and what only a new run can apply.
 *
 * <pre>
 *   running document ──┐
 *                      ├── between() ──> hot:    node -> params whose type marks them hot-updatable
 *   current document ──┘                           (RunningGraph.setParams, between two process calls)
 *                                        queued: one line per other difference that changes what runs
 *                                                (nodes or edges added or removed, a node's type, state or
 *                                                 process, a param that is not hot, an edge spec, the
 *                                                 process specs); applied by the next run
 * </pre>
 *
 * What does not change what runs is neither: positions, node names, edge bend points, the graph's name and
 * metadata, and the params of nodes that are disabled in both documents (a disabled node takes no part in runs).
 * A node whose type, version, state or process changed gets no hot changes: its running processor is not the
 * node the document now describes.
 *
 * <p>Values are compared after the type's check, with the type's default standing for a missing key, so resetting
 * a param to its default and removing it are the same change. Pure; no JavaFX; any thread.
 *
 * @param hot    per node, the hot-updatable params whose value differs, with their new values
 * @param queued one readable line per change that waits for the next run, in a stable order
 */
public record RunDiff(Map<String, Params> hot, List<String> queued) {

    /** No difference. */
    public static final RunDiff NONE = new RunDiff(Map.of(), List.of());

    public RunDiff {
        hot = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hot));
        queued = List.copyOf(queued);
    }

    /** Whether the documents run the same graph. */
    public boolean isEmpty() {
        return hot.isEmpty() && queued.isEmpty();
    }

    /**
     * The difference from {@code running} (what the run was started with, plus the hot changes applied since) to
     * {@code current}.
     */
    public static RunDiff between(GraphDocument running, GraphDocument current, NodeRegistry registry) {
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(registry, "registry");
        Map<String, Params> hot = new LinkedHashMap<>();
        List<String> queued = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(running.nodes().keySet());
        ids.addAll(current.nodes().keySet());
        for (String id : ids) {
            NodeInstance was = running.nodes().get(id);
            NodeInstance is = current.nodes().get(id);
            if (was == null) {
                queued.add("node '" + id + "' added");
            } else if (is == null) {
                queued.add("node '" + id + "' removed");
            } else if (!was.type().equals(is.type()) || was.typeVersion() != is.typeVersion()) {
                queued.add("node '" + id + "' changed type");
            } else if (was.state() != is.state()) {
                queued.add("node '" + id + "' " + (is.enabled() ? "enabled" : "disabled"));
            } else if (!was.process().equals(is.process())) {
                queued.add("node '" + id + "' moved to process '" + is.process() + "'");
            } else if (is.enabled()) {
                compareParams(was, is, registry.find(is.type()), hot, queued);
            }
        }
        TreeSet<String> edgeIds = new TreeSet<>(running.edges().keySet());
        edgeIds.addAll(current.edges().keySet());
        for (String id : edgeIds) {
            EdgeInstance was = running.edges().get(id);
            EdgeInstance is = current.edges().get(id);
            if (was == null) {
                queued.add("edge '" + id + "' added");
            } else if (is == null) {
                queued.add("edge '" + id + "' removed");
            } else if (!was.from().equals(is.from()) || !was.to().equals(is.to())) {
                queued.add("edge '" + id + "' reconnected");
            } else if (!was.spec().equals(is.spec())) {
                queued.add("edge '" + id + "' spec changed");
            }
        }
        if (!running.processes().equals(current.processes())) {
            queued.add("process supervision changed");
        }
        return new RunDiff(hot, queued);
    }

    private static void compareParams(NodeInstance was, NodeInstance is, Optional<NodeDescriptor> descriptor,
                                      Map<String, Params> hot, List<String> queued) {
        TreeSet<String> keys = new TreeSet<>(was.params().keys());
        keys.addAll(is.params().keys());
        if (descriptor.isPresent()) {
            for (ParamSpec p : descriptor.get().params()) {
                keys.add(p.key());
            }
        }
        Params live = Params.empty();
        for (String key : keys) {
            Optional<ParamSpec> spec = descriptor.flatMap(d -> d.param(key));
            Object before = effective(was.params(), key, spec);
            Object after = effective(is.params(), key, spec);
            if (Objects.equals(before, after)) {
                continue;
            }
            if (spec.isPresent() && spec.get().hotUpdatable() && after != null) {
                live = live.with(key, after);
            } else {
                queued.add("node '" + is.id() + "' param '" + key + "' (not live)");
            }
        }
        if (!live.keys().isEmpty()) {
            hot.put(is.id(), live);
        }
    }

    /** The value a node runs with: the given one in canonical form (as given when invalid), or the default. */
    private static Object effective(Params params, String key, Optional<ParamSpec> spec) {
        if (!params.has(key)) {
            return spec.map(ParamSpec::defaultValue).orElse(null);
        }
        Object v = params.get(key);
        if (spec.isEmpty()) {
            return v;
        }
        ParamType.Result r = spec.get().type().check(v);
        return r.problemText().isPresent() ? v : r.value();
    }
}
