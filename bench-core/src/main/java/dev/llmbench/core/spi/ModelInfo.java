package dev.llmbench.core.spi;

import dev.llmbench.core.internal.Checks;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A model a provider offers, as {@code llmbench list models} shows it. Immutable and thread-safe.
 *
 * @param id                   the model name to put after {@code provider:} in a spec; never blank
 * @param contextLength        the context window in tokens, or -1 when unknown
 * @param promptUsdPerToken    the price of one input token in US dollars, or a negative number
 * @param completionUsdPerToken the price of one output token in US dollars, or a negative number
 * @param details              other facts as strings (size, family, quantisation, capabilities)
 * @since 0.1
 */
public record ModelInfo(String id, long contextLength, double promptUsdPerToken, double completionUsdPerToken,
        Map<String, String> details) {
    /** Validates the components and copies the map. */
    public ModelInfo {
        Checks.notBlank(id, "id");
        details = Map.copyOf(Checks.notNull(details, "details"));
    }

    /** The context window when known. */
    public OptionalLong context() {
        return contextLength < 0 ? OptionalLong.empty() : OptionalLong.of(contextLength);
    }

    /** The input price per token when known. */
    public OptionalDouble promptPrice() {
        return promptUsdPerToken < 0 ? OptionalDouble.empty() : OptionalDouble.of(promptUsdPerToken);
    }

    /** The output price per token when known. */
    public OptionalDouble completionPrice() {
        return completionUsdPerToken < 0 ? OptionalDouble.empty() : OptionalDouble.of(completionUsdPerToken);
    }
}
