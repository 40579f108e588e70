package dev.llmbench.graders.text;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.spi.Grader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The grader created by {@link WordsGraderFactory}. Immutable and thread-safe. */
record WordsGrader(List<List<String>> required, int maxOccurrences, Optional<Constraint.ForbiddenWords> forbidden,
        TextTarget target) implements Grader {

    WordsGrader {
        required = required.stream().map(List::copyOf).toList();
    }

    @Override
    public Grade grade(GradingInput input) {
        Optional<String> got = target.extract(input.text());
        List<Check> checks = new ArrayList<>();
        for (List<String> alternatives : required) {
            checks.add(requiredCheck(alternatives, got));
        }
        forbidden.ifPresent(f -> checks.add(f.check(got.orElse(""))));
        return Grade.allOf(checks);
    }

    private Check requiredCheck(List<String> alternatives, Optional<String> text) {
        String name = "required:" + String.join("|", alternatives);
        String words = alternatives.stream().map(w -> "'" + w + "'").collect(Collectors.joining(" or "));
        String want = words + (maxOccurrences == Integer.MAX_VALUE ? " at least once" : " 1–" + maxOccurrences
                + (maxOccurrences == 1 ? " time" : " times"));
        if (text.isEmpty()) {
            return Check.of(name, false, want, target.absence());
        }
        int total = 0;
        List<String> found = new ArrayList<>();
        for (String w : alternatives) {
            int n = WordCounter.occurrences(text.get(), w);
            total += n;
            if (n > 0) {
                found.add("'" + w + "' " + times(n));
            }
        }
        String actual = total == 0 ? "not found" : String.join(", ", found);
        if (total > maxOccurrences) {
            actual += " (stuffed: " + times(total) + " in all)";
        }
        return Check.of(name, total >= 1 && total <= maxOccurrences, want, actual);
    }

    private static String times(int n) {
        return n + (n == 1 ? " time" : " times");
    }
}
