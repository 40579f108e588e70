package dev.llmbench.core.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.model.Role;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.TokenGaps;
import dev.llmbench.core.timing.UsageSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps trial records to and from JSON (snake_case). Used by the journal and by the result
 * document writer and reader. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class JsonCodec {
    /** The shared mapper; configured once, thread-safe. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonCodec() {}

    /**
     * A trial as a JSON object. With {@code lossless}, the raw nanosecond timings and every
     * inter-token gap are included (the journal); without, millisecond figures only (result files).
     */
    public static ObjectNode trial(TrialRecord t, boolean lossless) {
        ObjectNode n = MAPPER.createObjectNode();
        if (lossless) {
            n.put("model", t.model());
            n.put("test", t.test());
        }
        n.put("case", t.caseId());
        n.put("trial", t.trial());
        n.put("started_at", t.startedAt().toString());
        n.put("score", t.score());
        n.put("passed", t.passed());
        ArrayNode checks = n.putArray("checks");
        for (Check c : t.checks()) {
            ObjectNode cn = checks.addObject();
            cn.put("name", c.name());
            cn.put("passed", c.passed());
            cn.put("weight", c.weight());
            cn.put("expected", c.expected());
            cn.put("actual", c.actual());
        }
        n.put("response", t.response());
        if (!t.reasoning().isEmpty()) {
            n.put("reasoning", t.reasoning());
        }
        n.put("finish_reason", t.finishReason());
        RequestTiming tm = t.timing();
        putMs(n, "ttfb_ms", tm.ttfbNanos());
        putMs(n, "ttft_ms", tm.ttftNanos());
        putMs(n, "ttfr_ms", tm.ttfrNanos());
        putMs(n, "latency_ms", tm.latencyNanos());
        putNumber(n, "tpot_ms", tm.tpotNanos().isPresent() ? tm.tpotNanos().getAsDouble() / 1e6 : Double.NaN);
        putNumber(n, "decode_tps", tm.decodeTps().orElse(Double.NaN));
        putNumber(n, "e2e_tps", tm.e2eTps().orElse(Double.NaN));
        n.put("output_tokens", tm.outputTokens());
        if (t.inputTokens() >= 0) {
            n.put("input_tokens", t.inputTokens());
        } else {
            n.putNull("input_tokens");
        }
        n.put("usage_source", tm.usageSource().id());
        putNumber(n, "cost_usd", t.costUsd() >= 0 ? t.costUsd() : Double.NaN);
        if (t.error().isPresent()) {
            ProviderError e = t.error().get();
            ObjectNode en = n.putObject("error");
            en.put("class", e.errorClass().id());
            en.put("message", e.message());
            if (e.httpStatus().isPresent()) {
                en.put("http_status", e.httpStatusCode());
            } else {
                en.putNull("http_status");
            }
            if (e.retryAfterMillis() >= 0) {
                en.put("retry_after_ms", e.retryAfterMillis());
            }
        } else {
            n.putNull("error");
        }
        n.put("retries", t.retries());
        if (!t.conversation().isEmpty()) {
            ArrayNode conv = n.putArray("conversation");
            for (Message m : t.conversation()) {
                ObjectNode mn = conv.addObject();
                mn.put("role", m.role().wireName());
                mn.put("content", m.content());
                if (!m.toolCalls().isEmpty()) {
                    ArrayNode calls = mn.putArray("tool_calls");
                    for (ToolCall c : m.toolCalls()) {
                        calls.addObject().put("id", c.id()).put("name", c.name()).put("arguments", c.argumentsJson());
                    }
                }
                if (!m.toolName().isEmpty()) {
                    mn.put("tool_call_id", m.toolCallId());
                    mn.put("tool_name", m.toolName());
                }
            }
        }
        if (lossless) {
            n.put("ttfb_ns", tm.ttfbNanos());
            n.put("ttft_ns", tm.ttftNanos());
            n.put("ttfr_ns", tm.ttfrNanos());
            n.put("latency_ns", tm.latencyNanos());
            ArrayNode itl = n.putArray("itl_ns");
            tm.itlNanos().forEach((long v) -> itl.add(v));
        } else {
            n.put("itl_count", tm.itlNanos().size());
        }
        return n;
    }

    /**
     * Reads a trial written with {@code lossless = true}.
     *
     * @throws IllegalArgumentException when a field is missing or invalid
     */
    public static TrialRecord readTrial(JsonNode n) {
        try {
            List<Check> checks = new ArrayList<>();
            for (JsonNode c : n.withArray("checks")) {
                checks.add(new Check(c.get("name").asText(), c.get("passed").asBoolean(), c.get("weight").asDouble(),
                        c.get("expected").asText(), c.get("actual").asText()));
            }
            ArrayNode gaps = n.withArray("itl_ns");
            long[] itl = new long[gaps.size()];
            for (int i = 0; i < itl.length; i++) {
                itl[i] = gaps.get(i).asLong();
            }
            RequestTiming timing = new RequestTiming(n.get("ttfb_ns").asLong(), n.get("ttft_ns").asLong(),
                    n.get("ttfr_ns").asLong(), n.get("latency_ns").asLong(), TokenGaps.of(itl), n.get("output_tokens").asLong(),
                    UsageSource.valueOf(n.get("usage_source").asText().toUpperCase(java.util.Locale.ROOT)));
            Optional<ProviderError> error = Optional.empty();
            JsonNode e = n.get("error");
            if (e != null && !e.isNull()) {
                JsonNode status = e.get("http_status");
                JsonNode retry = e.get("retry_after_ms");
                error = Optional.of(new ProviderError(ErrorClass.fromId(e.get("class").asText()),
                        e.get("message").asText(), status == null || status.isNull() ? 0 : status.asInt(),
                        retry == null ? -1 : retry.asLong()));
            }
            List<Message> conversation = new ArrayList<>();
            for (JsonNode m : n.withArray("conversation")) {
                Role role = Role.valueOf(m.get("role").asText().toUpperCase(java.util.Locale.ROOT));
                List<ToolCall> calls = new ArrayList<>();
                for (JsonNode c : m.withArray("tool_calls")) {
                    calls.add(new ToolCall(c.get("id").asText(), c.get("name").asText(), c.get("arguments").asText()));
                }
                conversation.add(new Message(role, m.get("content").asText(), calls,
                        m.path("tool_call_id").asText(""), m.path("tool_name").asText("")));
            }
            JsonNode input = n.get("input_tokens");
            JsonNode cost = n.get("cost_usd");
            return new TrialRecord(n.get("model").asText(), n.get("test").asText(), n.get("case").asText(),
                    n.get("trial").asInt(), Instant.parse(n.get("started_at").asText()), n.get("score").asDouble(),
                    n.get("passed").asBoolean(), checks, n.get("response").asText(),
                    n.has("reasoning") ? n.get("reasoning").asText() : "", n.get("finish_reason").asText(), timing,
                    input == null || input.isNull() ? -1 : input.asLong(),
                    cost == null || cost.isNull() ? -1 : cost.asDouble(), error, conversation,
                    n.path("retries").asInt(0));
        } catch (NullPointerException | UnsupportedOperationException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("trial record is missing a field or has an invalid one: " + e, e);
        }
    }

    /** Writes a number, or JSON null for NaN/infinite values; rounds to 4 decimals. */
    static void putNumber(ObjectNode n, String field, double value) {
        if (Double.isFinite(value)) {
            n.put(field, Math.round(value * 10_000.0) / 10_000.0);
        } else {
            n.putNull(field);
        }
    }

    private static void putMs(ObjectNode n, String field, long nanos) {
        putNumber(n, field, nanos < 0 ? Double.NaN : nanos / 1e6);
    }
}
