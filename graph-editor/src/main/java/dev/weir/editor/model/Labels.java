package dev.weir.editor.model;

/** Wording shared by command labels. */
final class Labels {

    private Labels() {
    }

    /** {@code 1 node}, {@code 3 nodes and 1 edge}, {@code 2 edges}. */
    static String count(int nodes, int edges) {
        String n = nodes == 1 ? "1 node" : nodes + " nodes";
        String e = edges == 1 ? "1 edge" : edges + " edges";
        if (edges == 0) {
            return n;
        }
        if (nodes == 0) {
            return e;
        }
        return n + " and " + e;
    }
}
