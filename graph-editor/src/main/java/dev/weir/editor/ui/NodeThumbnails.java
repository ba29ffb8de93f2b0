package dev.weir.editor.ui;

import javafx.scene.image.Image;

/**
 * Pictures the canvas draws under nodes: the latest data of preview nodes, when the View menu's thumbnails are on.
 * Asked on the FX thread for every node on every canvas redraw, so an implementation is a map lookup, nothing more.
 */
@FunctionalInterface
public interface NodeThumbnails {

    /** No thumbnails. */
    NodeThumbnails NONE = nodeId -> null;

    /** The picture to draw under node {@code nodeId}, or null for none. */
    Image thumbnail(String nodeId);
}
