package dev.llmbench.providers.replay;

import dev.llmbench.core.BenchConfigurationException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed replay model spec, the part after {@code replay:}: {@code DIR[#PROVIDER[:MODEL]][?speed=fast|recorded]}.
 * Immutable and thread-safe.
 *
 * <p>The options start at the last {@code ?} and the selector at the last {@code #} before them,
 * so DIR itself must not contain {@code ?} or {@code #}. The selector's model may contain colons
 * ({@code #ollama:gemma4:e4b}).
 *
 * @param dir      the cassette directory, absolute
 * @param provider the selected provider id, or empty for "the only one"
 * @param model    the selected model, or empty for "the only one of that provider"
 * @param speed    {@code fast} or {@code recorded} when given in the spec, else empty
 */
record ReplaySpec(Path dir, String provider, String model, Optional<String> speed) {
    static final String GRAMMAR = "replay:DIR[#PROVIDER[:MODEL]][?speed=fast|recorded],"
            + " e.g. replay:recordings#ollama:gemma4:e4b?speed=recorded";

    /**
     * Parses {@code text} (the model part of {@code replay:...}).
     *
     * @throws BenchConfigurationException one line with the grammar when it does not parse
     */
    static ReplaySpec parse(String text) {
        String rest = text.strip();
        Optional<String> speed = Optional.empty();
        int q = rest.lastIndexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&", -1)) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair.strip() : pair.substring(0, eq).strip();
                String value = eq < 0 ? "" : pair.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
                if (!key.equals("speed")) {
                    throw bad(text, "unknown option '" + key + "' (the only option is speed)");
                }
                if (!value.equals("fast") && !value.equals("recorded")) {
                    throw bad(text, "speed must be fast or recorded, got '" + value + "'");
                }
                speed = Optional.of(value);
            }
            rest = rest.substring(0, q);
        }
        String provider = "";
        String model = "";
        int hash = rest.lastIndexOf('#');
        if (hash >= 0) {
            String selector = rest.substring(hash + 1).strip();
            int colon = selector.indexOf(':');
            provider = (colon < 0 ? selector : selector.substring(0, colon)).strip();
            model = colon < 0 ? "" : selector.substring(colon + 1).strip();
            if (provider.isEmpty() || (colon >= 0 && model.isEmpty())) {
                throw bad(text, "the selector after '#' must be PROVIDER or PROVIDER:MODEL");
            }
            rest = rest.substring(0, hash);
        }
        if (rest.isBlank()) {
            throw bad(text, "it names no directory");
        }
        try {
            return new ReplaySpec(Path.of(rest.strip()).toAbsolutePath().normalize(), provider, model, speed);
        } catch (InvalidPathException e) {
            throw bad(text, "'" + rest + "' is not a valid path (" + e.getReason() + ")");
        }
    }

    private static BenchConfigurationException bad(String text, String why) {
        return new BenchConfigurationException("replay: model spec 'replay:" + text + "': " + why + "; use " + GRAMMAR);
    }
}
