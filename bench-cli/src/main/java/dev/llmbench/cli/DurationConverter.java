package dev.llmbench.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a {@code --timeout} value: a whole number with a unit, {@code 500ms}, {@code 30s},
 * {@code 2m} or {@code 1h}, or an ISO-8601 duration such as {@code PT30S}. Anything else is a
 * usage error naming the accepted forms. Stateless and thread-safe.
 */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

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
        String s = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(s);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        if (s.startsWith("p")) {
            try {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // fall through to the common message
            }
        }
        throw new TypeConversionException("\"" + value + "\" is not a duration; use e.g. 500ms, 30s, 2m, 1h or PT30S");
    }
}
