package dev.llmbench.examples;

import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.runner.ModelSpec;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.Ticker;
import dev.llmbench.core.timing.TimedListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Sample 01: one request to one model, its text and its timings. */
public final class BenchSample_01_HelloProvider {

    /*
     * This is the smallest useful thing llmbench does: it sends one chat request to one model and
     * says how long each part of the answer took. There is no test, no grader and no run directory
     * yet. Those come in the later samples.
     *
     * A model is named by a spec, "provider:model", split at the first colon. So
     * "ollama:gemma4:e4b" means provider "ollama" and model "gemma4:e4b". The default here is the
     * offline simulator in echo mode. It streams the prompt back to you: about 200 ms to the first
     * token, then 50 tokens per second. It needs no server and no key, so this sample always runs.
     * The figures it prints only show the harness at work. No model was measured.
     */
    static final String DEFAULT_MODEL = "sim:echo?ttft=200ms&tps=50";

    private BenchSample_01_HelloProvider() {}

    public static void main(String[] args) throws Exception {
        ModelSpec spec = ModelSpec.parse(System.getProperty("llmbench.model", DEFAULT_MODEL));

        /*
         * ServiceRegistry.discover() finds every provider factory on the class path through
         * java.util.ServiceLoader: sim, ollama, openai, openrouter, anthropic and replay. The
         * factory builds a Provider for one model. A Provider owns its HTTP client, so close it
         * when you are done (try-with-resources).
         */
        ServiceRegistry registry = ServiceRegistry.discover();
        try (Provider provider = registry.provider(spec.provider()).create(ProviderConfig.of(spec.model()))) {
            ChatRequest request = ChatRequest.ofUser("Name three prime numbers.");

            /*
             * Providers never time anything. They report events as the bytes arrive, and the
             * core's TimedListener stamps each event with one monotonic clock (System.nanoTime)
             * at the moment it is delivered. Call start() right before you hand the listener to
             * stream(). stream() returns at once. Exactly one terminal event ends every request:
             * Completed, or Failed with a classified error. A failure is delivered as an event,
             * never thrown, so we wait for the terminal event on a future.
             */
            CompletableFuture<StreamEvent> end = new CompletableFuture<>();
            TimedListener timed = new TimedListener(Ticker.SYSTEM, event -> {
                if (event.terminal()) {
                    end.complete(event);
                }
            });
            provider.stream(request, timed.start());
            StreamEvent terminal = end.get(5, TimeUnit.MINUTES);

            if (terminal instanceof StreamEvent.Failed failed) {
                System.out.println("request failed: " + failed.error().errorClass().id() + ": "
                        + failed.error().message());
                return;
            }
            ChatResponse response = timed.response();
            RequestTiming timing = timed.timing();

            /*
             * RequestTiming holds nanoseconds measured from the start of the request. A stamp that
             * never happened (for example, no first token because the model only called a tool) is
             * an empty Optional, not a zero.
             */
            System.out.println("model                " + spec);
            System.out.println("answer               " + response.text().strip());
            System.out.println("finish reason        " + response.finishReason());
            System.out.printf("time to first byte   %s%n", ms(timing.ttfbNanos()));
            System.out.printf("time to first token  %s%n", ms(timing.ttftNanos()));
            System.out.printf("total latency        %s%n", ms(timing.latencyNanos()));
            System.out.printf("output tokens        %d (%s)%n", timing.outputTokens(), timing.usageSource().id());
            System.out.printf("decode speed         %s%n",
                    timing.decodeTps().isPresent() ? String.format("%.1f tokens/s", timing.decodeTps().getAsDouble())
                            : "n/a (fewer than two tokens)");
        }
    }

    private static String ms(long nanos) {
        return nanos == RequestTiming.ABSENT ? "n/a" : String.format("%.1f ms", nanos / 1e6);
    }

    /*
     * Usage source: "provider" means the server reported the token count. "counted" means
     * llmbench counted the streamed deltas because the server reported nothing.
     *
     * Expect the first token a few tens of milliseconds later than the simulator's 200 ms. That
     * extra time is this fresh JVM loading classes and starting threads for its first request.
     * Models have a cold start of their own. Sample 02 keeps both out of the measurement.
     *
     * ============================== HOW TO RUN THIS SAMPLE ==============================
     *
     * Build the uber jar once, then run the class from it:
     *
     *   ./mvnw -q -B -DskipTests -pl bench-examples -am package
     *   java -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_01_HelloProvider
     *
     * To send the request to a real model, give a spec (the server must be reachable, and the
     * key, where one is needed, must be in the environment):
     *
     *   java -Dllmbench.model=ollama:gemma4:e4b -cp bench-examples/target/benchmarks.jar \
     *        dev.llmbench.examples.BenchSample_01_HelloProvider
     *   OPENROUTER_API_KEY=... java -Dllmbench.model=openrouter:minimax/minimax-m3 -cp ... BenchSample_01_HelloProvider
     *
     * The command line gives the same result with: ./llmbench ask --model sim:echo "Name three prime numbers."
     */
}
