package dev.llmbench.core.model;

import dev.llmbench.core.internal.Checks;

/**
 * What shape the model is asked to answer in. Providers translate it to their wire format
 * (Ollama {@code format}, OpenAI {@code response_format}).
 *
 * @since 0.1
 */
public sealed interface ResponseFormat {
    /** Free text (the default). */
    ResponseFormat TEXT = new Text();
    /** Any JSON object. */
    ResponseFormat JSON = new Json();

    /** Free text. */
    record Text() implements ResponseFormat {}

    /** Any JSON object, without a schema. */
    record Json() implements ResponseFormat {}

    /**
     * JSON matching a schema.
     *
     * @param name       a short name for the schema (OpenAI requires one); never blank
     * @param schemaJson the JSON Schema as JSON text; never blank
     * @param strict     whether the provider is asked to enforce it
     */
    record JsonSchema(String name, String schemaJson, boolean strict) implements ResponseFormat {
        /** Validates the components. */
        public JsonSchema {
            Checks.notBlank(name, "name");
            Checks.notBlank(schemaJson, "schemaJson");
        }
    }
}
