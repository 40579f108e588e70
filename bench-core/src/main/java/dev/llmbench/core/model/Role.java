package dev.llmbench.core.model;

import java.util.Locale;

/**
 * The author of a {@link Message}.
 *
 * @since 0.1
 */
public enum Role {
    /** Instructions that frame the conversation. */
    SYSTEM,
    /** The person asking. */
    USER,
    /** The model. */
    ASSISTANT,
    /** The result of a tool call, fed back to the model. */
    TOOL;

    /** The lowercase name used by every supported wire format ({@code "user"}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
