package dev.llmbench.core.model;

/**
 * Why generation stopped.
 *
 * @since 0.1
 */
public enum FinishReason {
    /** The model finished its answer. */
    STOP,
    /** The output token limit was reached. */
    LENGTH,
    /** The model stopped to call tools. */
    TOOL_CALLS,
    /** The provider filtered the content. */
    CONTENT_FILTER,
    /** Any other or unreported reason. */
    OTHER
}
