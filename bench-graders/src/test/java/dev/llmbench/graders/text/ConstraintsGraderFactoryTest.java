package dev.llmbench.graders.text;

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

class ConstraintsGraderFactoryTest {
    private static final ConstraintsGraderFactory FACTORY = new ConstraintsGraderFactory();

    private static Check single(GraderConfig config, String text) {
        Grade g = GraderTesting.grade(FACTORY, config, text.replace("\\n", "\n"));
        assertThat(g.checks()).hasSize(1);
        return g.checks().get(0);
    }

    private static GraderConfig one(String key, Object value) {
        return GraderConfig.of("constraints").param(key, value).build();
    }

    @Nested
    class EachConstraint {
        @ParameterizedTest(name = "[{index}] {0}={1} on \"{2}\" -> {3}")
        @CsvSource(delimiter = '|', value = {
            "sentences_exactly | 2            | 'One, e.g. this. Two.'            | true",
            "sentences_exactly | 2            | 'One. Two. Three.'                | false",
            "max_letter_count  | e:3          | 'EEe'                             | true",
            "max_letter_count  | e:3          | 'Eeee'                            | false",
            "max_letter_count  | E:0          | 'xyz'                             | true",
            "word_exactly_once | serverless   | 'SERVERLESS-first design'         | true",
            "word_exactly_once | serverless   | 'serverless and Serverless'       | false",
            "word_exactly_once | serverless   | 'serverlessly'                    | false",
            "ends_with         | future       | 'IT IS OUR FUTURE!'               | true",
            "ends_with         | future       | 'Our future is bright.'           | false",
            "ends_with         | the future   | 'Welcome to the future.'          | true",
            "all_caps          | true         | 'ALL CAPS, 100% — OK!'            | true",
            "all_caps          | true         | 'ALL CAPS but one'                | false",
            "all_caps          | true         | ''                                | false",
            "all_caps          | true         | '123 !!!'                         | false",
            "min_words         | 3            | 'one two three'                   | true",
            "min_words         | 3            | 'one two'                         | false",
            "max_words         | 2            | 'one two'                         | true",
            "max_words         | 2            | 'one, two, three'                 | false",
        })
        void passesOrFailsOneCheckNamedAfterTheConstraint(String key, String value, String text, boolean passed) {
            Check c = single(one(key, value), text);
            assertThat(c.name()).isEqualTo(key);
            assertThat(c.passed()).as("%s", c).isEqualTo(passed);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {
            "'Simple and clean.'          | true",
            "'It is scalable.'            | false",
            "'SCALABILITY is fine.'       | true",
            "'Robust, SCALABLE systems.'  | false",
        })
        void forbidsWholeWordsIgnoringCase(String text, boolean passed) {
            GraderConfig config = GraderConfig.of("constraints").list("forbidden_words", "scalable", "robust").build();
            Check c = single(config, text);
            assertThat(c.passed()).isEqualTo(passed);
        }

        @Test
        void explainsWhatWasFound() {
            GraderConfig config = GraderConfig.of("constraints").param("forbidden_words", "scalable")
                    .param("word_exactly_once", "serverless").param("max_letter_count", "e:2").build();
            Grade g = GraderTesting.grade(FACTORY, config, "Serverless is scalable, serverless is easy.");
            assertThat(g.checks()).extracting(Check::actual)
                    .containsExactly("found 'scalable' 1 time", "'serverless' 2 times", "8 × 'e'");
            assertThat(g.checks()).extracting(Check::expected)
                    .containsExactly("none of [scalable]", "'serverless' exactly once", "at most 2 × 'e'");
        }
    }

    @Test
    void scoresTheShareOfConstraintsSatisfied() {
        GraderConfig config = GraderConfig.of("constraints")
                .param("sentences_exactly", 2).param("ends_with", "future").param("all_caps", true)
                .param("min_words", 3).build();
        Grade g = GraderTesting.grade(FACTORY, config, "The past. The future.");
        assertThat(g.score()).isCloseTo(0.75, within(1e-9));
        assertThat(g.passed()).isFalse();
        assertThat(g.checks()).extracting(Check::name)
                .containsExactly("sentences_exactly", "ends_with", "all_caps", "min_words");
    }

    @Nested
    class InvalidParameters {
        @Test
        void rejectsAnUnknownConstraintNamingTheKnownOnes() {
            assertThatThrownBy(() -> FACTORY.create(one("max_sentences", 3)))
                    .isInstanceOf(BenchConfigurationException.class)
                    .hasMessage("grader 'constraints': unknown parameter 'max_sentences'; known parameters: all_caps,"
                            + " ends_with, forbidden_words, max_letter_count, max_words, min_words, sentences_exactly,"
                            + " word_exactly_once");
        }

        @Test
        void requiresAtLeastOneConstraint() {
            assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("constraints").build()))
                    .isInstanceOf(BenchConfigurationException.class)
                    .hasMessageStartingWith("grader 'constraints': needs at least one constraint; known: ");
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', value = {
            "ee:5", "e:-1", "e:many", "e15", "5:3",
        })
        void rejectsAMalformedLetterLimit(String value) {
            assertThatThrownBy(() -> FACTORY.create(one("max_letter_count", value)))
                    .isInstanceOf(BenchConfigurationException.class)
                    .hasMessageContaining("parameter 'max_letter_count' must look like \"e:15\"");
        }

        @Test
        void rejectsAllCapsFalse() {
            assertThatThrownBy(() -> FACTORY.create(one("all_caps", false)))
                    .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("'all_caps' must be true");
        }

        @Test
        void rejectsMinWordsAboveMaxWords() {
            GraderConfig config = GraderConfig.of("constraints").param("min_words", 50).param("max_words", 40).build();
            assertThatThrownBy(() -> FACTORY.create(config))
                    .isInstanceOf(BenchConfigurationException.class)
                    .hasMessage("grader 'constraints': parameter 'min_words' (50) must not exceed 'max_words' (40)");
        }

        @Test
        void rejectsWordsWithoutLetters() {
            GraderConfig config = GraderConfig.of("constraints").list("forbidden_words", "ok", "--").build();
            assertThatThrownBy(() -> FACTORY.create(config))
                    .isInstanceOf(BenchConfigurationException.class)
                    .hasMessageContaining("parameter 'forbidden_words' has a value without letters or digits");
        }

        @Test
        void rejectsSeveralEndings() {
            GraderConfig config = GraderConfig.of("constraints").list("ends_with", "a", "b").build();
            assertThatThrownBy(() -> FACTORY.create(config))
                    .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("'ends_with' takes one");
        }

        @Test
        void rejectsANegativeSentenceCount() {
            assertThatThrownBy(() -> FACTORY.create(one("sentences_exactly", -2)))
                    .isInstanceOf(BenchConfigurationException.class)
                    .hasMessage("grader 'constraints': parameter 'sentences_exactly' must be non-negative, got -2");
        }
    }
}
