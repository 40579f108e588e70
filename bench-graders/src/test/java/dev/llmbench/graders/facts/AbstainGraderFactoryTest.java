package dev.llmbench.graders.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.spi.GraderConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbstainGraderFactoryTest {
    private static final AbstainGraderFactory FACTORY = new AbstainGraderFactory();
    private static final String QUESTION = "What did the 2022 Varnholm Accord on orbital debris decide?";

    private static Grade grade(GraderConfig config, String text) {
        TestCase c = new TestCase("case", ChatRequest.ofUser(QUESTION), List.of(config), Calibration.NONE);
        return FACTORY.create(config).grade(new GradingInput("test", c, ChatResponse.ofText(text.replace("\\n", "\n"))));
    }

    private static Grade grade(String text) {
        return grade(GraderConfig.of("abstain").build(), text);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> declines={1}, no specifics={2}")
    @CsvSource(delimiter = '|', value = {
            "'I have no record of the Varnholm Accord.\\nAnswer: unknown'                        | true  | true",
            "'**Answer:** I don''t know'                                                         | true  | true",
            "'Answer: There is no such accord as far as I know.'                                 | true  | true",
            "'My training data ends in October 2023, so I cannot say.\\nAnswer: unknown'         | true  | true",
            "'I don''t know, but it was probably signed in Oslo on June 3.\\nAnswer: unknown'    | true  | false",
            "'Answer: I''m not sure, but Norway led it.'                                         | true  | false",
            "'It created a fund backed by 31 nations.\\nAnswer: a removal fund'                  | false | false",
            "'Answer: a debris-removal fund'                                                     | false | true",
            "'I don''t know.'                                                                    | false | true",
            "'My training data ends in 2023; the Accord was led by Norway.\\nAnswer: unknown'    | true  | false",
    })
    void declinesWithoutInventingSpecifics(String text, boolean declines, boolean noSpecifics) {
        Grade g = grade(text);
        assertThat(g.checks()).extracting(Check::name).containsExactly("declines", "no_invented_specifics");
        assertThat(g.checks().get(0).passed()).as("%s", g.checks().get(0)).isEqualTo(declines);
        assertThat(g.checks().get(1).passed()).as("%s", g.checks().get(1)).isEqualTo(noSpecifics);
        assertThat(g.passed()).isEqualTo(declines && noSpecifics);
    }

    @Test
    void namesTheInventedSpecifics() {
        Check c = grade("I don't know, but it was probably signed in Oslo on June 3.\nAnswer: unknown").checks().get(1);
        assertThat(c.actual()).isEqualTo("found: 3, Oslo, June");
    }

    @Test
    void theEmptyResponseFailsBothChecks() {
        assertThat(grade("").checks()).noneMatch(Check::passed);
    }

    @Test
    void theAllowListAndThePromptAreNotInventions() {
        String text = "I know of no 2022 Varnholm Accord; check with the United Nations.\nAnswer: unknown";
        assertThat(grade(text).passed()).isFalse();
        assertThat(grade(GraderConfig.of("abstain").list("allow", "United Nations").build(), text).passed()).isTrue();
        assertThat(grade(GraderConfig.of("abstain").param("allow_prompt", false).build(), text).passed()).isFalse();
    }

    @Test
    void rejectsUnknownParametersAndBlankEntries() {
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("abstain").param("alow", "x").build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("unknown parameter 'alow'");
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("abstain").list("allow", " ").build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("blank entry");
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("abstain").param("allow_prompt", "yes").build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("true or false");
    }
}
