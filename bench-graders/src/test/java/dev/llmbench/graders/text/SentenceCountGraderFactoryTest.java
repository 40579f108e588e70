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

class SentenceCountGraderFactoryTest {
    private static final SentenceCountGraderFactory FACTORY = new SentenceCountGraderFactory();
    private static final String THREE = "Dr. Lee sold 3.5 kg, i.e. most of it. Then she left... quietly. Done!";

    private static Grade grade(GraderConfig config, String text) {
        return GraderTesting.grade(FACTORY, config, text.replace("\\n", "\n"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "exactly=3       | true",
        "exactly=2       | false",
        "exactly=4       | false",
        "min=2,max=3     | true",
        "min=4,max=9     | false",
        "min=3           | true",
        "min=4           | false",
        "max=3           | true",
        "max=2           | false",
    })
    void checksTheCountAgainstTheRange(String bounds, boolean passed) {
        GraderConfig.Builder b = GraderConfig.of("sentences");
        for (String kv : bounds.split(",")) {
            String[] p = kv.split("=");
            b.param(p[0], Integer.parseInt(p[1]));
        }
        Grade g = grade(b.build(), THREE);
        assertThat(g.passed()).isEqualTo(passed);
        assertThat(g.score()).isEqualTo(passed ? 1.0 : 0.0);
        assertThat(g.checks()).singleElement().extracting(Check::name).isEqualTo("sentence_count");
    }

    @ParameterizedTest(name = "[{index}] section={1}: \"{0}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
        "'One. Two.\\nAnswer: 27'          | before_answer | true",
        "'One. Two.\\nAnswer: 27'          | all           | false",
        "'One. Two. Three. Four.\\nAnswer: 27' | before_answer | false",
        "'One. Two.'                       | before_answer | true",
        "'Answer: 27'                      | before_answer | false",
    })
    void countsOnlyTheExplanationBeforeTheAnswerLineWhenAsked(String text, String section, boolean passed) {
        GraderConfig config = GraderConfig.of("sentences").param("exactly", 2).param("section", section).build();
        assertThat(grade(config, text).passed()).isEqualTo(passed);
    }

    @Test
    void explainsTheCount() {
        Check c = grade(GraderConfig.of("sentences").param("min", 2).param("max", 3).param("section", "before_answer")
                .build(), "Only one.\nAnswer: 1").checks().get(0);
        assertThat(c.expected()).isEqualTo("2–3 sentences before the 'Answer:' line");
        assertThat(c.actual()).isEqualTo("1 sentence: [Only one.]");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                    | needs parameter 'exactly', or 'min' and/or 'max'",
        "exactly=3,min=1       | parameter 'exactly' cannot be combined with 'min' or 'max'",
        "min=4,max=3           | parameter 'min' (4) must not exceed 'max' (3)",
        "min=-1                | parameter 'min' must be non-negative, got -1",
        "exactly=2.5           | parameter 'exactly' must be an integer, got 2.5",
        "max=two               | parameter 'max' must be a finite number, got \"two\"",
        "exactly=2,section=end | parameter 'section' must be 'all' or 'before_answer', got \"end\"",
        "exactly=2,maximum=3   | unknown parameter 'maximum'; known parameters: exactly, max, min, section",
    })
    void rejectsInvalidParametersWithOneActionableLine(String params, String message) {
        GraderConfig.Builder b = GraderConfig.of("sentences");
        if (!params.isEmpty()) {
            for (String kv : params.split(",")) {
                String[] p = kv.split("=");
                b.param(p[0], p[1]);
            }
        }
        assertThatThrownBy(() -> FACTORY.create(b.build()))
                .isInstanceOf(BenchConfigurationException.class)
                .hasMessage("grader 'sentences': " + message);
    }
}
