package dev.llmbench.providers.reliability;

import dev.llmbench.providers.testing.ContainsGrader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.results.ResultReader;
import dev.llmbench.core.results.RunResult;
import dev.llmbench.core.results.TrialRecord;
import dev.llmbench.core.runner.Options;
import dev.llmbench.core.runner.ResultFormatType;
import dev.llmbench.core.runner.Runner;
import dev.llmbench.core.spi.BenchSuite;
import dev.llmbench.core.spi.Capability;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.spi.StreamListener;
import dev.llmbench.providers.anthropic.AnthropicProviderFactory;
import dev.llmbench.providers.ollama.OllamaProviderFactory;
import dev.llmbench.providers.openai.OpenAiProviderFactory;
import dev.llmbench.providers.openrouter.OpenRouterProviderFactory;
import dev.llmbench.testkit.FakeLlmServer;
import dev.llmbench.testkit.Reply;
import dev.llmbench.testkit.RequestMatcher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault-injection matrix: every HTTP provider against every fault {@link FakeLlmServer} can
 * inject, each as a whole run through core's {@link Runner} — once sequentially (concurrency 1,
 * one trial per case) and once with 64 requests in flight (concurrency 64, four trials per case).
 * Each run mixes faulty cases with healthy ones (routed by a marker in the prompt) and asserts
 * that the run finishes within a hang guard, that every planned trial is recorded exactly once in
 * the journal and in {@code result.json} (which parses as schema {@value RunResult#SCHEMA}), that
 * each faulty trial carries the expected error class, that healthy trials in the same run pass,
 * and that an oversize response stays within {@code max_response_bytes}.
 *
 * <p>Two faults need another address than the fake server: connection refused uses a loopback
 * port that was just closed; connect timeout uses a loopback listener whose accept queue is full
 * and which never accepts. Requests are routed to these by a delegating provider that picks one
 * of three real providers (server, closed port, full backlog) from the prompt. Only loopback is
 * used, so a true connect timeout cannot be forced: Linux drops some SYNs to a full backlog (the
 * connect times out: {@code timeout_connect}) but completes other handshakes and then never
 * serves them (the request times out later: {@code timeout_first_byte} or {@code timeout_total}).
 * That row therefore accepts any of these timeout classes (or {@code unreachable}, when the kernel
 * is set to reset on overflow) and asserts what matters here: the trial ends, is recorded once
 * and is not a success. The exact mapping of a connect timeout is pinned by
 * {@code ErrorMapperTest#classifiesConnectTimeoutsFromHttpClientAndTheJdk}.
 *
 * <p>The matrix is printed to stdout (the surefire report) and written to
 * {@code target/fault-matrix.md}; RELIABILITY.md at the repository root holds a copy.
 */
class FaultMatrixTest {
    private static final String KEY = "sk-fault-matrix-7f3e";
    private static final long MAX_RESPONSE_BYTES = 64 * 1024;
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(1500);
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final String ANSWER = "the answer is forty-two";
    private static final int HEALTHY_CASES = 12;

    /** One injected fault: the reply that injects it and the class a trial must end with (null: success). */
    enum Fault {
        REFUSED("connection refused", null, ErrorClass.UNREACHABLE),
        CONNECT_TIMEOUT("connect timeout (loopback, full backlog)", null, ErrorClass.TIMEOUT_CONNECT),
        S401("401 unauthorised", () -> Reply.error(401, "invalid api key"), ErrorClass.AUTHENTICATION),
        S402("402 payment required", () -> Reply.error(402, "insufficient credits"), ErrorClass.PAYMENT_REQUIRED),
        S404("404 model not found", () -> Reply.error(404, "model 'fake-model' not found"), ErrorClass.MODEL_NOT_FOUND),
        S400("400 invalid request", () -> Reply.error(400, "bad request: messages is malformed"),
                ErrorClass.INVALID_REQUEST),
        RETRY_AFTER("429 Retry-After", () -> Reply.error(429, "Rate limit exceeded").header("Retry-After", "7"),
                ErrorClass.RATE_LIMITED),
        RATELIMIT_RESET("429 X-RateLimit-Reset", () -> Reply.error(429, "Rate limit exceeded")
                .header("X-RateLimit-Reset", Long.toString(System.currentTimeMillis() + 60_000)),
                ErrorClass.RATE_LIMITED),
        S500("500 before the stream", () -> Reply.error(500, "internal error"), ErrorClass.SERVER_ERROR),
        S503("503 unavailable", () -> Reply.error(503, "overloaded"), ErrorClass.SERVER_ERROR),
        ERROR_EVENT("error event mid-stream", () -> streamed().errorAfterChunks(2, "upstream died"),
                ErrorClass.STREAM_ERROR),
        RESET("connection reset mid-stream", () -> streamed().resetAfterChunks(2), ErrorClass.TRUNCATED_STREAM),
        STALL("stall past idle timeout", () -> streamed().stallAfterChunks(2), ErrorClass.TIMEOUT_IDLE),
        DRIP("slow drip past total timeout", () -> Reply.text("drip").chunks(Collections.nCopies(40, "w ")
                .toArray(String[]::new)).interChunkDelay(Duration.ofMillis(100)), ErrorClass.TIMEOUT_TOTAL),
        TRUNCATED("truncated stream", () -> streamed().truncateAfterChunks(2), ErrorClass.TRUNCATED_STREAM),
        MALFORMED("malformed line", () -> streamed().malformedLineAfterChunks(2), ErrorClass.MALFORMED_RESPONSE),
        INVALID_UTF8("invalid UTF-8", () -> streamed().invalidUtf8AfterChunks(2), ErrorClass.MALFORMED_RESPONSE),
        OVERSIZE("oversize response", () -> Reply.text("x").oversize(1L << 20), ErrorClass.RESPONSE_TOO_LARGE),
        KEEP_ALIVE("keep-alive whitespace/comments", () -> streamed().keepAlive(3).keepAliveBetweenChunks(), null);

        final String label;
        final Supplier<Reply> reply;
        final ErrorClass expected;

        Fault(String label, Supplier<Reply> reply, ErrorClass expected) {
            this.label = label;
            this.reply = reply;
            this.expected = expected;
        }

        String marker() {
            return "[fault:" + name() + "]";
        }

        String expectedId() {
            return expected == null ? "ok" : expected.id();
        }
    }

    private static Reply streamed() {
        return Reply.text(ANSWER).chunks("the ", "answer ", "is ", "forty-two");
    }

    /** The real factories, with the fake server's base URL for each wire format. */
    private static final Map<String, Supplier<ProviderFactory>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("ollama", OllamaProviderFactory::new);
        FACTORIES.put("openrouter", OpenRouterProviderFactory::new);
        FACTORIES.put("openai", OpenAiProviderFactory::new);
        FACTORIES.put("anthropic", AnthropicProviderFactory::new);
    }

    private static FakeLlmServer server;
    private static int closedPort;
    private static ServerSocket blackhole;
    private static final List<Socket> backlogFillers = new ArrayList<>();
    /** fault → "provider cN" → observed outcome. */
    private static final Map<Fault, Map<String, String>> MATRIX = new ConcurrentHashMap<>();
    private static final Map<String, Long> RUN_MILLIS = new ConcurrentHashMap<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        server = FakeLlmServer.start();
        server.defaultReply(Reply.text(ANSWER));
        for (Fault f : Fault.values()) {
            if (f.reply != null) {
                server.when(RequestMatcher.any().lastUserMessageContains(f.marker())).reply(f.reply.get());
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        blackhole = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        for (int i = 0; i < 8; i++) { // fill the accept queue; it is never drained
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), blackhole.getLocalPort()), 200);
                backlogFillers.add(s);
            } catch (IOException full) {
                s.close();
                break;
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        for (Socket s : backlogFillers) {
            s.close();
        }
        blackhole.close();
        server.close();
        String table = table();
        System.out.println(table);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("fault-matrix.md"), table, StandardCharsets.UTF_8);
        }
    }

    static Stream<Arguments> runs() {
        return FACTORIES.keySet().stream().flatMap(p -> Stream.of(Arguments.of(p, 1), Arguments.of(p, 64)));
    }

    @ParameterizedTest(name = "{0} at concurrency {1}")
    @MethodSource("runs")
    void everyFaultEndsAsOneRecordedTrialOfItsClassAndHealthyTrialsPass(String providerId, int concurrency)
            throws Exception {
        int trials = concurrency == 1 ? 1 : 4;
        Path out = tmp.resolve(providerId + "-c" + concurrency);
        Options options = Options.builder().model(providerId + ":fake-model").suite("faults").trials(trials).warmup(0)
                .concurrency(concurrency).requestTimeout(REQUEST_TIMEOUT).seed(7).outputDir(out)
                .formats(List.of(ResultFormatType.JSON)).build();
        ServiceRegistry registry = ServiceRegistry.builder().noDiscovery().provider(routing(providerId))
                .grader(new ContainsGrader()).suite(suite()).build();

        long t0 = System.nanoTime();
        RunResult result = Assertions.assertTimeoutPreemptively(HANG_GUARD,
                () -> Runner.builder(options).registry(registry).build().run(), "the run hung");
        RUN_MILLIS.put(providerId + " c" + concurrency, (System.nanoTime() - t0) / 1_000_000);

        int planned = (Fault.values().length + HEALTHY_CASES) * trials;
        Map<String, List<TrialRecord>> journaled = journalTrials(out.resolve("journal.jsonl"));
        List<TrialRecord> resultTrials = resultTrials(out.resolve("result.json"));
        List<TrialRecord> returned = result.models().get(0).tests().stream().flatMap(t -> t.trials().stream()).toList();
        Map<Fault, List<String>> observed = new LinkedHashMap<>();
        for (TrialRecord t : resultTrials) {
            fault(t.caseId()).ifPresent(f -> observed.computeIfAbsent(f, x -> new ArrayList<>()).add(outcome(t)));
        }
        for (Fault f : Fault.values()) {
            List<String> seen = observed.getOrDefault(f, List.of());
            String cell = seen.stream().distinct().sorted().collect(Collectors.joining(" / "));
            MATRIX.computeIfAbsent(f, x -> new ConcurrentHashMap<>()).put(providerId + " c" + concurrency,
                    cell.isEmpty() ? "(missing)" : cell);
        }

        assertThat(journaled.values()).as("journal: every trial exactly once")
                .allSatisfy(l -> assertThat(l).hasSize(1));
        assertThat(journaled).as("journal: every planned trial").hasSize(planned);
        assertThat(resultTrials).as("result.json trials").hasSize(planned);
        assertThat(resultTrials.stream().map(t -> t.caseId() + "#" + t.trial()).distinct().count()).isEqualTo(planned);
        assertThat(returned).hasSize(planned);
        for (TrialRecord t : resultTrials) {
            var f = fault(t.caseId());
            if (f.isEmpty()) {
                assertThat(t.error()).as("healthy %s", t.caseId()).isEmpty();
                assertThat(t.passed()).as("healthy %s graded normally", t.caseId()).isTrue();
                assertThat(t.score()).isEqualTo(1.0);
                continue;
            }
            Fault fault = f.get();
            assertThat(outcome(t)).as("%s via %s", fault.label, providerId).isIn(allowed(fault));
            if (fault == Fault.KEEP_ALIVE) {
                assertThat(t.passed()).as("keep-alive is graded normally").isTrue();
            }
            if (fault == Fault.OVERSIZE) {
                assertThat((long) t.response().getBytes(StandardCharsets.UTF_8).length)
                        .as("oversize response stays bounded").isLessThanOrEqualTo(MAX_RESPONSE_BYTES);
            }
            if (fault == Fault.RETRY_AFTER || fault == Fault.RATELIMIT_RESET) {
                assertThat(t.error().orElseThrow().retryAfterMillis()).as("retry hint kept").isPositive();
            }
        }
        assertThat(result.models().get(0).summary().requests()).isEqualTo(planned);
    }

    private static Set<String> allowed(Fault f) {
        if (f == Fault.CONNECT_TIMEOUT) {
            return Set.of(ErrorClass.TIMEOUT_CONNECT.id(), ErrorClass.TIMEOUT_FIRST_BYTE.id(),
                    ErrorClass.TIMEOUT_TOTAL.id(), ErrorClass.UNREACHABLE.id());
        }
        return Set.of(f.expectedId());
    }

    private static String outcome(TrialRecord t) {
        return t.error().map(e -> e.errorClass().id()).orElse(t.passed() ? "ok" : "ok (failed grade)");
    }

    private static java.util.Optional<Fault> fault(String caseId) {
        return Stream.of(Fault.values()).filter(f -> f.name().toLowerCase().equals(caseId)).findFirst();
    }

    private static Map<String, List<TrialRecord>> journalTrials(Path journal) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, List<TrialRecord>> byKey = new HashMap<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            JsonNode n = mapper.readTree(line);
            if (n.path("type").asText().equals("trial")) {
                TrialRecord t = dev.llmbench.core.results.JsonCodec.readTrial(n);
                byKey.computeIfAbsent(t.key().toString(), k -> new ArrayList<>()).add(t);
            }
        }
        return byKey;
    }

    private static List<TrialRecord> resultTrials(Path resultJson) {
        JsonNode root = ResultReader.readTree(resultJson);
        assertThat(root.path("schema").asText()).isEqualTo(RunResult.SCHEMA);
        RunResult r = ResultReader.read(resultJson);
        assertThat(r.models()).hasSize(1);
        return r.models().get(0).tests().stream().flatMap(t -> t.trials().stream()).toList();
    }

    private static BenchSuite suite() {
        List<TestCase> cases = new ArrayList<>();
        for (Fault f : Fault.values()) {
            cases.add(testCase(f.name().toLowerCase(), f.marker() + " what is the answer?"));
        }
        for (int i = 0; i < HEALTHY_CASES; i++) {
            cases.add(testCase("healthy" + i, "healthy question " + i + ": what is the answer?"));
        }
        BenchTest test = new DefaultBenchTest("faults", "reliability", "faulty and healthy cases", 1.0, cases);
        return new BenchSuite() {
            @Override
            public String id() {
                return "faults";
            }

            @Override
            public String description() {
                return "fault matrix";
            }

            @Override
            public List<BenchTest> tests() {
                return List.of(test);
            }
        };
    }

    private static TestCase testCase(String id, String prompt) {
        return new TestCase(id, ChatRequest.ofUser(prompt),
                List.of(GraderConfig.of("contains").list("words", "forty-two").build()),
                Calibration.of(ANSWER, "no idea", "the answer is seven"));
    }

    private static String baseUrl(String providerId) {
        return switch (providerId) {
            case "ollama" -> server.ollamaUrl();
            case "openrouter" -> server.openRouterUrl();
            case "openai" -> server.openAiUrl();
            case "anthropic" -> server.anthropicUrl();
            default -> throw new IllegalArgumentException(providerId);
        };
    }

    /**
     * The real factory of {@code providerId}, creating a provider that sends refused and
     * connect-timeout cases to their dead addresses and everything else to the fake server.
     */
    private static ProviderFactory routing(String providerId) {
        ProviderFactory real = FACTORIES.get(providerId).get();
        String url = baseUrl(providerId);
        String port = ":" + server.port();
        return new ProviderFactory() {
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
                Map<String, String> extras = new HashMap<>(config.extras());
                extras.put("idle_timeout", "300ms");
                extras.put("first_byte_timeout", "1s");
                extras.put("max_response_bytes", Long.toString(MAX_RESPONSE_BYTES));
                Function<String, Provider> at = u -> real.create(new ProviderConfig(config.model(), u, Secret.of(KEY),
                        Duration.ofMillis(300), config.requestTimeout(), extras));
                return new RoutingProvider(at.apply(url), at.apply(url.replace(port, ":" + closedPort)),
                        at.apply(url.replace(port, ":" + blackhole.getLocalPort())));
            }
        };
    }

    /** Picks one of three providers by the fault marker in the last user message. */
    private record RoutingProvider(Provider healthy, Provider refused, Provider blackhole) implements Provider {
        @Override
        public String id() {
            return healthy.id();
        }

        @Override
        public String model() {
            return healthy.model();
        }

        @Override
        public Set<Capability> capabilities() {
            return healthy.capabilities();
        }

        @Override
        public StreamHandle stream(ChatRequest request, StreamListener listener) {
            List<Message> messages = request.messages();
            String last = messages.isEmpty() ? "" : messages.get(messages.size() - 1).content();
            Provider target = last.contains(Fault.REFUSED.marker()) ? refused
                    : last.contains(Fault.CONNECT_TIMEOUT.marker()) ? blackhole : healthy;
            return target.stream(request, listener);
        }

        @Override
        public void close() {
            healthy.close();
            refused.close();
            blackhole.close();
        }
    }

    private static String table() {
        List<String> columns = new ArrayList<>();
        for (String p : FACTORIES.keySet()) {
            columns.add(p + " c1");
            columns.add(p + " c64");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| fault | expected |");
        columns.forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append('\n').append("| --- | --- |");
        columns.forEach(c -> sb.append(" --- |"));
        sb.append('\n');
        for (Fault f : Fault.values()) {
            Map<String, String> row = MATRIX.getOrDefault(f, Map.of());
            sb.append("| ").append(f.label).append(" | ").append(f.expectedId()).append(" |");
            for (String c : columns) {
                sb.append(' ').append(row.getOrDefault(c, "(not run)")).append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n').append("Run wall times (ms): ").append(new TreeMap<>(RUN_MILLIS)).append('\n');
        return sb.toString();
    }
}
