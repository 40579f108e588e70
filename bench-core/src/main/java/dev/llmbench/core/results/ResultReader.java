package dev.llmbench.core.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.BenchRunException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads an {@code llmbench.result/v1} document ({@code result.json}, docs/RESULT-SCHEMA.md) back
 * into a {@link RunResult}: every field {@code JsonResultWriter} writes. Stateless and thread-safe.
 *
 * <p>Tolerance: a missing or {@code null} optional figure reads as unknown (an empty interval, an
 * empty {@code OptionalDouble}, NaN, an empty distribution or map), never as an invented value.
 *
 * <p>What a result file cannot give back: figures are rounded to 4 decimals when written, so
 * trial timings come back to the nearest 100 ns; trials carry only the number of inter-token
 * gaps ({@code itl_count}), not the gaps themselves (those are in {@code journal.jsonl}), so read
 * trials have an empty gap list. The summary's ITL distribution and histograms are kept.
 *
 * @since 0.1
 */
public final class ResultReader {
    private ResultReader() {}

    /**
     * Reads a result file.
     *
     * @throws BenchConfigurationException when the file is JSON but not an {@code llmbench.result/v1}
     *         document (one line naming the file)
     * @throws BenchRunException when the file cannot be read, is not JSON or is malformed
     */
    public static RunResult read(Path file) {
        return read(readTree(file), file.toString());
    }

    /**
     * Reads a parsed result document.
     *
     * @param source names the document in error messages, e.g. its path
     * @throws BenchConfigurationException when {@code schema} is not {@value RunResult#SCHEMA}
     * @throws BenchRunException when a required field is missing or invalid
     */
    public static RunResult read(JsonNode root, String source) {
        String schema = root.path("schema").asText("");
        if (!RunResult.SCHEMA.equals(schema)) {
            throw new BenchConfigurationException(source + " is not an llmbench result: its schema is "
                    + (schema.isEmpty() ? "missing" : "\"" + schema + "\"") + ", expected \"" + RunResult.SCHEMA + "\"");
        }
        try {
            RunInfo info = runInfo(required(root, "run"));
            List<ModelResult> models = new ArrayList<>();
            for (JsonNode m : array(root, "models")) {
                models.add(model(m, info));
            }
            return new RunResult(info, models);
        } catch (IllegalArgumentException | NullPointerException | DateTimeException | UnsupportedOperationException e) {
            throw new BenchRunException(source + " is a malformed llmbench result: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a JSON file.
     *
     * @throws BenchRunException naming the file when it cannot be read or is not JSON
     */
    public static JsonNode readTree(Path file) {
        try {
            return JsonCodec.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new BenchRunException("cannot read " + file + ": not valid JSON" + where, e);
        } catch (IOException e) {
            throw new BenchRunException("cannot read " + file + ": " + describe(e), e);
        }
    }

    private static RunInfo runInfo(JsonNode run) {
        Instant started = Instant.parse(required(run, "started_at").asText());
        Instant finished = run.hasNonNull("finished_at") ? Instant.parse(run.get("finished_at").asText()) : started;
        return new RunInfo(required(run, "id").asText(), started, finished, run.path("llmbench_version").asText(""),
                map(run.path("options")), map(run.path("environment")), run.path("wall_time_ms").asLong(0),
                run.path("simulated").asBoolean(false));
    }

    private static ModelResult model(JsonNode m, RunInfo info) {
        String model = required(m, "model").asText();
        List<TestResult> tests = new ArrayList<>();
        for (JsonNode t : array(m, "tests")) {
            tests.add(test(t, model, info));
        }
        return new ModelResult(model, m.path("provider").asText(model.contains(":") ? model.substring(0,
                model.indexOf(':')) : "unknown"), summary(required(m, "summary")), tests);
    }

    private static ModelSummary summary(JsonNode s) {
        Map<String, Long> errorsByClass = new LinkedHashMap<>();
        s.path("errors_by_class").fields().forEachRemaining(e -> errorsByClass.put(e.getKey(), e.getValue().asLong()));
        Map<String, String> histograms = new LinkedHashMap<>();
        s.path("histograms").fields().forEachRemaining(e -> histograms.put(e.getKey(), e.getValue().asText()));
        return new ModelSummary(number(s, "quality"), interval(s, "quality_ci95"), s.path("tests_passed").asInt(0),
                s.path("tests_total").asInt(0), s.path("requests").asLong(0), s.path("errors").asLong(0),
                errorsByClass, number(s, "reliability"), interval(s, "reliability_ci95"),
                distribution(s.path("ttft_ms")), distribution(s.path("latency_ms")), distribution(s.path("itl_ms")),
                distribution(s.path("decode_tps")), s.path("output_tokens").asLong(0), optional(s, "cost_usd"),
                optional(s, "cold_start_ms"), histograms, number(s, "mean_latency_ms"), number(s, "smf_overall"),
                s.path("retries").asLong(0));
    }

    private static TestResult test(JsonNode t, String model, RunInfo info) {
        String id = required(t, "id").asText();
        List<TrialRecord> trials = new ArrayList<>();
        for (JsonNode tr : array(t, "trials")) {
            trials.add(trial(tr, model, id, info));
        }
        return new TestResult(id, t.path("category").asText(""), number(t, "score"), interval(t, "score_ci95"),
                t.path("score_ci_method").asText(""), number(t, "pass_rate"), interval(t, "pass_rate_ci95"),
                t.path("passed").asBoolean(false), t.path("errors").asInt(0), kMap(t.path("pass_at_k")),
                kMap(t.path("pass_pow_k")), trials);
    }

    /** Rebuilds the journal (lossless) form of a result-file trial and reads it with {@link JsonCodec}. */
    private static TrialRecord trial(JsonNode n, String model, String test, RunInfo info) {
        required(n, "case");
        required(n, "trial");
        required(n, "score");
        ObjectNode c = ((ObjectNode) n).deepCopy();
        c.put("model", model);
        c.put("test", test);
        if (!c.hasNonNull("started_at")) {
            c.put("started_at", info.startedAt().toString());
        }
        defaultText(c, "response", "");
        defaultText(c, "finish_reason", "");
        defaultText(c, "usage_source", "counted");
        if (!c.hasNonNull("output_tokens")) {
            c.put("output_tokens", 0);
        }
        if (!c.hasNonNull("passed")) {
            c.put("passed", false);
        }
        c.put("ttfb_ns", nanos(n, "ttfb_ms"));
        c.put("ttft_ns", nanos(n, "ttft_ms"));
        c.put("ttfr_ns", nanos(n, "ttfr_ms"));
        long latency = nanos(n, "latency_ms");
        c.put("latency_ns", Math.max(0, latency));
        c.putArray("itl_ns");
        return JsonCodec.readTrial(c);
    }

    private static void defaultText(ObjectNode n, String field, String value) {
        if (!n.hasNonNull(field)) {
            n.put(field, value);
        }
    }

    /** Milliseconds (4 decimals) as nanoseconds, or -1 (absent) for a missing or null value. */
    private static long nanos(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? -1 : Math.round(v.asDouble() * 1e6);
    }

    private static Map<Integer, Double> kMap(JsonNode n) {
        Map<Integer, Double> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                m.put(Integer.parseInt(e.getKey()), e.getValue().asDouble());
            }
        });
        return m;
    }

    private static Distribution distribution(JsonNode d) {
        if (d.isMissingNode() || d.isNull() || d.path("count").asLong(0) == 0) {
            return Distribution.EMPTY;
        }
        return new Distribution(d.path("count").asLong(), number(d, "mean"), number(d, "p50"), number(d, "p90"),
                number(d, "p95"), number(d, "p99"), number(d, "max"));
    }

    private static Optional<Interval> interval(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || a.isNull()) {
            return Optional.empty();
        }
        if (!a.isArray() || a.size() != 2 || !a.get(0).isNumber() || !a.get(1).isNumber()) {
            throw new IllegalArgumentException(field + " must be [lo, hi] or null, got " + a);
        }
        return Optional.of(new Interval(a.get(0).asDouble(), a.get(1).asDouble()));
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    private static OptionalDouble optional(JsonNode n, String field) {
        double v = number(n, field);
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode n) {
        return n.isObject() ? JsonCodec.MAPPER.convertValue(n, LinkedHashMap.class) : Map.of();
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("field \"" + field + "\" is missing");
        }
        return v;
    }

    private static Iterable<JsonNode> array(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || a.isNull()) {
            return List.of();
        }
        if (!a.isArray()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be an array");
        }
        return a;
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
