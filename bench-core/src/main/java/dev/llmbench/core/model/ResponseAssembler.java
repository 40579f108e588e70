package dev.llmbench.core.model;

import dev.llmbench.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Assembles a {@link ChatResponse} from stream events: concatenates content and reasoning deltas,
 * joins tool-call fragments by index, keeps the last usage and server timings reported.
 *
 * <p>Not thread-safe: feed it from one thread at a time, as {@code StreamListener} guarantees.
 *
 * @since 0.1
 */
public final class ResponseAssembler {
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final TreeMap<Integer, String[]> toolCalls = new TreeMap<>();
    private TokenUsage usage = new TokenUsage(TokenUsage.UNKNOWN, TokenUsage.UNKNOWN, TokenUsage.UNKNOWN, -1);
    private ServerTimings timings = ServerTimings.NONE;
    private FinishReason finishReason = FinishReason.OTHER;
    private int contentDeltas;

    /** Folds one event into the response. */
    public void accept(StreamEvent event) {
        Checks.notNull(event, "event");
        if (event instanceof StreamEvent.ContentDelta d) {
            text.append(d.text());
            if (!d.text().isEmpty()) {
                contentDeltas++;
            }
        } else if (event instanceof StreamEvent.ReasoningDelta d) {
            reasoning.append(d.text());
        } else if (event instanceof StreamEvent.ToolCallFragment f) {
            String[] call = toolCalls.computeIfAbsent(f.index(), i -> new String[] {"", "", ""});
            if (!f.id().isEmpty()) {
                call[0] = f.id();
            }
            if (!f.name().isEmpty()) {
                call[1] = f.name();
            }
            call[2] = call[2] + f.argumentsFragment();
        } else if (event instanceof StreamEvent.Usage u) {
            usage = u.usage();
        } else if (event instanceof StreamEvent.Timings t) {
            timings = t.timings();
        } else if (event instanceof StreamEvent.Completed c) {
            finishReason = c.reason();
        }
    }

    /** The number of non-empty content deltas seen so far (a fallback token count). */
    public int contentDeltas() {
        return contentDeltas;
    }

    /** The text received so far. */
    public String text() {
        return text.toString();
    }

    /** The response as assembled so far; tool calls without a name are dropped. */
    public ChatResponse response() {
        List<ToolCall> calls = new ArrayList<>();
        toolCalls.values().stream().filter(c -> !c[1].isBlank()).forEach(c -> calls.add(new ToolCall(c[0], c[1], c[2])));
        return new ChatResponse(text.toString(), reasoning.toString(), calls, finishReason, usage, timings);
    }
}
