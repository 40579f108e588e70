package dev.llmbench.examples;

import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.results.Distribution;
import dev.llmbench.core.runner.ModelSpec;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.StreamListener;
import dev.llmbench.core.timing.Metric;
import dev.llmbench.core.timing.MetricsRecorder;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.Ticker;
import dev.llmbench.core.timing.TimedListener;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Sample 04: what streaming shows — every event, its stamp, time to first token and inter-token latency. */
public final class BenchSample_04_StreamingTtftItl {

    /*
     * A streamed answer is a sequence of events: maybe a ResponseStarted when the first byte
     * arrives, then content deltas (a token or a few), perhaps reasoning deltas and tool-call
     * fragments, then usage, and finally one terminal event. A user feels two things:
     *
     *   TTFT  time to first token: from sending the request to the first non-empty content delta.
     *         Prompt processing, queueing and network latency all land here.
     *   ITL   inter-token latency: each gap between two consecutive content deltas. This is the
     *         rhythm of generation, pooled over all requests in a run.
     *
     * The total latency only tells you when the answer ended. Two models with the same total can
     * feel very different. This sample makes the events visible. Its simulator uses a jitter of
     * 0.3, so every delay is scaled by a random factor between 0.7 and 1.3 and the gaps differ.
     */
    static final String DEFAULT_MODEL = "sim:echo?ttft=60ms&tps=150&jitter=0.3&seed=4";

    private BenchSample_04_StreamingTtftItl() {}

    public static void main(String[] args) throws Exception {
        ModelSpec spec = ModelSpec.parse(System.getProperty("llmbench.model", DEFAULT_MODEL));
        ChatRequest request = ChatRequest.ofUser("Count from one to twelve in words, separated by commas.");

        /*
         * Listeners are chained. TimedListener stamps the event, then passes it on to our own
         * StreamListener, which prints it. The printed stamp comes from the same clock, read a
         * moment after TimedListener's own. That is microseconds later, or a millisecond or two on
         * the first event of a fresh JVM, while classes load.
         *
         * The StreamListener contract: events arrive in order, never two at once, and with a
         * happens-before edge between calls, so plain fields are fine here. A listener must return
         * quickly and must not throw, because a slow listener would delay the next stamp.
         */
        Ticker ticker = Ticker.SYSTEM;
        CountDownLatch done = new CountDownLatch(1);
        long[] start = new long[1];
        long[] lastContent = {-1};
        StreamListener printer = event -> {
            long now = ticker.nanoTime();
            String gap = "";
            if (event instanceof StreamEvent.ContentDelta d && !d.text().isEmpty()) {
                gap = lastContent[0] < 0 ? "   <- first token (TTFT)"
                        : String.format("   gap %6.2f ms", (now - lastContent[0]) / 1e6);
                lastContent[0] = now;
            }
            System.out.printf("  +%8.2f ms  %-40s%s%n", (now - start[0]) / 1e6, describe(event), gap);
            if (event.terminal()) {
                done.countDown();
            }
        };

        ServiceRegistry registry = ServiceRegistry.discover();
        try (Provider provider = registry.provider(spec.provider()).create(ProviderConfig.of(spec.model()))) {
            TimedListener timed = new TimedListener(ticker, printer);
            System.out.println("every event with its stamp (from the start of the request):");
            start[0] = ticker.nanoTime();
            provider.stream(request, timed.start());
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("no terminal event within 5 minutes");
            }

            RequestTiming t = timed.timing();
            System.out.println();
            System.out.printf("time to first byte     %s%n", ms(t.ttfbNanos()));
            System.out.printf("time to first token    %s%n", ms(t.ttftNanos()));
            System.out.printf("total latency          %s%n", ms(t.latencyNanos()));
            System.out.printf("time per output token  %s%n",
                    t.tpotNanos().isPresent() ? String.format("%.2f ms", t.tpotNanos().getAsDouble() / 1e6) : "n/a");
            System.out.printf("decode speed           %s%n",
                    t.decodeTps().isPresent() ? String.format("%.1f tokens/s", t.decodeTps().getAsDouble()) : "n/a");

            /*
             * In a run, the runner feeds every RequestTiming into a MetricsRecorder, which keeps one
             * HdrHistogram per metric (nanoseconds, 3 significant digits), and reports summaries in
             * milliseconds. Percentiles use the 0-100 scale everywhere. Here the recorder holds one
             * request's gaps.
             */
            MetricsRecorder recorder = new MetricsRecorder();
            recorder.record(spec.toString(), t);
            Distribution itl = recorder.summary(spec.toString(), Metric.ITL);
            System.out.printf("inter-token latency    %d gaps: mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    itl.count(), itl.mean(), itl.p50(), itl.p99(), itl.max());
        }
    }

    private static String describe(StreamEvent e) {
        if (e instanceof StreamEvent.ContentDelta d) {
            return "content " + quote(d.text());
        } else if (e instanceof StreamEvent.ReasoningDelta d) {
            return "reasoning " + quote(d.text());
        } else if (e instanceof StreamEvent.Usage u) {
            return "usage in=" + u.usage().inputTokens() + " out=" + u.usage().outputTokens();
        } else if (e instanceof StreamEvent.Failed f) {
            return "FAILED " + f.error().errorClass().id();
        }
        return e.getClass().getSimpleName();
    }

    private static String quote(String s) {
        return '"' + s.replace("\n", "\\n") + '"';
    }

    private static String ms(long nanos) {
        return nanos == RequestTiming.ABSENT ? "n/a" : String.format("%.2f ms", nanos / 1e6);
    }

    /*
     * On a real server the picture has more texture. The first byte often comes well before the
     * first token, because a thinking model streams reasoning first (its TTFR). Some servers send
     * empty deltas, which llmbench ignores for TTFT and ITL. Gaps bunch up when a proxy buffers.
     * Ollama also reports its own prompt_eval and eval durations, and llmbench keeps them beside
     * its client-side stamps without mixing the two.
     *
     * ============================== HOW TO RUN THIS SAMPLE ==============================
     *
     *   ./mvnw -q -B -DskipTests -pl bench-examples -am package
     *   java -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_04_StreamingTtftItl
     *   java -Dllmbench.model=ollama:gemma4:e4b -cp bench-examples/target/benchmarks.jar \
     *        dev.llmbench.examples.BenchSample_04_StreamingTtftItl
     */
}
