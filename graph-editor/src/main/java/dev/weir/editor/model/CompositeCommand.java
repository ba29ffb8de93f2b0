package dev.weir.editor.model;

import dev.weir.engine.model.GraphDocument;

import java.util.List;

/**
 * Several commands that undo as one (SceneBuilder's {@code BatchJob}), for a gesture that changes more than one
 * kind of thing, such as cutting (copy, then delete) or replacing a node. If one part fails, none applies.
 *
 * @param label what the Edit menu shows
 * @param parts applied in order, each to the previous one's result
 */
public record CompositeCommand(String label, List<Command> parts) implements Command {

    public CompositeCommand {
        parts = List.copyOf(parts);
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a composite command needs a label");
        }
    }

    @Override
    public GraphDocument apply(GraphDocument doc) throws CommandException {
        GraphDocument out = doc;
        for (Command c : parts) {
            out = c.apply(out);
        }
        return out;
    }
}
