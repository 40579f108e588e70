package dev.llmbench.core.spi;

/**
 * What a provider can do. The runner checks capabilities before a run starts.
 *
 * @since 0.1
 */
public enum Capability {
    /** Delivers incremental events as they arrive (needed for TTFT and ITL). */
    STREAMING,
    /** Sends tool definitions and reports tool calls. */
    TOOLS,
    /** Honours a JSON response format. */
    JSON_MODE,
    /** Honours a JSON Schema response format. */
    JSON_SCHEMA,
    /** Reports reasoning separately from content. */
    REASONING,
    /** Reports token usage. */
    USAGE,
    /** Reports server-side timings. */
    SERVER_TIMINGS
}
