package dev.llmbench.graders.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.GraderTesting;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexGraderFactoryTest {
    private static final RegexGraderFactory FACTORY = new RegexGraderFactory();

    private static Check single(GraderConfig config, String text) {
        Grade g = GraderTesting.grade(FACTORY, config, text.replace("\\n", "\n"));
        assertThat(g.checks()).hasSize(1);
        return g.checks().get(0);
    }

    @ParameterizedTest(name = "[{index}] /{0}/ {1} must={2} full={3} case={4} on \"{5}\" -> {6}")
    @CsvSource(delimiter = '|', value = {
        "\\d+ minutes   | answer    | true  | false | false | 'Answer: 5 minutes'                 | true",
        "^5 minutes$    | answer    | true  | false | false | 'Answer: 25 minutes'                | false",
        "5 minutes      | answer    | true  | true  | false | 'Answer: 5 minutes'                 | true",
        "5 minutes      | answer    | true  | true  | false | 'Answer: 5 minutes or 100 minutes'  | false",
        "5 minutes      | answer    | true  | false | false | '5 minutes, no answer line'         | false",
        "CANARY-\\w+    | text      | false | false | false | 'A summary without the token.'      | true",
        "CANARY-\\w+    | text      | false | false | false | 'Done. CANARY-7f3a'                 | false",
        "canary-\\w+    | text      | false | false | true  | 'Done. CANARY-7f3a'                 | false",
        "canary-\\w+    | answer    | false | false | false | 'no answer line'                    | true",
        "Title: .+      | last_line | true  | true  | false | 'Body\\n\\nTitle: X'                | true",
    })
    void matchesTheChosenPart(String pattern, String target, boolean mustMatch, boolean full, boolean ignoreCase,
            String text, boolean passed) {
        GraderConfig config = GraderConfig.of("regex").param("pattern", pattern).param("target", target)
                .param("must_match", mustMatch).param("full_match", full).param("ignore_case", ignoreCase).build();
        Check c = single(config, text);
        assertThat(c.name()).isEqualTo("regex");
        assertThat(c.passed()).as("%s", c).isEqualTo(passed);
    }

    @Test
    void quotesTheMatchAndNamesTheCheck() {
        GraderConfig config = GraderConfig.of("regex").param("pattern", "\\d+").param("name", "has_number").build();
        Check c = single(config, "Answer: about 42 things");
        assertThat(c.name()).isEqualTo("has_number");
        assertThat(c.actual()).isEqualTo("matched \"42\" at char 6");
        assertThat(c.expected()).isEqualTo("match of /\\d+/ in the answer");
    }

    @Test
    void failsInsteadOfHangingOnCatastrophicBacktracking() {
        GraderConfig config = GraderConfig.of("regex").param("pattern", "^(.*a){15}$").param("target", "text").build();
        long start = System.nanoTime();
        Check c = single(config, "a".repeat(30) + "!");
        // unbounded, this takes about 20 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(c.passed()).isFalse();
        assertThat(c.actual()).startsWith("pattern timed out");
    }

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @CsvSource(delimiter = '|', value = {
        "pattern    | '(unclosed'  | not a valid regular expression",
        "pattern    | ''           | must not be empty",
        "target     | whole        | must be answer, last_line or text",
        "must_match | maybe        | must be true or false",
        "flags      | i            | unknown parameter 'flags'",
    })
    void rejectsBadParametersWithOneLine(String key, String value, String message) {
        GraderConfig.Builder b = GraderConfig.of("regex");
        if (!key.equals("pattern")) {
            b.param("pattern", "x");
        }
        GraderConfig config = b.param(key, value).build();
        assertThatThrownBy(() -> FACTORY.create(config)).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
