package dev.llmbench.graders.text;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.graders.internal.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The grader created by {@link FormatGraderFactory}. Immutable and thread-safe. */
record FormatGrader(Optional<String> startsWith, List<Constraint> textChecks, Optional<Pattern> firstLine,
        Optional<Title> title, TextTarget target) implements Grader {
    private static final int CLIP = 80;
    private static final Set<String> MINOR = Set.of("a", "an", "and", "as", "at", "but", "by", "for", "from", "in",
            "into", "nor", "of", "off", "on", "onto", "or", "over", "per", "so", "than", "the", "to", "up", "via",
            "vs", "with", "yet");

    FormatGrader {
        textChecks = List.copyOf(textChecks);
    }

    /** The title-line constraint; {@code line} matches {@code <label>: <title>} case-insensitively. */
    record Title(String label, int maxWords, boolean titleCase, Pattern line) {
        Title(String label, int maxWords, boolean titleCase) {
            this(label, maxWords, titleCase,
                    Pattern.compile("(?iu)^" + Pattern.quote(label) + "[ \\t]*[:：][ \\t]*(.*)$"));
        }
    }

    @Override
    public Grade grade(GradingInput input) {
        Optional<String> got = target.extract(input.text());
        String text = got.orElse("");
        List<Check> checks = new ArrayList<>();
        startsWith.ifPresent(p -> {
            List<String> words = WordCounter.words(text);
            String first = String.join(" ", words.subList(0, Math.min(words.size(), WordCounter.count(p))));
            checks.add(Check.of("starts_with", WordCounter.startsWith(text, p), "starts with '" + p + "'",
                    first.isEmpty() ? "no words" : "starts with '" + first + "'"));
        });
        textChecks.forEach(c -> checks.add(c.check(text)));
        String line = firstLine(text);
        firstLine.ifPresent(p -> checks.add(Check.of("first_line", p.matcher(line).matches(),
                "first line matching /" + p.pattern() + "/",
                line.isEmpty() ? "no first line" : "\"" + Params.clip(line, CLIP) + "\"")));
        title.ifPresent(t -> titleChecks(t, line, checks));
        return Grade.allOf(checks);
    }

    private static void titleChecks(Title t, String line, List<Check> checks) {
        Matcher m = t.line().matcher(line.replaceFirst("^[#>\\s]+", "").replace("**", "").replace("__", "").strip());
        String wantLine = "first line '" + t.label() + ": <title>' with 1–" + t.maxWords() + " words";
        String title = m.matches() ? m.group(1).strip() : "";
        List<String> words = WordCounter.words(title);
        String actual;
        if (line.isEmpty()) {
            actual = "no first line";
        } else if (!m.matches()) {
            actual = "first line \"" + Params.clip(line, CLIP) + "\"";
        } else {
            actual = "title \"" + Params.clip(title, CLIP) + "\" (" + words.size() + (words.size() == 1 ? " word)"
                    : " words)");
        }
        checks.add(Check.of("title_line", m.matches() && !words.isEmpty() && words.size() <= t.maxWords(), wantLine,
                actual));
        if (t.titleCase()) {
            List<String> lower = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                boolean minor = i > 0 && MINOR.contains(w.toLowerCase(Locale.ROOT));
                if (!minor && Character.isLetter(w.codePointAt(0)) && !Character.isUpperCase(w.codePointAt(0))) {
                    lower.add("'" + w + "'");
                }
            }
            boolean ok = !words.isEmpty() && lower.isEmpty();
            checks.add(Check.of("title_case", ok, "the title in Title Case",
                    words.isEmpty() ? "no title" : ok ? "\"" + Params.clip(title, CLIP) + "\""
                            : "not capitalised: " + String.join(", ", lower)));
        }
    }

    private static String firstLine(String text) {
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                return l.strip();
            }
        }
        return "";
    }
}
