package dev.llmbench.core.spi;

import dev.llmbench.core.BenchException;
import dev.llmbench.core.internal.Checks;

/**
 * Carries a {@link ProviderError} through code that throws (the blocking {@link Provider#chat}).
 *
 * @since 0.1
 */
public class ProviderException extends BenchException {
    private static final long serialVersionUID = 1L;
    private final transient ProviderError error;

    /** Wraps a classified error. */
    public ProviderException(ProviderError error) {
        super(Checks.notNull(error, "error").errorClass().id() + ": " + error.message());
        this.error = error;
    }

    /** The classified error; never null. */
    public ProviderError error() {
        return error;
    }
}
