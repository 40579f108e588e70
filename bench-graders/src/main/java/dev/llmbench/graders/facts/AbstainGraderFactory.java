package dev.llmbench.graders.facts;

import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code abstain} grader: for questions whose right answer is to decline or hedge (fictional
 * entities, events after any training cutoff, facts missing from a document). It passes a response
 * that says it does not know in its final {@code Answer:} line and invents nothing.
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code allow} (list of strings, optional): words and numbers that may appear, e.g.
 *       {@code "Reykjavik"} when a correct refusal may name the city; each entry's words are
 *       allowed individually.
 *   <li>{@code allow_prompt} (boolean, default true): every word and number of the case's request
 *       (system and user messages) is allowed, so repeating the question's own names and years is
 *       not "inventing".
 * </ul>
 *
 * <h2>Checks</h2>
 * <ul>
 *   <li>{@code declines} (weight 1): the last {@code Answer:} line (see
 *       {@link dev.llmbench.graders.text.AnswerLine}) contains a statement of not knowing after
 *       normalisation: {@code unknown}, "I don't know", "no information", "not aware", "cannot
 *       verify", "does not exist", "not in the document", "not sure", "has not happened" and the
 *       like ({@link AbstainGrader#DECLINES}). A response without an {@code Answer:} line fails,
 *       so echoing a prompt that mentions "if you do not know" is no refusal.
 *   <li>{@code no_invented_specifics} (weight 1): the whole response contains no specific that is
 *       not allowed: numbers written with digits, month and weekday names, proper names
 *       (capitalised words that do not start a sentence or clause). "I don't know, but it was
 *       probably Oslo on June 3" fails here ({@code Oslo}, {@code June}, {@code 3}), however it
 *       declines. An empty response fails too. Years and months in a sentence about the model's
 *       own training cutoff are not counted. The heuristics are in {@link Specifics}.
 * </ul>
 * The grade passes on its own only when both checks pass.
 *
 * <p>Stateless and thread-safe; the graders it creates are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class AbstainGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "abstain";

    private static final Set<String> KNOWN = Set.of("allow", "allow_prompt");

    /** Creates the factory; does no I/O. */
    public AbstainGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "declines ('Answer: unknown' or a statement of not knowing) and invents no numbers, dates or names;"
                + " params: allow (list), allow_prompt (default true)";
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.llmbench.core.BenchConfigurationException when a parameter is unknown, an
     *         {@code allow} entry is blank or {@code allow_prompt} is not a boolean
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        Set<String> words = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (String entry : config.strings("allow")) {
            if (entry.isBlank()) {
                throw Params.error(config, "parameter 'allow' has a blank entry");
            }
            words.addAll(Specifics.words(entry));
            numbers.addAll(Specifics.numbers(entry));
        }
        return new AbstainGrader(words, numbers, config.bool("allow_prompt", true));
    }
}
