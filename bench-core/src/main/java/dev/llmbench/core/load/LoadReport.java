package dev.llmbench.core.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.BenchRunException;
import dev.llmbench.core.results.Distribution;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.core.results.format.Fmt;
import dev.llmbench.core.results.format.JsonResultWriter;
import dev.llmbench.core.results.format.MarkdownReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link LoadResult} as {@code load.json} (schema {@value LoadResult#SCHEMA}; durations
 * in milliseconds, rates per second) and as Markdown / console text. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class LoadReport {
    /** The JSON file name: {@value}. */
    public static final String JSON_FILE = "load.json";
    /** The Markdown file name: {@value}. */
    public static final String MARKDOWN_FILE = "load.md";
    /** The per-request file name: {@value}. */
    public static final String REQUESTS_FILE = "requests.jsonl";

    private LoadReport() {}

    /** The result as pretty-printed JSON. */
    public static String json(LoadResult r) {
        ObjectNode n = JsonCodec.MAPPER.createObjectNode();
        n.put("schema", LoadResult.SCHEMA);
        n.put("id", r.id());
        n.put("started_at", r.startedAt().toString());
        n.put("finished_at", r.finishedAt().toString());
        n.put("llmbench_version", r.version());
        n.put("simulated", r.simulated());
        n.set("options", JsonCodec.MAPPER.valueToTree(r.options()));
        n.set("load", JsonCodec.MAPPER.valueToTree(r.spec().toMap()));
        n.set("env", JsonCodec.MAPPER.valueToTree(r.env()));
        ArrayNode models = n.putArray("models");
        for (LoadSummary s : r.models()) {
            models.add(model(s));
        }
        try {
            return JsonCodec.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new BenchRunException("cannot write " + JSON_FILE + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode model(LoadSummary s) {
        ObjectNode m = JsonCodec.MAPPER.createObjectNode();
        m.put("model", s.model());
        m.put("scheduled", s.scheduled());
        m.put("started", s.started());
        m.put("succeeded", s.succeeded());
        m.put("failed", s.failed());
        m.set("errors_by_class", JsonCodec.MAPPER.valueToTree(s.errorsByClass()));
        m.put("good", s.good());
        JsonResultWriter.number(m, "good_fraction", s.goodFraction());
        JsonResultWriter.number(m, "elapsed_ms", s.elapsedMs());
        JsonResultWriter.number(m, "offered_rate_per_s", s.offeredRate());
        JsonResultWriter.number(m, "achieved_rate_per_s", s.achievedRate());
        JsonResultWriter.number(m, "throughput_per_s", s.throughput());
        JsonResultWriter.number(m, "goodput_per_s", s.goodput());
        JsonResultWriter.number(m, "output_tokens_per_s", s.outputTokensPerSecond());
        m.put("max_in_flight", s.maxInFlight());
        ObjectNode d = m.putObject("distributions");
        JsonResultWriter.distribution(d, "ttft_ms", s.ttft());
        JsonResultWriter.distribution(d, "latency_ms", s.latency());
        JsonResultWriter.distribution(d, "service_ttft_ms", s.serviceTtft());
        JsonResultWriter.distribution(d, "service_latency_ms", s.serviceLatency());
        JsonResultWriter.distribution(d, "send_delay_ms", s.sendDelay());
        JsonResultWriter.distribution(d, "tpot_ms", s.tpot());
        JsonResultWriter.distribution(d, "itl_ms", s.itl());
        ArrayNode t = m.putArray("timeline");
        for (LoadInterval i : s.timeline()) {
            ObjectNode o = t.addObject();
            o.put("start_ms", i.startMs());
            o.put("width_ms", i.widthMs());
            o.put("arrivals", i.arrivals());
            o.put("sent", i.sent());
            o.put("completed", i.completed());
            o.put("errors", i.errors());
            o.put("good", i.good());
            o.put("in_flight_max", i.inFlightMax());
            o.put("in_flight_end", i.inFlightEnd());
        }
        return m;
    }

    /** The result as Markdown: a summary table, latency tables and each model's timeline. */
    public static String markdown(LoadResult r) {
        StringBuilder b = new StringBuilder();
        b.append("# llmbench load run ").append(r.id()).append("\n\n");
        if (r.simulated()) {
            b.append("> Every model was the offline simulator: no model was measured.\n\n");
        }
        b.append(describe(r.spec())).append("\n\n");
        b.append(table(r.models(), true));
        for (LoadSummary s : r.models()) {
            b.append("\n## ").append(MarkdownReport.cell(s.model())).append(" — timeline\n\n");
            b.append("| from s | arrivals | sent | completed | errors | good | in flight (max) | in flight (end) |\n");
            b.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (LoadInterval i : s.timeline()) {
                b.append(String.format(Locale.ROOT, "| %.0f | %d | %d | %d | %d | %d | %d | %d |%n",
                        i.startMs() / 1000.0, i.arrivals(), i.sent(), i.completed(), i.errors(), i.good(),
                        i.inFlightMax(), i.inFlightEnd()));
            }
        }
        return b.toString();
    }

    /** The summary tables for a console. */
    public static String text(LoadResult r) {
        return describe(r.spec()) + "\n\n" + table(r.models(), false);
    }

    /** One sentence saying how the models were driven. */
    public static String describe(LoadSpec s) {
        String how = s.openLoop()
                ? String.format(Locale.ROOT, "Open loop: Poisson arrivals at %s requests/s for %s, at most %d in flight;"
                        + " TTFT and latency measured from the intended send time (coordinated omission corrected)",
                        Fmt.rate(s.rate().getAsDouble()), human(s.duration().toMillis()), s.concurrency())
                : String.format(Locale.ROOT, "Closed loop: %d concurrent users for %s; each sends its next request"
                        + " when the previous one ends", s.concurrency(), human(s.duration().toMillis()));
        return how + (s.maxRequests() > 0 ? ", at most " + s.maxRequests() + " requests per model" : "")
                + ". SLO: " + s.slo() + ".";
    }

    private static String human(long ms) {
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    private static String table(List<LoadSummary> models, boolean md) {
        StringBuilder b = new StringBuilder();
        row(b, md, "model", "offered/s", "sent/s", "ended/s", "goodput/s", "good", "ok", "errors",
                "max in flight", "output tok/s");
        if (md) {
            b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        }
        for (LoadSummary s : models) {
            row(b, md, md ? MarkdownReport.cell(s.model()) : s.model(), Fmt.rate(s.offeredRate()),
                    Fmt.rate(s.achievedRate()), Fmt.rate(s.throughput()), Fmt.rate(s.goodput()),
                    Fmt.pct(s.goodFraction()),
                    Long.toString(s.succeeded()), errors(s.failed(), s.errorsByClass()),
                    Integer.toString(s.maxInFlight()), Fmt.rate(s.outputTokensPerSecond()));
        }
        b.append("\n");
        row(b, md, "model", "metric (ms)", "p50", "p90", "p99", "max", "mean", "n");
        if (md) {
            b.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        }
        for (LoadSummary s : models) {
            String name = md ? MarkdownReport.cell(s.model()) : s.model();
            dist(b, md, name, s.spec().openLoop() ? "TTFT (from intended)" : "TTFT", s.ttft());
            dist(b, md, name, s.spec().openLoop() ? "latency (from intended)" : "latency", s.latency());
            if (s.spec().openLoop()) {
                dist(b, md, name, "TTFT (service)", s.serviceTtft());
                dist(b, md, name, "latency (service)", s.serviceLatency());
                dist(b, md, name, "send delay", s.sendDelay());
            }
            dist(b, md, name, "TPOT", s.tpot());
            dist(b, md, name, "ITL", s.itl());
        }
        return b.toString();
    }

    private static String errors(long failed, Map<String, Long> byClass) {
        if (failed == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder().append(failed).append(" (");
        byClass.forEach((k, v) -> b.append(k).append(' ').append(v).append(", "));
        return b.substring(0, b.length() - 2) + ")";
    }

    private static void dist(StringBuilder b, boolean md, String model, String metric, Distribution d) {
        row(b, md, model, metric, Fmt.ms(d.p50()), Fmt.ms(d.p90()), Fmt.ms(d.p99()), Fmt.ms(d.max()),
                Fmt.ms(d.mean()), Long.toString(d.count()));
    }

    private static void row(StringBuilder b, boolean md, String... cells) {
        if (md) {
            b.append("| ").append(String.join(" | ", cells)).append(" |\n");
        } else {
            b.append(String.format(Locale.ROOT, "%-28s", cells[0]));
            for (int i = 1; i < cells.length; i++) {
                b.append(String.format(Locale.ROOT, i == 1 && cells.length == 8 ? "  %-24s" : "  %12s", cells[i]));
            }
            b.append('\n');
        }
    }
}
