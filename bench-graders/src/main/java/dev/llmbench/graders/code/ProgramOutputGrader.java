package dev.llmbench.graders.code;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.spi.Grader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grader created by {@link ProgramOutputGraderFactory}. Immutable and thread-safe.
 *
 * @param expected the real output's normalised lines; empty when no JDK was available to compute them
 */
record ProgramOutputGrader(Optional<List<String>> expected) implements Grader {
    private static final Pattern OUTPUT_LABEL = Pattern.compile("(?im)^[ \\t]*(?:\\*\\*|__)?output(?:\\*\\*|__)?[ \\t]*:"
            + "(?:\\*\\*|__)?[ \\t]*(.*)$");
    private static final int CLIP = 120;

    @Override
    public Grade grade(GradingInput input) {
        List<String> want = expected.orElseThrow(() -> new IllegalStateException("grader '"
                + ProgramOutputGraderFactory.ID + "' needs a JDK to run the program: this Java runtime has no system"
                + " compiler (java.home=" + System.getProperty("java.home") + "); run llmbench with a JDK, not a JRE"));
        String text = input.text();
        List<Check> checks = new ArrayList<>();
        Optional<FencedCode.Choice> block = FencedCode.outputBlock(text);
        List<String> got;
        if (block.isPresent()) {
            got = ProgramOutputGraderFactory.normalise(block.get().block().content());
            checks.add(Check.of("output_found", true, "a fenced output block or an 'Output:' section",
                    block.get().describe()));
        } else {
            Matcher m = OUTPUT_LABEL.matcher(text);
            int start = -1;
            String first = "";
            while (m.find()) {
                start = m.end();
                first = m.group(1);
            }
            if (start < 0) {
                checks.add(Check.of("output_found", false, "a fenced output block or an 'Output:' section",
                        "neither found"));
                got = List.of();
            } else {
                String section = (first.isBlank() ? "" : first + "\n") + text.substring(start).replaceFirst("^\\R", "");
                got = ProgramOutputGraderFactory.normalise(section);
                checks.add(Check.of("output_found", true, "a fenced output block or an 'Output:' section",
                        "'Output:' section"));
            }
        }
        for (int i = 0; i < want.size(); i++) {
            String actual = i < got.size() ? got.get(i) : null;
            checks.add(Check.of("line " + (i + 1), want.get(i).equals(actual), show(want.get(i)),
                    actual == null ? "(missing)" : show(actual)));
        }
        checks.add(Check.of("line_count", got.size() == want.size(), want.size() + " lines", got.size() + " lines"));
        return Grade.allOf(checks);
    }

    private static String show(String line) {
        String s = line.length() <= CLIP ? line : line.substring(0, CLIP - 1) + "…";
        return s.isEmpty() ? "(empty line)" : s;
    }
}
