package dev.llmbench.testkit;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Decides whether a scripted rule ({@link FakeLlmServer#when}) applies to a request.
 *
 * <p>Start with {@link #any()}, {@link #model(String)}, {@link #path(String)},
 * {@link #wireFormat(WireFormat)} or {@link #where(String, Predicate)}; every refining method
 * returns a new matcher that requires this one <em>and</em> the new condition:
 * {@code RequestMatcher.model("llama3.2").contentContains("weather").streaming(true)}.
 *
 * <p>Immutable and thread-safe as long as custom predicates are.
 *
 * @since 0.1
 */
public final class RequestMatcher {

    private static final RequestMatcher ANY = new RequestMatcher("any request", r -> true);

    private final String description;
    private final Predicate<RecordedRequest> predicate;

    private RequestMatcher(String description, Predicate<RecordedRequest> predicate) {
        this.description = description;
        this.predicate = predicate;
    }

    /** @return a matcher for every request, never null */
    public static RequestMatcher any() {
        return ANY;
    }

    /** @return a matcher for requests whose {@code model} field equals {@code model} */
    public static RequestMatcher model(String model) {
        return ANY.modelIs(model);
    }

    /** @return a matcher for requests to exactly this path (query ignored) */
    public static RequestMatcher path(String path) {
        return ANY.pathIs(path);
    }

    /** @return a matcher for requests in this wire format */
    public static RequestMatcher wireFormat(WireFormat format) {
        Objects.requireNonNull(format, "format");
        return ANY.and("wire format " + format, r -> r.wireFormat() == format);
    }

    /**
     * A matcher from a custom predicate.
     *
     * @param description shown in {@link #toString()}, never null
     * @param predicate the condition, never null
     * @return the matcher, never null
     */
    public static RequestMatcher where(String description, Predicate<RecordedRequest> predicate) {
        return ANY.and(description, predicate);
    }

    /** @return this matcher and the {@code model} field equal to {@code model} */
    public RequestMatcher modelIs(String model) {
        Objects.requireNonNull(model, "model");
        return and("model " + model, r -> r.model().map(model::equals).orElse(false));
    }

    /** @return this matcher and the path equal to {@code path} */
    public RequestMatcher pathIs(String path) {
        Objects.requireNonNull(path, "path");
        return and("path " + path, r -> r.path().equals(path));
    }

    /** @return this matcher and {@code text} somewhere in the messages, system prompt or prompt (case-sensitive) */
    public RequestMatcher contentContains(String text) {
        Objects.requireNonNull(text, "text");
        return and("content contains \"" + text + "\"", r -> r.allText().contains(text));
    }

    /** @return this matcher and {@code text} in the last user message (case-sensitive) */
    public RequestMatcher lastUserMessageContains(String text) {
        Objects.requireNonNull(text, "text");
        return and("last user message contains \"" + text + "\"",
                r -> r.lastUserMessage().map(m -> m.contains(text)).orElse(false));
    }

    /** @return this matcher and a request that asks (or does not ask) for streaming, see {@link RecordedRequest#stream()} */
    public RequestMatcher streaming(boolean stream) {
        return and("stream " + stream, r -> r.stream() == stream);
    }

    /** @return this matcher and a non-empty {@code tools} array in the body */
    public RequestMatcher hasTools() {
        return and("has tools", r -> r.json().path("tools").size() > 0);
    }

    /** @return this matcher and header {@code name} (case-insensitive) with exactly {@code value} */
    public RequestMatcher header(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return and("header " + name + ": " + value, r -> r.headers().getOrDefault(name, java.util.List.of())
                .contains(value));
    }

    /** @return this matcher and a custom condition */
    public RequestMatcher and(String description, Predicate<RecordedRequest> condition) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(condition, "condition");
        Predicate<RecordedRequest> mine = predicate;
        String text = this == ANY ? description : this.description + " and " + description;
        return new RequestMatcher(text, r -> mine.test(r) && condition.test(r));
    }

    /**
     * @param request the request, never null
     * @return whether this matcher applies to it
     */
    public boolean matches(RecordedRequest request) {
        return predicate.test(request);
    }

    @Override
    public String toString() {
        return "RequestMatcher[" + description + "]";
    }
}
