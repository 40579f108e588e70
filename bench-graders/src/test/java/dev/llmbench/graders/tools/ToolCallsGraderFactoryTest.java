package dev.llmbench.graders.tools;

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
import dev.llmbench.core.model.Message;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.core.spi.GraderConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCallsGraderFactoryTest {
    private static final ChatRequest REQUEST = ChatRequest.builder().user("weather and money")
            .tool(new ToolDefinition("get_weather", "", "{\"type\":\"object\"}"))
            .tool(new ToolDefinition("convert_currency", "", "{\"type\":\"object\"}")).build();

    private static final GraderConfig CONFIG = GraderConfig.of("tool_calls")
            .list("expected", "{\"name\":\"get_weather\",\"arguments\":{\"city\":[\"London\",\"London, UK\"]}}",
                    "{\"name\":\"convert_currency\",\"arguments\":{\"amount\":850,\"to_currency\":\"EUR\"}}")
            .list("final_mentions", "17.3", "776.65|776,65").build();

    private static Grade grade(GraderConfig config, String finalText, ToolCall... calls) {
        List<Message> conversation = new ArrayList<>();
        for (ToolCall c : calls) {
            conversation.add(Message.assistant("", List.of(c)));
            conversation.add(Message.toolResult(c.id(), c.name(), "{}"));
        }
        conversation.add(Message.assistant(finalText));
        TestCase tc = new TestCase("c", REQUEST, List.of(config), Calibration.NONE);
        return new ToolCallsGraderFactory().create(config)
                .grade(new GradingInput("tool_use", tc, ChatResponse.ofText(finalText), conversation));
    }

    private static List<String> failed(Grade g) {
        return g.checks().stream().filter(c -> !c.passed()).map(Check::name).toList();
    }

    @Test
    void rightCallsInAnyOrderWithNormalisedArgumentsPass() {
        Grade g = grade(CONFIG, "Answer: 17.3 °C and 776,65 EUR",
                new ToolCall("2", "convert_currency", "{\"amount\":\"850.00\",\"from_currency\":\"usd\",\"to_currency\":\"eur\"}"),
                new ToolCall("1", "get_weather", "{\"city\":\"  london, uk \"}"));
        assertThat(failed(g)).isEmpty();
        assertThat(g.passed()).isTrue();
    }

    @Test
    void wrongArgumentsInventedToolsMalformedArgumentsAndExtraCallsEachFailTheirCheck() {
        Grade g = grade(CONFIG, "Answer: 17.3 and 776.65",
                new ToolCall("1", "get_weather", "{\"city\":\"Paris\"}"),
                new ToolCall("2", "convert_currency", "amount=850"),
                new ToolCall("3", "book_hotel", "{}"));
        assertThat(failed(g)).containsExactly("call:get_weather", "call:convert_currency", "known_tools_only",
                "valid_arguments", "no_extra_calls");
        assertThat(g.checks().get(0).actual()).contains("wrong arguments").contains("Paris");
    }

    @Test
    void theFinalAnswerMustUseTheToolResults() {
        Grade g = grade(CONFIG, "It is warm. Answer: 20 °C and 780 EUR",
                new ToolCall("1", "get_weather", "{\"city\":\"London\"}"),
                new ToolCall("2", "convert_currency", "{\"amount\":850,\"to_currency\":\"EUR\"}"));
        assertThat(failed(g)).containsExactly("mentions:17.3", "mentions:776.65");
    }

    @Test
    void readsMentionsAfterTheLastAnswerLineOnly() {
        Grade g = grade(CONFIG, "Earlier guesses: 17.3, 776.65.\nAnswer: 20 and 780",
                new ToolCall("1", "get_weather", "{\"city\":\"London\"}"),
                new ToolCall("2", "convert_currency", "{\"amount\":850,\"to_currency\":\"EUR\"}"));
        assertThat(failed(g)).containsExactly("mentions:17.3", "mentions:776.65");
    }

    @Test
    void anAnswerWithoutAnyCallIsNotCreditedForToolHygiene() {
        Grade g = grade(CONFIG, "Answer: 17.3 and 776.65");
        assertThat(g.checks()).extracting(Check::name).doesNotContain("known_tools_only", "valid_arguments");
        assertThat(failed(g)).containsExactly("call:get_weather", "call:convert_currency");
        // calls weigh 2 each, mentions 2 each, no_extra_calls 1: (2 + 2 + 1) / 9
        assertThat(g.score()).isCloseTo(5.0 / 9, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void orderIsCheckedOnlyWhenAsked() {
        GraderConfig ordered = GraderConfig.of("tool_calls").list("expected",
                "{\"name\":\"get_weather\",\"arguments\":{}}", "{\"name\":\"convert_currency\",\"arguments\":{}}")
                .param("ordered", true).build();
        Grade reversed = grade(ordered, "done", new ToolCall("1", "convert_currency", "{}"),
                new ToolCall("2", "get_weather", "{}"));
        assertThat(failed(reversed)).containsExactly("order");
        Grade inOrder = grade(ordered, "done", new ToolCall("1", "get_weather", "{}"),
                new ToolCall("2", "convert_currency", "{}"));
        assertThat(failed(inOrder)).isEmpty();
    }

    @Test
    void anEmptyExpectationMeansNoToolShouldBeCalled() {
        GraderConfig none = GraderConfig.of("tool_calls").list("expected").list("final_mentions", "144").build();
        assertThat(failed(grade(none, "Answer: 144"))).isEmpty();
        assertThat(failed(grade(none, "Answer: 144", new ToolCall("1", "get_weather", "{\"city\":\"x\"}"))))
                .containsExactly("no_extra_calls");
    }

    @Test
    void rejectsBadConfiguration() {
        ToolCallsGraderFactory f = new ToolCallsGraderFactory();
        assertThatThrownBy(() -> f.create(GraderConfig.of("tool_calls").list("expected", "not json").build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> f.create(GraderConfig.of("tool_calls").param("orderd", true).list("expected").build()))
                .hasMessageContaining("unknown parameter 'orderd'");
        assertThatThrownBy(() -> f.create(GraderConfig.of("tool_calls").build())).hasMessageContaining("expected");
    }
}
