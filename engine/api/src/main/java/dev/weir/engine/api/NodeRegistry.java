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

    private NodeRegistry(Map<String, NodeDescriptor> byId) {
        this.byId = Collections.unmodifiableMap(byId);
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
        Map<String, NodeDescriptor> m = new TreeMap<>();
        Map<String, String> origin = new TreeMap<>();
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
        return new NodeRegistry(m);
    }

    /** The given providers only. */
    public static NodeRegistry of(NodeProvider... providers) {
        return of(List.of(providers));
    }

    /** This registry plus the types of {@code other}; duplicate ids are refused. */
    public NodeRegistry with(NodeProvider other) {
        List<NodeProvider> all = new ArrayList<>();
        all.add(() -> List.copyOf(byId.values()));
        all.add(other);
        return of(all);
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
