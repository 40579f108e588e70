package dev.llmbench.graders.facts;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.graders.internal.Params;
import dev.llmbench.graders.text.WordCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/** The grader created by {@link FactsGraderFactory}. Immutable and thread-safe. */
record FactsGrader(String section, boolean exact, List<Fact> facts, List<Fact> forbidden,
        Optional<Set<String>> allowedNumbers, OptionalInt minWords, OptionalInt maxWords) implements Grader {

    private static final int CLIP = 100;

    FactsGrader {
        facts = List.copyOf(facts);
        forbidden = List.copyOf(forbidden);
        allowedNumbers = allowedNumbers.map(Set::copyOf);
    }

    @Override
    public Grade grade(GradingInput input) {
        String text = input.text();
        Optional<String> part = section.equals("all") ? Optional.of(text) : Sections.line(text, section);
        String prefix = section.equals("all") ? "" : section.toLowerCase(Locale.ROOT) + ".";
        String where = section.equals("all") ? "the response" : "the " + Sections.describe(section);
        List<Check> checks = new ArrayList<>();
        if (part.isEmpty()) {
            String missing = "no " + Sections.describe(section) + " in the response";
            facts.forEach(f -> checks.add(Check.of(prefix + "fact:" + f.name(), false, factExpected(f, where), missing)));
            forbidden.forEach(f -> checks.add(Check.of(prefix + "forbidden:" + f.name(), false,
                    "none of " + f.describe() + " in " + where, missing)));
            allowedNumbers.ifPresent(a -> checks.add(Check.of(prefix + "no_new_numbers", false, numbersExpected(a), missing)));
            if (minWords.isPresent() || maxWords.isPresent()) {
                checks.add(Check.of(prefix + "word_count", false, wordsExpected(), missing));
            }
            return Grade.allOf(checks);
        }
        String value = part.get();
        String normalized = Phrases.normalize(value);
        String firstLine = Phrases.normalize(value.strip().split("\n", 2)[0]);
        for (Fact f : facts) {
            String expected = factExpected(f, where);
            if (exact) {
                checks.add(Check.of(prefix + "fact:" + f.name(), f.equalsAny(firstLine), expected,
                        "\"" + Params.clip(value.strip().split("\n", 2)[0], CLIP) + "\""));
            } else {
                String found = f.foundIn(normalized);
                checks.add(Check.of(prefix + "fact:" + f.name(), found != null, expected,
                        found != null ? "found \"" + found + "\"" : "not found in \"" + Params.clip(value, CLIP) + "\""));
            }
        }
        for (Fact f : forbidden) {
            String found = f.foundIn(normalized);
            checks.add(Check.of(prefix + "forbidden:" + f.name(), found == null, "none of " + f.describe() + " in " + where,
                    found == null ? "none found" : "found \"" + found + "\""));
        }
        allowedNumbers.ifPresent(allowed -> {
            List<String> fresh = Numbers.in(value).stream().filter(n -> !allowed.contains(n)).toList();
            checks.add(Check.of(prefix + "no_new_numbers", fresh.isEmpty(), numbersExpected(allowed),
                    fresh.isEmpty() ? "no new numbers" : "new numbers: " + Params.clip(
                            String.join(", ", fresh), CLIP)));
        });
        if (minWords.isPresent() || maxWords.isPresent()) {
            int n = WordCounter.count(value);
            boolean ok = n >= minWords.orElse(0) && n <= maxWords.orElse(Integer.MAX_VALUE);
            checks.add(Check.of(prefix + "word_count", ok, wordsExpected(), n + (n == 1 ? " word" : " words")));
        }
        return Grade.allOf(checks);
    }

    private String factExpected(Fact f, String where) {
        return (exact ? "exactly " : "") + f.describe() + " in " + where;
    }

    private static String numbersExpected(Set<String> allowed) {
        return allowed.size() <= 8 ? "no numbers other than: " + String.join(", ", new TreeSet<>(allowed))
                : "only numbers that occur in the source";
    }

    private String wordsExpected() {
        if (maxWords.isEmpty()) {
            return "at least " + minWords.getAsInt() + " words";
        }
        return minWords.isEmpty() ? "at most " + maxWords.getAsInt() + " words"
                : minWords.getAsInt() + "–" + maxWords.getAsInt() + " words";
    }
}
