package dev.llmbench.graders.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.GraderTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatGraderFactoryTest {
    private static final FormatGraderFactory FACTORY = new FormatGraderFactory();

    private static Grade grade(GraderConfig config, String text) {
        return GraderTesting.grade(FACTORY, config, text.replace("\\n", "\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}={1} on \"{2}\" -> {3} {4}")
    @CsvSource(delimiter = '|', value = {
        "starts_with | Dear team     | '**Dear Team,** hello'          | starts_with   | true",
        "starts_with | Dear team     | 'Hello, dear team'              | starts_with   | false",
        "starts_with | Dear team     | ''                              | starts_with   | false",
        "ends_with   | today         | 'Order yours today!'            | ends_with     | true",
        "ends_with   | today         | 'Order yours today. Thanks!'    | ends_with     | false",
        "case        | upper         | 'ALL CAPS, 100%.'               | all_caps      | true",
        "case        | upper         | 'Not caps'                      | all_caps      | false",
        "case        | lower         | 'all lower, 100%.'              | all_lowercase | true",
        "case        | LOWER         | 'all lower but I'               | all_lowercase | false",
        "case        | lower         | '42'                            | all_lowercase | false",
        "first_line  | '\\d+ items'  | '\\n\\n 3 items \\nrest'        | first_line    | true",
        "first_line  | '\\d+ items'  | 'three items'                   | first_line    | false",
    })
    void checksOneConstraint(String key, String value, String text, String name, boolean passed) {
        Grade g = grade(GraderConfig.of("format").param(key, value).build(), text);
        assertThat(g.checks()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(name);
            assertThat(c.passed()).as("%s", c).isEqualTo(passed);
        });
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> line {1}, case {2}")
    @CsvSource(delimiter = '|', value = {
        "'Title: Why Rate Limits Matter for SaaS\\n\\nBody.'        | true  | true",
        "'**Title:** Why Rate Limits Matter\\nBody.'                | true  | true",
        "'# Title: Keeping Your API Fair'                           | true  | true",
        "'title: 2025 in Review'                                    | true  | true",
        "'Title: why rate limits matter'                            | true  | false",
        "'Title: Rate Limiting and the art'                         | true  | false",
        "'Title: One Two Three Four Five Six Seven'                 | false | true",
        "'Title:'                                                   | false | false",
        "'# Why Rate Limits Matter\\n\\nBody.'                      | false | false",
        "'Subtitle: Why Rate Limits Matter'                         | false | false",
        "''                                                         | false | false",
    })
    void checksTheTitleLineAndItsCase(String text, boolean line, boolean titleCase) {
        GraderConfig config = GraderConfig.of("format").param("title_line", "Title").param("title_max_words", 6)
                .param("title_case", true).build();
        Grade g = grade(config, text);
        assertThat(g.checks()).extracting(Check::name).containsExactly("title_line", "title_case");
        assertThat(g.checks().get(0).passed()).as("%s", g.checks().get(0)).isEqualTo(line);
        assertThat(g.checks().get(1).passed()).as("%s", g.checks().get(1)).isEqualTo(titleCase);
    }

    @Test
    void explainsWhatIsWrongWithTheTitle() {
        GraderConfig config = GraderConfig.of("format").param("title_line", "Title").param("title_case", true).build();
        Grade g = grade(config, "Title: Rate limiting for product teams\nBody");
        assertThat(g.checks().get(0).actual()).isEqualTo("title \"Rate limiting for product teams\" (5 words)");
        assertThat(g.checks().get(1).actual()).isEqualTo("not capitalised: 'limiting', 'product', 'teams'");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "'case=title'                       | must be 'upper' or 'lower'",
        "'first_line=(['                    | not a valid regular expression",
        "'title_case=true'                  | need 'title_line'",
        "'title_line=Title, title_max_words=0' | must be at least 1",
        "'title_line=Title:'                | must be a label of letters",
        "'starts_with=--'                   | needs a word",
        "'target=all, case=upper'           | must be answer, last_line or text",
        "'prefix=x'                         | unknown parameter 'prefix'",
    })
    void rejectsBadParametersWithOneLine(String params, String message) {
        GraderConfig.Builder b = GraderConfig.of("format");
        for (String p : params.split(", ")) {
            String[] kv = p.split("=", 2);
            b.param(kv[0], kv[1]);
        }
        GraderConfig config = b.build();
        assertThatThrownBy(() -> FACTORY.create(config)).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void needsAConstraint() {
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("format").build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("needs at least one of");
    }
}
