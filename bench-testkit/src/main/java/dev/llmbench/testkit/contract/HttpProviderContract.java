package dev.llmbench.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.timing.RequestTiming;
import dev.llmbench.core.timing.Ticker;
import dev.llmbench.core.timing.TimedListener;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.RecordedRequest;
import dev.llmbench.testkit.Reply;
import dev.llmbench.testkit.WireFormat;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every HTTP provider owes the harness, checked over real loopback HTTP against
 * {@link FakeLlmServer}: streamed text reassembles exactly, events never overlap and end with
 * exactly one terminal event, usage is reported, TTFT is not earlier than the server's delay,
 * errors are classified, a stalled stream times out, an unreachable server is reported, a cancel
 * ends the stream once, and the API key never leaks into a message.
 *
 * <p>Extend it in a test class of your provider's module and implement {@link #factory()} and
 * {@link #wireFormat()}; override {@link #baseUrl}, {@link #config} or {@link #timeoutExtras()}
 * when your provider needs other settings. Each test starts its own server.
 *
 * @since 0.1
 */
public abstract class HttpProviderContract {
    /** The API key the tests configure; it must never appear in an error message. */
    protected static final String CANARY_KEY = "sk-contract-canary-7d1f";
    /** How long a test waits for a terminal event before failing. */
    protected static final Duration WAIT = Duration.ofSeconds(20);

    /** The server of the current test. */
    protected FakeLlmServer server;

    /** The provider factory under test. */
    protected abstract ProviderFactory factory();

    /** The wire format the provider speaks. */
    protected abstract WireFormat wireFormat();

    /** The model name the tests request. */
    protected String model() {
        return "contract-model";
    }

    /** The base URL to configure for {@code server}; defaults by wire format. */
    protected String baseUrl(FakeLlmServer server) {
        return switch (wireFormat()) {
            case OLLAMA -> server.ollamaUrl();
            case OPENAI -> server.openAiUrl();
            case OPENROUTER -> server.openRouterUrl();
            case ANTHROPIC -> server.anthropicUrl();
            default -> server.baseUrl();
        };
    }

    /** Provider settings that make idle and first-byte timeouts short enough to test. */
    protected Map<String, String> timeoutExtras() {
        return Map.of("idle_timeout", "400ms", "first_byte_timeout", "2s");
    }

    /** The config for a provider talking to {@code baseUrl}. */
    protected ProviderConfig config(String baseUrl, Map<String, String> extras) {
        return new ProviderConfig(model(), baseUrl, Secret.of(CANARY_KEY), Duration.ofSeconds(5), Duration.ofSeconds(15),
                extras);
    }

    @BeforeEach
    void startServer() {
        server = FakeLlmServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Sends one request and collects its events. */
    protected Collected send(Provider provider, ChatRequest request) throws InterruptedException {
        Collected c = new Collected();
        c.timed.start();
        c.handle = provider.stream(request, c.timed);
        assertThat(c.done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("a terminal event arrives").isTrue();
        return c;
    }

    private Provider provider() {
        return factory().create(config(baseUrl(server), Map.of()));
    }

    @Test
    void streamedTextReassemblesExactlyAndCompletesOnce() throws Exception {
        server.enqueue(Reply.text("The quick brown fox jumps.").chunks("The", " quick", " brown", " fox", " jumps.")
                .usage(12, 5));
        try (Provider p = provider()) {
            Collected c = send(p, ChatRequest.ofUser("Say the sentence."));
            c.assertContract();
            assertThat(c.terminal()).isInstanceOf(StreamEvent.Completed.class);
            assertThat(((StreamEvent.Completed) c.terminal()).reason()).isEqualTo(FinishReason.STOP);
            assertThat(c.timed.response().text()).isEqualTo("The quick brown fox jumps.");
            assertThat(c.timed.response().usage().outputTokens()).isEqualTo(5);
            assertThat(c.timed.response().usage().inputTokens()).isEqualTo(12);
        }
    }

    @Test
    void firstTokenIsNotMeasuredBeforeTheServerSentIt() throws Exception {
        server.enqueue(Reply.text("a b c").delayBeforeFirstChunk(Duration.ofMillis(200))
                .interChunkDelay(Duration.ofMillis(50)));
        try (Provider p = provider()) {
            Collected c = send(p, ChatRequest.ofUser("hi"));
            c.assertContract();
            RequestTiming t = c.timed.timing();
            assertThat(t.ttftNanos()).as("TTFT >= the 200 ms delay").isGreaterThanOrEqualTo(200_000_000L);
            assertThat(t.latencyNanos()).as("latency >= 200 + 2 x 50 ms").isGreaterThanOrEqualTo(300_000_000L);
            assertThat(t.itlNanos().toArray()).hasSize(2);
        }
    }

    @Test
    void sendsTheModelItWasConfiguredFor() throws Exception {
        try (Provider p = provider()) {
            send(p, ChatRequest.ofUser("hello")).assertContract();
        }
        RecordedRequest r = server.takeRequest(WAIT).orElseThrow();
        assertThat(r.model()).contains(model());
        assertThat(r.bodyText()).doesNotContain(ChatRequest.ATTR_TEST);
    }

    @Test
    void classifiesHttpErrorsWithoutLeakingTheKey() throws Exception {
        Map<Integer, ErrorClass> expected = Map.of(401, ErrorClass.AUTHENTICATION, 404, ErrorClass.MODEL_NOT_FOUND,
                400, ErrorClass.INVALID_REQUEST, 500, ErrorClass.SERVER_ERROR, 503, ErrorClass.SERVER_ERROR);
        try (Provider p = provider()) {
            for (Map.Entry<Integer, ErrorClass> e : expected.entrySet()) {
                String message = e.getKey() == 404 ? "model '" + model() + "' not found" : "bad key " + CANARY_KEY;
                server.enqueue(Reply.error(e.getKey(), message));
                ProviderError error = send(p, ChatRequest.ofUser("x")).failure();
                assertThat(error.errorClass()).as("HTTP %s", e.getKey()).isEqualTo(e.getValue());
                assertThat(error.httpStatus()).hasValue(e.getKey());
                assertThat(error.message()).doesNotContain(CANARY_KEY);
            }
        }
    }

    @Test
    void rateLimitsCarryTheServersBackOff() throws Exception {
        server.enqueue(Reply.rateLimited(Duration.ofSeconds(7)));
        try (Provider p = provider()) {
            ProviderError error = send(p, ChatRequest.ofUser("x")).failure();
            assertThat(error.errorClass()).isEqualTo(ErrorClass.RATE_LIMITED);
            assertThat(error.retryAfter()).isPresent();
            assertThat(error.retryAfterMillis()).isBetween(1L, 8_000L);
        }
    }

    @Test
    void anErrorAfterTheStreamStartedIsAStreamErrorAndKeepsThePartialText() throws Exception {
        server.enqueue(Reply.text("one two three four").errorAfterChunks(2, "the model crashed"));
        try (Provider p = provider()) {
            Collected c = send(p, ChatRequest.ofUser("x"));
            c.assertContract();
            assertThat(c.failure().errorClass()).isEqualTo(ErrorClass.STREAM_ERROR);
            assertThat(c.failure().message()).contains("the model crashed");
            assertThat(c.timed.response().text()).isEqualTo("one two");
        }
    }

    @Test
    void aStreamWithoutItsEndIsTruncated() throws Exception {
        server.enqueue(Reply.text("one two three").truncateAfterChunks(2));
        try (Provider p = provider()) {
            Collected c = send(p, ChatRequest.ofUser("x"));
            c.assertContract();
            assertThat(c.failure().errorClass()).isEqualTo(ErrorClass.TRUNCATED_STREAM);
        }
    }

    @Test
    void aMalformedLineIsAMalformedResponse() throws Exception {
        server.enqueue(Reply.text("one two three").malformedLineAfterChunks(1));
        try (Provider p = provider()) {
            assertThat(send(p, ChatRequest.ofUser("x")).failure().errorClass()).isEqualTo(ErrorClass.MALFORMED_RESPONSE);
        }
    }

    @Test
    void aStalledStreamTimesOutAsIdle() throws Exception {
        server.enqueue(Reply.text("one two three").stallAfterChunks(1));
        try (Provider p = factory().create(config(baseUrl(server), timeoutExtras()))) {
            Collected c = send(p, ChatRequest.ofUser("x"));
            c.assertContract();
            assertThat(c.failure().errorClass()).isEqualTo(ErrorClass.TIMEOUT_IDLE);
        }
    }

    @Test
    void anUnreachableServerIsReportedNotThrown() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = baseUrl(server).replace(":" + server.port(), ":" + port);
        try (Provider p = factory().create(config(url, Map.of()))) {
            Collected c = send(p, ChatRequest.ofUser("x"));
            c.assertContract();
            assertThat(c.failure().errorClass()).isEqualTo(ErrorClass.UNREACHABLE);
        }
    }

    @Test
    void cancelEndsTheStreamExactlyOnce() throws Exception {
        server.enqueue(Reply.text("a b c d e f g h").interChunkDelay(Duration.ofMillis(200)));
        try (Provider p = provider()) {
            Collected c = new Collected();
            c.timed.start();
            StreamHandle h = p.stream(ChatRequest.ofUser("x"), c.timed);
            Thread.sleep(300);
            h.cancel(ErrorClass.TIMEOUT_TOTAL);
            h.cancel(ErrorClass.CANCELLED);
            assertThat(c.done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            Thread.sleep(300); // anything late would show up now
            c.assertContract();
            assertThat(c.failure().errorClass()).isEqualTo(ErrorClass.TIMEOUT_TOTAL);
        }
    }

    @Test
    void concurrentRequestsThroughOneProviderStayApart() throws Exception {
        int n = 16;
        try (Provider p = provider()) {
            List<Collected> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Collected c = new Collected();
                c.timed.start();
                c.handle = p.stream(ChatRequest.ofUser("message number " + i), c.timed);
                all.add(c);
            }
            for (int i = 0; i < n; i++) {
                Collected c = all.get(i);
                assertThat(c.done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
                c.assertContract();
                assertThat(c.timed.response().text()).as("default reply echoes").isEqualTo("message number " + i);
            }
        }
    }

    /** Events of one request, checked for the listener contract as they arrive. */
    protected static final class Collected {
        /** Every event in arrival order. */
        public final List<StreamEvent> events = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger inside = new AtomicInteger();
        private final AtomicBoolean overlapped = new AtomicBoolean();
        private final AtomicInteger terminals = new AtomicInteger();
        private final AtomicBoolean afterTerminal = new AtomicBoolean();
        private final CountDownLatch done = new CountDownLatch(1);
        /** The timing engine attached to this request. */
        public final TimedListener timed = new TimedListener(Ticker.SYSTEM, this::accept);
        /** The handle of the request. */
        public StreamHandle handle;

        private void accept(StreamEvent e) {
            if (inside.incrementAndGet() > 1) {
                overlapped.set(true);
            }
            try {
                if (terminals.get() > 0) {
                    afterTerminal.set(true);
                }
                events.add(e);
                if (e.terminal()) {
                    terminals.incrementAndGet();
                    done.countDown();
                }
            } finally {
                inside.decrementAndGet();
            }
        }

        /** Asserts the listener contract: no overlap, exactly one terminal event, nothing after it. */
        public void assertContract() {
            assertThat(overlapped).as("events never overlap").isFalse();
            assertThat(terminals.get()).as("exactly one terminal event").isEqualTo(1);
            assertThat(afterTerminal).as("nothing after the terminal event").isFalse();
            assertThat(events.get(events.size() - 1).terminal()).isTrue();
        }

        /** The terminal event. */
        public StreamEvent terminal() {
            return events.get(events.size() - 1);
        }

        /** The classified error; fails the test when the request succeeded. */
        public ProviderError failure() {
            assertContract();
            assertThat(terminal()).as("the request failed").isInstanceOf(StreamEvent.Failed.class);
            return ((StreamEvent.Failed) terminal()).error();
        }
    }
}
