package dev.weir.editor.model;

import dev.weir.engine.model.GraphDocument;

import java.util.Objects;

/**
 * Changes the graph's display name (the {@code graph.name} of the file).
 *
 * @param name the new name
 */
public record RenameGraphCommand(String name) implements Command {

    public RenameGraphCommand {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String label() {
        return "Rename graph";
    }

    @Override
    public GraphDocument apply(GraphDocument doc) {
        return doc.withName(name);
    }
}
