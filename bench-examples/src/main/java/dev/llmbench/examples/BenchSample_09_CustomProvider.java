package dev.llmbench.examples;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.TokenUsage;
import dev.llmbench.core.results.ModelResult;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.Runner;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Sample 09: a provider of your own, in process, through the SPI. */
public final class BenchSample_09_CustomProvider {

    /*
     * Any model server becomes usable through two small types. A ProviderFactory has an id, which
     * is the spec prefix, and creates a Provider for one model. The Provider streams events to a
     * StreamListener. The whole contract is in StreamListener's javadoc:
     *
     *   - stream() returns at once. Events follow as they happen, and every failure is delivered
     *     as a Failed event with a classified error. stream() never throws.
     *   - Events are delivered in order, never two at once, and exactly one terminal event
     *     (Completed or Failed) comes last.
     *   - StreamHandle.cancel(reason) ends a stream that is still open with Failed(reason).
     *   - The provider times nothing. It delivers each event as soon as it has it, and the core
     *     stamps it.
     *
     * "parrot" repeats the last user message one word at a time, with a fixed delay before each
     * word. The model name is that delay: parrot:5ms.
     */
    public static final class ParrotProviderFactory implements ProviderFactory {
        /** Public no-arg constructor, no I/O: the ServiceLoader requirement. */
        public ParrotProviderFactory() {}

        @Override
        public String id() {
            return "parrot";
        }

        @Override
        public String description() {
            return "repeats the last user message word by word; model = delay per word, e.g. parrot:5ms";
        }

        @Override
        public Provider create(ProviderConfig config) {
            if (!config.model().matches("\\d{1,5}ms")) { // configuration errors fail before any request
                throw new BenchConfigurationException(
                        "parrot model \"" + config.model() + "\" must be a delay, e.g. 5ms");
            }
            return new Parrot(config.model(), Long.parseLong(config.model().replace("ms", "")));
        }
    }

    static final class Parrot implements Provider {
        private final String model;
        private final long delayMs;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parrot-timer");
            t.setDaemon(true);
            return t;
        });

        Parrot(String model, long delayMs) {
            this.model = model;
            this.delayMs = delayMs;
        }

        @Override
        public String id() {
            return "parrot";
        }

        @Override
        public String model() {
            return model;
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.STREAMING, Capability.USAGE);
        }

        @Override
        public StreamHandle stream(ChatRequest request, StreamListener listener) {
            Stream s = new Stream(listener, List.of(request.lastUserText().split("(?<=\\s)")));
            s.schedule();
            return s::cancel;
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }

        /*
         * One request. Every delivery happens inside a synchronized method of this object. The
         * timer thread and a cancelling caller therefore never deliver at the same moment, and
         * the monitor gives the happens-before edge between events. The `done` flag ensures a
         * single terminal event.
         */
        private final class Stream {
            private final StreamListener listener;
            private final List<String> words;
            private int next;
            private boolean done;

            Stream(StreamListener listener, List<String> words) {
                this.listener = listener;
                this.words = words;
            }

            void schedule() {
                try {
                    timer.schedule(this::step, delayMs, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException closed) {
                    cancel(ErrorClass.CANCELLED);
                }
            }

            private synchronized void step() {
                if (done) {
                    return;
                }
                if (next == 0) {
                    listener.onEvent(new StreamEvent.ResponseStarted());
                }
                if (next < words.size()) {
                    listener.onEvent(new StreamEvent.ContentDelta(words.get(next++)));
                    schedule();
                    return;
                }
                listener.onEvent(new StreamEvent.Usage(TokenUsage.of(TokenUsage.UNKNOWN, words.size())));
                done = true;
                listener.onEvent(new StreamEvent.Completed(FinishReason.STOP));
            }

            synchronized void cancel(ErrorClass reason) {
                if (!done) {
                    done = true;
                    listener.onEvent(new StreamEvent.Failed(ProviderError.of(reason, "parrot request ended early")));
                }
            }
        }
    }

    static final String DEFAULT_MODEL = "parrot:5ms";

    private BenchSample_09_CustomProvider() {}

    public static void main(String[] args) throws Exception {
        String prompt = "Repeat after me: the quick brown fox jumps over the lazy dog";
        TestCase repeat = new TestCase("fox", ChatRequest.ofUser(prompt),
                List.of(GraderConfig.of("words").list("required", "quick", "brown fox", "lazy dog").build()),
                Calibration.of("the quick brown fox jumps over the lazy dog"));
        DefaultBenchTest test =
                new DefaultBenchTest("repeat_after_me", "demo", "repeats a sentence", 1.0, List.of(repeat));

        // Programmatic registration, next to everything discovered (so sim:... specs work too).
        ServiceRegistry registry = ServiceRegistry.builder().provider(new ParrotProviderFactory()).test(test).build();
        Options options = Options.builder()
                .model(System.getProperty("llmbench.model", DEFAULT_MODEL))
                .suite(test.id()).trials(3).warmup(1)
                .outputDir(Files.createTempDirectory("llmbench-sample09-"))
                .formats(List.of(ResultFormatType.JSON))
                .build();
        ModelResult m = Runner.builder(options).registry(registry).build().run().models().get(0);

        System.out.printf("%s: score %.2f, %d requests, %d errors%n", m.model(), m.tests().get(0).score(),
                m.summary().requests(), m.summary().errors());
        System.out.printf("TTFT p50 %.1f ms, inter-token latency p50 %.1f ms, %d output tokens (the parrot's count)%n",
                m.summary().ttftMs().p50(), m.summary().itlMs().p50(), m.summary().outputTokens());
    }

    /*
     * The core measured the parrot's own delays: TTFT and inter-token latency come out close to
     * 5 ms, plus scheduling noise. Nothing in the provider reads a clock.
     *
     * To ship a provider, list its factory in
     *   src/main/resources/META-INF/services/dev.llmbench.core.spi.ProviderFactory
     * Then `--model parrot:5ms` works on the command line, and every run finds it.
     *
     * An HTTP provider should build on bench-providers' internal HTTP layer and prove itself with
     * dev.llmbench.testkit.contract.HttpProviderContract (bench-testkit). Extend it in a JUnit 5
     * test, implement factory() and wireFormat(), and your provider runs the same loopback
     * contract as the built-in ones against FakeLlmServer: streamed text reassembles exactly,
     * there is one terminal event, errors are classified, stalled streams time out, cancel works,
     * and API keys never leak.
     *
     * ============================== HOW TO RUN THIS SAMPLE ==============================
     *
     *   ./mvnw -q -B -DskipTests -pl bench-examples -am package
     *   java -cp bench-examples/target/benchmarks.jar dev.llmbench.examples.BenchSample_09_CustomProvider
     *   java -Dllmbench.model=parrot:40ms -cp ... BenchSample_09_CustomProvider         (a slower parrot)
     *   java -Dllmbench.model=ollama:gemma4:e4b -cp ... BenchSample_09_CustomProvider   (a real model, same test)
     */
}
