package dev.llmbench.graders.text;

import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The {@code constraints} grader: IFEval-style verifiable instructions. Every parameter is one
 * constraint and yields one check of the same name, weight 1, so the score is the share of
 * constraints satisfied; the grade passes on its own only when all are.
 *
 * <h2>Constraints (parameter keys)</h2>
 * <ul>
 *   <li>{@code sentences_exactly} (integer &ge; 0): exactly that many sentences, counted by
 *       {@link SentenceSplitter} over the whole text.
 *   <li>{@code max_letter_count} ({@code "e:15"}, or a list of such): at most 15 occurrences of the
 *       letter, case-insensitive.
 *   <li>{@code word_exactly_once} (a word or phrase, or a list): each occurs exactly once as a whole
 *       word, case-insensitive ({@link WordCounter#occurrences(String, String)}).
 *   <li>{@code ends_with} (a word or phrase): the last word(s), ignoring trailing punctuation,
 *       quotes, markup and whitespace, case-insensitive.
 *   <li>{@code forbidden_words} (a list): none occurs as a whole word, case-insensitive.
 *   <li>{@code all_caps} ({@code true}): the text has letters and no lower-case letter; an empty
 *       response fails (the seed harness passed it).
 *   <li>{@code min_words}, {@code max_words} (integers &ge; 0, inclusive): word count by
 *       {@link WordCounter}.
 * </ul>
 *
 * <p>Stateless and thread-safe; the graders it creates are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ConstraintsGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "constraints";

    /** The constraint keys this grader knows, in documentation order. */
    public static final List<String> KEYS = List.of("sentences_exactly", "max_letter_count", "word_exactly_once",
            "ends_with", "forbidden_words", "all_caps", "min_words", "max_words");

    /** Creates the factory; does no I/O. */
    public ConstraintsGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "IFEval-style constraints, one check each: " + String.join(", ", KEYS);
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.llmbench.core.BenchConfigurationException when there is no constraint, a key is
     *         unknown (the message lists the known ones), or a value is malformed
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(new TreeSet<>(KEYS));
        if (config.params().isEmpty()) {
            throw Params.error(config, "needs at least one constraint; known: " + String.join(", ", KEYS));
        }
        List<Constraint> constraints = new ArrayList<>();
        for (String key : config.params().keySet()) {
            constraints.add(parse(config, key));
        }
        Optional<Integer> min = Params.nonNegativeInt(config, "min_words");
        Optional<Integer> max = Params.nonNegativeInt(config, "max_words");
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            throw Params.error(config, "parameter 'min_words' (" + min.get() + ") must not exceed 'max_words' ("
                    + max.get() + ")");
        }
        return new ConstraintsGrader(constraints);
    }

    private static Constraint parse(GraderConfig config, String key) {
        switch (key) {
            case "sentences_exactly":
                return new Constraint.SentencesExactly(Params.nonNegativeInt(config, key).orElseThrow());
            case "max_letter_count":
                return new Constraint.MaxLetterCount(letterLimits(config, key));
            case "word_exactly_once":
                return new Constraint.WordExactlyOnce(words(config, key));
            case "ends_with":
                return new Constraint.EndsWith(words(config, key).get(0));
            case "forbidden_words":
                return new Constraint.ForbiddenWords(words(config, key));
            case "all_caps":
                if (!config.bool(key, false)) {
                    throw Params.error(config, "parameter 'all_caps' must be true (remove it to allow lower case)");
                }
                return new Constraint.AllCaps();
            case "min_words":
                return new Constraint.MinWords(Params.nonNegativeInt(config, key).orElseThrow());
            case "max_words":
                return new Constraint.MaxWords(Params.nonNegativeInt(config, key).orElseThrow());
            default:
                throw new AssertionError(key); // requireKnown ran first
        }
    }

    private static Map<Character, Integer> letterLimits(GraderConfig config, String key) {
        Map<Character, Integer> limits = new LinkedHashMap<>();
        for (String v : config.strings(key)) {
            String s = v.strip();
            int colon = s.indexOf(':');
            Integer limit = null;
            if (colon == 1 && Character.isLetter(s.charAt(0))) {
                try {
                    limit = Integer.valueOf(s.substring(2).strip());
                } catch (NumberFormatException e) {
                    limit = null;
                }
            }
            if (limit == null || limit < 0) {
                throw Params.error(config, "parameter '" + key + "' must look like \"e:15\" (a letter, a colon, a"
                        + " non-negative limit), got \"" + v + "\"");
            }
            limits.put(Character.toLowerCase(s.charAt(0)), limit);
        }
        return limits;
    }

    private static List<String> words(GraderConfig config, String key) {
        List<String> words = config.strings(key).stream().map(String::strip).toList();
        if (words.isEmpty()) {
            throw Params.error(config, "parameter '" + key + "' needs at least one word");
        }
        for (String w : words) {
            if (w.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw Params.error(config,
                        "parameter '" + key + "' has a value without letters or digits: \"" + w + "\"");
            }
        }
        if (key.equals("ends_with") && words.size() != 1) {
            throw Params.error(config, "parameter 'ends_with' takes one word or phrase, got " + words);
        }
        return words;
    }
}
