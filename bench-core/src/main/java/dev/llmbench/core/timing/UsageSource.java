package dev.llmbench.core.timing;

import java.util.Locale;

/**
 * Where an output token count came from.
 *
 * @since 0.1
 */
public enum UsageSource {
    /** The provider reported it (Ollama {@code eval_count}, OpenAI {@code usage}). */
    PROVIDER,
    /** llmbench counted the non-empty content and reasoning deltas, because the provider reported none. */
    COUNTED;

    /** The id written to result files: {@code "provider"} or {@code "counted"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
