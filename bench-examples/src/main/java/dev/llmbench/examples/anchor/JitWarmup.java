package dev.llmbench.examples.anchor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Warms the JIT before the measured window by streaming many requests through the same code
 * path — the {@code ollama} provider, the HTTP client, the NDJSON parser, {@code TimedListener}
 * and {@link RequestCapture} — against a tiny in-process Ollama stub on loopback (JDK
 * {@code com.sun.net.httpserver}) that answers at once: {@value #TOKENS} token lines and a done
 * line per request, each line its own chunk and flush, and closes every other connection after
 * its response so that opening connections is compiled too. The fake server under test sees none
 * of it.
 *
 * <p>Why: HotSpot compiles a method only after hundreds to thousands of calls; the request path
 * runs once per request, so a run of 20 requests would measure interpreted code (about a
 * millisecond per request start on the project's machine, against about 0.1 ms compiled), and
 * the compilations would land in the measured CPU. The Python clients have no JIT and need none.
 *
 * <p>Not thread-safe; used once, from the main thread.
 */
final class JitWarmup {
    /** Token lines per stub response. */
    static final int TOKENS = 20;
    private static final byte[][] LINES = lines();
    private static final java.util.concurrent.atomic.AtomicLong CLOSE = new java.util.concurrent.atomic.AtomicLong();

    private JitWarmup() {}

    /**
     * Streams {@code requests} requests, at most {@code concurrency} at once, through a provider
     * from {@code ollama} pointed at a fresh stub, then stops the stub.
     */
    static void run(ProviderFactory ollama, AnchorArgs args, int requests, int concurrency)
            throws InterruptedException, IOException {
        if (requests <= 0) {
            return;
        }
        // small chunks must go out at once, as from a real server (read once, when the JDK server starts)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        stub.createContext("/api/chat", JitWarmup::chat);
        stub.createContext("/", e -> {
            e.getRequestBody().readAllBytes();
            e.sendResponseHeaders(404, -1);
            e.close();
        });
        stub.start();
        URI url = URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
        try (Provider p = ollama.create(AnchorClient.config(url, args))) {
            Semaphore permits = new Semaphore(concurrency);
            CountDownLatch done = new CountDownLatch(requests);
            for (int i = 0; i < requests; i++) {
                permits.acquire();
                String id = args.tag() + "-jit-" + i;
                RequestCapture c = new RequestCapture(id, url.toString(), x -> {
                    permits.release();
                    done.countDown();
                });
                ChatRequest request = ChatRequest.builder().user("bench " + args.tag() + " request " + id)
                        .attribute(ChatRequest.ATTR_REQUEST_ID, id).build();
                p.stream(request, c.start());
                c.result(); // exercise the result path too
            }
            if (!done.await(5, TimeUnit.MINUTES)) { // not expected: the stub answers in well under a millisecond
                System.err.println("anchor-client: JIT warm-up did not finish within 5 minutes; going on");
            }
        } finally {
            stub.stop(0);
        }
    }

    private static void chat(HttpExchange e) throws IOException {
        e.getRequestBody().readAllBytes();
        e.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        if (CLOSE.getAndIncrement() % 2 == 0) {
            e.getResponseHeaders().add("Connection", "close"); // half the requests then open a new connection
        }
        e.sendResponseHeaders(200, 0); // chunked
        try (OutputStream out = e.getResponseBody()) {
            for (byte[] line : LINES) {
                out.write(line);
                out.flush();
            }
        }
    }

    private static byte[][] lines() {
        byte[][] out = new byte[TOKENS + 1][];
        String pre = "{\"model\":\"fake:latest\",\"created_at\":\"2026-01-01T00:00:00.000000000Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":";
        for (int i = 0; i < TOKENS; i++) {
            out[i] = (pre + "\"tok" + i + " \"},\"done\":false}\n").getBytes(StandardCharsets.UTF_8);
        }
        out[TOKENS] = (pre + "\"\"},\"done_reason\":\"stop\",\"done\":true,\"total_duration\":1000,"
                + "\"load_duration\":0,\"prompt_eval_count\":5,\"prompt_eval_duration\":10,\"eval_count\":" + TOKENS
                + ",\"eval_duration\":900}\n").getBytes(StandardCharsets.UTF_8);
        return out;
    }
}
