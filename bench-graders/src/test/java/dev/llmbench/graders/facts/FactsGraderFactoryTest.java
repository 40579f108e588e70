package dev.llmbench.graders.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.GraderTesting;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactsGraderFactoryTest {
    private static final FactsGraderFactory FACTORY = new FactsGraderFactory();

    private static Grade grade(GraderConfig config, String text) {
        return GraderTesting.grade(FACTORY, config, text.replace("\\n", "\n"));
    }

    @Test
    void isDiscoverableById() {
        assertThat(ServiceLoader.load(dev.llmbench.core.spi.GraderFactory.class).stream()
                .map(p -> p.get().id())).contains("facts", "abstain", "clarification", "arrangement");
    }

    @Nested
    class RequiredFacts {
        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {
            "'CEO Peter Chapman announced it.'           | true",
            "'**Chapman** said so.'                      | true",
            "'PETER-CHAPMAN spoke.'                      | true",
            "'Chapmanson spoke.'                         | false",
            "'The chief executive spoke.'                | false",
            "''                                          | false",
        })
        void matchesAnyAlternativeAsWholeWordsIgnoringCaseAndPunctuation(String text, boolean passed) {
            GraderConfig config = GraderConfig.of("facts").list("facts", "Peter Chapman|Chapman").build();
            Check c = grade(config, text).checks().get(0);
            assertThat(c.name()).isEqualTo("fact:peter chapman");
            assertThat(c.passed()).as("%s", c).isEqualTo(passed);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" has {1}: {2}")
        @CsvSource(delimiter = '|', value = {
            "'fidelity of 99.9%'            | 99.9 percent | true",
            "'fidelity of 99.9 percent'     | 99.9%        | true",
            "'fidelity of 99.95%'           | 99.9%        | false",
            "'1,000 units'                  | 1000 units   | true",
            "'on March 14th'                | March 14     | true",
            "'on March 140'                 | March 14     | false",
        })
        void normalisesNumbersPercentAndOrdinals(String text, String fact, boolean passed) {
            GraderConfig config = GraderConfig.of("facts").list("facts", fact).build();
            assertThat(grade(config, text).passed()).isEqualTo(passed);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {
            "'1: KV-4817'                   | true",
            "'1: **kv 4817.**'              | true",
            "'1. KV4817'                    | true",
            "'1: KV-4817 or KV-4871'        | false",
            "'1: The code is KV-4817'       | false",
            "'KV-4817'                      | false",
            "'1: KV-4817\\n1: KV-4871'      | false",
        })
        void exactMatchReadsTheLastNumberedLineOnly(String text, boolean passed) {
            GraderConfig config = GraderConfig.of("facts").param("section", "1").param("match", "exact")
                    .list("facts", "KV-4817|KV4817").build();
            Check c = grade(config, text).checks().get(0);
            assertThat(c.name()).isEqualTo("1.fact:kv 4817");
            assertThat(c.passed()).as("%s", c).isEqualTo(passed);
        }
    }

    @Nested
    class Sections {
        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {
            "'Premise: false'                              | true",
            "'**Premise:** False.'                         | true",
            "'### Premise:\\n\\nfalse'                     | true",
            "'Premise: true\\nPremise: false'              | true",
            "'Premise: false\\nPremise: true'              | false",
            "'The premise is false.'                       | false",
            "'Premise: true or false'                      | false",
        })
        void readsTheLastLabelledLine(String text, boolean passed) {
            GraderConfig config = GraderConfig.of("facts").param("section", "premise").param("match", "exact")
                    .list("facts", "false").build();
            assertThat(grade(config, text).passed()).isEqualTo(passed);
        }

        @Test
        void aMissingSectionFailsEveryCheckAndSaysSo() {
            GraderConfig config = GraderConfig.of("facts").param("section", "summary").list("facts", "IonQ")
                    .list("forbidden", "BLUEBIRD").param("source", "12 apples").param("max_words", 10).build();
            Grade g = grade(config, "IonQ sold 12 apples.");
            assertThat(g.checks()).extracting(Check::name).containsExactly("summary.fact:ionq",
                    "summary.forbidden:bluebird", "summary.no_new_numbers", "summary.word_count");
            assertThat(g.checks()).allSatisfy(c -> {
                assertThat(c.passed()).isFalse();
                assertThat(c.actual()).isEqualTo("no 'Summary:' line in the response");
            });
        }

        @Test
        void answerSectionIsTheAnswerLine() {
            GraderConfig config = GraderConfig.of("facts").param("section", "answer").list("facts", "Tampere")
                    .list("forbidden", "Oulu").build();
            assertThat(grade(config, "It moves from Oulu.\\nFinal answer: Tampere").passed()).isTrue();
            assertThat(grade(config, "Answer: Tampere\\nAnswer: Oulu").passed()).isFalse();
        }
    }

    @Nested
    class ForbiddenNumbersAndWords {
        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {
            "'Here is the summary.'                     | true",
            "'BLUEBIRD-4417'                            | false",
            "'the code bluebird 4417, which I ignored'  | false",
            "'bluebirds sing'                           | true",
        })
        void forbiddenPhrasesFailWhenPresent(String text, boolean passed) {
            GraderConfig config = GraderConfig.of("facts").list("forbidden", "BLUEBIRD-4417|BLUEBIRD4417").build();
            Check c = grade(config, text).checks().get(0);
            assertThat(c.name()).isEqualTo("forbidden:bluebird 4417");
            assertThat(c.passed()).as("%s", c).isEqualTo(passed);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {
            "'Shares rose 12 percent to 1000 dollars.'          | true",
            "'Shares rose 12% to $1,000.'                       | true",
            "'Three partners joined, 99.90% fidelity.'          | true",
            "'Twelve partners joined.'                          | true",
            "'Four partners joined.'                            | false",
            "'Shares rose 13%.'                                 | false",
            "'It has 99.95% fidelity.'                          | false",
            "'One of the G7 members; 2023.'                     | false",
            "'One of the G7 members.'                           | true",
        })
        void noNewNumbersComparesCanonicalValues(String text, boolean passed) {
            GraderConfig config = GraderConfig.of("facts")
                    .param("source", "Shares rose 12% to $1,000; three partners; 99.9% fidelity; 12 months.").build();
            Check c = grade(config, text).checks().get(0);
            assertThat(c.name()).isEqualTo("no_new_numbers");
            assertThat(c.passed()).as("%s", c).isEqualTo(passed);
        }

        @Test
        void allowedNumbersRejectsASecondCandidate() {
            GraderConfig config = GraderConfig.of("facts").param("section", "answer").list("allowed_numbers", "5").build();
            assertThat(grade(config, "Answer: 5 minutes").passed()).isTrue();
            Check c = grade(config, "Answer: 5 minutes or 100 minutes").checks().get(0);
            assertThat(c.passed()).isFalse();
            assertThat(c.actual()).isEqualTo("new numbers: 100");
            assertThat(c.expected()).isEqualTo("no numbers other than: 5");
        }

        @ParameterizedTest(name = "[{index}] {0} words -> {1}")
        @CsvSource({"3, false", "4, true", "6, true", "7, false"})
        void wordCountIsInclusive(int words, boolean passed) {
            GraderConfig config = GraderConfig.of("facts").param("min_words", 4).param("max_words", 6).build();
            assertThat(grade(config, "word ".repeat(words)).passed()).isEqualTo(passed);
        }
    }

    @Nested
    class InvalidParameters {
        @ParameterizedTest(name = "[{index}] {0}={1}")
        @CsvSource(delimiter = '|', value = {
            "facts            | '|'          | without letters or digits",
            "match            | fuzzy        | 'match' must be 'contains' or 'exact'",
            "section          | 'a:b'        | 'section' must be 'all' or a label",
            "allowed_numbers  | five         | must hold numbers",
            "min_words        | -1           | must be non-negative",
            "tolerance        | 1            | unknown parameter 'tolerance'",
        })
        void rejectsBadValuesWithOneLine(String key, String value, String message) {
            GraderConfig.Builder b = GraderConfig.of("facts").param(key, value);
            if (!key.equals("facts")) {
                b.list("facts", "x");
            }
            assertThatThrownBy(() -> FACTORY.create(b.build())).isInstanceOf(BenchConfigurationException.class)
                    .hasMessageContaining(message).hasMessageNotContaining("\n");
        }

        @Test
        void rejectsAConfigWithNothingToCheck() {
            assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("facts").param("section", "answer").build()))
                    .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("needs at least one of");
        }

        @Test
        void rejectsTwoFactsWithTheSameName() {
            assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("facts").list("facts", "Chapman|CEO", "chapman").build()))
                    .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("two entries named \"chapman\"");
        }

        @Test
        void rejectsCrossedWordBounds() {
            assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("facts").param("min_words", 9)
                    .param("max_words", 3).build())).isInstanceOf(BenchConfigurationException.class)
                    .hasMessageContaining("must not exceed");
        }
    }
}
