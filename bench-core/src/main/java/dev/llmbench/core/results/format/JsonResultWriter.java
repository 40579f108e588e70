package dev.llmbench.core.results.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.results.Distribution;
import dev.llmbench.core.results.Interval;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.results.RunInfo;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TestResult;
import dev.llmbench.core.results.TrialRecord;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Writes the {@code llmbench.result/v1} JSON document. Field names are snake_case and stable;
 * unknown figures are JSON {@code null}, never invented. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class JsonResultWriter {
    private JsonResultWriter() {}

    /** The document as pretty-printed JSON text. */
    public static String write(RunResult result) {
        try {
            return JsonCodec.MAPPER.writeValueAsString(toTree(result)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the result", e);
        }
    }

    /** The document as a JSON tree. */
    public static ObjectNode toTree(RunResult result) {
        ObjectNode root = JsonCodec.MAPPER.createObjectNode();
        root.put("schema", RunResult.SCHEMA);
        RunInfo info = result.run();
        ObjectNode run = root.putObject("run");
        run.put("id", info.id());
        run.put("started_at", info.startedAt().toString());
        run.put("finished_at", info.finishedAt().toString());
        run.put("llmbench_version", info.version());
        run.set("options", JsonCodec.MAPPER.valueToTree(info.options()));
        run.set("environment", JsonCodec.MAPPER.valueToTree(info.environment()));
        run.put("wall_time_ms", info.wallTimeMs());
        run.put("simulated", info.simulated());
        ArrayNode models = root.putArray("models");
        for (ModelResult m : result.models()) {
            ObjectNode mn = models.addObject();
            mn.put("model", m.model());
            mn.put("provider", m.provider());
            summary(mn.putObject("summary"), m.summary());
            ArrayNode tests = mn.putArray("tests");
            for (TestResult t : m.tests()) {
                ObjectNode tn = tests.addObject();
                tn.put("id", t.id());
                tn.put("category", t.category());
                number(tn, "score", t.score());
                interval(tn, "score_ci95", t.scoreCi95());
                tn.put("score_ci_method", t.scoreCiMethod());
                number(tn, "pass_rate", t.passRate());
                interval(tn, "pass_rate_ci95", t.passRateCi95());
                ObjectNode atK = tn.putObject("pass_at_k");
                t.passAtK().forEach((k, v) -> number(atK, Integer.toString(k), v));
                ObjectNode powK = tn.putObject("pass_pow_k");
                t.passPowK().forEach((k, v) -> number(powK, Integer.toString(k), v));
                tn.put("passed", t.passed());
                tn.put("errors", t.errors());
                ArrayNode trials = tn.putArray("trials");
                for (TrialRecord tr : t.trials()) {
                    trials.add(JsonCodec.trial(tr, false));
                }
            }
        }
        return root;
    }

    private static void summary(ObjectNode n, ModelSummary s) {
        number(n, "quality", s.quality());
        interval(n, "quality_ci95", s.qualityCi95());
        n.put("tests_passed", s.testsPassed());
        n.put("tests_total", s.testsTotal());
        n.put("requests", s.requests());
        n.put("errors", s.errors());
        n.set("errors_by_class", JsonCodec.MAPPER.valueToTree(s.errorsByClass()));
        number(n, "reliability", s.reliability());
        interval(n, "reliability_ci95", s.reliabilityCi95());
        distribution(n, "ttft_ms", s.ttftMs());
        distribution(n, "latency_ms", s.latencyMs());
        distribution(n, "itl_ms", s.itlMs());
        distribution(n, "decode_tps", s.decodeTps());
        n.put("output_tokens", s.outputTokens());
        optional(n, "cost_usd", s.costUsd());
        optional(n, "cold_start_ms", s.coldStartMs());
        number(n, "mean_latency_ms", s.meanLatencyMs());
        number(n, "smf_overall", s.smfOverall());
        n.put("retries", s.retries());
        n.set("histograms", JsonCodec.MAPPER.valueToTree(s.histograms()));
    }

    /** Writes {count, mean, p50, p90, p95, p99, max}, JSON null for figures that are unknown. */
    public static void distribution(ObjectNode parent, String field, Distribution d) {
        ObjectNode n = parent.putObject(field);
        n.put("count", d.count());
        number(n, "mean", d.mean());
        number(n, "p50", d.p50());
        number(n, "p90", d.p90());
        number(n, "p95", d.p95());
        number(n, "p99", d.p99());
        number(n, "max", d.max());
    }

    /** Writes {@code [lo, hi]} rounded to 4 decimals, or JSON null. */
    public static void interval(ObjectNode n, String field, Optional<Interval> ci) {
        if (ci.isPresent()) {
            ArrayNode a = n.putArray(field);
            a.add(round(ci.get().lo()));
            a.add(round(ci.get().hi()));
        } else {
            n.putNull(field);
        }
    }

    private static void optional(ObjectNode n, String field, OptionalDouble v) {
        number(n, field, v.isPresent() ? v.getAsDouble() : Double.NaN);
    }

    /** Writes a number rounded to 4 decimals, or JSON null for NaN and infinities. */
    public static void number(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, round(v));
        } else {
            n.putNull(field);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
