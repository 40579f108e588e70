package dev.llmbench.examples.anchor;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link AnchorClient}: the arguments bench-anchor's {@code run_client.sh}
 * passes to every client, plus {@code --warmup}. Immutable and thread-safe.
 *
 * <pre>
 * --urls U1,U2 --concurrency C --num-requests M --endpoint /api/chat --tag T --out FILE [--warmup K]
 *     [--jit-warmup J]
 * </pre>
 *
 * @param urls        the fake servers' base URLs ({@code http://host:port}), requests go round robin
 *                    over them; at least one
 * @param concurrency the most requests in flight at once (closed loop); 1 to 100,000
 * @param numRequests the measured requests; 1 to 10,000,000
 * @param endpoint    the Ollama endpoint; only {@value #CHAT} (what the {@code ollama} provider speaks)
 * @param tag         the request-id prefix: request {@code i} is {@code TAG-i}; not blank, no whitespace
 * @param out         where {@code client.json} is written
 * @param warmup      unmeasured warm-up requests per URL before the measured window; 0 to 1,000
 * @param jitWarmup   requests streamed from an in-process stub server before that, to compile the
 *                    streaming path (see {@link JitWarmup}); 0 to 1,000,000
 */
public record AnchorArgs(List<URI> urls, int concurrency, int numRequests, String endpoint, String tag, Path out,
        int warmup, int jitWarmup) {

    /** The only endpoint the {@code ollama} provider speaks. */
    public static final String CHAT = "/api/chat";
    /** The warm-up requests per URL unless {@code --warmup} says otherwise. */
    public static final int DEFAULT_WARMUP = 1;
    /** The JIT warm-up requests unless {@code --jit-warmup} says otherwise. */
    public static final int DEFAULT_JIT_WARMUP = 3000;
    /** One line of usage. */
    public static final String USAGE = "usage: anchor-client --urls U1[,U2...] --concurrency C --num-requests M"
            + " --endpoint /api/chat --tag T --out FILE [--warmup K] [--jit-warmup J]";

    /** Validates every component; messages name the option. */
    public AnchorArgs {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("--urls: at least one URL is needed");
        }
        urls = List.copyOf(urls);
        for (URI u : urls) {
            if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                throw new IllegalArgumentException("--urls: \"" + u + "\" is not an http(s) URL with a host");
            }
        }
        range("--concurrency", concurrency, 1, 100_000);
        range("--num-requests", numRequests, 1, 10_000_000);
        range("--warmup", warmup, 0, 1_000);
        range("--jit-warmup", jitWarmup, 0, 1_000_000);
        if (endpoint == null) {
            throw new IllegalArgumentException("--endpoint is required");
        }
        if (!CHAT.equals(endpoint)) {
            throw new IllegalArgumentException("--endpoint " + endpoint + ": llmbench's ollama provider speaks "
                    + CHAT + " only" + ("/api/generate".equals(endpoint)
                    ? "; pass --endpoint /api/chat (run_client.sh: ENDPOINT, its 8th argument, defaults to"
                    + " /api/generate)" : "; pass --endpoint /api/chat"));
        }
        if (tag == null || tag.isBlank() || tag.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("--tag must be printable ASCII without spaces, got \"" + tag + "\"");
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is required");
        }
    }

    /** The request id of measured request {@code i}: {@code TAG-i}. */
    public String requestId(int i) {
        return tag + "-" + i;
    }

    /** The request id of warm-up request {@code k}: {@code TAG-warmup-k}. */
    public String warmupId(int k) {
        return tag + "-warmup-" + k;
    }

    /**
     * Parses a command line; every option takes a value, as {@code --name value} or
     * {@code --name=value}.
     *
     * @throws IllegalArgumentException one line naming the bad or missing option
     */
    public static AnchorArgs parse(String... args) {
        List<URI> urls = null;
        Integer concurrency = null;
        Integer numRequests = null;
        String endpoint = null;
        String tag = null;
        Path out = null;
        int warmup = DEFAULT_WARMUP;
        int jitWarmup = DEFAULT_JIT_WARMUP;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--urls" -> urls = urls(value);
                case "--concurrency" -> concurrency = integer(name, value);
                case "--num-requests" -> numRequests = integer(name, value);
                case "--endpoint" -> endpoint = value.strip();
                case "--tag" -> tag = value;
                case "--out" -> out = Path.of(value);
                case "--warmup" -> warmup = integer(name, value);
                case "--jit-warmup" -> jitWarmup = integer(name, value);
                default -> throw new IllegalArgumentException("unknown option \"" + name + "\"");
            }
        }
        if (urls == null) {
            throw new IllegalArgumentException("--urls is required");
        }
        if (concurrency == null || numRequests == null) {
            throw new IllegalArgumentException((concurrency == null ? "--concurrency" : "--num-requests")
                    + " is required");
        }
        if (tag == null) {
            throw new IllegalArgumentException("--tag is required");
        }
        return new AnchorArgs(urls, concurrency, numRequests, endpoint, tag, out, warmup, jitWarmup);
    }

    private static List<URI> urls(String value) {
        List<URI> out = new ArrayList<>();
        for (String s : value.split(",", -1)) {
            String u = s.strip();
            while (u.endsWith("/")) {
                u = u.substring(0, u.length() - 1);
            }
            if (u.isEmpty()) {
                throw new IllegalArgumentException("--urls: empty URL in \"" + value + "\"");
            }
            try {
                out.add(new URI(u));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--urls: \"" + s + "\" is not a URL (" + e.getReason() + ")");
            }
        }
        return out;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got \"" + value + "\"");
        }
    }

    private static void range(String name, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be %,d to %,d, got %d", name, min,
                    max, v));
        }
    }
}
