package dev.llmbench.core.results.format;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import java.util.List;
import java.util.Locale;

/**
 * The JUnit XML report ({@code junit.xml}) for CI systems: a {@code <testsuites>} root, a
 * {@code <testsuite>} per model, and a {@code <testcase classname="MODEL" name="TEST">} per test ×
 * model. A test that did not pass (pass rate below 0.5) carries a {@code <failure>} whose message
 * gives the score and pass rate and whose body lists every failing check of every trial; a test
 * with failed requests carries an {@code <error>} naming their classes and messages. A test can
 * carry both. {@code time} is the summed request latency in seconds.
 *
 * <p>Everything is XML-escaped, in text and attributes; characters XML 1.0 forbids (control
 * characters other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF) are replaced with
 * U+FFFD, and no CDATA section is used, so {@code ]]>} in a response is harmless. Failure bodies
 * are capped in length. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class JunitReport {
    private static final int BODY_LIMIT = 20_000;
    private static final int MESSAGE_LIMIT = 1_000;

    private JunitReport() {}

    /** The report as an XML 1.0 document in UTF-8. */
    public static String write(RunResult result) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int tests = 0;
        int failures = 0;
        int errors = 0;
        double time = 0;
        for (ModelResult m : result.models()) {
            for (TestResult t : m.tests()) {
                tests++;
                failures += t.passed() ? 0 : 1;
                errors += t.errors() > 0 ? 1 : 0;
                time += seconds(t);
            }
        }
        x.append("<testsuites name=\"").append(xml("llmbench run " + result.run().id())).append("\" tests=\"")
                .append(tests).append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" time=\"").append(sec(time)).append("\">\n");
        for (ModelResult m : result.models()) {
            suite(x, result, m);
        }
        return x.append("</testsuites>\n").toString();
    }

    private static void suite(StringBuilder x, RunResult result, ModelResult m) {
        int failures = (int) m.tests().stream().filter(t -> !t.passed()).count();
        int errors = (int) m.tests().stream().filter(t -> t.errors() > 0).count();
        double time = m.tests().stream().mapToDouble(JunitReport::seconds).sum();
        x.append("  <testsuite name=\"").append(xml(m.model())).append("\" tests=\"").append(m.tests().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" skipped=\"0\" time=\"").append(sec(time)).append("\" timestamp=\"")
                .append(xml(result.run().startedAt().toString())).append("\">\n");
        x.append("    <properties>\n");
        property(x, "provider", m.provider());
        property(x, "quality", Fmt.scoreCi(m.summary().quality(), m.summary().qualityCi95()));
        property(x, "tests_passed", m.summary().testsPassed() + "/" + m.summary().testsTotal());
        property(x, "reliability", Fmt.pct(m.summary().reliability()));
        property(x, "simulated", Boolean.toString(result.run().simulated()));
        x.append("    </properties>\n");
        for (TestResult t : m.tests()) {
            x.append("    <testcase classname=\"").append(xml(m.model())).append("\" name=\"").append(xml(t.id()))
                    .append("\" time=\"").append(sec(seconds(t))).append("\">\n");
            if (!t.passed()) {
                x.append("      <failure type=\"not_passed\" message=\"")
                        .append(xml(cap(failureMessage(t), MESSAGE_LIMIT))).append("\">")
                        .append(xmlText(cap(failureBody(t), BODY_LIMIT))).append("</failure>\n");
            }
            if (t.errors() > 0) {
                x.append("      <error type=\"request_failed\" message=\"")
                        .append(xml(cap(t.errors() + " of " + t.trials().size() + " requests failed", MESSAGE_LIMIT)))
                        .append("\">").append(xmlText(cap(errorBody(t), BODY_LIMIT))).append("</error>\n");
            }
            x.append("      <system-out>").append(xml(summaryLine(t))).append("</system-out>\n");
            x.append("    </testcase>\n");
        }
        x.append("  </testsuite>\n");
    }

    private static void property(StringBuilder x, String name, String value) {
        x.append("      <property name=\"").append(xml(name)).append("\" value=\"").append(xml(value)).append("\"/>\n");
    }

    private static String failureMessage(TestResult t) {
        StringBuilder s = new StringBuilder("score ").append(Fmt.scoreCi(t.score(), t.scoreCi95()))
                .append(", pass rate ").append(Fmt.pct(t.passRate())).append(" (below 50%)");
        List<String> names = t.trials().stream().flatMap(tr -> tr.checks().stream()).filter(c -> !c.passed())
                .map(Check::name).distinct().toList();
        if (!names.isEmpty()) {
            s.append("; failing checks: ").append(String.join(", ", names));
        }
        return s.toString();
    }

    private static String failureBody(TestResult t) {
        StringBuilder s = new StringBuilder();
        for (TrialRecord tr : t.trials()) {
            if (tr.passed()) {
                continue;
            }
            s.append("case ").append(tr.caseId()).append(" trial ").append(tr.trial()).append(": score ")
                    .append(Fmt.score(tr.score()));
            tr.error().ifPresent(e -> s.append(" (request failed: ").append(e.errorClass().id()).append(')'));
            s.append('\n');
            for (Check c : tr.checks()) {
                if (!c.passed()) {
                    s.append("  ").append(c.name()).append(" (weight ").append(Fmt.score(c.weight()))
                            .append("): expected ").append(c.expected()).append(", got ").append(c.actual()).append('\n');
                }
            }
        }
        return s.toString();
    }

    private static String errorBody(TestResult t) {
        StringBuilder s = new StringBuilder();
        for (TrialRecord tr : t.trials()) {
            tr.error().ifPresent(e -> s.append("case ").append(tr.caseId()).append(" trial ").append(tr.trial())
                    .append(": ").append(e.errorClass().id()).append(": ").append(e.message()).append('\n'));
        }
        return s.toString();
    }

    private static String summaryLine(TestResult t) {
        StringBuilder s = new StringBuilder("category ").append(t.category()).append(", score ")
                .append(Fmt.scoreCi(t.score(), t.scoreCi95())).append(", pass rate ").append(Fmt.pct(t.passRate()))
                .append(", ").append(t.trials().size()).append(" trials, ").append(t.errors()).append(" errors");
        if (!t.passAtK().isEmpty()) {
            int k = java.util.Collections.max(t.passAtK().keySet());
            s.append(", pass@").append(k).append(' ').append(Fmt.score(t.passAtK().get(k)));
        }
        return s.toString();
    }

    private static double seconds(TestResult t) {
        return t.trials().stream().mapToLong(tr -> tr.timing().latencyNanos()).sum() / 1e9;
    }

    private static String sec(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    private static String cap(String s, int limit) {
        return s.length() <= limit ? s : Html.truncate(s, limit);
    }

    /** Like {@link #xml}, but keeps tab and LF as they are, for readable element text. */
    static String xmlText(String s) {
        return xml(s).replace("&#9;", "\t").replace("&#10;", "\n");
    }

    /**
     * Escapes text for XML 1.0 text and double-quoted attributes: {@code & < > " '} as entities,
     * tab, LF and CR as character references (so attribute normalisation keeps them), and every
     * character XML 1.0 forbids as U+FFFD.
     */
    static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 || c == 0xfffe || c == 0xffff) {
                        out.append('\ufffd');
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\ufffd');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
