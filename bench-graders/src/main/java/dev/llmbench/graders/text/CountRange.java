package dev.llmbench.graders.text;

import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.internal.Params;
import java.util.Optional;

/**
 * An inclusive range of counts ({@code min <= n <= max}) read from grader parameters, with the
 * wording checks use for it ("exactly 3 sentences", "180–220 words", "at least 2 paragraphs").
 *
 * <p>Immutable and thread-safe.
 *
 * @param min the lower bound, inclusive; non-negative
 * @param max the upper bound, inclusive; at least {@code min}; {@link Integer#MAX_VALUE} for none
 * @since 0.1
 */
public record CountRange(int min, int max) {
    /** Validates the bounds. */
    public CountRange {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("range [" + min + ", " + max + "] must have 0 <= min <= max");
        }
    }

    /**
     * The range given by parameters {@code exactlyKey}, or {@code minKey} and/or {@code maxKey}.
     *
     * @return empty when none of the three is set
     * @throws dev.llmbench.core.BenchConfigurationException when {@code exactlyKey} is combined with
     *         a bound, a value is negative or not an integer, or the minimum exceeds the maximum
     */
    public static Optional<CountRange> parse(GraderConfig config, String exactlyKey, String minKey, String maxKey) {
        Optional<Integer> exactly = Params.nonNegativeInt(config, exactlyKey);
        Optional<Integer> min = Params.nonNegativeInt(config, minKey);
        Optional<Integer> max = Params.nonNegativeInt(config, maxKey);
        if (exactly.isPresent() && (min.isPresent() || max.isPresent())) {
            throw Params.error(config, "parameter '" + exactlyKey + "' cannot be combined with '" + minKey + "' or '"
                    + maxKey + "'");
        }
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            throw Params.error(config, "parameter '" + minKey + "' (" + min.get() + ") must not exceed '" + maxKey
                    + "' (" + max.get() + ")");
        }
        if (exactly.isEmpty() && min.isEmpty() && max.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CountRange(exactly.orElse(min.orElse(0)),
                exactly.orElse(max.orElse(Integer.MAX_VALUE))));
    }

    /** Whether {@code n} lies in the range. */
    public boolean contains(int n) {
        return n >= min && n <= max;
    }

    /**
     * The range in words, e.g. {@code "exactly 3 sentences"}, {@code "180–220 words"}.
     *
     * @param unit the plural unit, e.g. {@code "words"}; never null
     * @return never null
     */
    public String describe(String unit) {
        if (min == max) {
            return "exactly " + min + " " + unit;
        } else if (max == Integer.MAX_VALUE) {
            return "at least " + min + " " + unit;
        } else if (min == 0) {
            return "at most " + max + " " + unit;
        }
        return min + "–" + max + " " + unit;
    }
}
