package dev.llmbench.providers.anthropic;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.providers.internal.HttpSettings;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The resolved settings of one {@code anthropic} provider: the shared HTTP settings plus the
 * Anthropic-specific extras. Immutable and thread-safe; {@link #toString()} never shows the key.
 *
 * @param http              base URL, key, timeouts and size cap
 * @param defaultMaxTokens  {@code max_tokens} sent when the request sets no limit (the API requires one)
 * @param thinkingBudget    extended-thinking budget in tokens, or 0 for thinking off
 * @param version           the {@code anthropic-version} header value
 * @param beta              the {@code anthropic-beta} header value, or empty for none
 * @param nativeSchema      whether JSON-Schema response formats use {@code output_config.format}
 * @param topP              {@code top_p} when set
 * @param topK              {@code top_k} when set
 */
record AnthropicSettings(HttpSettings http, int defaultMaxTokens, int thinkingBudget, String version, String beta,
        boolean nativeSchema, OptionalDouble topP, OptionalInt topK) {

    /** Default {@code max_tokens} when neither the request nor the config set one. */
    static final int DEFAULT_MAX_TOKENS = 4096;
    /** The smallest thinking budget the API accepts, in tokens. */
    static final int MIN_THINKING_BUDGET = 1024;
    /** The API version this provider speaks. */
    static final String API_VERSION = "2023-06-01";
    /** Default base URL. */
    static final String DEFAULT_BASE_URL = "https://api.anthropic.com";

    /** Extras accepted in the provider config. */
    static final Set<String> CONFIG_EXTRAS = Set.of("max_tokens", "thinking_budget", "anthropic_version",
            "anthropic_beta", "structured_outputs", "top_p", "top_k");
    /** Extras a single request may set (they override the config's); other request extras are ignored. */
    static final Set<String> REQUEST_EXTRAS = Set.of("thinking_budget", "top_p", "top_k");

    /**
     * Resolves and validates the settings.
     *
     * @throws BenchConfigurationException one line naming the bad setting
     */
    static AnthropicSettings resolve(ProviderConfig config, UnaryOperator<String> env) {
        HttpSettings http = HttpSettings.resolve(AnthropicProviderFactory.ID, config, env, "ANTHROPIC_BASE_URL",
                DEFAULT_BASE_URL, "ANTHROPIC_API_KEY", true, CONFIG_EXTRAS);
        Map<String, String> x = http.extras();
        try {
            int maxTokens = x.containsKey("max_tokens") ? maxTokens(x.get("max_tokens")) : DEFAULT_MAX_TOKENS;
            int budget = x.containsKey("thinking_budget") ? thinkingBudget(x.get("thinking_budget")) : 0;
            String mode = x.getOrDefault("structured_outputs", "prompt").strip();
            if (!mode.equals("prompt") && !mode.equals("native")) {
                throw new IllegalArgumentException("structured_outputs must be \"prompt\" or \"native\", got \"" + mode + "\"");
            }
            String version = x.getOrDefault("anthropic_version", API_VERSION).strip();
            if (version.isEmpty()) {
                throw new IllegalArgumentException("anthropic_version must not be blank");
            }
            OptionalDouble topP = x.containsKey("top_p") ? OptionalDouble.of(topP(x.get("top_p"))) : OptionalDouble.empty();
            OptionalInt topK = x.containsKey("top_k") ? OptionalInt.of(topK(x.get("top_k"))) : OptionalInt.empty();
            return new AnthropicSettings(http, maxTokens, budget, version, x.getOrDefault("anthropic_beta", "").strip(),
                    mode.equals("native"), topP, topK);
        } catch (IllegalArgumentException e) {
            throw new BenchConfigurationException("provider '" + AnthropicProviderFactory.ID + "': " + e.getMessage());
        }
    }

    /** Parses {@code max_tokens}: a positive whole number. */
    static int maxTokens(String value) {
        return positiveInt("max_tokens", value);
    }

    /** Parses {@code thinking_budget}: 0 (off) or a whole number of at least {@value #MIN_THINKING_BUDGET}. */
    static int thinkingBudget(String value) {
        int v = wholeNumber("thinking_budget", value);
        if (v != 0 && v < MIN_THINKING_BUDGET) {
            throw new IllegalArgumentException("thinking_budget must be 0 (off) or at least " + MIN_THINKING_BUDGET
                    + " tokens, got " + v);
        }
        return v;
    }

    /** Parses {@code top_p}: a number in [0, 1]. */
    static double topP(String value) {
        try {
            double v = Double.parseDouble(value.strip());
            if (!(v >= 0 && v <= 1)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("top_p must be a number from 0 to 1, got \"" + value + "\"");
        }
    }

    /** Parses {@code top_k}: a positive whole number. */
    static int topK(String value) {
        return positiveInt("top_k", value);
    }

    private static int positiveInt(String name, String value) {
        int v = wholeNumber(name, value);
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be a positive whole number, got \"" + value + "\"");
        }
        return v;
    }

    private static int wholeNumber(String name, String value) {
        try {
            int v = Integer.parseInt(value.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number >= 0, got \"" + value + "\"");
        }
    }

    @Override
    public String toString() {
        return "AnthropicSettings[" + http + ", max_tokens " + defaultMaxTokens + ", thinking " + thinkingBudget
                + ", version " + version + (beta.isEmpty() ? "" : ", beta " + beta)
                + (nativeSchema ? ", native schemas" : "") + "]";
    }
}
