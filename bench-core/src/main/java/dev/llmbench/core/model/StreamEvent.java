package dev.llmbench.core.model;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.spi.ProviderError;

/**
 * One event of a streamed response, as a provider reports it. Providers never time events: the
 * core timing engine stamps each one when it is delivered.
 *
 * <p>A stream is zero or one {@link ResponseStarted}, then any number of non-terminal events, then
 * exactly one terminal event: {@link Completed} or {@link Failed}.
 *
 * @since 0.1
 */
public sealed interface StreamEvent {

    /** Whether this event ends the stream. */
    default boolean terminal() {
        return false;
    }

    /** The first byte of the response body arrived (time to first byte). */
    record ResponseStarted() implements StreamEvent {}

    /** Visible answer text; may be empty (some servers send empty deltas). */
    record ContentDelta(String text) implements StreamEvent {
        /** Validates the text. */
        public ContentDelta {
            Checks.notNull(text, "text");
        }
    }

    /** Reasoning ("thinking") text, kept apart from the answer. */
    record ReasoningDelta(String text) implements StreamEvent {
        /** Validates the text. */
        public ReasoningDelta {
            Checks.notNull(text, "text");
        }
    }

    /**
     * A piece of a tool call. Fragments with the same {@code index} are concatenated: the first
     * usually carries the id and name, later ones more argument text.
     *
     * @param index             the call's position in the response, 0-based
     * @param id                the call id, or empty when this fragment does not carry it
     * @param name              the tool name, or empty when this fragment does not carry it
     * @param argumentsFragment more argument JSON text, possibly empty
     */
    record ToolCallFragment(int index, String id, String name, String argumentsFragment) implements StreamEvent {
        /** Validates the components. */
        public ToolCallFragment {
            Checks.nonNegative(index, "index");
            Checks.notNull(id, "id");
            Checks.notNull(name, "name");
            Checks.notNull(argumentsFragment, "argumentsFragment");
        }
    }

    /** Token usage reported by the provider. */
    record Usage(TokenUsage usage) implements StreamEvent {
        /** Validates the usage. */
        public Usage {
            Checks.notNull(usage, "usage");
        }
    }

    /** Server-side timings reported by the provider. */
    record Timings(ServerTimings timings) implements StreamEvent {
        /** Validates the timings. */
        public Timings {
            Checks.notNull(timings, "timings");
        }
    }

    /** The response finished normally. Terminal. */
    record Completed(FinishReason reason) implements StreamEvent {
        /** Validates the reason. */
        public Completed {
            Checks.notNull(reason, "reason");
        }

        @Override
        public boolean terminal() {
            return true;
        }
    }

    /** The request failed; the error is classified. Terminal. */
    record Failed(ProviderError error) implements StreamEvent {
        /** Validates the error. */
        public Failed {
            Checks.notNull(error, "error");
        }

        @Override
        public boolean terminal() {
            return true;
        }
    }
}
