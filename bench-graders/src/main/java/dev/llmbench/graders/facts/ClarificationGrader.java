package dev.llmbench.graders.facts;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.graders.internal.Params;
import dev.llmbench.graders.text.WordCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The grader created by {@link ClarificationGraderFactory}. Immutable and thread-safe. */
record ClarificationGrader(String section, int minQuestions, Map<String, Pattern> topics, Map<String, Pattern> fabrications)
        implements Grader {

    /** Weight of {@code question_count}. */
    static final double COUNT_WEIGHT = 2;
    /** Weight of {@code no_fabrication}. */
    static final double FABRICATION_WEIGHT = 3;
    /** Total weight of the {@code topic:*} checks, shared equally. */
    static final double TOPICS_WEIGHT = 3;
    private static final int CLIP = 100;

    ClarificationGrader {
        topics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topics));
        fabrications = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fabrications));
    }

    @Override
    public Grade grade(GradingInput input) {
        String text = input.text();
        List<Check> checks = new ArrayList<>();
        String where = "'" + section + ":' section";
        Optional<List<String>> block = Sections.after(text, section);
        List<String> questions = block.map(ClarificationGrader::questions).orElse(List.of());
        String countExpected = "at least " + minQuestions + " distinct question lines (ending in '?') in the " + where;
        if (block.isEmpty()) {
            checks.add(new Check("question_count", false, COUNT_WEIGHT, countExpected, "no " + where));
        } else {
            checks.add(new Check("question_count", questions.size() >= minQuestions, COUNT_WEIGHT, countExpected,
                    questions.size() + " question line" + (questions.size() == 1 ? "" : "s")));
        }
        for (Map.Entry<String, Pattern> t : topics.entrySet()) {
            String hit = questions.stream().filter(q -> t.getValue().matcher(q).find()).findFirst().orElse(null);
            checks.add(new Check("topic:" + t.getKey(), hit != null, TOPICS_WEIGHT / topics.size(),
                    "a question about " + t.getKey() + " (/" + t.getValue().pattern() + "/)",
                    hit != null ? "\"" + Params.clip(hit, CLIP) + "\""
                            : block.isEmpty() ? "no " + where : "no question matches"));
        }
        String prompt = input.testCase().request().lastUserText();
        List<String> invented = new ArrayList<>();
        for (Map.Entry<String, Pattern> f : fabrications.entrySet()) {
            Matcher m = f.getValue().matcher(text);
            while (m.find()) {
                if (!prompt.contains(m.group().strip())) {
                    invented.add(f.getKey() + " \"" + Params.clip(m.group(), 40) + "\"");
                    break;
                }
            }
        }
        checks.add(new Check("no_fabrication", invented.isEmpty() && !text.isBlank(), FABRICATION_WEIGHT,
                "no invented " + String.join(", ", fabrications.keySet()),
                text.isBlank() ? "empty response" : invented.isEmpty() ? "none found" : String.join("; ", invented)));
        return Grade.allOf(checks);
    }

    /** Distinct lines of at least three words that end with a question mark (Markdown and list markers ignored). */
    private static List<String> questions(List<String> lines) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String q = line.replaceAll("^[\\s>*_#-]*(?:\\d{1,2}[.)]\\s*)?", "").replace("**", "").strip();
            if (q.endsWith("?") && WordCounter.count(q) >= 3 && seen.add(Phrases.normalize(q))) {
                out.add(q);
            }
        }
        return out;
    }
}
