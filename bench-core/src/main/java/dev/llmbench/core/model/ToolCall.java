package dev.llmbench.core.model;

import dev.llmbench.core.internal.Checks;

/**
 * A complete tool call made by the model.
 *
 * @param id            the provider's call id, or an empty string when the provider gives none
 *                      (Ollama); never null
 * @param name          the tool's name; never blank
 * @param argumentsJson the arguments as JSON text, exactly as the model produced them (they may
 *                      be invalid JSON: graders decide); never null
 * @since 0.1
 */
public record ToolCall(String id, String name, String argumentsJson) {
    /** Validates the components. */
    public ToolCall {
        Checks.notNull(id, "id");
        Checks.notBlank(name, "name");
        Checks.notNull(argumentsJson, "argumentsJson");
    }
}
