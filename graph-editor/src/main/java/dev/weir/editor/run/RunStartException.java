package dev.weir.editor.run;

import java.util.List;

/**
 * A graph could not start. The message is one line for a status bar; {@link #problems} has one line per cause,
 * each naming the node, port, edge or field.
 */
public final class RunStartException extends Exception {

    private final List<String> problems;

    public RunStartException(String message, List<String> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    /** One line per cause. */
    public List<String> problems() {
        return problems;
    }
}
