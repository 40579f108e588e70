package dev.llmbench.providers.internal.http;

import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.Secret;
import dev.llmbench.core.spi.StreamListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Tees one live exchange into a cassette: sits between HttpClient and the {@link Exchange},
 * copying the response head and every body chunk with its arrival offset before passing it on
 * unchanged, and hands the recording to the {@link CassetteRecorder} when the listener has seen
 * the terminal event. The I/O thread only copies bytes; redaction, encoding and writing happen on
 * the recorder's writer thread.
 *
 * <p>Thread-safe: I/O callbacks and a terminal event from the timeout sweeper may race; the
 * recording state is guarded by this object's monitor. Bytes arriving after the terminal event are
 * not recorded (the exchange ignores them too).
 */
final class CassetteTape implements AsyncResponseConsumer<Void> {
    private final CassetteRecorder recorder;
    private final HttpCall call;
    private final CassetteSource source;
    private final Secret secret;
    private final String key;
    private final int sequence;
    private final Runnable onWritten;
    private Exchange exchange;
    private long start;

    private Cassette.Head head; // guarded by this
    private final List<Cassette.Chunk> chunks = new ArrayList<>(); // guarded by this
    private long eofAt = -1; // guarded by this
    private String failure; // guarded by this
    private long failureAt; // guarded by this
    private boolean finished; // guarded by this

    CassetteTape(CassetteRecorder recorder, HttpCall call, CassetteSource source, Secret secret, Runnable onWritten) {
        this.recorder = recorder;
        this.call = call;
        this.source = source;
        this.secret = secret;
        this.onWritten = onWritten;
        this.key = Cassette.key(call);
        this.sequence = recorder.nextSequence(key);
    }

    /** Binds the exchange this tape feeds; call before the request is sent. */
    void bind(Exchange e) {
        this.exchange = e;
        this.start = e.startNanos();
    }

    /** Wraps the caller's listener so the tape sees the terminal event after the caller did. */
    StreamListener listener(StreamListener downstream) {
        return event -> {
            try {
                downstream.onEvent(event);
            } finally {
                if (event.terminal()) {
                    finish(event);
                }
            }
        };
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
            FutureCallback<Void> callback) throws HttpException, IOException {
        long at = System.nanoTime() - start;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Header h : response.getHeaders()) {
            headers.add(Map.entry(h.getName(), h.getValue()));
        }
        synchronized (this) {
            if (!finished) {
                head = new Cassette.Head(at, response.getCode(), headers, entity != null);
            }
        }
        exchange.consumeResponse(response, entity, context, callback);
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) throws HttpException, IOException {
        exchange.informationResponse(response, context);
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
        exchange.updateCapacity(channel);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        long at = System.nanoTime() - start;
        synchronized (this) {
            if (!finished) {
                byte[] copy = new byte[src.remaining()];
                src.duplicate().get(copy);
                chunks.add(new Cassette.Chunk(at, copy));
            }
        }
        exchange.consume(src);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
        synchronized (this) {
            if (!finished) {
                eofAt = System.nanoTime() - start;
            }
        }
        exchange.streamEnd(trailers);
    }

    @Override
    public void failed(Exception cause) {
        synchronized (this) {
            if (!finished) {
                Throwable root = cause;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                failure = root.getClass().getName();
                failureAt = System.nanoTime() - start;
            }
        }
        exchange.failed(cause);
    }

    @Override
    public void releaseResources() {
        exchange.releaseResources();
    }

    /** The terminal event reached the caller: snapshot the recording and hand it to the writer. */
    private void finish(StreamEvent terminal) {
        long at = System.nanoTime() - start;
        Draft draft;
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            Cassette.End end = eofAt >= 0 ? new Cassette.End(Cassette.EndKind.EOF, eofAt, null)
                    : failure != null ? new Cassette.End(Cassette.EndKind.TRANSPORT_FAILURE, failureAt, failure)
                    : new Cassette.End(Cassette.EndKind.STOPPED, at, null);
            draft = new Draft(head, List.copyOf(chunks), end, terminal);
        }
        recorder.write(key, sequence, () -> build(draft), onWritten);
    }

    /** What the I/O side captured, before redaction and encoding. */
    private record Draft(Cassette.Head head, List<Cassette.Chunk> chunks, Cassette.End end, StreamEvent terminal) {}

    /** Builds the cassette from a draft, with every trace of the API key removed. Runs on the writer thread. */
    private Cassette build(Draft d) {
        Map<String, String> kept = new LinkedHashMap<>();
        List<String> credentials = new ArrayList<>();
        call.headers().forEach((name, value) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (Cassette.secretHeader(n) || (secret.isPresent() && !secret.redact(value).equals(value))) {
                credentials.add(n);
            } else if (Cassette.keptRequestHeader(n)) {
                kept.put(n, value);
            }
        });
        credentials.sort(null);
        Cassette.Request request = new Cassette.Request(call.method(), secret.redact(Cassette.pathOf(call.uri())), kept,
                credentials, redact(call.body()));
        Cassette.Head head = null;
        if (d.head() != null) {
            List<Map.Entry<String, String>> hs = new ArrayList<>();
            for (Map.Entry<String, String> h : d.head().headers()) {
                if (!Cassette.secretHeader(h.getKey())) {
                    hs.add(Map.entry(h.getKey(), secret.redact(h.getValue())));
                }
            }
            head = new Cassette.Head(d.head().atNanos(), d.head().status(), hs, d.head().hasBody());
        }
        ProviderError outcome = null;
        String finish = null;
        if (d.terminal() instanceof StreamEvent.Failed f) {
            ProviderError e = f.error();
            outcome = new ProviderError(e.errorClass(), secret.redact(e.message()), e.httpStatusCode(), e.retryAfterMillis());
        } else if (d.terminal() instanceof StreamEvent.Completed c) {
            finish = c.reason().name().toLowerCase(Locale.ROOT);
        }
        Map<String, String> extras = new LinkedHashMap<>();
        source.configExtras().forEach((k, v) -> extras.put(k, secret.redact(v)));
        CassetteSource src = new CassetteSource(source.provider(), source.model(), source.baseUrl(), extras,
                source.connectTimeout(), source.requestTimeout());
        return new Cassette(src, key, sequence, request, head, redactChunks(d.chunks(), secret), d.end(), outcome, finish);
    }

    private byte[] redact(byte[] bytes) {
        return secret.reveal().map(k -> replace(bytes, k.getBytes(StandardCharsets.UTF_8))).orElse(bytes);
    }

    /**
     * Replaces the API key with {@code ****} in the body chunks. A key split across chunks is
     * found too: those chunks are merged into one (arriving when the last of them did) first.
     */
    static List<Cassette.Chunk> redactChunks(List<Cassette.Chunk> in, Secret secret) {
        if (!secret.isPresent() || in.isEmpty()) {
            return in;
        }
        byte[] k = secret.reveal().orElseThrow().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int[] owner = new int[in.stream().mapToInt(c -> c.bytes().length).sum()];
        int pos = 0;
        for (int i = 0; i < in.size(); i++) {
            byte[] b = in.get(i).bytes();
            all.write(b, 0, b.length);
            java.util.Arrays.fill(owner, pos, pos + b.length, i);
            pos += b.length;
        }
        byte[] bytes = all.toByteArray();
        int[] group = new int[in.size()]; // chunk i merges into the chunk group[i] >= i
        for (int i = 0; i < group.length; i++) {
            group[i] = i;
        }
        boolean any = false;
        for (int at = indexOf(bytes, k, 0); at >= 0; at = indexOf(bytes, k, at + k.length)) {
            any = true;
            int last = owner[at + k.length - 1];
            for (int i = owner[at]; i < last; i++) {
                group[i] = Math.max(group[i], last);
            }
        }
        if (!any) {
            return in;
        }
        List<Cassette.Chunk> out = new ArrayList<>();
        ByteArrayOutputStream merged = new ByteArrayOutputStream();
        for (int i = 0; i < in.size(); i++) {
            byte[] b = in.get(i).bytes();
            merged.write(b, 0, b.length);
            if (group[i] == i) {
                out.add(new Cassette.Chunk(in.get(i).atNanos(), replace(merged.toByteArray(), k)));
                merged.reset();
            }
        }
        return out;
    }

    private static byte[] replace(byte[] bytes, byte[] k) {
        int at = indexOf(bytes, k, 0);
        if (at < 0) {
            return bytes;
        }
        byte[] stars = "****".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        int from = 0;
        for (; at >= 0; at = indexOf(bytes, k, from)) {
            out.write(bytes, from, at - from);
            out.write(stars, 0, stars.length);
            from = at + k.length;
        }
        out.write(bytes, from, bytes.length - from);
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
