package dev.llmbench.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.TokenUsage;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.providers.internal.http.BodyHandler;
import dev.llmbench.providers.internal.http.ErrorMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicBodyHandlerTest {
    private static final String KEY = "sk-canary-123";
    private final ErrorMapper errors = new ErrorMapper("anthropic", Secret.of(KEY), "check ANTHROPIC_API_KEY",
            Clock.systemUTC());

    private CollectingEmitter feed(byte[] body, int chunk) {
        AnthropicBodyHandler handler = new AnthropicBodyHandler(errors);
        CollectingEmitter out = new CollectingEmitter();
        for (int i = 0; i < body.length; i += chunk) {
            handler.onBytes(ByteBuffer.wrap(Arrays.copyOfRange(body, i, Math.min(body.length, i + chunk))), out);
        }
        handler.onEnd(out);
        return out;
    }

    private CollectingEmitter feed(String text) {
        return feed(text.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    static byte[] fixture(String name) {
        try (InputStream in = AnthropicBodyHandlerTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String event(String type, String json) {
        return "event: " + type + "\ndata: " + json + "\n\n";
    }

    @Test
    void reconstructsTextAndReportsOneUsageBeforeCompletion() {
        CollectingEmitter out = feed(fixture("text.sse"), Integer.MAX_VALUE);

        assertThat(out.of(StreamEvent.ContentDelta.class)).extracting(StreamEvent.ContentDelta::text)
                .containsExactly("Hello", ", wörld 👋");
        assertThat(out.of(StreamEvent.Usage.class)).singleElement()
                .extracting(StreamEvent.Usage::usage).isEqualTo(new TokenUsage(25, 15, TokenUsage.UNKNOWN, -1));
        assertThat(out.events().subList(out.events().size() - 2, out.events().size()))
                .containsExactly(new StreamEvent.Usage(new TokenUsage(25, 15, TokenUsage.UNKNOWN, -1)),
                        new StreamEvent.Completed(FinishReason.STOP));
    }

    @Test
    void sameEventsWhenBytesArriveOneAtATimeSplittingUtf8Characters() {
        byte[] body = fixture("text.sse");
        assertThat(feed(body, 1).events()).isEqualTo(feed(body, Integer.MAX_VALUE).events());
        assertThat(feed(body, 3).events()).isEqualTo(feed(body, Integer.MAX_VALUE).events());
    }

    @Test
    void acceptsCrLfLineEnds() {
        String crlf = new String(fixture("text.sse"), StandardCharsets.UTF_8).replace("\n", "\r\n");
        CollectingEmitter out = feed(crlf);
        assertThat(out.assembler().text()).isEqualTo("Hello, wörld 👋");
        assertThat(out.last()).isEqualTo(new StreamEvent.Completed(FinishReason.STOP));
    }

    @Test
    void keepsThinkingApartFromContentAndIgnoresSignatures() {
        CollectingEmitter out = feed(fixture("thinking.sse"), 7);
        ChatResponse r = out.assembler().response();

        assertThat(r.reasoning()).isEqualTo("Let me add: 2 + 2 = 4.");
        assertThat(r.text()).isEqualTo("Answer: 4");
        assertThat(out.events().indexOf(out.of(StreamEvent.ReasoningDelta.class).get(0)))
                .isLessThan(out.events().indexOf(out.of(StreamEvent.ContentDelta.class).get(0)));
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void inputTokensIncludeCacheReadsAndWritesAndCumulativeOutputIsNotSummed() {
        CollectingEmitter out = feed(fixture("thinking.sse"), Integer.MAX_VALUE);
        // 40 uncached + 100 cache writes + 2000 cache reads; output 3, then 7, then 9 (cumulative: last wins)
        assertThat(out.of(StreamEvent.Usage.class)).singleElement()
                .isEqualTo(new StreamEvent.Usage(new TokenUsage(2140, 9, TokenUsage.UNKNOWN, -1)));
    }

    @Test
    void reconstructsParallelToolCallsFromPartialJsonNumberedWithoutTextBlocks() {
        CollectingEmitter out = feed(fixture("tool_use.sse"), 5);
        ChatResponse r = out.assembler().response();

        assertThat(r.text()).isEqualTo("Checking both cities.");
        assertThat(r.toolCalls()).containsExactly(
                new ToolCall("toolu_01T1x1fJ34qAmk2tNTrN7Up6", "get_weather", "{\"location\": \"San Francisco, CA\"}"),
                new ToolCall("toolu_02Ab", "get_time", "{}"));
        assertThat(out.of(StreamEvent.ToolCallFragment.class).get(0))
                .isEqualTo(new StreamEvent.ToolCallFragment(0, "toolu_01T1x1fJ34qAmk2tNTrN7Up6", "get_weather", ""));
        assertThat(out.of(StreamEvent.ToolCallFragment.class))
                .allSatisfy(f -> assertThat(f.index()).isBetween(0, 1));
        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(r.usage()).isEqualTo(new TokenUsage(472, 89, TokenUsage.UNKNOWN, -1));
    }

    @Test
    void emitsToolArgumentFragmentsAsTheyArrive() {
        CollectingEmitter out = feed(fixture("tool_use.sse"), Integer.MAX_VALUE);
        assertThat(out.of(StreamEvent.ToolCallFragment.class)).extracting(StreamEvent.ToolCallFragment::argumentsFragment)
                .containsExactly("", "{\"location\":", " \"San Fra", "ncisco, CA\"}", "", "{}");
    }

    @Test
    void errorEventFailsAsStreamErrorNamingTheErrorType() {
        CollectingEmitter out = feed(fixture("overloaded.sse"), Integer.MAX_VALUE);

        assertThat(out.assembler().text()).isEqualTo("Partial");
        assertThat(out.last()).isInstanceOfSatisfying(StreamEvent.Failed.class, f -> {
            ProviderError e = f.error();
            assertThat(e.errorClass()).isEqualTo(ErrorClass.STREAM_ERROR);
            assertThat(e.message()).contains("overloaded_error").contains("Overloaded");
            assertThat(e.httpStatus()).isEmpty();
        });
        assertThat(out.of(StreamEvent.Completed.class)).isEmpty();
    }

    @Test
    void errorMessagesNeverContainTheKey() {
        CollectingEmitter out = feed(event("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"bad key " + KEY + "\"}}"));
        assertThat(((StreamEvent.Failed) out.last()).error().message()).doesNotContain(KEY).contains("api_error");
    }

    @ParameterizedTest
    @CsvSource({"end_turn, STOP", "stop_sequence, STOP", "max_tokens, LENGTH", "model_context_window_exceeded, LENGTH",
            "tool_use, TOOL_CALLS", "refusal, CONTENT_FILTER", "pause_turn, OTHER", "something_new, OTHER"})
    void mapsStopReasons(String stopReason, FinishReason expected) {
        CollectingEmitter out = feed(event("message_start", "{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}")
                + event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                        + "\"},\"usage\":{\"output_tokens\":2}}")
                + event("message_stop", "{\"type\":\"message_stop\"}"));
        assertThat(out.last()).isEqualTo(new StreamEvent.Completed(expected));
    }

    @Test
    void streamWithoutStopReasonCompletesAsOther() {
        CollectingEmitter out = feed(event("message_stop", "{\"type\":\"message_stop\"}"));
        assertThat(out.events()).containsExactly(new StreamEvent.Completed(FinishReason.OTHER));
    }

    @Test
    void bodyEndingWithoutMessageStopEmitsNoTerminalEventSoTheExchangeReportsTruncation() {
        String full = new String(fixture("text.sse"), StandardCharsets.UTF_8);
        CollectingEmitter out = feed(full.substring(0, full.indexOf("event: message_delta")));
        assertThat(out.ended()).isFalse();
        assertThat(out.assembler().text()).isEqualTo("Hello, wörld 👋");
        assertThat(out.of(StreamEvent.Usage.class)).isEmpty();
    }

    @Test
    void nonJsonDataIsMalformed() {
        assertThatThrownBy(() -> feed(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"ty")))
                .isInstanceOf(BodyHandler.MalformedResponseException.class)
                .hasMessageContaining("content_block_delta");
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] head = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\""
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(head, head.length + 5);
        body[head.length] = (byte) 0xC3;
        body[head.length + 1] = (byte) 0x28; // not a continuation byte
        body[head.length + 2] = '"';
        body[head.length + 3] = '\n';
        body[head.length + 4] = '\n';
        assertThatThrownBy(() -> feed(body, Integer.MAX_VALUE)).isInstanceOf(BodyHandler.MalformedResponseException.class);
    }

    @Test
    void argumentDeltaForANonToolBlockIsMalformed() {
        assertThatThrownBy(() -> feed(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{}\"}}")))
                .isInstanceOf(BodyHandler.MalformedResponseException.class);
    }

    @Test
    void ignoresPingsCommentsUnknownEventsAndUnknownDeltas() {
        CollectingEmitter out = feed(": keep-alive comment\n\n"
                + event("ping", "{\"type\": \"ping\"}")
                + event("brand_new_event", "{\"type\":\"brand_new_event\",\"x\":1}")
                + event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"citations_delta\",\"citation\":{}}}")
                + event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"ok\"}}")
                + event("message_stop", "{\"type\":\"message_stop\"}"));
        assertThat(out.events()).containsExactly(new StreamEvent.ContentDelta("ok"),
                new StreamEvent.Completed(FinishReason.OTHER));
    }

    @Test
    void toolCallWithCompleteInputInItsStartBlockKeepsThatInput() {
        CollectingEmitter out = feed(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"f\",\"input\":{\"a\":1}}}")
                + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                + event("message_stop", "{\"type\":\"message_stop\"}"));
        assertThat(out.assembler().response().toolCalls()).containsExactly(new ToolCall("toolu_1", "f", "{\"a\":1}"));
    }
}
