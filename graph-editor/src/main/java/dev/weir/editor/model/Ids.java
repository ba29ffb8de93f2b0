package dev.weir.editor.model;

import dev.weir.engine.model.GraphDocument;

import java.util.Set;

/** Fresh, readable ids for new nodes ({@code fft}, {@code fft_2}) and edges ({@code e1}, {@code e2}). */
public final class Ids {

    private Ids() {
    }

    /**
     * A node id for a node of type {@code type} ({@code dsp.fft} gives {@code fft}), or for a copy of a node with
     * id {@code base}, unused by {@code doc} and not in {@code taken}.
     */
    public static String freshNode(GraphDocument doc, String typeOrBase, Set<String> taken) {
        String base = typeOrBase.substring(typeOrBase.lastIndexOf('.') + 1).replaceAll("_\\d+$", "");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0)) && base.charAt(0) != '_') {
            base = "n_" + base;
        }
        if (free(doc, base, taken)) {
            return base;
        }
        for (int i = 2; ; i++) {
            String c = base + "_" + i;
            if (free(doc, c, taken)) {
                return c;
            }
        }
    }

    /** The first of {@code e1}, {@code e2}, ... unused by {@code doc} and not in {@code taken}. */
    public static String freshEdge(GraphDocument doc, Set<String> taken) {
        for (int i = 1; ; i++) {
            String c = "e" + i;
            if (free(doc, c, taken)) {
                return c;
            }
        }
    }

    private static boolean free(GraphDocument doc, String id, Set<String> taken) {
        return !doc.nodes().containsKey(id) && !doc.edges().containsKey(id) && !taken.contains(id);
    }
}
