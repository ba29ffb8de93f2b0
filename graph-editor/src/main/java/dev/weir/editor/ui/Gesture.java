package dev.weir.editor.ui;

import javafx.scene.input.MouseEvent;

/**
 * One mouse gesture on the canvas, from press to release: a drag of nodes, a wire, a marquee, a pan. The canvas
 * creates one on press and forwards drags to it; the gesture changes only transient view state while it runs and
 * emits at most one command when it ends (eckig's graph-editor commits a node's layout once, on release).
 */
interface Gesture {

    /** The mouse moved with the button held, at canvas-local pixel (x, y). */
    void drag(double x, double y, MouseEvent e);

    /** The button was released at (x, y): commit. */
    void release(double x, double y, MouseEvent e);

    /** Escape, or the canvas lost the gesture: drop the transient state, commit nothing. */
    void cancel();
}
