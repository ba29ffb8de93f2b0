package dev.weir.editor.model;

import dev.weir.engine.api.NodeDescriptor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds node types by what the user types, for the palette's search field and the quick-insert box. Every word
 * of the query must occur in the label, the id, the category or the description; matches rank by where the first
 * word hits: label start, then id segment start ({@code fft} finds {@code dsp.fft} before {@code dsp.ifft}), then
 * anywhere in label or id, then category, then description.
 */
public final class NodeSearch {

    private NodeSearch() {
    }

    /** The types matching {@code query}, best first; every type, by category and label, for a blank query. */
    public static List<NodeDescriptor> find(Collection<NodeDescriptor> types, String query) {
        String[] words = query.strip().toLowerCase(Locale.ROOT).split("\\s+");
        List<Scored> hits = new ArrayList<>();
        for (NodeDescriptor d : types) {
            int score = score(d, words);
            if (score >= 0) {
                hits.add(new Scored(d, score));
            }
        }
        hits.sort(Comparator.comparingInt(Scored::score)
                .thenComparing(s -> s.d().category())
                .thenComparing(s -> s.d().label()));
        return hits.stream().map(Scored::d).toList();
    }

    /** Whether {@code d} matches every word of {@code query}. */
    public static boolean matches(NodeDescriptor d, String query) {
        return score(d, query.strip().toLowerCase(Locale.ROOT).split("\\s+")) >= 0;
    }

    private record Scored(NodeDescriptor d, int score) {
    }

    /** Lower is better; -1 when some word is missing. */
    private static int score(NodeDescriptor d, String[] words) {
        String label = d.label().toLowerCase(Locale.ROOT);
        String id = d.id().toLowerCase(Locale.ROOT);
        String category = d.category().toLowerCase(Locale.ROOT);
        String doc = d.description().toLowerCase(Locale.ROOT);
        int best = 0;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.isEmpty()) {
                continue;
            }
            int s;
            if (label.startsWith(w)) {
                s = 0;
            } else if (id.startsWith(w) || id.contains("." + w) || id.contains("_" + w)) {
                s = 1;
            } else if (label.contains(w) || id.contains(w)) {
                s = 2;
            } else if (category.contains(w)) {
                s = 3;
            } else if (doc.contains(w)) {
                s = 4;
            } else {
                return -1;
            }
            if (i == 0) {
                best = s;
            }
        }
        return best;
    }
}
