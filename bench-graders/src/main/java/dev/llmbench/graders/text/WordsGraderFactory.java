package dev.llmbench.graders.text;

import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code words} grader: required words (each its own check) and forbidden words, matched as
 * whole words, case-insensitively ({@link WordCounter#occurrences(String, String)}).
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code required} (a word or phrase, or a list): each entry must occur. An entry may list
 *       alternatives separated by {@code |} ({@code middle|midpoint}); their occurrences are added
 *       up. Inflections are not matched: list them as alternatives.
 *   <li>{@code max_occurrences} (integer &ge; 1, optional): each required entry may occur at most this
 *       often, which defeats keyword stuffing.
 *   <li>{@code forbidden} (a word or phrase, or a list): none may occur; one check for all of them.
 *   <li>{@code target} ({@code text}, the default; {@code answer}; {@code last_line}): see
 *       {@link TextTarget}.
 * </ul>
 * At least one of {@code required} and {@code forbidden} is needed; every word must contain a letter
 * or digit.
 *
 * <h2>Checks</h2>
 * <ul>
 *   <li>{@code required:<entry>} (weight 1 each), e.g. {@code required:middle|midpoint}: the entry
 *       occurs at least once (and at most {@code max_occurrences} times); {@code actual} gives the
 *       count per alternative found. Fails when the target is absent.
 *   <li>{@code forbidden_words} (weight 1): the same check as the {@code constraints} grader's; it
 *       passes when the target is absent (nothing forbidden was written).
 * </ul>
 *
 * <p>Stateless and thread-safe; the graders it creates are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class WordsGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "words";

    private static final Set<String> KNOWN = Set.of("required", "forbidden", "max_occurrences", "target");

    /** Creates the factory; does no I/O. */
    public WordsGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "required words (one check each, '|' for alternatives) and forbidden words, whole-word and"
                + " case-insensitive; params: required, forbidden, max_occurrences, target (text|answer|last_line)";
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.llmbench.core.BenchConfigurationException when neither {@code required} nor
     *         {@code forbidden} is given, a word has no letter or digit, {@code max_occurrences} is
     *         below 1 or given without {@code required}, {@code target} is unknown, or a parameter is
     *         unknown
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        List<List<String>> required = new ArrayList<>();
        for (String entry : config.strings("required")) {
            List<String> alternatives = Arrays.stream(entry.split("\\|")).map(String::strip).toList();
            alternatives.forEach(w -> requireWord(config, "required", w));
            required.add(alternatives);
        }
        List<String> forbidden = config.strings("forbidden").stream().map(String::strip).toList();
        forbidden.forEach(w -> requireWord(config, "forbidden", w));
        if (required.isEmpty() && forbidden.isEmpty()) {
            throw Params.error(config, "needs parameter 'required' and/or 'forbidden'");
        }
        Optional<Integer> max = config.optInt("max_occurrences");
        if (max.isPresent() && max.get() < 1) {
            throw Params.error(config, "parameter 'max_occurrences' must be at least 1, got " + max.get());
        }
        if (max.isPresent() && required.isEmpty()) {
            throw Params.error(config, "parameter 'max_occurrences' applies to 'required' words, and there are none");
        }
        Optional<Constraint.ForbiddenWords> forbiddenCheck =
                forbidden.isEmpty() ? Optional.empty() : Optional.of(new Constraint.ForbiddenWords(forbidden));
        return new WordsGrader(required, max.orElse(Integer.MAX_VALUE), forbiddenCheck,
                TextTarget.parse(config, "target", TextTarget.TEXT));
    }

    private static void requireWord(GraderConfig config, String key, String word) {
        if (word.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw Params.error(config,
                    "parameter '" + key + "' has a value without letters or digits: \"" + word + "\"");
        }
    }
}
