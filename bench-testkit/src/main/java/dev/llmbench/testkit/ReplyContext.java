package dev.llmbench.testkit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Everything a renderer needs about one exchange: the request, the resolved reply, ids, served
 * model, counts and the timestamps the driver records. Confined to the connection thread. Not API.
 */
final class ReplyContext {

    static final String FILLER = "lorem ipsum dolor sit amet ".repeat(300);

    final RecordedRequest request;
    final ReplySpec spec;
    final WireFormat format;
    final boolean generate;
    final List<String> content;
    final List<String> toolIds;
    final String nl;
    final long createdSeconds = System.currentTimeMillis() / 1000;
    final String suffix = randomAlnum(20);
    long headersNanos;
    long firstChunkNanos;
    long lastChunkNanos;
    int outputChunks;

    ReplyContext(RecordedRequest request, ReplySpec spec) {
        this.request = request;
        this.spec = spec;
        this.format = request.wireFormat();
        this.generate = request.path().equals("/api/generate");
        this.content = spec.kind == ReplySpec.Kind.ECHO
                ? ReplySpec.words(request.lastUserMessage().orElse("")) : spec.content;
        List<String> ids = new ArrayList<>();
        for (ToolCall c : spec.toolCalls) {
            ids.add(c.id().orElse(format == WireFormat.ANTHROPIC ? "toolu_01" + randomAlnum(22)
                    : format == WireFormat.OLLAMA ? null : "call_" + randomAlnum(8).toLowerCase()));
        }
        this.toolIds = ids;
        this.nl = spec.crlf ? "\r\n" : "\n";
    }

    String model() {
        if (spec.model != null) {
            return spec.model;
        }
        return request.model().orElse(format == WireFormat.ANTHROPIC ? "claude-fake" : "fake-model");
    }

    String provider() {
        return spec.provider == null ? "FakeProvider" : spec.provider;
    }

    String finishReason() {
        if (spec.finishReason != null) {
            return spec.finishReason;
        }
        return spec.toolCalls.isEmpty() ? "stop" : "tool_calls";
    }

    int promptTokens() {
        return spec.promptTokens != null ? spec.promptTokens
                : Math.max(1, ReplySpec.words(request.allText()).size());
    }

    int completionTokens() {
        return spec.completionTokens != null ? spec.completionTokens : outputChunks;
    }

    BigDecimal cost() {
        return spec.cost == null ? BigDecimal.ZERO : spec.cost;
    }

    int keepAlive(int defaultCount) {
        return spec.keepAlive == null ? defaultCount : spec.keepAlive;
    }

    String createdAt() {
        return Instant.now().toString();
    }

    String joinedContent() {
        return String.join("", content);
    }

    String joinedReasoning() {
        return String.join("", spec.reasoning);
    }

    /** Planned chunk count for non-streaming replies. */
    int plannedChunks() {
        int tools = 0;
        for (ToolCall c : spec.toolCalls) {
            tools += format == WireFormat.OLLAMA ? 1 : 1 + c.fragments().size();
        }
        return content.size() + spec.reasoning.size() + tools;
    }

    /** The pieces to stream: reasoning, content (or endless filler when oversize), tool calls. */
    Iterator<Piece> pieces() {
        List<Piece> list = new ArrayList<>();
        spec.reasoning.forEach(r -> list.add(new Piece.Reasoning(r)));
        content.forEach(c -> list.add(new Piece.Content(c)));
        if (spec.oversizeBytes > 0) {
            Iterator<Piece> head = list.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Piece next() {
                    return head.hasNext() ? head.next() : new Piece.Content(FILLER);
                }
            };
        }
        for (int i = 0; i < spec.toolCalls.size(); i++) {
            ToolCall call = spec.toolCalls.get(i);
            if (format == WireFormat.OLLAMA) {
                list.add(new Piece.WholeTool(i, call, toolIds.get(i)));
            } else {
                list.add(new Piece.ToolStart(i, call, toolIds.get(i)));
                for (String f : call.fragments()) {
                    list.add(new Piece.ToolArgs(i, f));
                }
            }
        }
        return list.iterator();
    }

    static String randomAlnum(int n) {
        String abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(abc.charAt(ThreadLocalRandom.current().nextInt(abc.length())));
        }
        return sb.toString();
    }
}
