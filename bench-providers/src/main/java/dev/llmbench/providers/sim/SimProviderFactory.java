package dev.llmbench.providers.sim;

import dev.llmbench.core.internal.Checks;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderFactory;

/**
 * Creates the offline simulator provider, id {@value #ID}: an in-process model for demos, harness
 * tests and load benchmarks that needs no server, network or API key.
 *
 * <h2>Models</h2>
 * <ul>
 *   <li>{@code sim:oracle} streams the request's calibration reference (the harness attribute
 *       {@link dev.llmbench.core.model.ChatRequest#ATTR_REFERENCE}), so it answers every llmbench
 *       test case correctly. A request without that attribute fails with
 *       {@link dev.llmbench.core.spi.ErrorClass#INVALID_REQUEST}.</li>
 *   <li>{@code sim:echo} streams the last user message back.</li>
 * </ul>
 *
 * <h2>Parameters</h2>
 * Appended to the model query style, {@code sim:MODEL?key=value&key=value}, or given as
 * {@link ProviderConfig#extras()} with the same keys (the model string wins):
 * <ul>
 *   <li>{@code ttft}: delay before the first token, a duration with unit {@code ms}, {@code s} or
 *       {@code us} (decimals allowed, {@code 0} needs no unit), 0 to 1 hour; default 150ms.</li>
 *   <li>{@code tps}: output tokens per second after the first token, a number &gt; 0; default 60.</li>
 *   <li>{@code jitter}: relative jitter from 0 to 1; every delay is multiplied by a factor drawn
 *       uniformly from [1 - jitter, 1 + jitter]; default 0.2.</li>
 *   <li>{@code error_rate}: probability from 0 to 1 that a request fails; default 0. A failure is
 *       an HTTP 503 {@code server_error} at the time the first token was due, with no
 *       {@code ResponseStarted} (40%); an HTTP 429 {@code rate_limited} with a retry-after of 1 to 5
 *       s, after a quarter of the ttft (30%); or a {@code stream_error} after some but not all
 *       tokens (30%). Messages say that the failure is simulated.</li>
 *   <li>{@code seed}: a long; default 0.</li>
 * </ul>
 * Example: {@code sim:oracle?ttft=200ms&tps=50&jitter=0.1&error_rate=0.05&seed=7}.
 *
 * <h2>Behaviour</h2>
 * The text is cut into token-like chunks (words of up to 5 characters, punctuation and emoji on
 * their own, trailing whitespace attached) whose concatenation is exactly the source text. A
 * stream is {@code ResponseStarted} shortly before the first chunk, one {@code ContentDelta} per
 * chunk, {@code Usage} (input tokens: characters of all messages / 4 rounded up; output tokens:
 * the number of chunks) and {@code Completed(STOP)}, or {@code LENGTH} when the request's
 * {@code maxTokens} cut the text short. Delays, failures and their kinds depend only on the seed,
 * the request attributes ({@code ATTR_SEED}, {@code ATTR_TEST}, {@code ATTR_CASE}) and the text,
 * never on thread scheduling or run order.
 *
 * <h2>Registration</h2>
 * Listed in {@code META-INF/services/dev.llmbench.core.spi.ProviderFactory}.
 *
 * <h2>Constructor requirements</h2>
 * The public no-arg constructor does nothing. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class SimProviderFactory implements ProviderFactory {
    /** The provider id and model spec prefix. */
    public static final String ID = "sim";

    /** Creates the factory; does no I/O. */
    public SimProviderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Offline simulator: sim:oracle streams each test case's reference answer, sim:echo echoes the prompt;"
                + " latency and errors set by ?ttft=&tps=&jitter=&error_rate=&seed=";
    }

    /**
     * Creates a simulator. Starts no thread: the scheduler is created by the first request.
     *
     * @throws dev.llmbench.core.BenchConfigurationException on an unknown model (not {@code oracle}
     *         or {@code echo}), an unknown parameter or a bad value, naming the key and the valid keys
     */
    @Override
    public Provider create(ProviderConfig config) {
        Checks.notNull(config, "config");
        SimSettings settings = SimSettings.parse(config);
        return new SimProvider(config.model().strip(), settings);
    }

    /** The simulator's two models; asks no server. */
    @Override
    public java.util.List<dev.llmbench.core.spi.ModelInfo> listModels(ProviderConfig config) {
        return java.util.List.of(
                new dev.llmbench.core.spi.ModelInfo("oracle", -1, 0, 0,
                        java.util.Map.of("streams", "the case's calibrated reference answer")),
                new dev.llmbench.core.spi.ModelInfo("echo", -1, 0, 0,
                        java.util.Map.of("streams", "the last user message")));
    }
}
