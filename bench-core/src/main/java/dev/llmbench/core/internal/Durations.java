package dev.llmbench.core.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses human durations: a number (decimals allowed) with a unit {@code us}, {@code ms},
 * {@code s}, {@code m} or {@code h} — {@code 250us}, {@code 500ms}, {@code 1.5s}, {@code 2m},
 * {@code 1h} — or an ISO-8601 duration such as {@code PT30S}; a bare {@code 0} is zero.
 *
 * <p><b>Not API.</b> Stateless and thread-safe.
 */
public final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)\\s*(us|ms|s|m|h)");

    private Durations() {}

    /**
     * The duration {@code value} stands for.
     *
     * @throws IllegalArgumentException naming the accepted forms when {@code value} is none of them
     *         or is negative
     */
    public static Duration parse(String value) {
        String s = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SIMPLE.matcher(s);
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            double nanos = switch (m.group(2)) {
                case "us" -> n * 1e3;
                case "ms" -> n * 1e6;
                case "s" -> n * 1e9;
                case "m" -> n * 60e9;
                default -> n * 3600e9;
            };
            if (nanos < Long.MAX_VALUE) {
                return Duration.ofNanos(Math.round(nanos));
            }
        }
        if (s.startsWith("p")) {
            try {
                Duration d = Duration.parse(s.toUpperCase(Locale.ROOT));
                if (!d.isNegative()) {
                    return d;
                }
            } catch (DateTimeParseException e) {
                // fall through to the common message
            }
        }
        throw new IllegalArgumentException(
                "\"" + value + "\" is not a duration; use e.g. 250us, 500ms, 1.5s, 30s, 2m, 1h or PT30S");
    }
}
