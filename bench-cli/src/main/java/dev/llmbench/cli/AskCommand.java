package dev.llmbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.model.StreamEvent;
import dev.llmbench.core.model.ToolDefinition;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.core.runner.ModelSpec;
import dev.llmbench.core.runner.RunInterruptedException;
import dev.llmbench.core.spi.ErrorClass;
import dev.llmbench.core.spi.Provider;
import dev.llmbench.core.spi.ProviderConfig;
import dev.llmbench.core.spi.ProviderError;
import dev.llmbench.core.spi.StreamHandle;
import dev.llmbench.core.timing.Ticker;
import dev.llmbench.core.timing.TimedListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code llmbench ask}: sends one streamed request and prints one JSON object (see
 * {@link AskJson}) with the answer, usage, finish reason, timings and error. Exits
 * {@value ExitCodes#OK} when the request succeeded and {@value ExitCodes#INFRASTRUCTURE} when it
 * failed (the JSON is printed either way). Not thread-safe; one per invocation.
 */
@Command(name = "ask", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Send one request and print the response, usage and timings as JSON.")
final class AskCommand implements java.util.concurrent.Callable<Integer> {
    /** Extra wait beyond the request timeout before the request is cancelled from here. */
    static final Duration GRACE = Duration.ofSeconds(5);
    /** How long a cancelled request may take to deliver its terminal event. */
    static final Duration CANCEL_GRACE = Duration.ofSeconds(2);

    private final Cli cli;

    @Option(names = "--model", paramLabel = "SPEC", required = true,
            description = "provider:model, e.g. ollama:gemma4:e4b or sim:echo.")
    private String model;

    @Option(names = "--base-url", paramLabel = "URL", description = "The server's base URL (default: the provider's).")
    private String baseUrl;

    @Option(names = "--json-schema", paramLabel = "FILE",
            description = "A JSON schema the answer must follow (sent as a strict response format).")
    private Path jsonSchema;

    @Option(names = "--tools", paramLabel = "FILE",
            description = "A JSON array of tools: [{\"name\", \"description\", \"parameters\"}].")
    private Path tools;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Total time for the request: 500ms, 30s, 2m, 1h or PT30S (default: 300s).")
    private Duration timeout = Duration.ofSeconds(300);

    @Option(names = "--think", description = "Ask a thinking model to reason before answering (providers that support it).")
    private boolean think;

    @Option(names = "--record", paramLabel = "DIR",
            description = "Also store the request and raw response stream in DIR; replay it with --model replay:DIR.")
    private Path record;

    @Parameters(index = "0", paramLabel = "PROMPT", description = "The user message.")
    private String prompt;

    AskCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        ModelSpec spec = ModelSpec.parse(model);
        if (timeout.isZero() || timeout.isNegative()) {
            throw new BenchConfigurationException("timeout (" + timeout + ") must be positive, e.g. --timeout 30s");
        }
        ChatRequest request = request();
        ProviderConfig config = ProviderConfig.of(spec.model()).withRequestTimeout(timeout);
        if (baseUrl != null) {
            config = config.withBaseUrl(baseUrl);
        }
        if (record != null) {
            if (Files.exists(record) && !Files.isDirectory(record)) {
                throw new BenchConfigurationException("--record " + record + " exists and is not a directory");
            }
            config = new ProviderConfig(config.model(), config.baseUrl(), config.apiKey(), config.connectTimeout(),
                    config.requestTimeout(), Map.of(ProviderConfig.EXTRA_RECORD_DIR, record.toAbsolutePath().toString()));
        }
        TimedListener timed;
        StreamEvent terminal;
        try (Provider provider = cli.registry().provider(spec.provider()).create(config)) {
            CompletableFuture<StreamEvent> done = new CompletableFuture<>();
            timed = new TimedListener(Ticker.SYSTEM, event -> {
                if (event.terminal()) {
                    done.complete(event);
                }
            });
            StreamHandle handle = provider.stream(request, timed.start());
            terminal = await(done, handle);
        }
        ObjectNode json = AskJson.of(spec.toString(), timed.response(), timed.timing(), terminal);
        print(json);
        if (terminal instanceof StreamEvent.Failed f) {
            cli.err().println("llmbench: the request failed: " + f.error().errorClass().id() + ": "
                    + Failures.oneLine(f.error().message()));
            cli.err().flush();
            return ExitCodes.INFRASTRUCTURE;
        }
        return ExitCodes.OK;
    }

    private StreamEvent await(CompletableFuture<StreamEvent> done, StreamHandle handle) {
        try {
            try {
                return done.get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                handle.cancel(ErrorClass.TIMEOUT_TOTAL);
                try {
                    return done.get(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException stuck) {
                    return new StreamEvent.Failed(ProviderError.of(ErrorClass.TIMEOUT_TOTAL,
                            "no terminal event within " + timeout + " (the provider ignored the cancellation)"));
                }
            }
        } catch (InterruptedException e) {
            handle.cancel(ErrorClass.CANCELLED);
            Thread.currentThread().interrupt();
            throw new RunInterruptedException("interrupted while waiting for the response");
        } catch (ExecutionException e) {
            return new StreamEvent.Failed(ProviderError.of(ErrorClass.INTERNAL, String.valueOf(e.getCause())));
        }
    }

    private ChatRequest request() {
        ChatRequest.Builder b = ChatRequest.builder().user(prompt);
        if (think) {
            b.extra("think", "true");
        }
        if (jsonSchema != null) {
            JsonNode schema = readJson(jsonSchema, "--json-schema");
            if (!schema.isObject()) {
                throw new BenchConfigurationException("--json-schema " + jsonSchema + " must hold a JSON object (a schema)");
            }
            b.responseFormat(new ResponseFormat.JsonSchema("response", compact(schema), true));
        }
        if (tools != null) {
            JsonNode array = readJson(tools, "--tools");
            if (!array.isArray()) {
                throw new BenchConfigurationException("--tools " + tools
                        + " must hold a JSON array of {\"name\", \"description\", \"parameters\"}");
            }
            for (JsonNode t : array) {
                String name = t.path("name").asText("");
                if (name.isBlank()) {
                    throw new BenchConfigurationException("--tools " + tools + ": every tool needs a \"name\"");
                }
                JsonNode params = t.has("parameters") ? t.get("parameters")
                        : JsonCodec.MAPPER.createObjectNode().put("type", "object");
                b.tool(new ToolDefinition(name, t.path("description").asText(""), compact(params)));
            }
        }
        return b.build();
    }

    private static JsonNode readJson(Path file, String option) {
        try {
            return JsonCodec.MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new BenchConfigurationException(option + " " + file + " is not valid JSON: "
                    + Failures.oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new BenchConfigurationException("cannot read " + option + " " + file + ": " + e, e);
        }
    }

    private static String compact(JsonNode n) {
        return n.toString();
    }

    private void print(ObjectNode json) {
        try {
            cli.out().println(JsonCodec.MAPPER.writeValueAsString(json));
            cli.out().flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
