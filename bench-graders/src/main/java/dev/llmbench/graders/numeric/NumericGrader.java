package dev.llmbench.graders.numeric;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.graders.internal.Params;
import dev.llmbench.graders.text.AnswerLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The grader created by {@link NumericGraderFactory}. Immutable and thread-safe. */
record NumericGrader(double expected, double tolerance, Optional<String> unit, boolean fallbackLastNumber)
        implements Grader {

    /** Digits with optional thousands commas (validated by {@link #parse}) and decimals; no nested repetition. */
    private static final String NUMBER = "[-−+]?\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?(?![\\d,.]\\d)";
    /** A value that starts with a number: optional currency, the number, then an optional unit word. */
    private static final Pattern VALUE = Pattern.compile("^[$€£¥]?\\s*(" + NUMBER + ")\\s*(%|\\p{L}+)?");
    private static final Pattern ANY_NUMBER = Pattern.compile("(?<![\\d.,])" + NUMBER);
    private static final int CLIP = 80;

    @Override
    public Grade grade(GradingInput input) {
        String text = input.text();
        List<Check> checks = new ArrayList<>();
        Optional<AnswerLine> line = AnswerLine.findLast(text);
        Matcher m = line.map(a -> VALUE.matcher(stripLatex(a.value())))
                .filter(v -> v.find() && parse(v.group(1)).isPresent()).orElse(null);
        String want = format(expected) + (tolerance > 0 ? " ± " + format(tolerance) : "");
        if (m != null) {
            String shown = "Answer: " + Params.clip(line.get().value(), CLIP);
            checks.add(new Check("answer_present", true, 1, "an 'Answer: <number>' line", shown));
            double got = parse(m.group(1)).getAsDouble();
            checks.add(new Check("answer", matches(got), 2, want, shown));
            unit.ifPresent(u -> checks.add(unitCheck(u, m.group(2))));
            return Grade.allOf(checks);
        }
        String missing = line.isPresent()
                ? "'Answer:' line without a number: \"" + Params.clip(line.get().line(), CLIP) + "\""
                : "no 'Answer:' line";
        checks.add(new Check("answer_present", false, 1, "an 'Answer: <number>' line", missing));
        String lastNumber = fallbackLastNumber && line.isEmpty() ? lastNumber(text) : null;
        if (lastNumber != null) {
            double got = parse(lastNumber).getAsDouble();
            checks.add(new Check("answer", matches(got), 2, want, "last number in the text: " + lastNumber));
        } else {
            checks.add(new Check("answer", false, 2, want, missing));
        }
        unit.ifPresent(u -> checks.add(new Check("unit", false, 1, u, missing)));
        return Grade.allOf(checks);
    }

    private boolean matches(double got) {
        return Math.abs(got - expected) <= tolerance + 1e-9 * Math.max(1.0, Math.abs(expected));
    }

    private static Check unitCheck(String want, String found) {
        if (found == null) {
            return new Check("unit", false, 1, want, "no unit after the number");
        }
        String f = found.toLowerCase(Locale.ROOT);
        String w = want.toLowerCase(Locale.ROOT);
        boolean ok = f.equals(w) || f.equals(w + "s") || (w.endsWith("s") && f.equals(w.substring(0, w.length() - 1)));
        return new Check("unit", ok, 1, want, found);
    }

    /** {@code $\boxed{36}$} and {@code \(36\)} read as {@code 36}. */
    private static String stripLatex(String value) {
        String v = value.replace("\\boxed{", "").replace("\\(", "").replace("\\)", "").strip();
        return v.startsWith("$$") ? v.substring(2) : v;
    }

    private static String lastNumber(String text) {
        Matcher m = ANY_NUMBER.matcher(text);
        String last = null;
        while (m.find()) {
            if (parse(m.group()).isPresent()) {
                last = m.group();
            }
        }
        return last;
    }

    /** The value of {@code number}; empty when its commas are not thousands separators ({@code 1,23}). */
    private static OptionalDouble parse(String number) {
        if (number.indexOf(',') >= 0) {
            String[] groups = number.replaceFirst("^[-−+]", "").split("\\.")[0].split(",", -1);
            for (int i = 0; i < groups.length; i++) {
                int len = groups[i].length();
                if (i == 0 ? len < 1 || len > 3 : len != 3) {
                    return OptionalDouble.empty();
                }
            }
        }
        return OptionalDouble.of(Double.parseDouble(number.replace(",", "").replace('−', '-')));
    }

    /** {@code 36.0} as "36", {@code 0.5} as "0.5". */
    static String format(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
