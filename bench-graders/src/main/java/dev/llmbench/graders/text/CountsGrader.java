package dev.llmbench.graders.text;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.spi.Grader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The grader created by {@link CountsGraderFactory}. Immutable and thread-safe. */
record CountsGrader(Optional<CountRange> words, Optional<CountRange> sentences, Optional<CountRange> paragraphs,
        List<Pattern> ignoreLines, TextTarget target) implements Grader {

    CountsGrader {
        ignoreLines = List.copyOf(ignoreLines);
    }

    @Override
    public Grade grade(GradingInput input) {
        Optional<String> got = target.extract(input.text()).map(this::withoutIgnoredLines);
        String note = ignoreLines.isEmpty() ? "" : " (without lines matching "
                + ignoreLines.stream().map(p -> "/" + p.pattern() + "/").collect(Collectors.joining(", ")) + ")";
        List<Check> checks = new ArrayList<>();
        words.ifPresent(r -> checks.add(range("word_count", r, "words", note, got,
                t -> WordCounter.count(t), t -> "")));
        sentences.ifPresent(r -> checks.add(range("sentence_count", r, "sentences", note, got,
                t -> SentenceSplitter.count(t), t -> SentenceCountGrader.listing(SentenceSplitter.split(t)))));
        paragraphs.ifPresent(r -> checks.add(range("paragraph_count", r, "paragraphs", note, got,
                t -> Paragraphs.count(t), t -> "")));
        return Grade.allOf(checks);
    }

    private String withoutIgnoredLines(String text) {
        if (ignoreLines.isEmpty()) {
            return text;
        }
        return text.lines().filter(line -> ignoreLines.stream().noneMatch(p -> p.matcher(line).find()))
                .collect(Collectors.joining("\n"));
    }

    private Check range(String name, CountRange r, String unit, String note, Optional<String> text,
            java.util.function.ToIntFunction<String> counter, java.util.function.Function<String, String> detail) {
        String want = r.describe(unit) + note;
        if (text.isEmpty()) {
            return Check.of(name, false, want, target.absence());
        }
        int n = counter.applyAsInt(text.get());
        return Check.of(name, r.contains(n), want, n + " " + unit + detail.apply(text.get()));
    }
}
