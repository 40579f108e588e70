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
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClarificationGraderFactoryTest {
    private static final ClarificationGraderFactory FACTORY = new ClarificationGraderFactory();
    private static final String PROMPT = "Plan a trip: I leave tomorrow, budget $500, no flying.";
    private static final GraderConfig CONFIG = GraderConfig.of("clarification").param("min_questions", 2)
            .list("topics", "origin=\\bfrom\\b|\\bstart", "duration=how long|nights?").build();

    private static Map<String, Boolean> checks(GraderConfig config, String text) {
        TestCase c = new TestCase("case", ChatRequest.ofUser(PROMPT), List.of(config), Calibration.NONE);
        Grade g = FACTORY.create(config).grade(new GradingInput("test", c, ChatResponse.ofText(text.replace("\\n", "\n"))));
        return g.checks().stream().collect(Collectors.toMap(Check::name, Check::passed));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> count={1} origin={2} duration={3} no_fabrication={4}")
    @CsvSource(delimiter = '|', value = {
            "'Questions:\\n1. Where are you leaving from?\\n2. How many nights?\\n3. Is $500 for everything?' | true  | true  | true  | true",
            "'**Questions:**\\n- Where do you start?\\n- Where do you start?'                       | false | true  | false | true",
            "'Questions:\\nWhere from, and how long?'                                              | false | true  | true  | true",
            "'Where are you leaving from? How many nights?'                                        | false | false | false | true",
            "'Questions:\\nWhat city are you leaving from?\\nHow long will you stay?\\nI booked you on UA 1234.' | true | true | true | false",
            "'Questions:\\nWhat city are you leaving from?\\nHow long will you stay?\\nTickets cost $120.' | true | true | true | false",
            "'Questions:\\nWhat city are you leaving from?\\nHow long?\\nYour confirmation code: QX7B2M' | false | true | false | false",
            "'I have booked the coach for you.\\nQuestions:\\nWhere do you start from?\\nHow many nights away?' | true | true | true | false",
            "''                                                                                    | false | false | false | false",
    })
    void countsQuestionLinesTopicsAndFabrications(String text, boolean count, boolean origin, boolean duration,
            boolean noFabrication) {
        Map<String, Boolean> c = checks(CONFIG, text);
        assertThat(c).containsEntry("question_count", count).containsEntry("topic:origin", origin)
                .containsEntry("topic:duration", duration).containsEntry("no_fabrication", noFabrication);
    }

    @Test
    void specificsFromTheRequestAreNotFabricated() {
        assertThat(checks(CONFIG, "Questions:\nIs the $500 per person?\nWhere do you start?"))
                .containsEntry("no_fabrication", true);
    }

    @Test
    void configuredPatternsAddToTheBuiltInOnes() {
        GraderConfig config = GraderConfig.of("clarification").param("min_questions", 1)
                .list("fabrications", "link=https?://\\S+").build();
        assertThat(checks(config, "Questions:\nWho should attend?\nJoin: https://zoom.us/j/1"))
                .containsEntry("no_fabrication", false);
    }

    @Test
    void rejectsMalformedParameters() {
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("clarification").list("topics", "origin").build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("name=regex");
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("clarification").list("topics", "a=(").build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("bad regex for \"a\"");
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("clarification").param("min_questions", 0).build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("clarification").list("fabrications", "price=x").build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("repeats the name \"price\"");
    }
}
