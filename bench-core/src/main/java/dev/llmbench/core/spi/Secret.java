package dev.llmbench.core.spi;

import dev.llmbench.core.internal.Checks;
import java.util.Optional;

/**
 * A secret such as an API key. Its {@link #toString()} never reveals the value, so it can be
 * logged or embedded in records safely. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Secret {
    /** No secret. */
    public static final Secret NONE = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a value; a blank value gives {@link #NONE}. */
    public static Secret of(String value) {
        Checks.notNull(value, "value");
        return value.isBlank() ? NONE : new Secret(value.strip());
    }

    /** The value when one is set. Call only where the value is put on the wire. */
    public Optional<String> reveal() {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Whether a value is set. */
    public boolean isPresent() {
        return !value.isEmpty();
    }

    /** Replaces every occurrence of the value in {@code text} with {@code ****}. */
    public String redact(String text) {
        return value.isEmpty() || text == null ? String.valueOf(text) : text.replace(value, "****");
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "Secret[none]" : "Secret[****]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
