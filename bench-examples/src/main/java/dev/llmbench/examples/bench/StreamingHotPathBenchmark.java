package dev.llmbench.examples.bench;

import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.timing.MetricsRecorder;
import dev.llmbench.core.timing.Metric;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.Ticker;
import dev.llmbench.core.timing.TimedListener;
import dev.llmbench.providers.internal.http.BodyHandler;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The harness's own cost per streamed token on its hot path: one whole streamed response of
 * {@value StreamingWire#TOKENS} content deltas per invocation, fed in 1–4 KiB network-sized
 * pieces through the provider's real body handler ({@code OllamaBodyHandler} for NDJSON,
 * {@code ChatCompletionsBodyHandler} for OpenAI SSE: strict UTF-8 line splitting on bytes, SSE
 * event decoding, Jackson's streaming parser per ordinary line or chunk (a tree for the others),
 * event translation), an emitter that locks as the exchange's does, the {@link TimedListener} (a
 * {@code System.nanoTime()} stamp per event, the ITL gaps, response assembly) and, at the end,
 * {@link MetricsRecorder#record} of the
 * {@link RequestTiming} (about 1,000 HdrHistogram recordings). Reported per token
 * ({@code @OperationsPerInvocation}).
 *
 * <ul>
 *   <li>{@code fullPath}: everything above; the figure to hold against the 1 µs/token target.</li>
 *   <li>{@code parseOnly}: the body handler alone, with a counting emitter, to split the cost.</li>
 * </ul>
 *
 * <p>Not measured: the HTTP client's own reads (Apache HttpClient 5 async I/O, TLS), and the
 * socket. Run: {@code java -jar bench-examples/target/benchmarks.jar StreamingHotPathBenchmark},
 * with {@code -prof gc} for allocation per token ({@code gc.alloc.rate.norm} is per operation,
 * so per token).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StreamingHotPathBenchmark {
    /** The wire format. */
    @Param({"OLLAMA", "OPENAI"})
    public String format;

    private StreamingWire.Format wire;
    private ByteBuffer[] pieces;
    private MetricsRecorder recorder;

    /** Builds the body and its pieces, and checks that one pass parses it completely. */
    @Setup
    public void setUp() {
        wire = StreamingWire.Format.valueOf(format);
        pieces = StreamingWire.pieces(StreamingWire.body(wire), 42);
        recorder = new MetricsRecorder();
        TimedListener l = stream();
        ChatResponse r = l.response();
        if (!l.finished() || !r.text().equals(StreamingWire.TOKEN.repeat(StreamingWire.TOKENS))
                || r.usage().outputTokens() != StreamingWire.TOKENS) {
            throw new IllegalStateException("the body did not parse as expected: " + r);
        }
        if (recorder.summary("m", Metric.ITL).count() != StreamingWire.TOKENS - 1) {
            throw new IllegalStateException("ITL not recorded per token");
        }
    }

    /** One response through the whole hot path. */
    @Benchmark
    @OperationsPerInvocation(StreamingWire.TOKENS)
    public TimedListener fullPath() {
        return stream();
    }

    /** The body handler alone (decoding and parsing), events only counted. */
    @Benchmark
    @OperationsPerInvocation(StreamingWire.TOKENS)
    public int parseOnly() {
        BodyHandler h = StreamingWire.handler(wire);
        Counting out = new Counting();
        for (ByteBuffer p : pieces) {
            p.clear();
            h.onBytes(p, out);
        }
        h.onEnd(out);
        return out.events;
    }

    private TimedListener stream() {
        BodyHandler h = StreamingWire.handler(wire);
        TimedListener l = new TimedListener(Ticker.SYSTEM, e -> { }).start();
        StreamingWire.LockedEmitter out = new StreamingWire.LockedEmitter(l);
        for (ByteBuffer p : pieces) {
            p.clear();
            h.onBytes(p, out);
        }
        h.onEnd(out);
        recorder.record("m", l.timing());
        return l;
    }

    private static final class Counting implements BodyHandler.Emitter {
        int events;
        boolean ended;

        @Override
        public void emit(StreamEvent event) {
            if (!ended) {
                events++;
                ended = event.terminal();
            }
        }

        @Override
        public boolean ended() {
            return ended;
        }
    }
}
