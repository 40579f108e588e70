package dev.llmbench.providers.ollama;

import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.Message;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.model.ToolCall;
import dev.llmbench.core.model.ToolDefinition;
import java.util.Optional;

/**
 * The context window chosen for one request, so that a long prompt is not silently cut: Ollama
 * truncates a prompt that does not fit its context ({@code num_ctx}, 4096 tokens by default)
 * without an error.
 *
 * <p>Sizing: the prompt is estimated at one token per {@value #CHARS_PER_TOKEN} characters (an
 * over-estimate for English and code, which run at about 4) plus {@value #TOKENS_PER_MESSAGE}
 * tokens per message for the chat template; the output budget is the request's maximum output
 * tokens, else the {@code output_reserve}. When prompt plus budget exceed the model's default
 * context, {@code num_ctx} is set to the next power of two that fits, capped by the model's
 * trained context and by {@code num_ctx_max}. Powers of two and a provider-wide floor (a size
 * once chosen is kept for later requests) limit model reloads: Ollama reloads a model whenever
 * {@code num_ctx} changes, which would show up as {@code load_duration} in the middle of a run.
 *
 * <p>After the response, {@link #truncationWarning} compares the server's
 * {@code prompt_eval_count} with the estimate. Immutable and thread-safe.
 *
 * @param estimatedPromptTokens the prompt estimate, in tokens
 * @param outputBudget          the output tokens planned for, in tokens
 * @param defaultContext        the context the model gets when {@code num_ctx} is not sent
 * @param maxContext            the largest context sizing may choose
 * @param numCtx                the {@code num_ctx} to send, or -1 to send none
 */
record ContextPlan(long estimatedPromptTokens, long outputBudget, long defaultContext, long maxContext, long numCtx) {
    static final int CHARS_PER_TOKEN = 3;
    static final int TOKENS_PER_MESSAGE = 4;
    /** Below this estimate no truncation is flagged: template tokens dominate small prompts. */
    static final long MIN_CHECKED_PROMPT = 512;
    /** A prompt evaluated at less than this share of its estimate is flagged. */
    static final double TRUNCATION_RATIO = 0.6;

    /**
     * Plans the context of {@code request}.
     *
     * @param outputBudget the output tokens to plan for
     * @param floor        the largest {@code num_ctx} this provider sent before, or -1
     */
    static ContextPlan of(ChatRequest request, OllamaSettings settings, ModelShow show, long outputBudget, long floor) {
        long prompt = estimatePromptTokens(request);
        long dflt = show.modelfileNumCtx() > 0 ? show.modelfileNumCtx() : settings.serverNumCtx();
        long max = settings.numCtxMax();
        if (show.contextLength() > 0) {
            max = Math.min(max, show.contextLength());
        }
        max = Math.max(max, dflt);
        long need = prompt + outputBudget;
        long numCtx = -1;
        if (need > dflt) {
            numCtx = Math.min(max, Math.max(dflt, nextPowerOfTwo(need)));
        }
        if (floor > 0) {
            numCtx = Math.min(max, Math.max(numCtx, floor));
        }
        return new ContextPlan(prompt, outputBudget, dflt, max, numCtx);
    }

    /** A fixed {@code num_ctx} given by the user: no sizing, but still checked afterwards. */
    static ContextPlan fixed(ChatRequest request, long numCtx, long outputBudget) {
        return new ContextPlan(estimatePromptTokens(request), outputBudget, numCtx, numCtx, -1);
    }

    /** The context the server will use, in tokens. */
    long effectiveContext() {
        return numCtx > 0 ? numCtx : defaultContext;
    }

    /** Whether prompt and output budget fit the effective context. */
    boolean fits() {
        return estimatedPromptTokens + outputBudget <= effectiveContext();
    }

    /** A warning for a request that cannot fit even the largest allowed context, else empty. */
    Optional<String> capWarning(String model) {
        if (fits()) {
            return Optional.empty();
        }
        return Optional.of("ollama: the request to " + model + " needs about " + (estimatedPromptTokens + outputBudget)
                + " tokens (prompt ~" + estimatedPromptTokens + " + output " + outputBudget + ") but its context is "
                + "limited to " + effectiveContext() + " tokens (model limit and num_ctx_max);"
                + " the prompt may be truncated");
    }

    /**
     * A warning when the server evaluated far fewer prompt tokens than estimated, which usually
     * means it truncated the prompt, else empty.
     *
     * @param promptEvalCount the server's {@code prompt_eval_count}, or -1 when absent
     */
    Optional<String> truncationWarning(String model, long promptEvalCount) {
        if (promptEvalCount < 0 || estimatedPromptTokens < MIN_CHECKED_PROMPT
                || promptEvalCount >= TRUNCATION_RATIO * estimatedPromptTokens) {
            return Optional.empty();
        }
        return Optional.of("ollama: " + model + " evaluated only " + promptEvalCount
                + " prompt tokens of an estimated ~" + estimatedPromptTokens + " (context " + effectiveContext()
                + " tokens): the prompt was probably truncated;"
                + " set num_ctx or raise num_ctx_max (Ollama versions that count only uncached prompt tokens after a"
                + " prompt-cache hit can also cause this warning)");
    }

    /** The prompt estimate of {@code request}, in tokens. */
    static long estimatePromptTokens(ChatRequest request) {
        long chars = 0;
        for (Message m : request.messages()) {
            chars += m.content().length() + m.toolName().length();
            for (ToolCall c : m.toolCalls()) {
                chars += c.name().length() + c.argumentsJson().length();
            }
        }
        for (ToolDefinition t : request.tools()) {
            chars += t.name().length() + t.description().length() + t.parametersJson().length();
        }
        if (request.responseFormat() instanceof ResponseFormat.JsonSchema s) {
            chars += s.schemaJson().length();
        }
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + (long) TOKENS_PER_MESSAGE * request.messages().size();
    }

    static long nextPowerOfTwo(long n) {
        long p = 1;
        while (p < n && p < (1L << 40)) {
            p <<= 1;
        }
        return p;
    }
}
