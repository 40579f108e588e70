package dev.llmbench.core.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.results.Interval;
import dev.llmbench.core.results.JsonCodec;
import static dev.llmbench.core.results.format.JsonResultWriter.distribution;
import static dev.llmbench.core.results.format.JsonResultWriter.interval;
import static dev.llmbench.core.results.format.JsonResultWriter.number;
import dev.llmbench.core.results.ModelSummary;
import dev.llmbench.core.stats.PairedComparison;
import java.util.Locale;
import java.util.Optional;

/**
 * The comparison as a JSON document, {@code "schema": "llmbench.compare/v1"}: sources, leaderboard,
 * seed figures, head-to-heads, baseline comparisons and notes. A figure a source lacks is
 * {@code null} and named in that row's {@code missing} list; nothing is estimated. Field names are
 * snake_case; numbers are rounded to 4 decimals. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class CompareJson {
    /** The value of the {@code schema} field. */
    public static final String SCHEMA = "llmbench.compare/v1";

    private CompareJson() {}

    /** The document as pretty-printed JSON text. */
    public static String write(Comparison c) {
        try {
            return JsonCodec.MAPPER.writeValueAsString(toTree(c)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the comparison", e);
        }
    }

    /** The document as a JSON tree. */
    public static ObjectNode toTree(Comparison c) {
        ObjectNode root = JsonCodec.MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        ArrayNode sources = root.putArray("sources");
        for (ComparedFile f : c.files()) {
            ObjectNode s = sources.addObject();
            s.put("file", f.provenance().file().toString());
            s.put("format", f.provenance().format().id());
            f.result().models().forEach(m -> s.withArray("models").add(m.model()));
            missing(s, f.provenance());
        }
        ArrayNode board = root.putArray("leaderboard");
        for (ComparedModel m : c.leaderboard()) {
            leaderboardRow(board.addObject(), m);
        }
        ArrayNode seeds = root.putArray("seed");
        for (ComparedModel m : c.leaderboard()) {
            m.seed().ifPresent(sf -> {
                ObjectNode s = seeds.addObject();
                s.put("label", m.label());
                s.put("file", sf.file().toString());
                figures(s.putObject("written"), sf.written());
                figures(s.putObject("recomputed"), sf.recomputed());
                s.put("summation", sf.summation().name().toLowerCase(Locale.ROOT));
                s.put("reproduced", sf.differences().isEmpty());
                sf.differences().forEach(d -> s.withArray("differences").add(d));
            });
        }
        ArrayNode h2h = root.putArray("head_to_head");
        for (Comparison.Pair p : c.pairs()) {
            HeadToHead h = p.result();
            ObjectNode n = h2h.addObject();
            n.put("a", h.modelA());
            n.put("b", h.modelB());
            paired(n.putObject("overall"), h.overall(), h);
            ArrayNode tests = n.putArray("tests");
            for (TestComparison t : h.tests()) {
                ObjectNode tn = tests.addObject();
                tn.put("test", t.testId());
                number(tn, "score_a", t.scoreA());
                number(tn, "score_b", t.scoreB());
                paired(tn, t.paired(), h);
            }
        }
        if (c.baseline().isPresent()) {
            ObjectNode b = root.putObject("baseline");
            b.put("file", c.baseline().get().provenance().file().toString());
            b.put("regression_count", c.regressions().size());
            ArrayNode comps = b.putArray("comparisons");
            c.baselines().forEach(bc -> baseline(comps.addObject(), bc));
            ArrayNode unmatched = b.putArray("unmatched");
            c.unmatched().forEach(unmatched::add);
        } else {
            root.putNull("baseline");
        }
        ArrayNode notes = root.putArray("notes");
        c.notes().forEach(notes::add);
        return root;
    }

    private static void leaderboardRow(ObjectNode n, ComparedModel m) {
        ModelSummary s = m.result().summary();
        n.put("label", m.label());
        n.put("model", m.result().model());
        n.put("provider", m.result().provider());
        n.put("file", m.provenance().file().toString());
        n.put("format", m.provenance().format().id());
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
        distribution(n, "decode_tps", s.decodeTps());
        number(n, "cost_usd", s.costUsd().isPresent() ? s.costUsd().getAsDouble() : Double.NaN);
        number(n, "smf_overall", m.seed().map(sf -> sf.shown().overallScore()).orElse(s.smfOverall()));
        missing(n, m.provenance());
    }

    private static void baseline(ObjectNode n, BaselineComparison bc) {
        n.put("baseline", bc.baseline().label());
        n.put("candidate", bc.candidate().label());
        ArrayNode regressions = n.putArray("regressions");
        for (Regression r : bc.regressions()) {
            regressions.addObject().put("kind", r.kind().name().toLowerCase(Locale.ROOT)).put("test", r.test())
                    .put("detail", r.detail());
        }
        ObjectNode overall = n.putObject("score_overall");
        paired(overall, bc.scores().overall(), bc.scores());
        ArrayNode tests = n.putArray("scores");
        for (TestComparison t : bc.scores().tests()) {
            ObjectNode tn = tests.addObject();
            tn.put("test", t.testId());
            number(tn, "baseline_score", t.scoreB());
            number(tn, "candidate_score", t.scoreA());
            paired(tn, t.paired(), bc.scores());
        }
        ArrayNode latency = n.putArray("latency");
        for (LatencyChange l : bc.latency()) {
            ObjectNode ln = latency.addObject();
            ln.put("test", l.test());
            ln.put("pairs", l.pairs());
            number(ln, "baseline_mean_ms", l.baselineMeanMs());
            number(ln, "candidate_mean_ms", l.candidateMeanMs());
            number(ln, "ratio", l.ratio());
            interval(ln, "ratio_ci95", l.ratioCi95());
            ln.put("regression", l.regression());
        }
    }

    private static void paired(ObjectNode n, PairedComparison p, HeadToHead h) {
        n.put("pairs", p.pairs());
        number(n, "mean_diff", p.pairs() == 0 ? Double.NaN : p.meanDiff());
        interval(n, "diff_ci95", p.ci95());
        n.put("verdict", p.pairs() == 0 ? "not_compared" : p.verdict().name().toLowerCase(Locale.ROOT));
        n.put("winner", CompareTables.verdict(p, h));
    }

    private static void figures(ObjectNode n, SeedFigures f) {
        count(n, "total_tests", f.totalTests());
        count(n, "passed", f.passed());
        count(n, "failed", f.failed());
        count(n, "errors", f.errors());
        exact(n, "avg_score", f.avgScore());
        exact(n, "avg_time_to_first_token_ms", f.avgTtftMs());
        exact(n, "avg_total_time_ms", f.avgTotalTimeMs());
        exact(n, "total_runtime_ms", f.totalRuntimeMs());
        exact(n, "reliability_score", f.reliability());
        exact(n, "overall_score", f.overallScore());
    }

    private static void missing(ObjectNode n, Provenance p) {
        ArrayNode a = n.putArray("missing");
        p.missing().stream().sorted().forEach(f -> a.add(f.name().toLowerCase(Locale.ROOT)));
    }

    private static void count(ObjectNode n, String field, int v) {
        if (v >= 0) {
            n.put(field, v);
        } else {
            n.putNull(field);
        }
    }

    /** Seed figures unrounded, so they can be checked against the file bit for bit. */
    private static void exact(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.putNull(field);
        }
    }

}
