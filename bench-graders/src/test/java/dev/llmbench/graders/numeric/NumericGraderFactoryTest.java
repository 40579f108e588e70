package dev.llmbench.graders.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.GraderTesting;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumericGraderFactoryTest {
    private static final NumericGraderFactory FACTORY = new NumericGraderFactory();

    private static Grade grade(GraderConfig config, String text) {
        return GraderTesting.grade(FACTORY, config, text.replace("\\n", "\n"));
    }

    private static GraderConfig.Builder expecting(Object expected) {
        return GraderConfig.of("numeric").param("expected", expected);
    }

    @Nested
    class FinalAnswer {
        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {
            "'Answer: 36'                                  | 1.0",
            "'answer: 36'                                  | 1.0",
            "'**Answer:** 36'                              | 1.0",
            "'**Answer: 36**'                              | 1.0",
            "'Answer: $36'                                 | 1.0",
            "'Answer: 36.0'                                | 1.0",
            "'Answer: 36 cupcakes.'                        | 1.0",
            "'Final answer: 36'                            | 1.0",
            "'Answer:\\n36'                                | 1.0",
            "'Answer: $\\boxed{36}$'                       | 1.0",
            "'Answer: 30\\nWait, I forgot one.\\nAnswer: 36' | 1.0",
            "'Answer: 36\\nOn reflection:\\nAnswer: 30'    | 0.3333",
            "'Answer: 30'                                  | 0.3333",
            "'We sold 36 cupcakes.\\nAnswer: 24'           | 0.3333",
            "'Answer: 360'                                 | 0.3333",
            "'Answer: 3.6'                                 | 0.3333",
            "'The answer is 36.'                           | 0.0",
            "'36'                                          | 0.0",
            "''                                            | 0.0",
            "'Answer: thirty-six'                          | 0.0",
            "'Answer: about 36'                            | 0.0",
        })
        void scoresTheLastAnswerLineOnly(String text, double score) {
            Grade g = grade(expecting(36).build(), text);
            assertThat(g.score()).isCloseTo(score, within(1e-3));
            assertThat(g.passed()).isEqualTo(score == 1.0);
        }

        @ParameterizedTest(name = "[{index}] expected {0}: \"{1}\" -> {2}")
        @CsvSource(delimiter = '|', value = {
            "1234  | 'Answer: 1,234'     | true",
            "1234  | 'Answer: 1234.00'   | true",
            "1234  | 'Answer: 1.234'     | false",
            "-4    | 'Answer: -4'        | true",
            "-4    | 'Answer: 4'         | false",
            "0.5   | 'Answer: 0.50'      | true",
            "12    | 'Answer: 12%'       | true",
        })
        void parsesSeparatorsSignsAndDecimals(double expected, String text, boolean passed) {
            assertThat(grade(expecting(expected).build(), text).passed()).isEqualTo(passed);
        }

        @Test
        void explainsAWrongAnswer() {
            Grade g = grade(expecting(36).build(), "Three quarters of 48 is 36.\nAnswer: 30");
            Check answer = g.checks().stream().filter(c -> c.name().equals("answer")).findFirst().orElseThrow();
            assertThat(answer.passed()).isFalse();
            assertThat(answer.expected()).isEqualTo("36");
            assertThat(answer.actual()).isEqualTo("Answer: 30");
            assertThat(answer.weight()).isEqualTo(2.0);
        }

        @Test
        void gradesAnOversizedNumberWithoutThrowing() {
            String huge = "Answer: 1" + ",000".repeat(300_000);
            assertThat(grade(expecting(36).param("fallback_last_number", true).build(), huge).score())
                    .isCloseTo(1.0 / 3, within(1e-9));
            assertThat(grade(expecting(36).param("fallback_last_number", true).build(), "x " + huge.substring(8))
                    .score()).isEqualTo(0.0);
        }

        @Test
        void explainsAMissingAnswerLine() {
            Grade g = grade(expecting(36).build(), "So 36 are left.");
            assertThat(g.checks()).extracting(Check::name).containsExactly("answer_present", "answer");
            assertThat(g.checks()).allSatisfy(c -> {
                assertThat(c.passed()).isFalse();
                assertThat(c.actual()).isEqualTo("no 'Answer:' line");
            });
        }
    }

    @Nested
    class ToleranceUnitAndFallback {
        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {
            "'Answer: 4.833' | true",
            "'Answer: 4.82'  | true",
            "'Answer: 4.85'  | false",
        })
        void acceptsAnswersWithinTheAbsoluteTolerance(String text, boolean passed) {
            assertThat(grade(expecting(4.83).param("tolerance", 0.01).build(), text).passed()).isEqualTo(passed);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {
            "'Answer: 290 minutes'   | 1.0",
            "'Answer: 290 Minutes.'  | 1.0",
            "'Answer: 290'           | 0.75",
            "'Answer: 290 min'       | 0.75",
            "'Answer: 4.83 hours'    | 0.25",
            "'no answer line'        | 0.0",
        })
        void checksTheUnitWordWhenConfigured(String text, double score) {
            Grade g = grade(expecting(290).param("unit", "minutes").build(), text);
            assertThat(g.score()).isCloseTo(score, within(1e-9));
            assertThat(g.checks()).extracting(Check::name).containsExactly("answer_present", "answer", "unit");
        }

        @Test
        void acceptsTheSingularOfAPluralUnit() {
            assertThat(grade(expecting(1).param("unit", "minutes").build(), "Answer: 1 minute").passed()).isTrue();
        }

        @ParameterizedTest(name = "[{index}] fallback={1}: \"{0}\" -> {2}")
        @CsvSource(delimiter = '|', value = {
            "'So 12 were sold and 36 are left.' | true  | 0.6667",
            "'So 12 were sold and 36 are left.' | false | 0.0",
            "'So 36 were sold and 12 are left.' | true  | 0.0",
            "'Answer: thirty-six, i.e. 36'      | true  | 0.0",
        })
        void fallsBackToTheLastNumberOnlyWhenAskedAndNoAnswerLineExists(String text, boolean fallback, double score) {
            Grade g = grade(expecting(36).param("fallback_last_number", fallback).build(), text);
            assertThat(g.score()).isCloseTo(score, within(1e-3));
            assertThat(g.passed()).isFalse();
        }
    }

    @Nested
    class InvalidParameters {
        @Test
        void requiresExpected() {
            assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("numeric").build()))
                    .isInstanceOf(BenchConfigurationException.class)
                    .hasMessage("grader 'numeric': needs parameter 'expected' (the correct number)");
        }

        @Test
        void rejectsANonNumericExpected() {
            assertThatThrownBy(() -> FACTORY.create(expecting("thirty-six").build()))
                    .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("'expected'")
                    .hasMessageContaining("must be a finite number");
        }

        @Test
        void rejectsANegativeTolerance() {
            assertThatThrownBy(() -> FACTORY.create(expecting(1).param("tolerance", -0.5).build()))
                    .isInstanceOf(BenchConfigurationException.class)
                    .hasMessage("grader 'numeric': parameter 'tolerance' must be non-negative, got -0.5");
        }

        @Test
        void rejectsAnUnknownParameterNamingTheKnownOnes() {
            assertThatThrownBy(() -> FACTORY.create(expecting(1).param("tolerence", 1).build()))
                    .isInstanceOf(BenchConfigurationException.class)
                    .hasMessage("grader 'numeric': unknown parameter 'tolerence'; known parameters: expected,"
                            + " fallback_last_number, tolerance, unit");
        }

        @Test
        void rejectsANonBooleanFallback() {
            assertThatThrownBy(() -> FACTORY.create(expecting(1).param("fallback_last_number", "yes").build()))
                    .isInstanceOf(BenchConfigurationException.class)
                    .hasMessageContaining("'fallback_last_number' must be true or false");
        }

        @Test
        void rejectsAUnitThatIsNotOneWord() {
            assertThatThrownBy(() -> FACTORY.create(expecting(1).param("unit", "km/h").build()))
                    .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("'unit'");
        }
    }
}
