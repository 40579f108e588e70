package dev.llmbench.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.ServerTimings;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.TokenUsage;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.internal.http.BodyHandler;
import dev.llmbench.providers.internal.http.ErrorMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OllamaBodyHandlerTest {
    private static final ErrorMapper ERRORS = new ErrorMapper("ollama", Secret.of("sk-canary-123"), "hint",
            Clock.systemUTC());
    private final List<Long> promptEvalCounts = new ArrayList<>();

    private OllamaBodyHandler handler() {
        return new OllamaBodyHandler(ERRORS, promptEvalCounts::add);
    }

    private static String chunk(String messageJson, boolean done) {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2024-12-06T00:48:09.983619Z\",\"message\":" + messageJson
                + ",\"done\":" + done + "}\n";
    }

    private static final String FINAL = "{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T08:52:19.385406455-07:00\","
            + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
            + "\"total_duration\":4883583458,\"load_duration\":1334875,\"prompt_eval_count\":26,"
            + "\"prompt_eval_duration\":342546000,\"eval_count\":282,\"eval_duration\":4535599000}\n";

    @Test
    void reconstructsContentUsageAndServerTimingsFromTheFinalObject() {
        String body = chunk("{\"role\":\"assistant\",\"content\":\"The\"}", false)
                + chunk("{\"role\":\"assistant\",\"content\":\" sky\"}", false)
                + chunk("{\"role\":\"assistant\",\"content\":\"\"}", false) + FINAL;
        CollectingEmitter out = CollectingEmitter.feed(handler(), body);

        assertThat(out.of(StreamEvent.ContentDelta.class)).extracting(StreamEvent.ContentDelta::text)
                .containsExactly("The", " sky"); // the empty piece is not an inter-token gap
        assertThat(out.of(StreamEvent.Usage.class)).singleElement()
                .isEqualTo(new StreamEvent.Usage(new TokenUsage(26, 282, TokenUsage.UNKNOWN, -1)));
        assertThat(out.of(StreamEvent.Timings.class)).singleElement()
                .isEqualTo(new StreamEvent.Timings(new ServerTimings(4883583458L, 1334875, 342546000, 4535599000L)));
        assertThat(out.terminal()).isEqualTo(new StreamEvent.Completed(FinishReason.STOP));
        assertThat(promptEvalCounts).containsExactly(26L);
    }

    @Test
    void splitsLinesAndUtf8CharactersAcrossNetworkReads() {
        String body = chunk("{\"role\":\"assistant\",\"content\":\"Olá 🌍 \"}", false)
                + chunk("{\"role\":\"assistant\",\"content\":\"ü\"}", false) + FINAL;
        CollectingEmitter out = CollectingEmitter.feed(handler(), body.getBytes(StandardCharsets.UTF_8), 1);

        assertThat(out.response().text()).isEqualTo("Olá 🌍 ü");
        assertThat(out.terminal()).isInstanceOf(StreamEvent.Completed.class);
    }

    @Test
    void keepsThinkingApartFromContent() {
        String body = chunk("{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Let me\"}", false)
                + chunk("{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\" think.\"}", false)
                + chunk("{\"role\":\"assistant\",\"content\":\"42\"}", false) + FINAL;
        CollectingEmitter out = CollectingEmitter.feed(handler(), body);

        ChatResponse r = out.response();
        assertThat(r.reasoning()).isEqualTo("Let me think.");
        assertThat(r.text()).isEqualTo("42");
        assertThat(out.events.get(0)).isEqualTo(new StreamEvent.ReasoningDelta("Let me"));
    }

    @Test
    void treatsEachToolCallAsCompleteEvenWithoutIdsOrWithRepeatedIndexes() {
        String body = chunk("{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":["
                + "{\"function\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\",\"unit\":\"c\"}}},"
                + "{\"function\":{\"index\":0,\"name\":\"get_weather\",\"arguments\":{\"city\":\"Rome\"}}}]}", false)
                + chunk("{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":["
                + "{\"id\":\"call_mo1wm122\",\"function\":{\"index\":0,\"name\":\"get_time\",\"arguments\":{}}}]}", false)
                + FINAL;
        CollectingEmitter out = CollectingEmitter.feed(handler(), body);

        assertThat(out.of(StreamEvent.ToolCallFragment.class)).extracting(StreamEvent.ToolCallFragment::index)
                .containsExactly(0, 1, 2);
        assertThat(out.response().toolCalls()).containsExactly(
                new ToolCall("", "get_weather", "{\"city\":\"Paris\",\"unit\":\"c\"}"),
                new ToolCall("", "get_weather", "{\"city\":\"Rome\"}"),
                new ToolCall("call_mo1wm122", "get_time", "{}"));
        assertThat(out.terminal()).isEqualTo(new StreamEvent.Completed(FinishReason.TOOL_CALLS));
    }

    @Test
    void mapsLengthAndUnknownDoneReasons() {
        String length = FINAL.replace("\"done_reason\":\"stop\"", "\"done_reason\":\"length\"");
        assertThat(CollectingEmitter.feed(handler(), length).terminal())
                .isEqualTo(new StreamEvent.Completed(FinishReason.LENGTH));
        String absent = FINAL.replace("\"done_reason\":\"stop\",", "");
        assertThat(CollectingEmitter.feed(handler(), absent).terminal())
                .isEqualTo(new StreamEvent.Completed(FinishReason.STOP));
        String odd = FINAL.replace("\"done_reason\":\"stop\"", "\"done_reason\":\"something_new\"");
        assertThat(CollectingEmitter.feed(handler(), odd).terminal())
                .isEqualTo(new StreamEvent.Completed(FinishReason.OTHER));
    }

    @Test
    void acceptsACloudFinalObjectWithoutMessageAndWithSomeDurationsMissing() {
        String body = chunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", false)
                + "{\"model\":\"gpt-oss:120b\",\"created_at\":\"2025-08-20T13:47:54.639Z\",\"done\":true,"
                + "\"done_reason\":\"stop\",\"total_duration\":912000000,\"prompt_eval_count\":11,\"eval_count\":3}\n";
        CollectingEmitter out = CollectingEmitter.feed(handler(), body);

        assertThat(out.of(StreamEvent.Timings.class)).singleElement().isEqualTo(new StreamEvent.Timings(
                new ServerTimings(912000000, ServerTimings.UNKNOWN, ServerTimings.UNKNOWN, ServerTimings.UNKNOWN)));
        assertThat(out.of(StreamEvent.Usage.class)).singleElement()
                .isEqualTo(new StreamEvent.Usage(new TokenUsage(11, 3, TokenUsage.UNKNOWN, -1)));
        assertThat(out.terminal()).isEqualTo(new StreamEvent.Completed(FinishReason.STOP));
    }

    @Test
    void sendsNoUsageOrTimingsWhenTheFinalObjectHasNone() {
        String body = "{\"model\":\"m\",\"created_at\":\"x\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"done_reason\":\"load\",\"done\":true}\n";
        CollectingEmitter out = CollectingEmitter.feed(handler(), body);

        assertThat(out.events).containsExactly(new StreamEvent.Completed(FinishReason.OTHER));
        assertThat(promptEvalCounts).containsExactly(-1L);
    }

    @Test
    void turnsAModelNotFoundErrorLineAfterA200IntoModelNotFound() {
        CollectingEmitter out = CollectingEmitter.feed(handler(),
                "{\"error\":\"model \\\"nope:1b\\\" not found, try pulling it first\"}\n");

        assertThat(out.events).singleElement().isInstanceOfSatisfying(StreamEvent.Failed.class, f -> {
            assertThat(f.error().errorClass()).isEqualTo(ErrorClass.MODEL_NOT_FOUND);
            assertThat(f.error().message()).contains("nope:1b");
        });
    }

    @Test
    void turnsAnErrorLineMidStreamIntoStreamErrorAfterTheContentSoFar() {
        String body = chunk("{\"role\":\"assistant\",\"content\":\" Yes\"}", false)
                + "{\"error\":\"an error was encountered while running the model\"}\n";
        CollectingEmitter out = CollectingEmitter.feed(handler(), body);

        assertThat(out.events.get(0)).isEqualTo(new StreamEvent.ContentDelta(" Yes"));
        assertThat(out.terminal()).isInstanceOfSatisfying(StreamEvent.Failed.class, f -> {
            assertThat(f.error().errorClass()).isEqualTo(ErrorClass.STREAM_ERROR);
            assertThat(f.error().message()).contains("an error was encountered while running the model");
        });
        assertThat(out.events).hasSize(2);
    }

    @Test
    void classifiesDoesNotSupportAsInvalidRequest() {
        CollectingEmitter out = CollectingEmitter.feed(handler(),
                "{\"error\":\"registry.ollama.ai/library/gemma3:1b does not support tools\"}\n");

        assertThat(((StreamEvent.Failed) out.terminal()).error().errorClass()).isEqualTo(ErrorClass.INVALID_REQUEST);
    }

    @Test
    void rejectsALineThatIsNotJson() {
        OllamaBodyHandler h = handler();
        CollectingEmitter out = new CollectingEmitter();
        byte[] bad = "{\"model\":\"m\",\"message\":{\"content\":\"x\"\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> h.onBytes(java.nio.ByteBuffer.wrap(bad), out))
                .isInstanceOf(BodyHandler.MalformedResponseException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void rejectsTrailingGarbageAfterTheObject() {
        OllamaBodyHandler h = handler();
        byte[] bad = "{\"done\":false} trailing\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> h.onBytes(java.nio.ByteBuffer.wrap(bad), new CollectingEmitter()))
                .isInstanceOf(BodyHandler.MalformedResponseException.class);
    }

    @Test
    void rejectsInvalidUtf8() {
        OllamaBodyHandler h = handler();
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};

        assertThatThrownBy(() -> h.onBytes(java.nio.ByteBuffer.wrap(bad), new CollectingEmitter()))
                .isInstanceOf(BodyHandler.MalformedResponseException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void leavesAStreamWithoutDoneUnterminatedSoTheExchangeReportsTruncation() {
        CollectingEmitter out = CollectingEmitter.feed(handler(), chunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", false));

        assertThat(out.ended()).isFalse();
    }

    @Test
    void rejectsAToolCallWithoutAName() {
        OllamaBodyHandler h = handler();
        byte[] bad = chunk("{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"arguments\":{}}}]}",
                false).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> h.onBytes(java.nio.ByteBuffer.wrap(bad), new CollectingEmitter()))
                .isInstanceOf(BodyHandler.MalformedResponseException.class)
                .hasMessageContaining("no function name");
    }

    @Test
    void toleratesBlankLinesAndCrlf() {
        String body = "\r\n" + chunk("{\"role\":\"assistant\",\"content\":\"a\"}", false).replace("\n", "\r\n") + "\n"
                + FINAL;
        CollectingEmitter out = CollectingEmitter.feed(handler(), body);

        assertThat(out.response().text()).isEqualTo("a");
        assertThat(out.terminal()).isInstanceOf(StreamEvent.Completed.class);
    }
}
