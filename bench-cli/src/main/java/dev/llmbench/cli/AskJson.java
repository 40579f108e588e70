package dev.llmbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.ServerTimings;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.timing.RequestTiming;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The JSON object {@code llmbench ask} prints (snake_case; unknown figures are {@code null}):
 * {@code model, text, reasoning, tool_calls[{id, name, arguments}], usage{input_tokens,
 * output_tokens, source, cost_usd}, finish_reason, timings{ttfb_ms, ttft_ms, ttfr_ms, latency_ms,
 * tpot_ms, decode_tps, e2e_tps, itl_count, server{total_ms, load_ms, prompt_eval_ms, eval_ms}},
 * error{class, message, http_status, retry_after_ms}}. Tool-call arguments are a JSON object; when
 * the model produced invalid JSON they are its text, with {@code arguments_invalid: true}. Stateless.
 */
final class AskJson {
    private AskJson() {}

    /** The object for one finished request. */
    static ObjectNode of(String model, ChatResponse r, RequestTiming t, StreamEvent terminal) {
        ObjectNode n = JsonCodec.MAPPER.createObjectNode();
        n.put("model", model);
        n.put("text", r.text());
        n.put("reasoning", r.reasoning());
        ArrayNode calls = n.putArray("tool_calls");
        for (ToolCall c : r.toolCalls()) {
            ObjectNode call = calls.addObject().put("id", c.id()).put("name", c.name());
            try {
                JsonNode args = JsonCodec.MAPPER.readTree(c.argumentsJson().isBlank() ? "{}" : c.argumentsJson());
                call.set("arguments", args);
            } catch (JsonProcessingException invalid) {
                call.put("arguments", c.argumentsJson()); // what the model produced, kept as text
                call.put("arguments_invalid", true);
            }
        }
        ObjectNode usage = n.putObject("usage");
        count(usage, "input_tokens", r.usage().inputTokens());
        count(usage, "output_tokens", t.outputTokens());
        usage.put("source", t.usageSource().id());
        number(usage, "cost_usd", r.usage().costUsd() >= 0 ? OptionalDouble.of(r.usage().costUsd()) : OptionalDouble.empty());
        ProviderError error = terminal instanceof StreamEvent.Failed f ? f.error() : null;
        if (terminal instanceof StreamEvent.Completed c) {
            n.put("finish_reason", c.reason().name().toLowerCase(Locale.ROOT));
        } else {
            n.putNull("finish_reason");
        }
        ObjectNode timings = n.putObject("timings");
        millis(timings, "ttfb_ms", t.ttfbNanos());
        millis(timings, "ttft_ms", t.ttftNanos());
        millis(timings, "ttfr_ms", t.ttfrNanos());
        millis(timings, "latency_ms", t.latencyNanos());
        number(timings, "tpot_ms", t.tpotNanos().isPresent()
                ? OptionalDouble.of(t.tpotNanos().getAsDouble() / 1e6) : OptionalDouble.empty());
        number(timings, "decode_tps", t.decodeTps());
        number(timings, "e2e_tps", t.e2eTps());
        timings.put("itl_count", t.itlNanos().size());
        ServerTimings st = r.serverTimings();
        if (st.equals(ServerTimings.NONE)) {
            timings.putNull("server");
        } else {
            ObjectNode server = timings.putObject("server");
            millis(server, "total_ms", st.totalNanos());
            millis(server, "load_ms", st.loadNanos());
            millis(server, "prompt_eval_ms", st.promptEvalNanos());
            millis(server, "eval_ms", st.evalNanos());
        }
        if (error == null) {
            n.putNull("error");
        } else {
            ObjectNode e = n.putObject("error");
            e.put("class", error.errorClass().id());
            e.put("message", error.message());
            if (error.httpStatus().isPresent()) {
                e.put("http_status", error.httpStatusCode());
            } else {
                e.putNull("http_status");
            }
            if (error.retryAfter().isPresent()) {
                e.put("retry_after_ms", error.retryAfterMillis());
            } else {
                e.putNull("retry_after_ms");
            }
        }
        return n;
    }

    private static void count(ObjectNode n, String field, long v) {
        if (v < 0) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    private static void millis(ObjectNode n, String field, long nanos) {
        if (nanos < 0) {
            n.putNull(field);
        } else {
            n.put(field, Math.round(nanos / 1e3) / 1e3);
        }
    }

    private static void number(ObjectNode n, String field, OptionalDouble v) {
        if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
            n.put(field, Math.round(v.getAsDouble() * 1000) / 1000.0);
        } else {
            n.putNull(field);
        }
    }
}
