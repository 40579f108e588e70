package dev.llmbench.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;

/**
 * Writes the load server's ground truth in the JSON shape of {@code bench-anchor/fake_ollama.py}'s
 * dump: a {@code server} object (process, settings, CPU and wall time since the reset, lines
 * written) and {@code requests[]}, one per chat request with the request-read stamp and, per line
 * (N token lines, then the done line), the scheduled deadline, the pre-write and the post-write
 * stamps, all {@link System#nanoTime()} nanoseconds. Stateless. Not API.
 */
final class GroundTruthJson {

    /** What the {@code server} object reports; {@code cpuSeconds} is {user, system}. */
    record Server(long pid, int port, WireFormat format, StreamParams defaults, long wallNanos, double[] cpuSeconds,
            int peakStreams, int emitters, double emitterCpuSeconds) {
    }

    private GroundTruthJson() {
    }

    /** Writes {@code file} via a temporary sibling and an atomic rename. */
    static void write(Path file, Server server, List<RecordedExchange> exchanges,
            Function<RecordedRequest, StreamParams> params) throws IOException {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        long lines = 0;
        for (RecordedExchange e : exchanges) {
            lines += e.writeCount();
        }
        try (OutputStream out = Files.newOutputStream(tmp);
                JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            writeServer(g, server, lines, exchanges.size());
            g.writeArrayFieldStart("requests");
            for (RecordedExchange e : exchanges) {
                writeRequest(g, e, params.apply(e.request()));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeServer(JsonGenerator g, Server s, long lines, int requests) throws IOException {
        StreamParams d = s.defaults();
        g.writeObjectFieldStart("server");
        g.writeNumberField("pid", s.pid());
        g.writeNumberField("port", s.port());
        g.writeStringField("format", s.format().name().toLowerCase());
        g.writeNumberField("ttft_ms", d.ttftNanos() / 1e6);
        g.writeNumberField("itl_ms", d.itlNanos() / 1e6);
        g.writeNumberField("tokens", d.tokens());
        g.writeNumberField("done_gap_ms", d.doneGapNanos() / 1e6);
        g.writeStringField("clock", "System.nanoTime (CLOCK_MONOTONIC)");
        g.writeStringField("emission", s.emitters() == 0 ? "FakeLlmServer: one sleeping thread per connection, blocking writes"
                : "FakeLlmServer: " + s.emitters() + " shared emitter thread(s), blocking writes");
        g.writeNumberField("wall_ns", s.wallNanos());
        g.writeNumberField("cpu_user_s", s.cpuSeconds()[0]);
        g.writeNumberField("cpu_sys_s", s.cpuSeconds()[1]);
        g.writeNumberField("emitter_cpu_s", s.emitterCpuSeconds());
        g.writeNumberField("lines_written", lines);
        // blocking writes return only once every byte is in the kernel: nothing is ever left unsent
        g.writeNumberField("unsent_writes", 0);
        g.writeNumberField("peak_streams", s.peakStreams());
        g.writeNumberField("requests", requests);
        g.writeEndObject();
    }

    private static void writeRequest(JsonGenerator g, RecordedExchange e, StreamParams p) throws IOException {
        RecordedRequest r = e.request();
        g.writeStartObject();
        g.writeNumberField("seq", r.sequence());
        g.writeStringField("req_id", reqId(r));
        g.writeStringField("path", r.path());
        g.writeNumberField("conn_id", r.connectionId());
        g.writeNumberField("req_on_conn", r.requestOnConnection());
        g.writeNumberField("t_req_read_ns", r.receivedNanos());
        g.writeNumberField("body_bytes", r.body().length);
        g.writeNumberField("status", e.status());
        if (p != null) {
            g.writeNumberField("ttft_ms", p.ttftNanos() / 1e6);
            g.writeNumberField("itl_ms", p.itlNanos() / 1e6);
            g.writeNumberField("tokens", p.tokens());
            g.writeNumberField("done_gap_ms", p.doneGapNanos() / 1e6);
        }
        List<WriteStamp> stamps = e.writeStamps();
        g.writeArrayFieldStart("t_sched_ns");
        for (WriteStamp w : stamps) {
            g.writeNumber(w.scheduledNanos());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("t_prewrite_ns");
        for (WriteStamp w : stamps) {
            g.writeNumber(w.beforeNanos());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("t_lines_ns");
        for (WriteStamp w : stamps) {
            g.writeNumber(w.afterNanos());
        }
        g.writeEndArray();
        g.writeNumberField("unsent", 0);
        boolean done = e.outcome() == RecordedExchange.Outcome.COMPLETED && !stamps.isEmpty()
                && stamps.get(stamps.size() - 1).kind() == WriteStamp.Kind.FINISH;
        if (done) {
            g.writeNumberField("t_end_ns", stamps.get(stamps.size() - 1).afterNanos());
        }
        g.writeBooleanField("aborted", e.outcome() != RecordedExchange.Outcome.COMPLETED);
        g.writeStringField("outcome", e.outcome().name());
        g.writeEndObject();
    }

    /** Header {@code X-Req-Id}, else the body's {@code req_id}, else the request's sequence number. */
    static String reqId(RecordedRequest r) {
        return r.header("X-Req-Id").filter(s -> !s.isBlank()).orElseGet(() -> {
            var id = r.json().path("req_id");
            return id.isValueNode() ? id.asText() : Long.toString(r.sequence());
        });
    }
}
