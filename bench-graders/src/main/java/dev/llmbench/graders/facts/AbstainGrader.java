package dev.llmbench.graders.facts;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.graders.internal.Params;
import dev.llmbench.graders.text.AnswerLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The grader created by {@link AbstainGraderFactory}. Immutable and thread-safe. */
record AbstainGrader(Set<String> allowedWords, Set<String> allowedNumbers, boolean allowPrompt) implements Grader {

    /** Normalised phrases that, anywhere in the answer value, state that the model does not know. */
    static final List<String> DECLINES = List.of("unknown", "don t know", "do not know", "not known", "no information",
            "no reliable information", "no record", "no records", "not aware", "i cannot", "i can t", "unable to",
            "cannot be determined", "cannot determine", "not in the document", "no such", "does not exist",
            "doesn t exist", "not sure", "uncertain", "unclear", "cannot confirm", "can t confirm", "cannot verify",
            "can t verify", "not enough information", "insufficient information", "has not happened",
            "hasn t happened", "has not taken place", "hasn t taken place", "not yet", "no data", "not available");

    private static final int CLIP = 100;

    AbstainGrader {
        allowedWords = Set.copyOf(allowedWords);
        allowedNumbers = Set.copyOf(allowedNumbers);
    }

    @Override
    public Grade grade(GradingInput input) {
        String text = input.text();
        List<Check> checks = new ArrayList<>();
        Optional<AnswerLine> line = AnswerLine.findLast(text);
        String declineExpected = "an 'Answer:' line that declines, e.g. 'Answer: unknown'";
        if (line.isEmpty()) {
            checks.add(Check.of("declines", false, declineExpected, "no 'Answer:' line"));
        } else {
            String value = Phrases.normalize(line.get().value());
            String marker = DECLINES.stream().filter(d -> Phrases.contains(value, d)).findFirst().orElse(null);
            checks.add(Check.of("declines", marker != null, declineExpected, "\"" + Params.clip(line.get().line(), CLIP)
                    + "\"" + (marker != null ? " (declines: \"" + marker + "\")" : " (no statement of not knowing)")));
        }
        Set<String> words = new HashSet<>(allowedWords);
        Set<String> numbers = new HashSet<>(allowedNumbers);
        if (allowPrompt) {
            for (Message m : input.testCase().request().messages()) {
                words.addAll(Specifics.words(m.content()));
                numbers.addAll(Specifics.numbers(m.content()));
            }
        }
        List<String> found = Specifics.find(text, words, numbers);
        checks.add(Check.of("no_invented_specifics", found.isEmpty() && !text.isBlank(),
                "no numbers, dates or names beyond the question's own" + (allowedWords.isEmpty() ? "" : " and the allow-list"),
                text.isBlank() ? "empty response" : found.isEmpty() ? "none found"
                        : "found: " + Params.clip(String.join(", ", found), CLIP)));
        return Grade.allOf(checks);
    }
}
