package dev.llmbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.core.results.JsonCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Chooses the model of a {@code run} without {@code --model} (DESIGN.md, "CLI contract"): the
 * first model of the Ollama server at {@code OLLAMA_HOST} when an {@code ollama} provider is
 * installed and the server answers {@code GET /api/tags} in time with at least one model;
 * otherwise the offline simulator {@code sim:oracle}, with a banner saying that no model was
 * measured.
 *
 * <p>The probe is one short request (at most {@link #PROBE_TIMEOUT} in total). Immutable and
 * thread-safe.
 */
final class DefaultModel {
    /** The model used when no model server answers. */
    static final String FALLBACK = "sim:oracle";
    /** Where Ollama listens unless {@code OLLAMA_HOST} says otherwise. */
    static final String DEFAULT_HOST = "http://localhost:11434";
    /** How long the probe may take in total. */
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);
    private static final String OLLAMA = "ollama";

    private final String baseUrl;
    private final Duration timeout;

    /**
     * A chooser that probes {@code host} (the seam tests use to point at a loopback port).
     *
     * @param host    {@code http://host:port}, {@code host:port} or {@code host}, as {@code OLLAMA_HOST} allows
     * @param timeout the probe's total time budget
     */
    DefaultModel(String host, Duration timeout) {
        this.baseUrl = normalise(host);
        this.timeout = timeout;
    }

    /** A chooser for the server named by the environment variable {@code OLLAMA_HOST}. */
    static DefaultModel fromEnvironment() {
        String host = System.getenv("OLLAMA_HOST");
        return new DefaultModel(host == null || host.isBlank() ? DEFAULT_HOST : host, PROBE_TIMEOUT);
    }

    /** The server's base URL, e.g. {@code http://localhost:11434}. */
    String baseUrl() {
        return baseUrl;
    }

    /**
     * The chosen model.
     *
     * @param providerIds the installed provider ids
     */
    Choice choose(Set<String> providerIds) {
        if (providerIds.contains(OLLAMA)) {
            Optional<String> model = firstModel();
            if (model.isPresent()) {
                return new Choice(OLLAMA + ":" + model.get(), Optional.empty());
            }
            return new Choice(FALLBACK, Optional.of(banner("no model server answered at " + baseUrl
                    + " (or it has no models: ollama pull <model>)")));
        }
        return new Choice(FALLBACK, Optional.of(banner("no model server answered at " + baseUrl
                + " (not asked: no ollama provider is installed)")));
    }

    /** The name of the first model the server lists, or empty when it does not answer in time or lists none. */
    Optional<String> firstModel() {
        CompletableFuture<HttpResponse<String>> pending = null;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/tags")).timeout(timeout).GET().build();
            pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode models = JsonCodec.MAPPER.readTree(response.body()).path("models");
            for (JsonNode m : models) {
                String name = m.path("name").asText(m.path("model").asText(""));
                if (!name.isBlank()) {
                    return Optional.of(name);
                }
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
            return Optional.empty();
        } finally {
            if (pending != null) {
                pending.cancel(true);
            }
        }
    }

    private static String banner(String why) {
        return "llmbench: " + why + ".\n"
                + "llmbench: running the offline simulator " + FALLBACK + " instead. NO MODEL WAS MEASURED:"
                + " the simulator replays the suite's reference answers, so its scores only check the harness.\n"
                + "llmbench: pick a model with --model ollama:<name> (a running Ollama server; OLLAMA_HOST),"
                + " --model openrouter:<vendor/model> (OPENROUTER_API_KEY) or --model openai:<model>.";
    }

    /** Adds {@code http://} and Ollama's port when {@code OLLAMA_HOST} omits them; drops a trailing slash. */
    static String normalise(String host) {
        String h = host.strip();
        while (h.endsWith("/")) {
            h = h.substring(0, h.length() - 1);
        }
        if (!h.contains("://")) {
            boolean hasPort = h.matches(".*:\\d+") || h.matches("\\[.*]:\\d+");
            h = "http://" + h + (hasPort ? "" : ":11434");
        }
        return h;
    }

    /**
     * The outcome of {@link #choose}.
     *
     * @param spec   the model spec to run
     * @param banner the lines to print to stderr when no real model was found
     */
    record Choice(String spec, Optional<String> banner) {}
}
