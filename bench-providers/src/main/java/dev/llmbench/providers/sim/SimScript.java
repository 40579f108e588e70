package dev.llmbench.providers.sim;

import dev.llmbench.core.api.Transcript;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.FinishReason;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.TokenUsage;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.ProviderError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The complete, timed plan of one simulated response: every event and the offset from the start
 * of the request at which it is due. Planned up front from a {@link SplittableRandom} seeded with
 * a mix of the configured seed and the request's harness attributes, so the same trial always
 * gets the same plan. Immutable and thread-safe.
 *
 * @param steps the events in delivery order, offsets non-decreasing; the last one is terminal
 */
record SimScript(List<Step> steps) {

    /** Share of failures that are an HTTP 503 before any token. */
    static final double SHARE_SERVER_ERROR = 0.4;
    /** Share of failures that are an HTTP 429 (cumulative with {@link #SHARE_SERVER_ERROR}). */
    static final double SHARE_RATE_LIMITED = 0.3;

    private static final long MAX_FIRST_BYTE_LEAD_NANOS = 2_000_000L;

    /**
     * One planned event.
     *
     * @param atNanos nanoseconds after the start of the request, {@code >= 0}
     * @param event   the event; never null
     */
    record Step(long atNanos, StreamEvent event) {}

    SimScript {
        steps = List.copyOf(steps);
    }

    /** The plan for {@code request} under {@code settings}. */
    static SimScript plan(ChatRequest request, SimSettings settings) {
        String text;
        List<ToolCall> calls = List.of();
        if (settings.mode() == SimSettings.Mode.ORACLE) {
            Optional<String> reference = request.attribute(ChatRequest.ATTR_REFERENCE);
            if (reference.isEmpty()) {
                return new SimScript(List.of(new Step(0, new StreamEvent.Failed(ProviderError.of(
                        ErrorClass.INVALID_REQUEST,
                        "sim:oracle answers only llmbench test cases that carry a calibration reference (request"
                                + " attribute " + ChatRequest.ATTR_REFERENCE + "); use sim:echo for free-form"
                                + " prompts")))));
            }
            text = reference.get();
            Optional<Transcript> transcript;
            try {
                transcript = Transcript.parse(text);
            } catch (IllegalArgumentException e) {
                transcript = Optional.empty();
            }
            if (transcript.isPresent()) {
                // a tool-use case: act out the turn that matches the conversation so far
                Transcript.Turn turn = transcript.get().nextTurn(request.messages());
                text = turn.text();
                calls = turn.toolCalls();
            }
        } else {
            text = request.lastUserText();
        }
        SplittableRandom random = new SplittableRandom(seedFor(request, settings));
        // Draw the failure decision first and always the same number of values, so that a trial
        // keeps its timings when only error_rate changes.
        boolean fails = random.nextDouble() < settings.errorRate();
        double kind = random.nextDouble();
        double retryDraw = random.nextDouble();
        double cutDraw = random.nextDouble();

        List<String> tokens = SimTokenizer.split(text);
        long ttft = Math.round(settings.ttftNanos() * factor(random, settings.jitter()));
        List<Step> steps = new ArrayList<>(tokens.size() + 4);
        String rate = " (simulated by sim, error_rate=" + settings.errorRate() + ")";
        if (fails && kind < SHARE_SERVER_ERROR) {
            steps.add(new Step(ttft, new StreamEvent.Failed(new ProviderError(ErrorClass.SERVER_ERROR,
                    "HTTP 503 Service Unavailable: model overloaded" + rate, 503, -1))));
            return new SimScript(steps);
        }
        if (fails && kind < SHARE_SERVER_ERROR + SHARE_RATE_LIMITED) {
            long retryAfterMillis = 1000L * (1 + (long) (retryDraw * 5));
            steps.add(new Step(ttft / 4, new StreamEvent.Failed(new ProviderError(ErrorClass.RATE_LIMITED,
                    "HTTP 429 Too Many Requests: retry after " + retryAfterMillis + " ms" + rate, 429,
                    retryAfterMillis))));
            return new SimScript(steps);
        }
        int limit = tokens.size();
        FinishReason finish = FinishReason.STOP;
        if (request.sampling().maxTokens().isPresent() && request.sampling().maxTokens().getAsInt() < limit) {
            limit = request.sampling().maxTokens().getAsInt();
            finish = FinishReason.LENGTH;
        }
        int cut = limit <= 1 ? 0 : 1 + (int) (cutDraw * (limit - 1));
        int emitted = fails ? cut : limit;

        steps.add(new Step(Math.max(0, ttft - Math.min(ttft / 10, MAX_FIRST_BYTE_LEAD_NANOS)),
                new StreamEvent.ResponseStarted()));
        double interval = 1e9 / settings.tokensPerSecond();
        double elapsed = 0;
        long at = ttft;
        for (int i = 0; i < emitted; i++) {
            if (i > 0) {
                elapsed += interval * factor(random, settings.jitter());
                at = ttft + Math.round(Math.min(elapsed, 1e18));
            }
            steps.add(new Step(at, new StreamEvent.ContentDelta(tokens.get(i))));
        }
        if (!fails) {
            for (int i = 0; i < calls.size(); i++) {
                ToolCall c = calls.get(i);
                steps.add(new Step(at, new StreamEvent.ToolCallFragment(i, c.id(), c.name(), c.argumentsJson())));
            }
            if (!calls.isEmpty()) {
                finish = FinishReason.TOOL_CALLS;
            }
        }
        if (fails) {
            long failAt = emitted == 0 ? at : ttft + Math.round(Math.min(elapsed + interval, 1e18));
            steps.add(new Step(failAt, new StreamEvent.Failed(ProviderError.of(ErrorClass.STREAM_ERROR,
                    "stream error after " + emitted + " of " + limit + " tokens: upstream connection reset"
                            + rate))));
            return new SimScript(steps);
        }
        steps.add(new Step(at, new StreamEvent.Usage(TokenUsage.of(inputTokens(request), emitted + calls.size()))));
        steps.add(new Step(at, new StreamEvent.Completed(finish)));
        return new SimScript(steps);
    }

    /** Prompt tokens as a real tokenizer roughly counts them: code points of all messages / 4, rounded up. */
    static long inputTokens(ChatRequest request) {
        long codePoints = 0;
        for (Message m : request.messages()) {
            codePoints += m.content().codePointCount(0, m.content().length());
        }
        return (codePoints + 3) / 4;
    }

    /**
     * The seed of one request: a mix of the configured seed, the trial seed, the test and case ids
     * and the source text (which tells apart requests that carry no attributes).
     */
    static long seedFor(ChatRequest request, SimSettings settings) {
        long h = mix(settings.seed() ^ 0x9E3779B97F4A7C15L);
        String trialSeed = request.attribute(ChatRequest.ATTR_SEED).orElse("");
        long trial;
        try {
            trial = Long.parseLong(trialSeed.strip());
        } catch (NumberFormatException e) {
            trial = hash(trialSeed);
        }
        h = mix(h ^ trial);
        h = mix(h ^ hash(request.attribute(ChatRequest.ATTR_TEST).orElse("")));
        h = mix(h ^ hash(request.attribute(ChatRequest.ATTR_CASE).orElse("")));
        h = mix(h ^ hash(settings.mode() == SimSettings.Mode.ORACLE
                ? request.attribute(ChatRequest.ATTR_REFERENCE).orElse("")
                : request.lastUserText()));
        return h;
    }

    private static double factor(SplittableRandom random, double jitter) {
        return 1.0 + jitter * (2.0 * random.nextDouble() - 1.0);
    }

    /** The SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a over the UTF-8 bytes: stable across JVMs and runs. */
    private static long hash(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }
}
