package dev.llmbench.core.model;

import dev.llmbench.core.internal.Checks;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Sampling parameters. An empty value means "the provider's default". Immutable and thread-safe.
 *
 * @param temperature in [0, 2] when set
 * @param seed        the provider-side sampling seed when set
 * @param maxTokens   the output token limit, positive when set
 * @since 0.1
 */
public record Sampling(OptionalDouble temperature, OptionalLong seed, OptionalInt maxTokens) {
    /** Provider defaults for everything. */
    public static final Sampling DEFAULT = new Sampling(OptionalDouble.empty(), OptionalLong.empty(), OptionalInt.empty());

    /** Validates the components. */
    public Sampling {
        Checks.notNull(temperature, "temperature");
        Checks.notNull(seed, "seed");
        Checks.notNull(maxTokens, "maxTokens");
        if (temperature.isPresent()) {
            Checks.inRange(temperature.getAsDouble(), 0.0, 2.0, "temperature");
        }
        if (maxTokens.isPresent()) {
            Checks.positive(maxTokens.getAsInt(), "maxTokens");
        }
    }

    /** A copy with the temperature set. */
    public Sampling withTemperature(double value) {
        return new Sampling(OptionalDouble.of(value), seed, maxTokens);
    }

    /** A copy with the seed set. */
    public Sampling withSeed(long value) {
        return new Sampling(temperature, OptionalLong.of(value), maxTokens);
    }

    /** A copy with the output token limit set. */
    public Sampling withMaxTokens(int value) {
        return new Sampling(temperature, seed, OptionalInt.of(value));
    }
}
