package dev.llmbench.graders.text;

import dev.llmbench.core.api.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One verifiable instruction of the {@code constraints} grader; each yields one check named after
 * its parameter key. Implementations are immutable and thread-safe.
 */
sealed interface Constraint {
    /** The check (and parameter) name. */
    String name();

    /** Checks {@code text}; never throws for any text. */
    Check check(String text);

    /** {@code sentences_exactly}: exactly {@code n} sentences ({@link SentenceSplitter}). */
    record SentencesExactly(int n) implements Constraint {
        @Override
        public String name() {
            return "sentences_exactly";
        }

        @Override
        public Check check(String text) {
            int got = SentenceSplitter.count(text);
            return Check.of(name(), got == n, n + " sentences", got + " sentences");
        }
    }

    /** {@code max_letter_count}: each letter (lower case here) at most its limit, case-insensitively. */
    record MaxLetterCount(Map<Character, Integer> limits) implements Constraint {
        public MaxLetterCount {
            limits = Map.copyOf(limits);
        }

        @Override
        public String name() {
            return "max_letter_count";
        }

        @Override
        public Check check(String text) {
            boolean ok = true;
            List<String> want = new ArrayList<>();
            List<String> got = new ArrayList<>();
            for (Map.Entry<Character, Integer> e : limits.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                char letter = e.getKey();
                long count = text.chars().filter(c -> Character.toLowerCase(c) == letter).count();
                ok &= count <= e.getValue();
                want.add("at most " + e.getValue() + " × '" + letter + "'");
                got.add(count + " × '" + letter + "'");
            }
            return Check.of(name(), ok, String.join(", ", want), String.join(", ", got));
        }
    }

    /** {@code word_exactly_once}: each word occurs exactly once as a whole word. */
    record WordExactlyOnce(List<String> words) implements Constraint {
        public WordExactlyOnce {
            words = List.copyOf(words);
        }

        @Override
        public String name() {
            return "word_exactly_once";
        }

        @Override
        public Check check(String text) {
            boolean ok = true;
            List<String> got = new ArrayList<>();
            for (String w : words) {
                int n = WordCounter.occurrences(text, w);
                ok &= n == 1;
                got.add("'" + w + "' " + n + (n == 1 ? " time" : " times"));
            }
            String want = words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", ")) + " exactly once";
            return Check.of(name(), ok, want, String.join(", ", got));
        }
    }

    /** {@code ends_with}: the last word(s), ignoring trailing punctuation, are the phrase. */
    record EndsWith(String phrase) implements Constraint {
        @Override
        public String name() {
            return "ends_with";
        }

        @Override
        public Check check(String text) {
            String last = WordCounter.lastWord(text);
            return Check.of(name(), WordCounter.endsWith(text, phrase), "ends with '" + phrase + "'",
                    last.isEmpty() ? "no words" : "ends with '" + last + "'");
        }
    }

    /** {@code forbidden_words}: none of the words occurs as a whole word. */
    record ForbiddenWords(List<String> words) implements Constraint {
        public ForbiddenWords {
            words = List.copyOf(words);
        }

        @Override
        public String name() {
            return "forbidden_words";
        }

        @Override
        public Check check(String text) {
            List<String> found = new ArrayList<>();
            for (String w : words) {
                int n = WordCounter.occurrences(text, w);
                if (n > 0) {
                    found.add("'" + w + "' " + n + (n == 1 ? " time" : " times"));
                }
            }
            return Check.of(name(), found.isEmpty(), "none of " + words,
                    found.isEmpty() ? "none found" : "found " + String.join(", ", found));
        }
    }

    /** {@code all_caps}: at least one letter and no lower-case letter. */
    record AllCaps() implements Constraint {
        @Override
        public String name() {
            return "all_caps";
        }

        @Override
        public Check check(String text) {
            long letters = text.codePoints().filter(Character::isLetter).count();
            long lower = text.codePoints().filter(Character::isLowerCase).count();
            String actual;
            if (letters == 0) {
                actual = "no letters";
            } else if (lower == 0) {
                actual = "all " + letters + " letters upper case";
            } else {
                String firstWord = WordCounter.words(text).stream()
                        .filter(w -> w.codePoints().anyMatch(Character::isLowerCase)).findFirst().orElse("");
                actual = lower + " lower-case letters, first in '" + firstWord + "'";
            }
            return Check.of(name(), letters > 0 && lower == 0, "letters, all upper case", actual);
        }
    }

    /**
     * {@code all_lowercase}: at least one letter and no upper-case letter (used by the
     * {@code format} grader; the mirror of {@link AllCaps}).
     */
    record AllLower() implements Constraint {
        @Override
        public String name() {
            return "all_lowercase";
        }

        @Override
        public Check check(String text) {
            long letters = text.codePoints().filter(Character::isLetter).count();
            long upper = text.codePoints().filter(c -> Character.isUpperCase(c) || Character.isTitleCase(c)).count();
            String actual;
            if (letters == 0) {
                actual = "no letters";
            } else if (upper == 0) {
                actual = "all " + letters + " letters lower case";
            } else {
                String firstWord = WordCounter.words(text).stream()
                        .filter(w -> w.codePoints().anyMatch(Character::isUpperCase)).findFirst().orElse("");
                actual = upper + " upper-case letters, first in '" + firstWord + "'";
            }
            return Check.of(name(), letters > 0 && upper == 0, "letters, all lower case", actual);
        }
    }

    /** {@code min_words}: at least {@code n} words ({@link WordCounter}). */
    record MinWords(int n) implements Constraint {
        @Override
        public String name() {
            return "min_words";
        }

        @Override
        public Check check(String text) {
            int got = WordCounter.count(text);
            return Check.of(name(), got >= n, "at least " + n + " words", got + " words");
        }
    }

    /** {@code max_words}: at most {@code n} words ({@link WordCounter}). */
    record MaxWords(int n) implements Constraint {
        @Override
        public String name() {
            return "max_words";
        }

        @Override
        public Check check(String text) {
            int got = WordCounter.count(text);
            return Check.of(name(), got <= n, "at most " + n + " words", got + " words");
        }
    }
}
