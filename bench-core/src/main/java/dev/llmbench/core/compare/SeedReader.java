package dev.llmbench.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.BenchRunException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a seed harness result file (SEED-HARNESS.md, section 7): top-level {@code model},
 * {@code environment}, {@code timestamp}, the aggregate figures and {@code results[]} whose
 * fields depend on {@code status} ({@code success}, {@code error}, {@code exception}).
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class SeedReader {
    private SeedReader() {}

    /** Whether {@code root} looks like a seed harness file: no {@code schema}, a {@code model} and a {@code results} list. */
    public static boolean looksLikeSeed(JsonNode root) {
        return root.isObject() && !root.has("schema") && root.path("model").isTextual()
                && root.path("results").isArray();
    }

    /**
     * Reads a parsed seed file and recomputes its figures, trying both of Python's float
     * summations (see {@link SeedFigures.Summation}).
     *
     * @throws BenchRunException naming the file when a result is malformed
     */
    public static SeedFile read(JsonNode root, Path file) {
        List<SeedResult> results = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.path("results")) {
            try {
                results.add(result(r));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new BenchRunException(file + " is a malformed seed harness result: results[" + i + "]: "
                        + e.getMessage(), e);
            }
            i++;
        }
        SeedFigures written = new SeedFigures(count(root, "total_tests"), count(root, "passed"), count(root, "failed"),
                count(root, "errors"), number(root, "avg_score"), number(root, "avg_time_to_first_token_ms"),
                number(root, "avg_total_time_ms"), number(root, "total_runtime_ms"), number(root, "reliability_score"),
                number(root, "overall_score"));
        SeedFigures.Summation summation = SeedFigures.Summation.NAIVE;
        SeedFigures recomputed = SeedFigures.compute(results, summation);
        if (!recomputed.differencesFrom(written).isEmpty()) {
            SeedFigures neumaier = SeedFigures.compute(results, SeedFigures.Summation.NEUMAIER);
            if (neumaier.differencesFrom(written).isEmpty()) {
                summation = SeedFigures.Summation.NEUMAIER;
                recomputed = neumaier;
            }
        }
        return new SeedFile(file, root.path("model").asText(), root.path("environment").asText(""),
                root.path("timestamp").asText(""), written, recomputed, summation, results);
    }

    private static SeedResult result(JsonNode r) {
        String id = text(r, "test_id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("test_id is missing");
        }
        String status = text(r, "status");
        SeedResult.Status s = switch (status.toLowerCase(Locale.ROOT)) {
            case "success" -> SeedResult.Status.SUCCESS;
            case "error" -> SeedResult.Status.ERROR;
            case "exception" -> SeedResult.Status.EXCEPTION;
            default -> throw new IllegalArgumentException("unknown status \"" + status + "\" (expected success, error"
                    + " or exception)");
        };
        boolean ok = s == SeedResult.Status.SUCCESS;
        if (ok && !r.path("score").isNumber()) {
            throw new IllegalArgumentException("a success has no numeric score");
        }
        return new SeedResult(id, text(r, "test_name"), s, ok ? r.path("score").asDouble() : 0,
                ok && r.path("passed").asBoolean(false), r.path("time_to_first_token_ms").asDouble(0),
                r.path("total_time_ms").asDouble(0), ok ? r.path("tokens_generated").asLong(0) : 0,
                ok && r.path("tokens_per_second").isNumber() ? r.path("tokens_per_second").asDouble() : Double.NaN,
                ok ? "" : text(r, "error"), r.path("timeout").asBoolean(false), text(r, "response_preview"),
                text(r, "evaluation_details"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static int count(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.canConvertToInt() && v.isIntegralNumber() ? v.asInt() : -1;
    }
}
