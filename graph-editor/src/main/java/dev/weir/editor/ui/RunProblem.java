package dev.weir.editor.ui;

import java.util.Objects;

/**
 * A problem of a run, as the problems list shows it apart from the validator's problems of the document: a node
 * that failed, a worker process group that is down, a start that was refused, a live change that was not applied.
 *
 * @param nodeId  the node it is about (clicking it selects the node), or null for the run as a whole
 * @param where   what it is about, for the list's location column
 * @param message the whole message
 * @param error   an error (red) rather than a warning (yellow)
 */
public record RunProblem(String nodeId, String where, String message, boolean error) {

    public RunProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }
}
