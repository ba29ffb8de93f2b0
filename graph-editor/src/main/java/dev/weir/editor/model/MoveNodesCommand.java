package dev.weir.editor.model;

import dev.weir.engine.model.GraphDocument;
import dev.weir.engine.model.NodeInstance;
import dev.weir.engine.model.NodeUi;
import dev.weir.engine.model.Point;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts nodes at new positions: the end of a drag, a nudge, an alignment. Only the layout ({@link NodeUi})
 * changes, never params.
 *
 * @param positions new top-left corner per node id
 * @param label     what the Edit menu shows ({@code Move 2 nodes}, {@code Align left})
 */
public record MoveNodesCommand(Map<String, Point> positions, String label) implements Command {

    public MoveNodesCommand {
        positions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(positions));
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a move needs a label");
        }
    }

    /** A move labelled {@code Move N nodes}. */
    public static MoveNodesCommand of(Map<String, Point> positions) {
        return new MoveNodesCommand(positions, "Move " + Labels.count(positions.size(), 0));
    }

    @Override
    public GraphDocument apply(GraphDocument doc) throws CommandException {
        GraphDocument out = doc;
        for (Map.Entry<String, Point> e : positions.entrySet()) {
            NodeInstance n = doc.nodes().get(e.getKey());
            if (n == null) {
                throw new CommandException("cannot move node '" + e.getKey() + "': it is not in the graph");
            }
            out = out.withNode(n.withUi(new NodeUi(e.getValue())));
        }
        return out;
    }
}
