package dev.weir.editor.model;

/**
 * A {@link Command} that does not fit the document it was applied to. The editor shows the message in its status
 * bar; nothing changes.
 */
public final class CommandException extends Exception {

    /** With a sentence naming the node, edge or param involved. */
    public CommandException(String message) {
        super(message);
    }
}
