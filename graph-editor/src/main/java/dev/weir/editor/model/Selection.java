package dev.weir.editor.model;

import dev.weir.engine.model.GraphDocument;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The selected nodes and edges, by id: an immutable value, replaced on every click. Ids keep the order they were
 * selected in, so "the first selected node" is the anchor of an alignment.
 *
 * @param nodes selected node ids
 * @param edges selected edge ids
 */
public record Selection(Set<String> nodes, Set<String> edges) {

    private static final Selection EMPTY = new Selection(Set.of(), Set.of());

    public Selection {
        nodes = Collections.unmodifiableSet(new LinkedHashSet<>(nodes));
        edges = Collections.unmodifiableSet(new LinkedHashSet<>(edges));
    }

    /** Nothing selected. */
    public static Selection empty() {
        return EMPTY;
    }

    /** The given nodes and edges. */
    public static Selection of(Collection<String> nodes, Collection<String> edges) {
        return new Selection(new LinkedHashSet<>(nodes), new LinkedHashSet<>(edges));
    }

    /** Only the given nodes. */
    public static Selection ofNodes(Collection<String> nodes) {
        return of(nodes, Set.of());
    }

    /** Only one node. */
    public static Selection ofNode(String id) {
        return of(Set.of(id), Set.of());
    }

    /** Only one edge. */
    public static Selection ofEdge(String id) {
        return of(Set.of(), Set.of(id));
    }

    /** Whether nothing is selected. */
    public boolean isEmpty() {
        return nodes.isEmpty() && edges.isEmpty();
    }

    /** This selection with node {@code id} added if absent, removed if present (shift-click). */
    public Selection toggleNode(String id) {
        Set<String> n = new LinkedHashSet<>(nodes);
        if (!n.remove(id)) {
            n.add(id);
        }
        return new Selection(n, edges);
    }

    /** This selection with edge {@code id} added if absent, removed if present. */
    public Selection toggleEdge(String id) {
        Set<String> e = new LinkedHashSet<>(edges);
        if (!e.remove(id)) {
            e.add(id);
        }
        return new Selection(nodes, e);
    }

    /** Everything in this selection or in {@code other}. */
    public Selection union(Selection other) {
        Set<String> n = new LinkedHashSet<>(nodes);
        n.addAll(other.nodes);
        Set<String> e = new LinkedHashSet<>(edges);
        e.addAll(other.edges);
        return new Selection(n, e);
    }

    /** This selection without the ids that {@code doc} no longer has (after an undo or a delete). */
    public Selection retainIn(GraphDocument doc) {
        if (doc.nodes().keySet().containsAll(nodes) && doc.edges().keySet().containsAll(edges)) {
            return this;
        }
        Set<String> n = new LinkedHashSet<>(nodes);
        n.retainAll(doc.nodes().keySet());
        Set<String> e = new LinkedHashSet<>(edges);
        e.retainAll(doc.edges().keySet());
        return new Selection(n, e);
    }

    /** Every node and edge of {@code doc}. */
    public static Selection all(GraphDocument doc) {
        return of(doc.nodes().keySet(), doc.edges().keySet());
    }
}
