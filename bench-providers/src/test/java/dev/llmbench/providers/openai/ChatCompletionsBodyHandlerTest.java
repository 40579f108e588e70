package dev.llmbench.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.ServerTimings;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.TokenUsage;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.providers.internal.http.BodyHandler.MalformedResponseException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The chat-completions body handler shared by {@code openai} and {@code openrouter}, fed bytes directly. */
class ChatCompletionsBodyHandlerTest {

    /** OpenAI's current shape: role chunk, content, finish chunk with {@code delta:{}}, usage chunk with {@code choices:[]}. */
    static final String OPENAI_STREAM = """
            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","system_fingerprint":"fp","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"x1"}

            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":" wörld"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,"completion_tokens_details":{"reasoning_tokens":0}}}

            data: [DONE]

            """;

    /** OpenRouter's observed shape: comments, role on every delta, usage+cost on a repeat of the finish chunk. */
    static final String OPENROUTER_STREAM = """
            : OPENROUTER PROCESSING

            : OPENROUTER PROCESSING

            data: {"id":"gen-1-abc","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5.4-nano-20260317","provider":"OpenAI","choices":[{"index":0,"delta":{"content":"Olá","role":"assistant"},"finish_reason":null,"native_finish_reason":null}]}

            : OPENROUTER PROCESSING

            data: {"id":"gen-1-abc","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5.4-nano-20260317","provider":"OpenAI","choices":[{"index":0,"delta":{"content":" mundo","role":"assistant"},"finish_reason":null,"native_finish_reason":null}]}

            data: {"id":"gen-1-abc","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5.4-nano-20260317","provider":"OpenAI","service_tier":"default","choices":[{"index":0,"delta":{"content":"","role":"assistant"},"finish_reason":"stop","native_finish_reason":"completed"}]}

            data: {"id":"gen-1-abc","object":"chat.completion.chunk","created":1,"model":"openai/gpt-5.4-nano-20260317","provider":"OpenAI","choices":[{"index":0,"delta":{"content":"","role":"assistant"},"finish_reason":"stop","native_finish_reason":"completed"}],"usage":{"prompt_tokens":19,"completion_tokens":7,"total_tokens":26,"cost":0.00001255,"is_byok":false,"prompt_tokens_details":{"cached_tokens":0},"cost_details":{"upstream_inference_cost":null,"input_audio_cache_read_tokens":null},"completion_tokens_details":{"reasoning_tokens":2}}}

            data: [DONE]

            """;

    private static String chunk(String choiceJson) {
        return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[" + choiceJson + "]}\n\n";
    }

    private static String delta(String deltaJson) {
        return chunk("{\"index\":0,\"delta\":" + deltaJson + ",\"finish_reason\":null}");
    }

    private static String finish(String reason) {
        return chunk("{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}");
    }

    private static final String DONE = "data: [DONE]\n\n";

    @Nested
    class OpenAiShape {
        @Test
        void reconstructsTextAndReportsUsageOnceBeforeCompleted() {
            HandlerRun run = HandlerRun.of(OPENAI_STREAM);

            assertThat(run.response().text()).isEqualTo("Hello wörld");
            assertThat(run.all(StreamEvent.Usage.class)).singleElement()
                    .extracting(StreamEvent.Usage::usage).isEqualTo(new TokenUsage(12, 3, 0, -1));
            List<StreamEvent> events = run.events();
            assertThat(events.get(events.size() - 2)).isInstanceOf(StreamEvent.Usage.class);
            assertThat(run.terminal()).contains(new StreamEvent.Completed(FinishReason.STOP));
        }

        @Test
        void emitsNoEmptyContentDeltas() {
            assertThat(HandlerRun.of(OPENAI_STREAM).all(StreamEvent.ContentDelta.class))
                    .extracting(StreamEvent.ContentDelta::text).containsExactly("Hello", " wörld");
        }

        @Test
        void doesNotEndAtTheFirstFinishReasonBecauseUsageMayFollow() {
            HandlerRun run = new HandlerRun().feed(delta("{\"content\":\"hi\"}") + finish("stop"));
            assertThat(run.terminal()).isEmpty();

            run.feed("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}\n\n" + DONE);
            assertThat(run.all(StreamEvent.Usage.class)).extracting(StreamEvent.Usage::usage)
                    .containsExactly(TokenUsage.of(1, 2));
            assertThat(run.terminal()).contains(new StreamEvent.Completed(FinishReason.STOP));
        }

        @Test
        void completesAtBodyEndWithoutDoneWhenAFinishReasonWasSeen() {
            HandlerRun run = HandlerRun.of(delta("{\"content\":\"hi\"}") + finish("stop"));
            assertThat(run.terminal()).contains(new StreamEvent.Completed(FinishReason.STOP));
        }

        @Test
        void treatsNullChoicesOnTheUsageChunkAsEmpty() {
            HandlerRun run = HandlerRun.of(delta("{\"content\":\"x\"}") + finish("length")
                    + "data: {\"choices\":null,\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":5}}\n\n" + DONE);

            assertThat(run.all(StreamEvent.Usage.class)).extracting(StreamEvent.Usage::usage)
                    .containsExactly(TokenUsage.of(4, 5));
            assertThat(run.terminal()).contains(new StreamEvent.Completed(FinishReason.LENGTH));
        }

        @ParameterizedTest
        @CsvSource({"stop,STOP", "length,LENGTH", "tool_calls,TOOL_CALLS", "content_filter,CONTENT_FILTER",
            "function_call,TOOL_CALLS", "something_new,OTHER"})
        void mapsFinishReasons(String wire, FinishReason expected) {
            assertThat(HandlerRun.of(delta("{\"content\":\"a\"}") + finish(wire) + DONE).terminal())
                    .contains(new StreamEvent.Completed(expected));
        }

        @Test
        void completesWithOtherWhenDoneArrivesWithoutAFinishReason() {
            assertThat(HandlerRun.of(delta("{\"content\":\"a\"}") + DONE).terminal())
                    .contains(new StreamEvent.Completed(FinishReason.OTHER));
        }

        @Test
        void leavesTheStreamUnendedWhenTheBodyStopsBeforeAnyFinish() {
            HandlerRun run = HandlerRun.of(delta("{\"content\":\"a\"}"));
            assertThat(run.terminal()).isEmpty(); // the exchange reports truncated_stream
            assertThat(HandlerRun.of("").terminal()).isEmpty();
            assertThat(HandlerRun.of("\n  \n").terminal()).isEmpty();
        }

        @Test
        void ignoresEverythingAfterDone() {
            HandlerRun run = HandlerRun.of(OPENAI_STREAM + delta("{\"content\":\"late\"}") + DONE);
            assertThat(run.response().text()).isEqualTo("Hello wörld");
            assertThat(run.events().stream().filter(StreamEvent::terminal)).hasSize(1);
        }

        @Test
        void keepsOnlyTheLastUsageWhenAServerReportsItOnEveryChunk() {
            HandlerRun run = HandlerRun.of(
                    "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}\n\n"
                    + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}\n\n"
                    + DONE);
            assertThat(run.all(StreamEvent.Usage.class)).extracting(StreamEvent.Usage::usage)
                    .containsExactly(TokenUsage.of(3, 2));
        }

        @Test
        void turnsRefusalsIntoVisibleText() {
            HandlerRun run = HandlerRun.of(delta("{\"refusal\":\"I can't help with that.\"}") + finish("stop") + DONE);
            assertThat(run.response().text()).isEqualTo("I can't help with that.");
        }

        @Test
        void passesOnLlamaCppServerTimings() {
            HandlerRun run = HandlerRun.of(delta("{\"content\":\"a\"}")
                    + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                    + "\"timings\":{\"prompt_n\":5,\"prompt_ms\":12.5,\"predicted_n\":1,\"predicted_ms\":30}}\n\n" + DONE);
            assertThat(run.all(StreamEvent.Timings.class)).extracting(StreamEvent.Timings::timings)
                    .containsExactly(new ServerTimings(42_500_000L, ServerTimings.UNKNOWN, 12_500_000L, 30_000_000L));
        }
    }

    @Nested
    class OpenRouterShape {
        @Test
        void skipsProcessingCommentsAndCountsUsageWithCostOnce() {
            HandlerRun run = HandlerRun.of(OPENROUTER_STREAM);

            assertThat(run.response().text()).isEqualTo("Olá mundo");
            assertThat(run.all(StreamEvent.Usage.class)).extracting(StreamEvent.Usage::usage)
                    .containsExactly(new TokenUsage(19, 7, 2, 0.00001255));
            assertThat(run.events().stream().filter(StreamEvent::terminal)).hasSize(1);
            assertThat(run.terminal()).contains(new StreamEvent.Completed(FinishReason.STOP));
        }

        @Test
        void acceptsUsageOnAChunkWithANullFinishReasonAfterTheFinish() {
            HandlerRun run = HandlerRun.of(delta("{\"role\":\"assistant\",\"content\":\"a\"}") + finish("tool_calls")
                    + "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],"
                    + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"cost\":0}}\n\n" + DONE);

            assertThat(run.all(StreamEvent.Usage.class)).extracting(StreamEvent.Usage::usage)
                    .containsExactly(new TokenUsage(1, 1, TokenUsage.UNKNOWN, 0.0));
            assertThat(run.terminal()).contains(new StreamEvent.Completed(FinishReason.TOOL_CALLS));
        }

        @ParameterizedTest
        @ValueSource(strings = {"429", "\"server_error\""})
        void failsWithAStreamErrorOnAMidStreamErrorChunkWhateverTheCodeType(String code) {
            HandlerRun run = HandlerRun.of(": OPENROUTER PROCESSING\n\n" + delta("{\"role\":\"assistant\",\"content\":\"par\"}")
                    + "data: {\"id\":\"gen-abc\",\"object\":\"chat.completion.chunk\",\"provider\":\"OpenAI\","
                    + "\"error\":{\"code\":" + code + ",\"message\":\"Rate limit exceeded\",\"metadata\":{\"error_type\":\"rate_limit_exceeded\"}},"
                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"error\"}]}\n\n" + DONE);

            assertThat(run.response().text()).isEqualTo("par");
            assertThat(run.failure().errorClass()).isEqualTo(ErrorClass.STREAM_ERROR);
            assertThat(run.failure().message()).contains("Rate limit exceeded").contains(code.replace("\"", ""))
                    .doesNotContain(HandlerRun.CANARY_KEY);
        }

        @Test
        void failsWhenTheFinishReasonIsErrorWithoutAnErrorObject() {
            HandlerRun run = HandlerRun.of(delta("{\"content\":\"a\"}") + finish("error") + DONE);
            assertThat(run.failure().errorClass()).isEqualTo(ErrorClass.STREAM_ERROR);
            assertThat(run.failure().message()).contains("finish_reason \"error\"");
        }

        @Test
        void failsOnAChoiceLevelError() {
            HandlerRun run = HandlerRun.of(chunk("{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"error\","
                    + "\"error\":{\"code\":502,\"message\":\"Upstream went away\",\"metadata\":{\"error_type\":\"provider_unavailable\"}}}"));
            assertThat(run.failure().errorClass()).isEqualTo(ErrorClass.STREAM_ERROR);
            assertThat(run.failure().message()).contains("Upstream went away");
        }

        @Test
        void readsReasoningOnceEvenWhenReasoningDetailsRepeatIt() {
            HandlerRun run = HandlerRun.of(
                    delta("{\"role\":\"assistant\",\"content\":\"\",\"reasoning\":\"Let me \",\"reasoning_details\":"
                            + "[{\"type\":\"reasoning.text\",\"text\":\"Let me \",\"format\":\"unknown\",\"index\":0}]}")
                    + ": OPENROUTER PROCESSING\n\n"
                    + delta("{\"role\":\"assistant\",\"content\":\"\",\"reasoning\":\"think.\",\"reasoning_details\":"
                            + "[{\"type\":\"reasoning.text\",\"text\":\"think.\",\"format\":\"unknown\",\"index\":0}]}")
                    + delta("{\"role\":\"assistant\",\"content\":\"42\"}") + finish("stop") + DONE);

            ChatResponse r = run.response();
            assertThat(r.reasoning()).isEqualTo("Let me think.");
            assertThat(r.text()).isEqualTo("42");
        }

        @Test
        void readsReasoningFromDetailsWhenNoReasoningStringIsSent() {
            HandlerRun run = HandlerRun.of(delta("{\"reasoning_details\":[{\"type\":\"reasoning.summary\",\"summary\":\"Sum.\"},"
                    + "{\"type\":\"reasoning.encrypted\",\"data\":\"b64\"}]}") + finish("stop") + DONE);
            assertThat(run.response().reasoning()).isEqualTo("Sum.");
        }
    }

    @Nested
    class OtherServers {
        @Test
        void readsReasoningContentAsSomeServersSendIt() {
            HandlerRun run = HandlerRun.of(delta("{\"reasoning_content\":\"hmm\",\"content\":null}")
                    + delta("{\"content\":\"ok\"}") + finish("stop") + DONE);
            assertThat(run.response().reasoning()).isEqualTo("hmm");
            assertThat(run.response().text()).isEqualTo("ok");
            assertThat(run.events().indexOf(new StreamEvent.ReasoningDelta("hmm")))
                    .isLessThan(run.events().indexOf(new StreamEvent.ContentDelta("ok")));
        }

        @Test
        void acceptsOllamasOlderFinishChunkWithRoleAndEmptyContent() {
            String ollama = """
                    data: {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}

                    data: {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":" there"},"finish_reason":null}]}

                    data: {"id":"chatcmpl-7","object":"chat.completion.chunk","created":1,"model":"llama3.2","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":"stop"}]}

                    data: [DONE]

                    """;
            HandlerRun run = HandlerRun.of(ollama);
            assertThat(run.response().text()).isEqualTo("Hi there");
            assertThat(run.terminal()).contains(new StreamEvent.Completed(FinishReason.STOP));
            assertThat(run.all(StreamEvent.Usage.class)).isEmpty();
        }

        @Test
        void joinsMultiLineData() {
            HandlerRun run = HandlerRun.of("data: {\"choices\":[{\"index\":0,\n"
                    + "data: \"delta\":{\"content\":\"joined\"}}]}\n\n" + finish("stop") + DONE);
            assertThat(run.response().text()).isEqualTo("joined");
        }

        @Test
        void acceptsCrlfLineEndings() {
            HandlerRun run = HandlerRun.bytewise(OPENROUTER_STREAM.replace("\n", "\r\n"));
            assertThat(run.response().text()).isEqualTo("Olá mundo");
            assertThat(run.terminal()).contains(new StreamEvent.Completed(FinishReason.STOP));
        }

        @Test
        void joinsAUtf8CharacterSplitAcrossReads() {
            String body = delta("{\"content\":\"€ 😀 中\"}") + finish("stop") + DONE;
            for (int piece = 1; piece <= 7; piece++) {
                HandlerRun run = HandlerRun.of(body.getBytes(StandardCharsets.UTF_8), piece);
                assertThat(run.response().text()).as("pieces of %d bytes", piece).isEqualTo("€ 😀 中");
            }
        }

        @Test
        void rejectsInvalidUtf8() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(delta("{\"content\":\"ok\"}").getBytes(StandardCharsets.UTF_8));
            b.writeBytes("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"bad ".getBytes(StandardCharsets.UTF_8));
            b.writeBytes(new byte[] {(byte) 0xC3, 0x28});
            b.writeBytes("\"}}]}\n\n".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> HandlerRun.of(b.toByteArray(), 16))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("UTF-8");
        }

        @Test
        void rejectsDataThatIsNotJson() {
            assertThatThrownBy(() -> HandlerRun.of(delta("{\"content\":\"a\"}") + "data: {\"id\":\"x\",\"object\":\"chat.completion.ch\n\n"))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("not valid JSON");
            assertThatThrownBy(() -> HandlerRun.of("data: [1,2]\n\n"))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("not a JSON object");
        }

        @Test
        void failsOnAnEventNamedError() {
            HandlerRun run = HandlerRun.of("event: error\ndata: {\"message\":\"overloaded\"}\n\n");
            assertThat(run.failure().errorClass()).isEqualTo(ErrorClass.STREAM_ERROR);
            assertThat(run.failure().message()).contains("overloaded");
        }

        @Test
        void skipsEmptyDataEvents() {
            HandlerRun run = HandlerRun.of("data:\n\n" + delta("{\"content\":\"a\"}") + finish("stop") + DONE);
            assertThat(run.response().text()).isEqualTo("a");
        }
    }

    @Nested
    class ToolCalls {
        @Test
        void joinsOpenAiArgumentFragmentsOfParallelCalls() {
            HandlerRun run = HandlerRun.bytewise(
                    delta("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}")
                    + delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}")
                    + delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\"}}]}")
                    + delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}")
                    + delta("{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":\"\"}}]}")
                    + delta("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{}\"}}]}")
                    + finish("tool_calls") + DONE);

            assertThat(run.response().toolCalls()).containsExactly(
                    new ToolCall("call_a", "get_weather", "{\"city\":\"Paris\"}"),
                    new ToolCall("call_b", "get_time", "{}"));
            assertThat(run.terminal()).contains(new StreamEvent.Completed(FinishReason.TOOL_CALLS));
            assertThat(run.all(StreamEvent.ToolCallFragment.class).get(0))
                    .isEqualTo(new StreamEvent.ToolCallFragment(0, "call_a", "get_weather", ""));
        }

        @Test
        void acceptsWholeArgumentsInOneFragment() {
            HandlerRun run = HandlerRun.of(delta("{\"tool_calls\":[{\"id\":\"call_x\",\"index\":0,\"type\":\"function\","
                    + "\"function\":{\"name\":\"add\",\"arguments\":\"{\\\"a\\\":1,\\\"b\\\":2}\"}}]}") + finish("tool_calls") + DONE);
            assertThat(run.response().toolCalls()).containsExactly(new ToolCall("call_x", "add", "{\"a\":1,\"b\":2}"));
        }

        @Test
        void serializesArgumentsSentAsAnObject() {
            HandlerRun run = HandlerRun.of(delta("{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\"f\","
                    + "\"arguments\":{\"x\":[1,2]}}}]}") + finish("tool_calls") + DONE);
            assertThat(run.response().toolCalls()).containsExactly(new ToolCall("c1", "f", "{\"x\":[1,2]}"));
        }

        @Test
        void separatesCallsThatShareAnIndexButNotAnId() {
            HandlerRun run = HandlerRun.of(
                    delta("{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}")
                    + delta("{\"tool_calls\":[{\"index\":0,\"id\":\"c2\",\"function\":{\"name\":\"g\",\"arguments\":\"{\\\"q\\\":1}\"}}]}")
                    + finish("tool_calls") + DONE);
            assertThat(run.response().toolCalls()).containsExactly(new ToolCall("c1", "f", "{}"), new ToolCall("c2", "g", "{\"q\":1}"));
        }

        @Test
        void separatesWholeCallsWithoutIndexOrId() {
            HandlerRun run = HandlerRun.of(delta("{\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}},"
                    + "{\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}]}") + finish("tool_calls") + DONE);
            assertThat(run.response().toolCalls()).extracting(ToolCall::name).containsExactly("f", "g");
        }

        @Test
        void doesNotRepeatIdsAndNamesThatEveryFragmentCarries() {
            HandlerRun run = HandlerRun.of(
                    delta("{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\"\"}}]}")
                    + delta("{\"tool_calls\":[{\"index\":0,\"id\":\"c1\",\"function\":{\"name\":\"f\",\"arguments\":\":1}\"}}]}")
                    + finish("tool_calls") + DONE);
            assertThat(run.all(StreamEvent.ToolCallFragment.class)).containsExactly(
                    new StreamEvent.ToolCallFragment(0, "c1", "f", "{\"a\""),
                    new StreamEvent.ToolCallFragment(0, "", "", ":1}"));
        }
    }

    @Nested
    class PlainJsonBody {
        @Test
        void understandsANonStreamedCompletionAfterKeepAliveWhitespace() {
            String body = "\n         \n".repeat(9) + """
                    {"id":"gen-1","object":"chat.completion","created":1,"model":"x/y","provider":"P","choices":[{"index":0,
                    "message":{"role":"assistant","content":"Done.","reasoning":"Because.","tool_calls":[{"id":"call_1","type":"function",
                    "function":{"name":"f","arguments":"{\\"k\\":1}"}}]},"finish_reason":"tool_calls","native_finish_reason":"tool_use"}],
                    "usage":{"prompt_tokens":10,"completion_tokens":20,"total_tokens":30,"cost":0.5}}
                    """;
            HandlerRun run = HandlerRun.of(body.getBytes(StandardCharsets.UTF_8), 7);

            ChatResponse r = run.response();
            assertThat(r.text()).isEqualTo("Done.");
            assertThat(r.reasoning()).isEqualTo("Because.");
            assertThat(r.toolCalls()).containsExactly(new ToolCall("call_1", "f", "{\"k\":1}"));
            assertThat(r.usage()).isEqualTo(new TokenUsage(10, 20, TokenUsage.UNKNOWN, 0.5));
            assertThat(run.terminal()).contains(new StreamEvent.Completed(FinishReason.TOOL_CALLS));
        }

        @Test
        void failsOnATopLevelErrorInA200Body() {
            HandlerRun run = HandlerRun.of("{\"error\":{\"message\":\"Internal Server Error\",\"code\":500},\"user_id\":\"org_abc123\"}");
            assertThat(run.failure().errorClass()).isEqualTo(ErrorClass.STREAM_ERROR);
            assertThat(run.failure().message()).contains("Internal Server Error");
        }

        @Test
        void rejectsACutJsonBody() {
            assertThatThrownBy(() -> HandlerRun.of("{\"id\":\"x\",\"choices\":[{\"message\""))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("not valid JSON");
        }
    }
}
