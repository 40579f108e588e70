package dev.llmbench.graders.facts;

import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The {@code facts} grader: required facts, forbidden phrases, "no new numbers" and a word range,
 * read from one labelled section of the response.
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code section} (string, default {@code all}): {@code all} reads the whole response;
 *       any other value is a label, and only the value of the <em>last</em> line labelled with it
 *       is read ({@code answer} reads the {@code Answer:} line like
 *       {@link dev.llmbench.graders.text.AnswerLine}; {@code summary} reads {@code Summary: …};
 *       {@code 1} reads {@code 1: …}). A label on a line of its own reads the next non-blank
 *       line. So a section is one line or one paragraph.
 *   <li>{@code facts} (list): required facts, each one check; a fact is its alternatives
 *       separated by {@code |}, e.g. {@code "Peter Chapman|Chapman"}.
 *   <li>{@code match} ({@code contains}, the default, or {@code exact}): with {@code contains} a
 *       fact passes when one alternative occurs in the section as whole words after
 *       normalisation; with {@code exact} the section's first line, normalised, must equal one
 *       alternative (for short answers: "KV-4817" passes, "KV-4817 or KV-4871" fails).
 *   <li>{@code forbidden} (list): phrases that must not occur in the section, each one check,
 *       alternatives separated by {@code |} (a canary string, a known wrong answer).
 *   <li>{@code source} (string) and/or {@code allowed_numbers} (list of numbers): adds
 *       {@code no_new_numbers}: every number in the section (see {@link Numbers}: {@code 1,000} =
 *       {@code 1000}, {@code 12%} = {@code 12 percent}, {@code two}…{@code twelve} read as digits)
 *       must occur in the source or in the list.
 *   <li>{@code min_words}, {@code max_words} (integers &ge; 0, inclusive): adds {@code word_count}
 *       for the section, counted by {@link dev.llmbench.graders.text.WordCounter}.
 * </ul>
 * At least one of {@code facts}, {@code forbidden}, {@code source}, {@code allowed_numbers},
 * {@code min_words}, {@code max_words} is required.
 *
 * <h2>Checks</h2>
 * All of weight 1, named after the section when it is not {@code all} (e.g.
 * {@code summary.fact:peter chapman}): {@code fact:<first alternative>} per fact,
 * {@code forbidden:<first alternative>} per forbidden phrase, {@code no_new_numbers},
 * {@code word_count}. When the section is missing every check fails and says so. Normalisation
 * ({@link Phrases}): case, punctuation, Markdown, thousands separators and ordinal suffixes are
 * ignored; whole words are required ("14" does not match "140"). The grade passes on its own only
 * when every check passes.
 *
 * <p>Stateless and thread-safe; the graders it creates are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class FactsGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "facts";

    private static final Set<String> KNOWN = Set.of("section", "facts", "match", "forbidden", "source",
            "allowed_numbers", "min_words", "max_words");

    /** Creates the factory; does no I/O. */
    public FactsGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "required facts (alternatives a|b), forbidden phrases, no new numbers, word range, in a labelled section;"
                + " params: section (all|<label>), facts, match (contains|exact), forbidden, source, allowed_numbers,"
                + " min_words, max_words";
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.llmbench.core.BenchConfigurationException when a parameter is unknown, nothing is
     *         to be checked, a fact has no alternative with a letter or digit, two facts share a
     *         name, {@code match} or {@code section} is invalid, an allowed number is not a
     *         number, or the word bounds are negative or crossed
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        String section = config.optString("section").orElse("all").strip();
        if (!section.equals("all") && !Sections.isValidLabel(section)) {
            throw Params.error(config, "parameter 'section' must be 'all' or a label of letters, digits and spaces"
                    + " (at most 25 characters), got \"" + section + "\"");
        }
        String match = config.optString("match").orElse("contains").strip().toLowerCase(Locale.ROOT);
        if (!match.equals("contains") && !match.equals("exact")) {
            throw Params.error(config, "parameter 'match' must be 'contains' or 'exact', got \"" + match + "\"");
        }
        List<Fact> facts = parseFacts(config, "facts");
        List<Fact> forbidden = parseFacts(config, "forbidden");
        Optional<Set<String>> allowed = allowedNumbers(config);
        OptionalInt min = optInt(config, "min_words");
        OptionalInt max = optInt(config, "max_words");
        if (min.isPresent() && max.isPresent() && min.getAsInt() > max.getAsInt()) {
            throw Params.error(config, "parameter 'min_words' (" + min.getAsInt() + ") must not exceed 'max_words' ("
                    + max.getAsInt() + ")");
        }
        if (facts.isEmpty() && forbidden.isEmpty() && allowed.isEmpty() && min.isEmpty() && max.isEmpty()) {
            throw Params.error(config, "needs at least one of: facts, forbidden, source, allowed_numbers, min_words,"
                    + " max_words");
        }
        return new FactsGrader(section, match.equals("exact"), facts, forbidden, allowed, min, max);
    }

    private static List<Fact> parseFacts(GraderConfig config, String key) {
        List<Fact> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String spec : config.strings(key)) {
            Fact f = Fact.parse(spec);
            if (f.alternatives().isEmpty()) {
                throw Params.error(config, "parameter '" + key + "' has an entry without letters or digits: \""
                        + spec + "\"");
            }
            if (!names.add(f.name())) {
                throw Params.error(config, "parameter '" + key + "' has two entries named \"" + f.name()
                        + "\" (the first alternative names the check)");
            }
            out.add(f);
        }
        return out;
    }

    private static Optional<Set<String>> allowedNumbers(GraderConfig config) {
        Optional<String> source = config.optString("source");
        List<String> extra = config.strings("allowed_numbers");
        if (source.isEmpty() && extra.isEmpty()) {
            return Optional.empty();
        }
        Set<String> allowed = new LinkedHashSet<>(source.map(Numbers::in).orElse(Set.of()));
        for (String n : extra) {
            try {
                allowed.add(Numbers.canonical(n));
            } catch (NumberFormatException e) {
                throw Params.error(config, "parameter 'allowed_numbers' must hold numbers, got \"" + n + "\"");
            }
        }
        return Optional.of(allowed);
    }

    private static OptionalInt optInt(GraderConfig config, String key) {
        return Params.nonNegativeInt(config, key).map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
