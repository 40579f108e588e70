package dev.llmbench.examples.anchor;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Everything {@link AnchorClient} writes to {@code client.json}, in bench-anchor's contract
 * (its README): the run's figures at the top level, one {@link RequestResult} per measured
 * request. Immutable and thread-safe (the request stamp arrays are never written after
 * construction).
 *
 * @param client          {@code "llmbench <version>"}
 * @param args            the command line
 * @param wallSeconds     the measured window (first request started to last one ended), seconds
 * @param cpuUserSeconds  the whole process's user CPU over the window, seconds ({@code /proc/self/stat}, 10 ms ticks)
 * @param cpuSysSeconds   the whole process's system CPU over the window, seconds (likewise)
 * @param cpuProcessSeconds the whole process's CPU over the window from the JVM's nanosecond clock, seconds
 * @param maxRssKb        the process's peak resident set ({@code VmHWM}), KiB
 * @param lines           token lines plus done lines received by the measured requests
 * @param errors          measured requests that failed
 * @param ncpu            processors available to the JVM
 * @param sysBusyFraction share of all CPUs' time that was busy over the window (whole machine), 0 to 1
 * @param jvm             the JVM version and its flags, for the record
 * @param requests        the measured requests in request-id order
 */
record AnchorReport(String client, AnchorArgs args, double wallSeconds, double cpuUserSeconds, double cpuSysSeconds,
        double cpuProcessSeconds, long maxRssKb, long lines, int errors, int ncpu, double sysBusyFraction, String jvm,
        List<RequestResult> requests) {

    AnchorReport {
        requests = List.copyOf(requests);
    }

    /** One line in the style of {@code bench_client.py}'s summary. */
    String summary() {
        double cpu = cpuUserSeconds + cpuSysSeconds;
        return String.format(Locale.ROOT, "c=%d n=%d wall=%.2fs lines=%d errors=%d cpu=%.3fs (%.1f us/line;"
                        + " jvm clock %.3fs = %.1f us/line) sys_busy=%.2f maxrss=%dkB %s",
                args.concurrency(), args.numRequests(), wallSeconds, lines, errors, cpu,
                cpu / Math.max(1, lines) * 1e6, cpuProcessSeconds, cpuProcessSeconds / Math.max(1, lines) * 1e6,
                sysBusyFraction, maxRssKb, client);
    }

    /** Writes the report as JSON to {@code file} (parent directories created), streaming the requests. */
    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("client", client);
            g.writeNumberField("concurrency", args.concurrency());
            g.writeNumberField("num_requests", args.numRequests());
            g.writeArrayFieldStart("urls");
            for (URI u : args.urls()) {
                g.writeString(u.toString());
            }
            g.writeEndArray();
            g.writeStringField("endpoint", args.endpoint());
            g.writeNumberField("warmup_per_url", args.warmup());
            g.writeNumberField("jit_warmup_requests", args.jitWarmup());
            g.writeNumberField("wall_s", wallSeconds);
            g.writeNumberField("cpu_user_s", cpuUserSeconds);
            g.writeNumberField("cpu_sys_s", cpuSysSeconds);
            number(g, "cpu_process_s", cpuProcessSeconds);
            g.writeNumberField("maxrss_kb", maxRssKb);
            g.writeNumberField("lines", lines);
            g.writeNumberField("errors", errors);
            g.writeNumberField("ncpu", ncpu);
            number(g, "sys_busy_frac", sysBusyFraction);
            g.writeStringField("jvm", jvm);
            g.writeArrayFieldStart("requests");
            for (RequestResult r : requests) {
                request(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void request(JsonGenerator g, RequestResult r) throws IOException {
        g.writeStartObject();
        g.writeStringField("req_id", r.requestId());
        g.writeStringField("url", r.url());
        g.writeNumberField("t_start_ns", r.startNs());
        g.writeArrayFieldStart("stamps_ns");
        for (long s : r.stampsNs()) {
            g.writeNumber(s);
        }
        g.writeEndArray();
        stamp(g, "t_done_ns", r.doneNs());
        stamp(g, "ttft_ns", r.ttftNs());
        if (r.error() == null) {
            g.writeNullField("error");
        } else {
            g.writeStringField("error", r.error());
        }
        g.writeEndObject();
    }

    private static void stamp(JsonGenerator g, String name, long v) throws IOException {
        if (v == RequestResult.NONE) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }
}
