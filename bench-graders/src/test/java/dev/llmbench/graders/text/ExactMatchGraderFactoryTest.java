package dev.llmbench.graders.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.GraderTesting;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactMatchGraderFactoryTest {
    private static final ExactMatchGraderFactory FACTORY = new ExactMatchGraderFactory();

    private static Check single(GraderConfig config, String text) {
        Grade g = GraderTesting.grade(FACTORY, config, text.replace("\\n", "\n"));
        assertThat(g.checks()).hasSize(1);
        return g.checks().get(0);
    }

    @Nested
    class AnswerLine {
        private final GraderConfig paris = GraderConfig.of("exact").param("expected", "Paris").build();

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {
            "'Answer: Paris'                              | true",
            "'The capital is Lyon.\\nAnswer: **paris.**'  | true",
            "'Answer:   PARIS  '                          | true",
            "'Answer: Paris or Lyon'                      | false",
            "'Answer: Paris\\nAnswer: Lyon'               | false",
            "'Answer: Lyon\\nAnswer: Paris'               | true",
            "'Paris'                                      | false",
            "'Answer: The answer is Paris'                | false",
            "''                                           | false",
        })
        void comparesTheLastAnswerLineAfterNormalisation(String text, boolean passed) {
            Check c = single(paris, text);
            assertThat(c.name()).isEqualTo("exact");
            assertThat(c.passed()).as("%s", c).isEqualTo(passed);
        }

        @Test
        void saysWhenThereIsNoAnswerLine() {
            Check c = single(paris, "It is Paris.");
            assertThat(c.actual()).isEqualTo("no 'Answer:' line");
            assertThat(c.expected()).isEqualTo("\"Paris\"");
        }
    }

    @Nested
    class Normalisation {
        @ParameterizedTest(name = "[{index}] {0} vs \"{1}\" (case {2}, punct {3}, articles {4}) -> {5}")
        @CsvSource(delimiter = '|', value = {
            "O(log n) | 'Answer: O(log(n))'  | true  | true  | false | true",
            "O(log n) | 'Answer: O(log₂ n)'  | true  | true  | false | false",
            "O(log2 n) | 'Answer: O(log₂ n)' | true  | true  | false | true",
            "Paris    | 'Answer: paris'      | false | true  | false | false",
            "Paris    | 'Answer: Paris!'     | true  | false | false | false",
            "Paris    | 'Answer: Paris'      | false | false | false | true",
            "the Nile | 'Answer: Nile'       | true  | true  | true  | true",
            "the Nile | 'Answer: Nile'       | true  | true  | false | false",
            "3.5      | 'Answer: 35'         | true  | true  | false | false",
        })
        void isConfigurable(String expected, String text, boolean ignoreCase, boolean ignorePunct,
                boolean ignoreArticles, boolean passed) {
            GraderConfig config = GraderConfig.of("exact").param("expected", expected).param("ignore_case", ignoreCase)
                    .param("ignore_punctuation", ignorePunct).param("ignore_articles", ignoreArticles).build();
            assertThat(single(config, text).passed()).isEqualTo(passed);
        }

        @Test
        void acceptsAnyOfSeveralAnswers() {
            GraderConfig config = GraderConfig.of("exact").list("expected", "O(E log V)", "O((V + E) log V)").build();
            assertThat(single(config, "Answer: O((V+E) log V)").passed()).isTrue();
            assertThat(single(config, "Answer: O(V^2)").passed()).isFalse();
        }
    }

    @Nested
    class Targets {
        @ParameterizedTest(name = "[{index}] target {0} on \"{1}\" -> {2}")
        @CsvSource(delimiter = '|', value = {
            "last_line | 'Prose.\\nComplexity: O(n)'               | true",
            "last_line | 'Complexity: O(n)\\nComplexity: O(n^2)'   | false",
            "last_line | 'Complexity: O(n)\\n\\n  '                 | true",
            "text      | '  complexity: o(n).  '                   | true",
            "text      | 'Complexity: O(n) and more'               | false",
        })
        void readTheChosenPart(String target, String text, boolean passed) {
            GraderConfig config = GraderConfig.of("exact").param("expected", "Complexity: O(n)")
                    .param("target", target).param("name", "complexity").build();
            Check c = single(config, text);
            assertThat(c.name()).isEqualTo("complexity");
            assertThat(c.passed()).as("%s", c).isEqualTo(passed);
        }
    }

    @Nested
    class InvalidParameters {
        @ParameterizedTest(name = "[{index}] {0}={1}")
        @CsvSource(delimiter = '|', value = {
            "target      | answers      | must be answer, last_line or text",
            "ignore_case | yes          | must be true or false",
            "expected    | '?!'         | empty after normalisation",
            "name        | ' '          | must not be blank",
            "expect      | Paris        | unknown parameter 'expect'",
        })
        void areRejectedWithOneLine(String key, String value, String message) {
            GraderConfig.Builder b = GraderConfig.of("exact");
            if (!key.equals("expected")) {
                b.param("expected", "Paris");
            }
            GraderConfig config = b.param(key, value).build();
            assertThatThrownBy(() -> FACTORY.create(config)).isInstanceOf(BenchConfigurationException.class)
                    .hasMessageContaining(message).hasMessageStartingWith("grader 'exact'")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }

        @Test
        void requireAnExpectedAnswer() {
            assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("exact").build()))
                    .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("needs parameter 'expected'");
        }
    }
}
