package dev.llmbench.graders.puzzle;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.graders.internal.Params;
import dev.llmbench.graders.text.AnswerLine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The grader created by {@link ArrangementGraderFactory}. Immutable and thread-safe. */
record ArrangementGrader(List<String> names, List<String> expected, Optional<String> answer) implements Grader {

    /** {@code 1: Alice}, {@code - **2.** Bob}, {@code Position 3: Carol}, {@code Seat 4 - Dave}. */
    private static final Pattern NUMBERED = Pattern.compile(
            "^[ \\t>*_-]*(?:(?:position|seat|place|pos\\.?)[ \\t]*)?(\\d{1,2})[ \\t]*[*_]*[ \\t]*[:.)=–—-][ \\t]*[*_]*[ \\t]*"
                    + "(\\p{L}[\\p{L}'’-]*)[ \\t]*[*_.]*[ \\t]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** {@code Order: Alice, Bob, Carol}. */
    private static final Pattern ORDER = Pattern.compile(
            "^[ \\t>#*_-]*(?:order|arrangement)[ \\t]*[*_]*[ \\t]*[:：][ \\t]*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Weight of {@code question}, relative to 1 per position. */
    static final double QUESTION_WEIGHT = 2;

    ArrangementGrader {
        names = List.copyOf(names);
        expected = List.copyOf(expected);
    }

    @Override
    public Grade grade(GradingInput input) {
        String text = input.text();
        Parsed parsed = lastArrangement(text);
        List<String> found = new ArrayList<>();
        String problem = problem(parsed, found);
        List<Check> checks = new ArrayList<>();
        checks.add(Check.of("format", problem == null, "every position 1–" + names.size()
                + " exactly once, each a different one of " + String.join(", ", names),
                problem == null ? "a complete arrangement: " + String.join(", ", found) : problem));
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            String got = problem == null ? found.get(i) : null;
            checks.add(Check.of("position_" + (i + 1), want.equals(got), want,
                    got != null ? got : "no valid arrangement"));
        }
        answer.ifPresent(a -> checks.add(questionCheck(text, a)));
        return Grade.allOf(checks);
    }

    private Check questionCheck(String text, String want) {
        Optional<AnswerLine> line = AnswerLine.findLast(text);
        if (line.isEmpty()) {
            return new Check("question", false, QUESTION_WEIGHT, "Answer: " + want, "no 'Answer:' line");
        }
        Set<String> mentioned = new LinkedHashSet<>();
        Matcher w = Pattern.compile("\\p{L}+").matcher(line.get().value());
        while (w.find()) {
            canonicalName(w.group()).ifPresent(mentioned::add);
        }
        boolean ok = mentioned.size() == 1 && mentioned.contains(want);
        return new Check("question", ok, QUESTION_WEIGHT, "Answer: " + want + " (one name only)",
                "\"" + Params.clip(line.get().line(), 80) + "\"" + (mentioned.size() > 1 ? " names " + mentioned.size() : ""));
    }

    /** The entries as written, position by position (null where a position is missing), and duplicate positions. */
    private record Parsed(List<String> entries, List<String> issues) {}

    /**
     * The arrangement written last: the last run of consecutive numbered lines, or the last
     * {@code Order:} line, whichever ends later.
     */
    private Parsed lastArrangement(String text) {
        String[] lines = text.split("\\R", -1);
        int orderLine = -1;
        int runEnd = -1;
        int runStart = -1;
        for (int i = 0; i < lines.length; i++) {
            if (ORDER.matcher(lines[i]).find()) {
                orderLine = i;
            }
            if (NUMBERED.matcher(lines[i]).find()) {
                if (runStart < 0 || runEnd != i - 1) {
                    runStart = i;
                }
                runEnd = i;
            }
        }
        List<String> entries = new ArrayList<>();
        List<String> issues = new ArrayList<>();
        if (orderLine >= 0 && orderLine > runEnd) {
            Matcher m = ORDER.matcher(lines[orderLine]);
            m.find();
            for (String part : m.group(1).split("[,;]|\\s*(?:->|→|>)\\s*")) {
                String p = part.replaceAll("[*_`.]", "").strip();
                if (!p.isEmpty()) {
                    entries.add(p);
                }
            }
        } else if (runEnd >= 0) {
            Map<Integer, String> byPosition = new TreeMap<>();
            for (int i = runStart; i <= runEnd; i++) {
                Matcher m = NUMBERED.matcher(lines[i]);
                m.find();
                int pos = Integer.parseInt(m.group(1));
                if (pos < 1 || byPosition.putIfAbsent(pos, m.group(2).strip()) != null) {
                    issues.add("position " + pos + (pos < 1 ? " does not exist" : " given twice"));
                }
            }
            int max = byPosition.keySet().stream().max(Integer::compare).orElse(0);
            for (int p = 1; p <= Math.max(max, names.size()); p++) {
                entries.add(byPosition.get(p));
            }
        }
        return new Parsed(entries, issues);
    }

    /** Why {@code parsed} is not a valid arrangement, or null when it is; fills {@code found} with canonical names. */
    private String problem(Parsed parsed, List<String> found) {
        if (parsed.entries().isEmpty()) {
            return "no arrangement ('1: <name>' lines or an 'Order:' line)";
        }
        List<String> issues = new ArrayList<>(parsed.issues());
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < parsed.entries().size(); i++) {
            String entry = parsed.entries().get(i);
            Optional<String> name = entry == null ? Optional.empty() : canonicalName(entry);
            if (entry == null) {
                issues.add("position " + (i + 1) + " missing");
            } else if (name.isEmpty()) {
                issues.add("'" + Params.clip(entry, 20) + "' is not one of the names");
            } else if (!seen.add(name.get())) {
                issues.add(name.get() + " twice");
            }
            found.add(name.orElse(null));
        }
        if (found.size() != names.size() && issues.isEmpty()) {
            issues.add(found.size() + " positions instead of " + names.size());
        }
        return issues.isEmpty() ? null : Params.clip(String.join("; ", issues), 160);
    }

    private Optional<String> canonicalName(String s) {
        String k = s.strip().toLowerCase(Locale.ROOT);
        return names.stream().filter(n -> n.toLowerCase(Locale.ROOT).equals(k)).findFirst();
    }
}
