package dev.llmbench.graders.text;

import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code counts} grader: word, sentence and paragraph counts within inclusive ranges.
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code words}, or {@code min_words} and/or {@code max_words} (integers &ge; 0): word count
 *       by {@link WordCounter}.
 *   <li>{@code sentences}, or {@code min_sentences} and/or {@code max_sentences}: sentence count by
 *       {@link SentenceSplitter} (abbreviations, decimals, inline code and list markers do not end a
 *       sentence; fenced code and headings are not sentences).
 *   <li>{@code paragraphs}, or {@code min_paragraphs} and/or {@code max_paragraphs}: paragraph count
 *       by {@link Paragraphs} (blank-line separated, fenced code ignored).
 *   <li>{@code ignore_lines} (a regular expression, or a list): lines in which one of them is found
 *       are removed before counting, e.g. {@code ^Title:} for a title line or {@code ^Complexity:}
 *       for a fixed final line that is not part of the prose.
 *   <li>{@code target} ({@code text}, the default; {@code answer}; {@code last_line}): see
 *       {@link TextTarget}.
 * </ul>
 * The exact form ({@code words}) cannot be combined with a bound of the same kind; at least one
 * kind is required; a minimum must not exceed its maximum.
 *
 * <h2>Checks</h2>
 * One per kind given, weight 1 each, in the order {@code word_count}, {@code sentence_count},
 * {@code paragraph_count}. {@code actual} gives the count (and, for sentences, the sentences found,
 * so a miscount can be diagnosed). All fail when the target is absent.
 *
 * <p>Stateless and thread-safe; the graders it creates are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CountsGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "counts";

    private static final Set<String> KNOWN = Set.of("words", "min_words", "max_words", "sentences", "min_sentences",
            "max_sentences", "paragraphs", "min_paragraphs", "max_paragraphs", "ignore_lines", "target");

    /** Creates the factory; does no I/O. */
    public CountsGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "word/sentence/paragraph counts in ranges; params: words|min_words|max_words,"
                + " sentences|min_sentences|max_sentences, paragraphs|min_paragraphs|max_paragraphs, ignore_lines,"
                + " target (text|answer|last_line)";
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.llmbench.core.BenchConfigurationException when no range is given, a range is
     *         malformed (see {@link CountRange#parse}), an {@code ignore_lines} expression is invalid,
     *         {@code target} is unknown, or a parameter is unknown
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        Optional<CountRange> words = CountRange.parse(config, "words", "min_words", "max_words");
        Optional<CountRange> sentences = CountRange.parse(config, "sentences", "min_sentences", "max_sentences");
        Optional<CountRange> paragraphs = CountRange.parse(config, "paragraphs", "min_paragraphs", "max_paragraphs");
        if (words.isEmpty() && sentences.isEmpty() && paragraphs.isEmpty()) {
            throw Params.error(config, "needs a range: words, sentences or paragraphs (exact, or min_/max_ bounds)");
        }
        List<Pattern> ignore = new ArrayList<>();
        for (String p : config.strings("ignore_lines")) {
            try {
                ignore.add(Pattern.compile(p));
            } catch (PatternSyntaxException e) {
                throw Params.error(config, "parameter 'ignore_lines' has an invalid regular expression \"" + p + "\": "
                        + e.getDescription());
            }
        }
        return new CountsGrader(words, sentences, paragraphs, ignore, TextTarget.parse(config, "target",
                TextTarget.TEXT));
    }
}
