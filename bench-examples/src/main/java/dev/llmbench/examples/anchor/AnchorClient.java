package dev.llmbench.examples.anchor;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.runner.Version;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;
import dev.llmbench.core.spi.Secret;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An llmbench client that speaks bench-anchor's {@code client.json} contract
 * ({@code ../shared/bench-anchor/README.md}), so llmbench's timing can be compared side by side
 * with the independent aiohttp client and the raw-socket floor on the same fake Ollama server.
 *
 * <h2>What it measures with</h2>
 * llmbench's real path: the {@code ollama} provider found by {@link ServiceRegistry#discover()},
 * one provider (and so one connection pool) per URL, and core's {@link
 * dev.llmbench.core.timing.TimedListener} stamping every event with {@link System#nanoTime()}
 * ({@link RequestCapture} records exactly those stamps). Closed loop: all {@code M} requests, at most
 * {@code C} in flight, round robin over the URLs; request {@code i} carries the request id
 * {@code TAG-i} ({@link ChatRequest#ATTR_REQUEST_ID}), which the provider sends as header
 * {@value #REQUEST_ID_HEADER} (provider extra {@code request_id_header}).
 *
 * <h2>Provider settings</h2>
 * {@code request_id_header=X-Req-Id} (the fake server joins on it); {@code max_connections} = the
 * larger of C and the warm-up count, so no request ever waits for a pooled connection (the default,
 * 2048, would do up to that concurrency); request timeout 30 minutes and first-byte timeout 10
 * minutes, so an overloaded run reports late tokens rather than timeouts. No cassette extras: the
 * transport then adds nothing to the path. The request is one user message and nothing else, so the
 * body is what {@code bench_client.py} sends for {@code /api/chat}.
 *
 * <h2>Warm-up</h2>
 * First {@code --jit-warmup J} (default 3,000) requests against an in-process stub server
 * ({@link JitWarmup}), so that the request and streaming paths run compiled, not interpreted, and
 * their compilation is not in the measured CPU. Then {@code --warmup K} (default 1) unmeasured
 * requests per URL, all at
 * once, ids {@code TAG-warmup-k}, are streamed to the end. They absorb one-time costs the Python
 * clients do not have: class loading and the first JIT compilations of the streaming path, the
 * connection pool's first connections, and the {@code ollama} provider's one {@code /api/show}
 * lookup per instance (the fake server answers 404; the provider then goes on without the model's
 * facts). No measured request waits for {@code /api/show}. The fake server logs warm-up requests
 * too; {@code analyze_client.py} joins on the measured ids only.
 *
 * <h2>Window</h2>
 * {@code wall_s}, {@code cpu_user_s}/{@code cpu_sys_s} (whole process, {@code /proc/self/stat}:
 * JIT, GC and every llmbench thread included) and {@code sys_busy_frac} ({@code /proc/stat}) cover
 * the measured requests only: from just before the first is started to just after the last ends.
 *
 * <p>Not a library class: {@link #run} is for tests and {@link #main} for {@code scripts/anchor-client}.
 */
public final class AnchorClient {
    /** The model name sent; the fake server accepts any. */
    public static final String MODEL = "fake:latest";
    /** The header that carries the request id: the one {@code fake_ollama.py} reads. */
    public static final String REQUEST_ID_HEADER = "X-Req-Id";
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(30);

    private AnchorClient() {}

    /**
     * Runs the client, writes {@code --out} and prints one summary line. Exit status 0 when the
     * run finished (failed requests are counted, not fatal), 2 for a bad command line, 1 when the
     * provider cannot be set up or the file cannot be written.
     */
    public static void main(String[] args) {
        AnchorArgs parsed;
        try {
            parsed = AnchorArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("anchor-client: " + e.getMessage());
            System.err.println(AnchorArgs.USAGE);
            System.exit(2);
            return;
        }
        int status = 0;
        try {
            AnchorReport report = run(parsed);
            report.write(parsed.out());
            System.out.println(report.summary());
        } catch (BenchConfigurationException | IOException e) {
            System.err.println("anchor-client: " + e.getMessage());
            status = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 130;
        }
        System.exit(status);
    }

    /**
     * Runs the warm-up and the measured requests with the providers on the class path.
     *
     * @return the report (not yet written)
     * @throws BenchConfigurationException when the {@code ollama} provider is missing or rejects its settings
     */
    public static AnchorReport run(AnchorArgs args) throws InterruptedException, IOException {
        return run(args, ServiceRegistry.discover().provider("ollama"));
    }

    static AnchorReport run(AnchorArgs args, ProviderFactory ollama) throws InterruptedException, IOException {
        List<Provider> providers = new ArrayList<>();
        try {
            JitWarmup.run(ollama, args, args.jitWarmup(), Math.min(8, args.concurrency()));
            for (URI url : args.urls()) {
                providers.add(ollama.create(config(url, args)));
            }
            warmUp(args, providers);
            return measure(args, providers);
        } finally {
            for (Provider p : providers) {
                p.close();
            }
        }
    }

    /** The provider config for one URL; see the class comment. */
    static ProviderConfig config(URI url, AnchorArgs args) {
        Map<String, String> extras = Map.of(
                "request_id_header", REQUEST_ID_HEADER,
                "max_connections", String.valueOf(Math.max(args.concurrency(), args.warmup())),
                "first_byte_timeout", "10m");
        return new ProviderConfig(MODEL, url.toString(), Secret.NONE, Duration.ofSeconds(10), REQUEST_TIMEOUT, extras);
    }

    private static ChatRequest request(AnchorArgs args, String id) {
        return ChatRequest.builder().user("bench " + args.tag() + " request " + id)
                .attribute(ChatRequest.ATTR_REQUEST_ID, id).build();
    }

    private static void warmUp(AnchorArgs args, List<Provider> providers) throws InterruptedException {
        int n = args.warmup() * providers.size();
        if (n == 0) {
            return;
        }
        CountDownLatch done = new CountDownLatch(n);
        List<RequestCapture> captures = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String id = args.warmupId(k);
            Provider p = providers.get(k % providers.size());
            RequestCapture c = new RequestCapture(id, p.toString(), x -> done.countDown());
            captures.add(c);
            p.stream(request(args, id), c.start());
        }
        if (!done.await(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            System.err.println("anchor-client: warm-up requests still running after " + REQUEST_TIMEOUT);
        }
        long failed = captures.stream().filter(RequestCapture::failed).count();
        if (failed > 0) {
            System.err.println("anchor-client: " + failed + " of " + n + " warm-up requests failed, e.g. "
                    + captures.stream().filter(RequestCapture::failed).findFirst().orElseThrow().result().error());
        }
    }

    private static AnchorReport measure(AnchorArgs args, List<Provider> providers) throws InterruptedException {
        int m = args.numRequests();
        Semaphore permits = new Semaphore(args.concurrency());
        CountDownLatch finished = new CountDownLatch(m);
        RequestCapture[] captures = new RequestCapture[m];
        ProcStats before = ProcStats.read();
        long wall0 = System.nanoTime();
        for (int i = 0; i < m; i++) {
            permits.acquire();
            int u = i % providers.size();
            String id = args.requestId(i);
            ChatRequest request = request(args, id);
            RequestCapture c = new RequestCapture(id, args.urls().get(u).toString(), x -> {
                permits.release();
                finished.countDown();
            });
            captures[i] = c;
            providers.get(u).stream(request, c.start()); // t_start_ns is stamped by start(), right before this call
        }
        finished.await();
        long wall1 = System.nanoTime();
        ProcStats after = ProcStats.read();
        List<RequestResult> results = new ArrayList<>(m);
        long lines = 0;
        int errors = 0;
        for (RequestCapture c : captures) {
            results.add(c.result());
            lines += c.lines();
            errors += c.failed() ? 1 : 0;
        }
        return new AnchorReport("llmbench " + Version.current(), args, (wall1 - wall0) / 1e9,
                after.userSecondsSince(before), after.sysSecondsSince(before), after.cpuSecondsSince(before),
                ProcStats.maxRssKb(), lines, errors, Runtime.getRuntime().availableProcessors(),
                after.busyFractionSince(before), jvm(), results);
    }

    private static String jvm() {
        return "Java " + Runtime.version() + " " + String.join(" ",
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
