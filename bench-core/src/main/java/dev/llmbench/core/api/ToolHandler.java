package dev.llmbench.core.api;

/**
 * A deterministic implementation of one tool, executed by the runner when a model calls it in a
 * tool-use test. It must be pure and thread-safe: the same arguments always give the same result.
 *
 * <p>Bad arguments (invalid JSON, a missing field) are the model's mistake, not the handler's:
 * return an error object such as {@code {"error":"missing field city"}} so the model can react,
 * and never throw.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ToolHandler {
    /**
     * Runs the tool.
     *
     * @param argumentsJson the arguments exactly as the model produced them (possibly invalid JSON)
     * @return the result the model sees, usually JSON text; never null
     */
    String handle(String argumentsJson);
}
