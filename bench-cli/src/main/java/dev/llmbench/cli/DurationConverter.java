package dev.llmbench.cli;

import dev.llmbench.core.internal.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a {@code --timeout} value with the project's one duration grammar (a number with a unit,
 * {@code 500ms}, {@code 1.5s}, {@code 2m}, {@code 1h}, or ISO-8601 such as {@code PT30S}); anything
 * else is a usage error naming the accepted forms. Stateless and thread-safe.
 */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /**
     * The duration {@code value} stands for.
     *
     * @throws TypeConversionException naming the accepted forms when {@code value} is none of them
     */
    static Duration parse(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
