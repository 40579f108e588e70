package dev.llmbench.core.model;

import dev.llmbench.core.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider-neutral chat request. Immutable and thread-safe; build one with {@link #builder()}.
 *
 * @param messages       the conversation, at least one message; never null
 * @param tools          tools offered to the model; never null
 * @param responseFormat the requested answer shape; never null
 * @param sampling       sampling parameters; never null
 * @param extras         provider-specific options passed through as strings (for example Ollama's
 *                       {@code num_ctx}); never null
 * @param attributes     harness metadata that is never sent to a model server (test and case ids,
 *                       the trial seed, the calibration reference used by the simulator), with one
 *                       exception: {@link #ATTR_REQUEST_ID}, which HTTP providers send as a header;
 *                       never null
 * @since 0.1
 */
public record ChatRequest(
        List<Message> messages,
        List<ToolDefinition> tools,
        ResponseFormat responseFormat,
        Sampling sampling,
        Map<String, String> extras,
        Map<String, String> attributes) {

    /**
     * Provider-neutral extra: ask a thinking model to reason first. Values {@code true},
     * {@code false}, {@code low}, {@code medium}, {@code high}; each provider maps it to its own
     * parameter (Ollama {@code think}, OpenRouter {@code reasoning.effort}, Anthropic a thinking
     * budget) or ignores it when it has none. Other extras are provider-specific; a provider
     * ignores request extras it does not know, since one suite's requests go to every provider.
     */
    public static final String EXTRA_THINK = "think";

    /** Attribute: the id of the test this request belongs to. */
    public static final String ATTR_TEST = "llmbench.test";
    /** Attribute: the id of the case this request belongs to. */
    public static final String ATTR_CASE = "llmbench.case";
    /** Attribute: the per-trial seed, a decimal long, for deterministic simulators. */
    public static final String ATTR_SEED = "llmbench.seed";
    /** Attribute: the case's calibrated reference response (used only by the offline simulator). */
    public static final String ATTR_REFERENCE = "llmbench.reference";
    /**
     * Attribute: a correlation id for this one request, so a server's logs can be joined with
     * llmbench's measurements. The only attribute a provider sends: every HTTP provider puts it in
     * an HTTP header (never in the body), named by the provider extra {@code request_id_header}
     * (default {@code X-Request-Id}); providers without HTTP ignore it. The value must be 1 to 1024
     * printable ASCII characters, not starting or ending with a space; a request whose id breaks
     * that fails with {@code invalid_request} without being sent.
     */
    public static final String ATTR_REQUEST_ID = "llmbench.request_id";

    /** Validates the components and copies the collections. */
    public ChatRequest {
        messages = List.copyOf(Checks.notNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        tools = List.copyOf(Checks.notNull(tools, "tools"));
        Checks.notNull(responseFormat, "responseFormat");
        Checks.notNull(sampling, "sampling");
        extras = Map.copyOf(Checks.notNull(extras, "extras"));
        attributes = Map.copyOf(Checks.notNull(attributes, "attributes"));
    }

    /** A request with one user message and defaults for everything else. */
    public static ChatRequest ofUser(String prompt) {
        return builder().user(prompt).build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this request. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.messages.addAll(messages);
        b.tools.addAll(tools);
        b.responseFormat = responseFormat;
        b.sampling = sampling;
        b.extras.putAll(extras);
        b.attributes.putAll(attributes);
        return b;
    }

    /** The value of a harness attribute. */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** The text of the last user message, or an empty string when there is none. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    /** Builds a {@link ChatRequest}. Not thread-safe. */
    public static final class Builder {
        private final List<Message> messages = new ArrayList<>();
        private final List<ToolDefinition> tools = new ArrayList<>();
        private ResponseFormat responseFormat = ResponseFormat.TEXT;
        private Sampling sampling = Sampling.DEFAULT;
        private final Map<String, String> extras = new LinkedHashMap<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder() {}

        /** Appends a message. */
        public Builder message(Message message) {
            messages.add(Checks.notNull(message, "message"));
            return this;
        }

        /** Appends a system message. */
        public Builder system(String content) {
            return message(Message.system(content));
        }

        /** Appends a user message. */
        public Builder user(String content) {
            return message(Message.user(content));
        }

        /** Offers a tool. */
        public Builder tool(ToolDefinition tool) {
            tools.add(Checks.notNull(tool, "tool"));
            return this;
        }

        /** Sets the answer shape. */
        public Builder responseFormat(ResponseFormat format) {
            this.responseFormat = Checks.notNull(format, "responseFormat");
            return this;
        }

        /** Sets the sampling parameters. */
        public Builder sampling(Sampling sampling) {
            this.sampling = Checks.notNull(sampling, "sampling");
            return this;
        }

        /** Sets a provider-specific option. */
        public Builder extra(String name, String value) {
            extras.put(Checks.notBlank(name, "name"), Checks.notNull(value, "value"));
            return this;
        }

        /** Sets a harness attribute (never sent to a model server, except {@link #ATTR_REQUEST_ID}). */
        public Builder attribute(String name, String value) {
            attributes.put(Checks.notBlank(name, "name"), Checks.notNull(value, "value"));
            return this;
        }

        /** Copies everything into a new immutable request. */
        public ChatRequest build() {
            return new ChatRequest(messages, tools, responseFormat, sampling, extras, attributes);
        }
    }
}
