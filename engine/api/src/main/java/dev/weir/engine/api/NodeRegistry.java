package dev.weir.engine.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The node types known to one application or run: an immutable value built from {@link NodeProvider}s,
 * never a global. The app builds one from {@link ServiceLoader}; tests build their own from explicit providers.
 */
public final class NodeRegistry {

    private final Map<String, NodeDescriptor> byId;
    /** Provider class name per type id, so that a clash names both providers. */
    private final Map<String, String> origin;

    private NodeRegistry(Map<String, NodeDescriptor> byId, Map<String, String> origin) {
        this.byId = Collections.unmodifiableMap(byId);
        this.origin = Collections.unmodifiableMap(origin);
    }

    /**
     * Every provider visible to {@code loader} through {@link ServiceLoader}.
     *
     * @throws IllegalStateException when two providers declare the same type id
     */
    public static NodeRegistry load(ClassLoader loader) {
        List<NodeProvider> providers = new ArrayList<>();
        ServiceLoader.load(NodeProvider.class, loader).forEach(providers::add);
        return of(providers);
    }

    /** The given providers only. */
    public static NodeRegistry of(Collection<? extends NodeProvider> providers) {
        return merge(new TreeMap<>(), new TreeMap<>(), providers);
    }

    private static NodeRegistry merge(Map<String, NodeDescriptor> m, Map<String, String> origin,
                                      Collection<? extends NodeProvider> providers) {
        for (NodeProvider p : providers) {
            for (NodeDescriptor d : p.descriptors()) {
                String previous = origin.putIfAbsent(d.id(), p.getClass().getName());
                if (previous != null) {
                    throw new IllegalStateException("node type '" + d.id() + "' is declared by both " + previous
                            + " and " + p.getClass().getName());
                }
                m.put(d.id(), d);
            }
        }
        return new NodeRegistry(m, origin);
    }

    /** The given providers only. */
    public static NodeRegistry of(NodeProvider... providers) {
        return of(List.of(providers));
    }

    /** This registry plus the types of {@code other}; duplicate ids are refused. */
    public NodeRegistry with(NodeProvider other) {
        return merge(new TreeMap<>(byId), new TreeMap<>(origin), List.of(other));
    }

    /** The descriptor of type {@code id}, if known. */
    public Optional<NodeDescriptor> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** All descriptors, sorted by id. */
    public Collection<NodeDescriptor> all() {
        return byId.values();
    }
}
