package dev.weir.editor.model;

import dev.weir.engine.model.EdgeInstance;
import dev.weir.engine.model.EdgeUi;
import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeUi;
import dev.weir.engine.model.Point;
import dev.weir.engine.model.PortRef;
import dev.weir.engine.model.dag.DagCodec;
import dev.weir.engine.model.dag.DagFormatException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copy and paste: a selection travels on the clipboard as a complete {@code .dag} document, written and read by
 * {@link DagCodec}, so it can be pasted into another editor window, into a text editor, or saved as a file.
 */
public final class GraphFragment {

    /** The graph id of a copied fragment. */
    public static final String CLIPBOARD_ID = "clipboard";

    private GraphFragment() {
    }

    /**
     * The selected nodes, the selected edges between them and every other edge between them, as a document. An
     * edge whose other end is not copied stays behind: pasted alone it would dangle.
     */
    public static GraphDocument extract(GraphDocument doc, Selection selection) {
        GraphDocument out = GraphDocument.empty(CLIPBOARD_ID, doc.name());
        for (NodeInstance n : doc.nodeList()) {
            if (selection.nodes().contains(n.id())) {
                out = out.withNode(n);
            }
        }
        for (EdgeInstance e : doc.edgeList()) {
            if (selection.nodes().contains(e.from().node()) && selection.nodes().contains(e.to().node())) {
                out = out.withEdge(e);
            }
        }
        return out;
    }

    /** The {@code .dag} text of {@link #extract}. */
    public static String copy(DagCodec codec, GraphDocument doc, Selection selection) {
        return codec.write(extract(doc, selection));
    }

    /**
     * Reads clipboard text as a fragment.
     *
     * @throws DagFormatException when the text is not a {@code .dag} document; its message says why
     */
    public static GraphDocument parse(DagCodec codec, String text) throws DagFormatException {
        return codec.parse(text, "clipboard");
    }

    /**
     * The command that inserts {@code fragment} into {@code target}: every node and edge gets an id free in
     * {@code target} (a copy of {@code fft} becomes {@code fft_2}), edges follow their renamed nodes, and the nodes
     * keep their relative layout with their top-left corner moved to {@code topLeft}.
     *
     * @param verb {@code Paste} or {@code Duplicate}, for the undo label
     */
    public static InsertFragmentCommand placeInto(GraphDocument target, GraphDocument fragment, Point topLeft,
                                                  String verb) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        for (NodeInstance n : fragment.nodeList()) {
            minX = Math.min(minX, n.ui().position().x());
            minY = Math.min(minY, n.ui().position().y());
        }
        double dx = fragment.nodes().isEmpty() ? 0 : topLeft.x() - minX;
        double dy = fragment.nodes().isEmpty() ? 0 : topLeft.y() - minY;
        Set<String> taken = new HashSet<>();
        Map<String, String> rename = new HashMap<>();
        List<NodeInstance> nodes = new ArrayList<>();
        for (NodeInstance n : fragment.nodeList()) {
            String id = Ids.freshNode(target, n.id(), taken);
            taken.add(id);
            rename.put(n.id(), id);
            Point p = n.ui().position();
            nodes.add(new NodeInstance(id, n.type(), n.typeVersion(), n.name(), n.params(), n.state(),
                    new NodeUi(new Point(p.x() + dx, p.y() + dy))));
        }
        List<EdgeInstance> edges = new ArrayList<>();
        for (EdgeInstance e : fragment.edgeList()) {
            String from = rename.get(e.from().node());
            String to = rename.get(e.to().node());
            if (from == null || to == null) {
                continue; // an edge to a node outside the fragment (a hand-edited clipboard)
            }
            String id = Ids.freshEdge(target, taken);
            taken.add(id);
            edges.add(new EdgeInstance(id, new PortRef(from, e.from().port()), new PortRef(to, e.to().port()),
                    e.spec(), new EdgeUi(e.ui().points().stream().map(q -> new Point(q.x() + dx, q.y() + dy)).toList())));
        }
        return new InsertFragmentCommand(nodes, edges, verb + " " + Labels.count(nodes.size(), edges.size()));
    }

    /** The top-left corner of the fragment's nodes, or the origin when it has none. */
    public static Point topLeft(GraphDocument fragment) {
        if (fragment.nodes().isEmpty()) {
            return new Point(0, 0);
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        for (NodeInstance n : fragment.nodeList()) {
            minX = Math.min(minX, n.ui().position().x());
            minY = Math.min(minY, n.ui().position().y());
        }
        return new Point(minX, minY);
    }
}
