package dev.llmbench.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool call a {@link Reply} makes: a function name, its arguments as JSON text, an optional id
 * and the pieces in which streaming formats deliver the arguments.
 *
 * <p>Ollama delivers each call whole with the arguments as a JSON object (an id only when one is
 * set here); OpenAI and OpenRouter send index-keyed fragments, the first carrying id, type and
 * name with {@code arguments: ""}, then one fragment per piece; Anthropic sends a
 * {@code tool_use} block followed by one {@code input_json_delta} per piece. Without explicit
 * {@link #withFragments fragments} the arguments are cut into pieces of at most
 * {@value #DEFAULT_FRAGMENT_CHARS} characters. The arguments are not validated, so a test can
 * send malformed arguments on purpose (Ollama then renders them as a JSON string).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ToolCall {

    /** Maximum length, in characters, of an automatically cut argument piece. */
    public static final int DEFAULT_FRAGMENT_CHARS = 12;

    private final String name;
    private final String argumentsJson;
    private final String id;
    private final List<String> fragments;

    private ToolCall(String name, String argumentsJson, String id, List<String> fragments) {
        this.name = name;
        this.argumentsJson = argumentsJson;
        this.id = id;
        this.fragments = fragments;
    }

    /**
     * A call of {@code name} with {@code argumentsJson}, no id and automatic fragments.
     *
     * @param name function name, not blank
     * @param argumentsJson the arguments as JSON text, never null (may be invalid JSON on purpose)
     * @return a new call, never null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static ToolCall of(String name, String argumentsJson) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(argumentsJson, "argumentsJson");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name (\"" + name + "\") must not be blank");
        }
        return new ToolCall(name, argumentsJson, null, List.of());
    }

    /**
     * This call with an id; formats that require an id generate one when none is set.
     *
     * @param id the id, e.g. {@code call_abc12345}, not blank
     * @return a copy with the id, never null
     */
    public ToolCall withId(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        return new ToolCall(name, argumentsJson, id, fragments);
    }

    /**
     * This call with explicit argument pieces for streaming formats; empty strings are allowed
     * (OpenRouter sends them).
     *
     * @param pieces pieces whose concatenation equals the arguments
     * @return a copy with the pieces, never null
     * @throws IllegalArgumentException if the pieces do not concatenate to the arguments
     */
    public ToolCall withFragments(String... pieces) {
        List<String> list = List.of(pieces);
        if (!String.join("", list).equals(argumentsJson)) {
            throw new IllegalArgumentException("fragments " + list + " do not concatenate to the arguments "
                    + argumentsJson);
        }
        return new ToolCall(name, argumentsJson, id, list);
    }

    /** @return the function name, never null */
    public String name() {
        return name;
    }

    /** @return the arguments as JSON text, never null */
    public String argumentsJson() {
        return argumentsJson;
    }

    /** @return the id when one was set */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** @return the argument pieces streaming formats send, never empty unless the arguments are empty */
    public List<String> fragments() {
        if (!fragments.isEmpty()) {
            return fragments;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < argumentsJson.length(); i += DEFAULT_FRAGMENT_CHARS) {
            int end = Math.min(argumentsJson.length(), i + DEFAULT_FRAGMENT_CHARS);
            // never cut a surrogate pair
            if (end < argumentsJson.length() && Character.isHighSurrogate(argumentsJson.charAt(end - 1))) {
                end++;
            }
            out.add(argumentsJson.substring(i, end));
            i = end - DEFAULT_FRAGMENT_CHARS;
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "ToolCall[" + name + " " + argumentsJson + (id == null ? "" : " id=" + id) + "]";
    }
}
