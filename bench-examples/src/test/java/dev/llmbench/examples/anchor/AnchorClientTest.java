package dev.llmbench.examples.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.RecordedRequest;
import dev.llmbench.testkit.Reply;
import dev.llmbench.testkit.RequestMatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AnchorClient} in-process against two {@link FakeLlmServer}s speaking Ollama over loopback,
 * with C=2 and M=5: the written {@code client.json} against the contract. No timing thresholds.
 */
class AnchorClientTest {
    private static final String[] TOKENS = {"alpha ", "beta ", "gamma ", "delta "};

    @TempDir
    Path tmp;

    private FakeLlmServer a;
    private FakeLlmServer b;

    @BeforeEach
    void start() {
        a = FakeLlmServer.start();
        b = FakeLlmServer.start();
        for (FakeLlmServer s : List.of(a, b)) {
            s.defaultReply(Reply.text("").chunks(TOKENS).interChunkDelay(Duration.ofMillis(2)));
        }
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    private AnchorArgs args(Path out) {
        return AnchorArgs.parse("--urls", a.ollamaUrl() + "," + b.ollamaUrl(), "--concurrency", "2",
                "--num-requests", "5", "--endpoint", "/api/chat", "--tag", "t", "--out", out.toString(), "--jit-warmup", "10");
    }

    private static List<RecordedRequest> chats(FakeLlmServer s) {
        return s.requests().stream().filter(r -> r.path().equals("/api/chat")).toList();
    }

    private JsonNode runAndRead(ProviderFactory factory) throws Exception {
        Path out = tmp.resolve("out/client.json");
        AnchorArgs args = args(out);
        AnchorReport report = AnchorClient.run(args, factory);
        report.write(out);
        return new ObjectMapper().readTree(out.toFile());
    }

    @Test
    void writesEveryMeasuredRequestWithOneStampPerTokenLineAndLlmbenchsTtft() throws Exception {
        b.when(RequestMatcher.any().header("X-Req-Id", "t-3")).reply(Reply.error(500, "boom"));
        JsonNode json = runAndRead(ServiceRegistry.discover().provider("ollama"));

        assertThat(json.get("concurrency").asInt()).isEqualTo(2);
        assertThat(json.get("num_requests").asInt()).isEqualTo(5);
        assertThat(json.get("client").asText()).startsWith("llmbench ");
        for (String field : List.of("wall_s", "cpu_user_s", "cpu_sys_s", "maxrss_kb", "ncpu", "sys_busy_frac")) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        assertThat(json.get("errors").asInt()).isEqualTo(1);
        assertThat(json.get("lines").asLong()).isEqualTo(4L * (TOKENS.length + 1)); // token lines + done line

        JsonNode requests = json.get("requests");
        List<String> ids = new ArrayList<>();
        requests.forEach(r -> ids.add(r.get("req_id").asText()));
        assertThat(ids).containsExactly("t-0", "t-1", "t-2", "t-3", "t-4");
        for (JsonNode r : requests) {
            String id = r.get("req_id").asText();
            if (id.equals("t-3")) {
                assertThat(r.get("error").asText()).startsWith("server_error: ");
                assertThat(r.get("stamps_ns")).isEmpty();
                assertThat(r.get("ttft_ns").isNull()).isTrue();
                continue;
            }
            assertThat(r.get("error").isNull()).as(id).isTrue();
            JsonNode stamps = r.get("stamps_ns");
            assertThat(stamps).as(id).hasSize(TOKENS.length);
            long start = r.get("t_start_ns").asLong();
            long previous = start;
            for (JsonNode s : stamps) {
                assertThat(s.asLong()).as(id).isGreaterThanOrEqualTo(previous);
                previous = s.asLong();
            }
            assertThat(r.get("t_done_ns").asLong()).isGreaterThanOrEqualTo(previous);
            assertThat(r.get("ttft_ns").asLong()).as(id).isEqualTo(stamps.get(0).asLong() - start);
            assertThat(r.get("url").asText()).isEqualTo(id.equals("t-1") ? b.ollamaUrl() : a.ollamaUrl());
        }
    }

    @Test
    void sendsEachRequestIdAsTheXReqIdHeaderRoundRobinAfterAWarmupPerUrl() throws Exception {
        runAndRead(ServiceRegistry.discover().provider("ollama"));
        List<String> onA = chats(a).stream().map(r -> r.header("X-Req-Id").orElse("?")).toList();
        List<String> onB = chats(b).stream().map(r -> r.header("X-Req-Id").orElse("?")).toList();
        assertThat(onA).containsExactlyInAnyOrder("t-warmup-0", "t-0", "t-2", "t-4");
        assertThat(onB).containsExactlyInAnyOrder("t-warmup-1", "t-1", "t-3");
        // the warm-up went first and took the one /api/show lookup of each provider
        assertThat(onA.get(0)).isEqualTo("t-warmup-0");
        assertThat(onB.get(0)).isEqualTo("t-warmup-1");
        assertThat(a.requests().stream().filter(r -> r.path().equals("/api/show"))).hasSize(1);
        for (RecordedRequest r : chats(a)) {
            assertThat(r.bodyText()).doesNotContain("X-Req-Id").doesNotContain("llmbench.request_id");
            assertThat(r.lastUserMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("bench t request t-"));
        }
    }

    @Test
    void neverHasMoreThanConcurrencyRequestsInFlight() throws Exception {
        ProviderFactory real = ServiceRegistry.discover().provider("ollama");
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<String> configs = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ProviderFactory counting = new ProviderFactory() {
            @Override
            public String id() {
                return real.id();
            }

            @Override
            public String description() {
                return real.description();
            }

            @Override
            public Provider create(ProviderConfig config) {
                configs.add(config.extras().toString());
                return new CountingProvider(real.create(config), inFlight, most);
            }
        };
        JsonNode json = runAndRead(counting);
        assertThat(json.get("errors").asInt()).isZero();
        assertThat(most.get()).isBetween(1, 2);
        assertThat(configs).allSatisfy(c -> assertThat(c).contains("request_id_header=X-Req-Id")
                .contains("max_connections=2"));
    }

    /** Counts requests in flight (warm-up ones included) through a real provider. */
    private static final class CountingProvider implements Provider {
        private final Provider delegate;
        private final AtomicInteger inFlight;
        private final AtomicInteger most;

        CountingProvider(Provider delegate, AtomicInteger inFlight, AtomicInteger most) {
            this.delegate = delegate;
            this.inFlight = inFlight;
            this.most = most;
        }

        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public String model() {
            return delegate.model();
        }

        @Override
        public Set<dev.llmbench.core.spi.Capability> capabilities() {
            return delegate.capabilities();
        }

        @Override
        public StreamHandle stream(ChatRequest request, StreamListener listener) {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return delegate.stream(request, e -> {
                if (e.terminal()) {
                    inFlight.decrementAndGet();
                }
                listener.onEvent(e);
            });
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
