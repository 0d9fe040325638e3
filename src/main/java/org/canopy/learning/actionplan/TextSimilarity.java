package org.canopy.learning.actionplan;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How alike two recommendations read: cosine similarity of their word counts, with common English words
 * removed and a crude plural/suffix trim so "audits" meets "audit". Small enough to keep by hand; the
 * action plan uses it to show near-duplicates before a new recommendation is added.
 */
final class TextSimilarity {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "been", "by", "for",
            "from", "has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "there",
            "these", "this", "to", "was", "were", "will", "with", "which", "who", "all", "any", "can", "should", "must",
            "need", "needs", "needed", "required", "ensure", "ensuring", "more", "so", "they", "them", "we", "our", "same",
            "other", "than", "stage");

    private TextSimilarity() {
    }

    /** 0 (nothing in common) to 1 (the same words in the same proportions), stop words ignored. */
    static double cosine(String a, String b) {
        Map<String, Integer> x = terms(a);
        Map<String, Integer> y = terms(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        double dot = 0;
        for (var e : x.entrySet()) {
            dot += e.getValue() * y.getOrDefault(e.getKey(), 0);
        }
        return dot / (norm(x) * norm(y));
    }

    /** The text's meaningful words, trimmed to a rough stem, with their counts. */
    static Map<String, Integer> terms(String text) {
        var counts = new HashMap<String, Integer>();
        if (text == null) {
            return counts;
        }
        for (String word : text.toLowerCase(Locale.UK).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 2 || STOP_WORDS.contains(word)) {
                continue;
            }
            counts.merge(stem(word), 1, Integer::sum);
        }
        return counts;
    }

    private static String stem(String word) {
        for (String suffix : new String[] {"ing", "ed", "es", "s"}) {
            if (word.length() > suffix.length() + 3 && word.endsWith(suffix)) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    private static double norm(Map<String, Integer> v) {
        return Math.sqrt(v.values().stream().mapToDouble(c -> (double) c * c).sum());
    }
}
