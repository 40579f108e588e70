package dev.llmbench.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One accepted TCP connection: reads requests one after another (keep-alive), routes each to an
 * info endpoint or a scripted chat reply, and records the exchange. Runs on one pool thread.
 * Not API.
 */
final class Connection implements Runnable {

    private static final Set<String> CHAT_PATHS = Set.of("/api/chat", "/api/generate", "/v1/chat/completions",
            "/api/v1/chat/completions", "/v1/messages");

    private final FakeLlmServer server;
    private final Socket socket;
    private final long id;
    private int served;
    private boolean reusable;

    Connection(FakeLlmServer server, Socket socket, long id) {
        this.server = server;
        this.socket = socket;
        this.id = id;
    }

    static WireFormat classify(String path) {
        if (path.startsWith("/api/v1/")) {
            return WireFormat.OPENROUTER;
        }
        if (path.equals("/v1/messages")) {
            return WireFormat.ANTHROPIC;
        }
        if (path.startsWith("/v1/")) {
            return WireFormat.OPENAI;
        }
        if (path.startsWith("/api/")) {
            return WireFormat.OLLAMA;
        }
        return WireFormat.NONE;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            HttpRequestReader reader = new HttpRequestReader(in, out);
            WireWriter writer = new WireWriter(socket, out);
            while (!server.isClosed()) {
                HttpRequestReader.Raw raw;
                try {
                    raw = reader.next();
                } catch (HttpRequestReader.BadRequest e) {
                    writer.begin(null);
                    byte[] body = ("400 Bad Request: " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
                    writer.head(400, "text/plain; charset=utf-8", body.length, Map.of(), true, false);
                    writer.frame(body);
                    return;
                }
                if (raw == null || !serve(raw, in, writer) || raw.wantsClose()) {
                    return;
                }
            }
        } catch (IOException e) {
            // peer went away or the server closed the socket: nothing to report
        } finally {
            server.forget(socket);
        }
    }

    /** @return whether the connection may carry another request */
    private boolean serve(HttpRequestReader.Raw raw, InputStream in, WireWriter writer) {
        String target = raw.target();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Recordings recordings = server.recordings();
        RecordedRequest request = recordings.request(raw, id, served++, classify(path));
        RecordedExchange.Builder rec = new RecordedExchange.Builder(request);
        boolean close = raw.wantsClose();
        Function<RecordedRequest, Reply> extra = server.script().endpoint(raw.method(), path);
        boolean chat = extra == null && CHAT_PATHS.contains(path) && raw.method().equals("POST");
        if (chat) {
            recordings.chatStarted();
        }
        try {
            recordings.exchange(exchange(request, rec, extra, chat, in, writer, close));
            return reusable && !close;
        } finally {
            if (chat) {
                recordings.chatEnded();
            }
        }
    }

    private RecordedExchange exchange(RecordedRequest request, RecordedExchange.Builder rec,
            Function<RecordedRequest, Reply> extra, boolean chat, InputStream in, WireWriter writer, boolean close) {
        String path = request.path();
        RecordedExchange.Outcome outcome = RecordedExchange.Outcome.COMPLETED;
        reusable = true;
        try {
            if (extra != null) {
                outcome = drive(extraReply(extra, request), request, rec, in, writer, close);
            } else if (chat) {
                ErrorBodies.Response early = precheck(request);
                if (early != null) {
                    writer.begin(null);
                    respond(writer, rec, early, request.method(), close);
                } else {
                    outcome = drive(server.script().next(request), request, rec, in, writer, close);
                }
            } else {
                writer.begin(null);
                ErrorBodies.Response info = InfoEndpoints.serve(request.method(), path, request, server.script());
                if (info == null) {
                    boolean known = CHAT_PATHS.contains(path) || InfoEndpoints.isInfoPath(path);
                    info = new ErrorBodies.Response(known ? 405 : 404, "text/plain",
                            known ? "405 method not allowed" : "404 page not found", Map.of());
                }
                respond(writer, rec, info, request.method(), close);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = RecordedExchange.Outcome.SERVER_CLOSED;
            reusable = false;
        } catch (IOException e) {
            outcome = server.isClosed() ? RecordedExchange.Outcome.SERVER_CLOSED
                    : RecordedExchange.Outcome.CLIENT_DISCONNECTED;
            reusable = false;
        }
        return rec.build(outcome, writer.bytesWritten());
    }

    private RecordedExchange.Outcome drive(Reply reply, RecordedRequest request, RecordedExchange.Builder rec,
            InputStream in, WireWriter writer, boolean close) throws IOException, InterruptedException {
        rec.reply(reply.toString());
        writer.begin(reply.spec());
        ExchangeDriver driver = new ExchangeDriver(new ReplyContext(request, reply.spec()), writer, rec, socket, in,
                close, server::isClosed, server.emitters().forConnection(id));
        RecordedExchange.Outcome outcome = driver.run();
        reusable = driver.reusable();
        return outcome;
    }

    private static Reply extraReply(Function<RecordedRequest, Reply> handler, RecordedRequest request) {
        try {
            return Objects.requireNonNull(handler.apply(request), "endpoint handler returned null");
        } catch (RuntimeException e) {
            return Reply.status(500, "500 endpoint handler failed: " + e);
        }
    }

    private static void respond(WireWriter writer, RecordedExchange.Builder rec, ErrorBodies.Response resp,
            String method, boolean close) throws IOException {
        byte[] body = resp.body().getBytes(StandardCharsets.UTF_8);
        writer.head(resp.status(), resp.contentType(), body.length, resp.headers(), close, false);
        rec.status(resp.status(), System.nanoTime());
        if (!method.equals("HEAD")) {
            writer.frame(body);
        }
    }

    /** Bad JSON, unknown model, missing capability, Ollama load requests: answered without the script. */
    private ErrorBodies.Response precheck(RecordedRequest request) {
        WireFormat f = request.wireFormat();
        JsonNode json = request.json();
        if (!json.isObject()) {
            return ErrorBodies.render(f, 400, f == WireFormat.OLLAMA ? "missing request body" : "invalid JSON body", null);
        }
        String name = request.model().orElse("");
        if (name.isBlank()) {
            return f == WireFormat.OLLAMA ? ErrorBodies.render(f, 400, "model is required", null) : null;
        }
        FakeModel model = server.script().model(name);
        if (model == null) {
            switch (f) {
                case OLLAMA:
                    return ErrorBodies.render(f, 404, "model '" + name + "' not found", null);
                case OPENAI:
                    return ErrorBodies.render(f, 404, "The model `" + name
                            + "` does not exist or you do not have access to it.", null);
                case OPENROUTER:
                    return ErrorBodies.render(f, 400, name + " is not a valid model ID", null);
                default:
                    return ErrorBodies.render(f, 404, "model: " + name, null);
            }
        }
        if (f == WireFormat.OLLAMA && json.path("tools").size() > 0 && !model.supports("tools")) {
            return ErrorBodies.render(f, 400, model.name() + " does not support tools", null);
        }
        boolean generate = request.path().equals("/api/generate");
        if (f == WireFormat.OLLAMA && (generate ? json.path("prompt").asText("").isEmpty()
                : json.has("messages") && json.path("messages").size() == 0)) {
            JsonNode keep = json.path("keep_alive");
            boolean unload = keep.isNumber() && keep.asDouble() == 0 || "0".equals(keep.asText(null));
            ObjectNode o = Json.object().put("model", name).put("created_at", Instant.now().toString());
            if (generate) {
                o.put("response", "").put("done", true).put("done_reason", unload ? "unload" : "load");
            } else {
                o.putObject("message").put("role", "assistant").put("content", "");
                o.put("done_reason", unload ? "unload" : "load").put("done", true);
            }
            return new ErrorBodies.Response(200, ErrorBodies.JSON_UTF8, Json.write(o), Map.of());
        }
        return null;
    }
}
