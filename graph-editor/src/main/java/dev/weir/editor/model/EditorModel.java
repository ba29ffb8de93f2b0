package dev.weir.editor.model;

import dev.weir.engine.api.NodeDescriptor;
import dev.weir.engine.api.NodeRegistry;
import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.OverflowPolicy;
import dev.weir.engine.model.EdgeSpec;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.GraphValidator;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeState;
import dev.weir.engine.model.NodeUi;
import dev.weir.engine.model.Point;
import dev.weir.engine.model.PortRef;
import dev.weir.engine.model.Problem;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.model.dag.DagFormatException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one editor window edits: the {@link DocumentHistory}, the selection, and what is derived from the current
 * document (validation problems, node shapes), recomputed lazily once per change. It has no JavaFX in it; the
 * views observe it through {@link Listener} and turn gestures into {@link Command}s given to {@link #execute}.
 *
 * <pre>
 *   gesture ──one Command──> execute ──> DocumentHistory ──Change──> EditorModel listeners ──> views redraw
 *                                          (undo/redo swap the document reference)
 * </pre>
 *
 * <p>Owned by one thread (the JavaFX application thread); not thread-safe. Documents are immutable, so other
 * threads (autosave) may keep and read any document they were given.
 */
public final class EditorModel {

    /** Observes an editor model, on its owning thread. */
    public interface Listener {
        /** The document changed: a command, an undo or redo, a new document, or a save (dirty state only). */
        default void documentChanged(DocumentHistory.Change change) {
        }

        /** The selection changed. */
        default void selectionChanged(Selection selection) {
        }
    }

    private final NodeRegistry registry;
    private final GraphValidator validator;
    private final DagCodec codec;
    private final DocumentHistory history;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Selection selection = Selection.empty();

    private long problemsRevision = -1;
    private List<Problem> problems = List.of();
    private Map<String, List<Problem>> problemsByNode = Map.of();
    private Map<String, List<Problem>> problemsByEdge = Map.of();

    /** Shapes by node value: a node that did not change between two documents keeps its shape. */
    private Map<NodeInstance, NodeShape> shapes = new IdentityHashMap<>();
    private GraphDocument shapesFor;

    /** A model over {@code initial}, validated against {@code registry}. */
    public EditorModel(NodeRegistry registry, GraphDocument initial) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.validator = new GraphValidator(registry);
        this.codec = new DagCodec(registry);
        this.history = new DocumentHistory(initial);
        history.addListener(change -> {
            Selection kept = selection.retainIn(change.after());
            if (!kept.equals(selection)) {
                selection = kept;
                fireSelection();
            }
            for (Listener l : listeners) {
                l.documentChanged(change);
            }
        });
    }

    /** The node types. */
    public NodeRegistry registry() {
        return registry;
    }

    /** The validator over {@link #registry()}. */
    public GraphValidator validator() {
        return validator;
    }

    /** The {@code .dag} codec over {@link #registry()}. */
    public DagCodec codec() {
        return codec;
    }

    /** The undo history. */
    public DocumentHistory history() {
        return history;
    }

    /** The current document. */
    public GraphDocument document() {
        return history.current();
    }

    /** The descriptor of a node's type, if the type is known. */
    public Optional<NodeDescriptor> descriptor(String type) {
        return registry.find(type);
    }

    /** Adds a listener. */
    public void addListener(Listener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
    }

    /** Removes a listener. */
    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    // ---- commands ----

    /**
     * Executes one command; see {@link DocumentHistory#execute}.
     *
     * @return true when the document changed
     * @throws CommandException when the command does not fit the document
     */
    public boolean execute(Command command) throws CommandException {
        return history.execute(command);
    }

    /** Undoes the last command, if any. */
    public boolean undo() {
        return history.undo();
    }

    /** Redoes the last undone command, if any. */
    public boolean redo() {
        return history.redo();
    }

    /**
     * A new node of type {@code type} at {@code at}, with a fresh id and every param at its default (written out,
     * so the file says what the node computes even if a later version changes a default). Not yet in the document.
     *
     * @throws IllegalArgumentException when the type is unknown
     */
    public NodeInstance newNode(String type, Point at) {
        NodeDescriptor d = registry.find(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown node type '" + type + "'"));
        String id = Ids.freshNode(document(), d.id(), Set.of());
        return new NodeInstance(id, d.id(), d.version(), "", d.defaults(), NodeState.ENABLED, new NodeUi(at));
    }

    /** Adds a new node of {@code type} at {@code at}, selects it and returns its id. */
    public String addNode(String type, Point at) throws CommandException {
        NodeInstance n = newNode(type, at);
        execute(new AddNodeCommand(n));
        select(Selection.ofNode(n.id()));
        return n.id();
    }

    /**
     * Why {@code from} may not be connected to {@code to}, or empty when it may: the validator's
     * {@link GraphValidator#explainWhyNot} on the current document.
     */
    public Optional<Problem> whyNotConnect(PortRef from, PortRef to) {
        return validator.explainWhyNot(document(), from, to);
    }

    /**
     * Connects two ports if the validator allows it.
     *
     * @return empty when the edge was added; otherwise the validator's reason, and nothing changed
     */
    public Optional<Problem> connect(PortRef from, PortRef to) throws CommandException {
        Optional<Problem> why = whyNotConnect(from, to);
        if (why.isPresent()) {
            return why;
        }
        execute(new ConnectCommand(newEdge(Ids.freshEdge(document(), Set.of()), from, to)));
        return Optional.empty();
    }

    /**
     * The edge a new connection makes: the default spec, except into a preview node, which is fed keep-latest
     * with two slots so that a preview never holds its writer back (the validator warns about anything else).
     */
    EdgeInstance newEdge(String id, PortRef from, PortRef to) {
        EdgeInstance edge = EdgeInstance.of(id, from, to);
        NodeInstance reader = document().nodes().get(to.node());
        boolean preview = reader != null && registry.find(reader.type()).map(NodeDescriptor::preview).orElse(false);
        return preview ? edge.withSpec(EdgeSpec.DEFAULT.withOverflow(OverflowPolicy.KEEP_LATEST).withCapacity(2))
                : edge;
    }

    /** Deletes the selection as one command; does nothing when the selection is empty. */
    public boolean deleteSelection() throws CommandException {
        if (selection.isEmpty()) {
            return false;
        }
        return execute(DeleteCommand.of(selection));
    }

    /** The selection as {@code .dag} text, or empty when no node is selected. */
    public Optional<String> copySelection() {
        if (selection.nodes().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(GraphFragment.copy(codec, document(), selection));
    }

    /**
     * Inserts the {@code .dag} text {@code text} with its top-left node at {@code at} (or, when null, 40 units
     * right and below where it was copied from) as one command, and selects what was inserted.
     *
     * @throws DagFormatException when the text is not a {@code .dag} document
     */
    public boolean paste(String text, Point at) throws DagFormatException, CommandException {
        GraphDocument fragment = GraphFragment.parse(codec, text);
        if (fragment.nodes().isEmpty()) {
            return false;
        }
        Point tl = GraphFragment.topLeft(fragment);
        Point where = at != null ? at : new Point(tl.x() + 40, tl.y() + 40);
        InsertFragmentCommand c = GraphFragment.placeInto(document(), fragment, where, "Paste");
        boolean changed = execute(c);
        select(c.selection());
        return changed;
    }

    /** Copies and pastes the selected nodes 40 units right and below, as one command. */
    public boolean duplicateSelection() throws CommandException {
        if (selection.nodes().isEmpty()) {
            return false;
        }
        GraphDocument fragment = GraphFragment.extract(document(), selection);
        Point tl = GraphFragment.topLeft(fragment);
        InsertFragmentCommand c = GraphFragment.placeInto(document(), fragment,
                new Point(tl.x() + 40, tl.y() + 40), "Duplicate");
        boolean changed = execute(c);
        select(c.selection());
        return changed;
    }

    /** Lines up the selected nodes; one command, or none when they are already in line. */
    public boolean alignSelection(Arrange.Alignment how) throws CommandException {
        List<NodeShape> selected = new ArrayList<>();
        for (String id : selection.nodes()) {
            shape(id).ifPresent(selected::add);
        }
        Map<String, Point> moved = Arrange.align(selected, how);
        if (moved.isEmpty()) {
            return false;
        }
        return execute(new MoveNodesCommand(moved, how.label()));
    }

    /** Moves every selected node onto the grid; one command. */
    public boolean snapSelectionToGrid(double grid) throws CommandException {
        Map<String, Point> moved = new LinkedHashMap<>();
        for (String id : selection.nodes()) {
            NodeInstance n = document().nodes().get(id);
            Point p = n.ui().position();
            Point s = Arrange.snap(p, grid);
            if (!s.equals(p)) {
                moved.put(id, s);
            }
        }
        if (moved.isEmpty()) {
            return false;
        }
        return execute(new MoveNodesCommand(moved, "Snap to grid"));
    }

    // ---- selection ----

    /** The current selection. */
    public Selection selection() {
        return selection;
    }

    /** Replaces the selection (ids not in the document are dropped). */
    public void select(Selection s) {
        Selection next = Objects.requireNonNull(s, "selection").retainIn(document());
        if (!next.equals(selection)) {
            selection = next;
            fireSelection();
        }
    }

    private void fireSelection() {
        for (Listener l : listeners) {
            l.selectionChanged(selection);
        }
    }

    // ---- derived state ----

    /** Every validation problem of the current document, recomputed once per change. */
    public List<Problem> problems() {
        refreshProblems();
        return problems;
    }

    /** The problems about node {@code id} (none about its edges). */
    public List<Problem> problemsOfNode(String id) {
        refreshProblems();
        return problemsByNode.getOrDefault(id, List.of());
    }

    /** The problems about edge {@code id}. */
    public List<Problem> problemsOfEdge(String id) {
        refreshProblems();
        return problemsByEdge.getOrDefault(id, List.of());
    }

    private void refreshProblems() {
        if (problemsRevision == history.revision()) {
            return;
        }
        problems = List.copyOf(validator.validate(document()));
        Map<String, List<Problem>> byNode = new HashMap<>();
        Map<String, List<Problem>> byEdge = new HashMap<>();
        for (Problem p : problems) {
            if (p.edgeId() != null) {
                byEdge.computeIfAbsent(p.edgeId(), k -> new ArrayList<>()).add(p);
            } else if (p.nodeId() != null) {
                byNode.computeIfAbsent(p.nodeId(), k -> new ArrayList<>()).add(p);
            }
        }
        problemsByNode = Collections.unmodifiableMap(byNode);
        problemsByEdge = Collections.unmodifiableMap(byEdge);
        problemsRevision = history.revision();
    }

    /** The shape of node {@code id} in the current document. */
    public Optional<NodeShape> shape(String id) {
        NodeInstance n = document().nodes().get(id);
        return n == null ? Optional.empty() : Optional.of(shape(n));
    }

    /** The shape of {@code node}, a node of the current document; cached while the node value is unchanged. */
    public NodeShape shape(NodeInstance node) {
        GraphDocument doc = document();
        if (shapesFor != doc) {
            // Keep the shapes of unchanged nodes; a node of an unknown type takes its ports from edges, and edges
            // may have changed, so those are recomputed.
            Map<NodeInstance, NodeShape> kept = new IdentityHashMap<>();
            boolean edgesSame = shapesFor != null && shapesFor.edges() == doc.edges();
            for (NodeInstance n : doc.nodeList()) {
                NodeShape s = shapes.get(n);
                if (s != null && (s.known() || edgesSame)) {
                    kept.put(n, s);
                }
            }
            shapes = kept;
            shapesFor = doc;
        }
        return shapes.computeIfAbsent(node, n -> NodeShape.of(n, registry.find(n.type()), doc));
    }

    /** Every node's shape, in document order. */
    public List<NodeShape> shapes() {
        List<NodeShape> out = new ArrayList<>(document().nodes().size());
        for (NodeInstance n : document().nodeList()) {
            out.add(shape(n));
        }
        return out;
    }
}
