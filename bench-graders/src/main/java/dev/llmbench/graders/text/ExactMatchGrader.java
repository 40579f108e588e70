package dev.llmbench.graders.text;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.graders.internal.Params;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The grader created by {@link ExactMatchGraderFactory}. Immutable and thread-safe. */
record ExactMatchGrader(String name, TextTarget target, Normalization normalization, List<String> accepted,
        List<String> normalized) implements Grader {
    private static final int CLIP = 120;

    ExactMatchGrader {
        accepted = List.copyOf(accepted);
        normalized = List.copyOf(normalized);
    }

    /** The normalisation applied to both sides. Immutable and thread-safe. */
    record Normalization(boolean ignoreCase, boolean ignorePunctuation, boolean ignoreArticles) {
        private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\s]");
        private static final Pattern ARTICLE =
                Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:a|an|the)(?![\\p{L}\\p{N}])");

        String apply(String s) {
            String out = Normalizer.normalize(s, Normalizer.Form.NFKC);
            if (ignoreCase) {
                out = out.toLowerCase(Locale.ROOT);
            }
            if (ignorePunctuation) {
                out = NOT_WORD.matcher(out).replaceAll(" ");
            }
            if (ignoreArticles) {
                out = ARTICLE.matcher(out).replaceAll(" ");
            }
            return out.strip().replaceAll("\\s+", " ");
        }
    }

    @Override
    public Grade grade(GradingInput input) {
        String want = (accepted.size() == 1 ? "" : "one of ")
                + accepted.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
        Optional<String> got = target.extract(input.text());
        if (got.isEmpty()) {
            return Grade.allOf(List.of(Check.of(name, false, want, target.absence())));
        }
        boolean ok = normalized.contains(normalization.apply(got.get()));
        String shown = "\"" + Params.clip(got.get(), CLIP) + "\"";
        return Grade.allOf(List.of(Check.of(name, ok, want, target == TextTarget.ANSWER ? "Answer: " + shown : shown)));
    }
}
