package dev.llmbench.graders.facts;

import java.util.List;

/**
 * One required or forbidden fact: a short name and its alternative phrasings, each already
 * normalised by {@link Phrases#normalize(String)}. Immutable and thread-safe.
 *
 * @param name         the first alternative, normalised, as used in check names
 * @param written      the alternatives as configured, for check texts
 * @param alternatives the normalised alternatives; not empty
 */
record Fact(String name, List<String> written, List<String> alternatives) {
    Fact {
        written = List.copyOf(written);
        alternatives = List.copyOf(alternatives);
    }

    /** Parses {@code "Peter Chapman|Chapman"}; empty alternatives are dropped. */
    static Fact parse(String spec) {
        List<String> written = java.util.Arrays.stream(spec.split("\\|")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        List<String> normalized = written.stream().map(Phrases::normalize).filter(s -> !s.isEmpty()).distinct().toList();
        return new Fact(normalized.isEmpty() ? "" : normalized.get(0), written, normalized);
    }

    /** The alternatives for a check's expected text: {@code "Peter Chapman" or "Chapman"}. */
    String describe() {
        return String.join(" or ", written.stream().map(w -> "\"" + w + "\"").toList());
    }

    /** The first alternative contained in {@code normalizedText} as whole words, or null. */
    String foundIn(String normalizedText) {
        for (int i = 0; i < alternatives.size(); i++) {
            if (Phrases.contains(normalizedText, alternatives.get(i))) {
                return written.get(Math.min(i, written.size() - 1));
            }
        }
        return null;
    }

    /** Whether {@code normalizedText} equals one of the alternatives. */
    boolean equalsAny(String normalizedText) {
        return alternatives.contains(normalizedText);
    }
}
