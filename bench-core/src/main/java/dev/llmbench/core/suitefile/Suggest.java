package dev.llmbench.core.suitefile;

import java.util.Collection;

/** "Did you mean …?" for misspelt names: the closest candidate within two edits. Stateless. */
final class Suggest {
    private Suggest() {}

    /**
     * {@code  "typed"} followed, when a candidate is within two edits, by
     * {@code  (did you mean "closest"?)}; with a leading space, for "unknown field" messages.
     */
    static String didYouMean(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = distance(typed, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return " \"" + typed + "\"" + (best == null ? "" : " (did you mean \"" + best + "\"?)");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
