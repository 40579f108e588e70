package dev.llmbench.core.model;

import dev.llmbench.core.internal.Checks;

/**
 * A tool (function) offered to the model.
 *
 * @param name           the function name; never blank
 * @param description    what it does, for the model; never null
 * @param parametersJson the JSON Schema of its arguments object, as JSON text; never blank
 * @since 0.1
 */
public record ToolDefinition(String name, String description, String parametersJson) {
    /** Validates the components. */
    public ToolDefinition {
        Checks.notBlank(name, "name");
        Checks.notNull(description, "description");
        Checks.notBlank(parametersJson, "parametersJson");
    }
}
