package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.cli.CliRunner.Outcome;
import dev.llmbench.core.results.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmbench ask}: one request, one JSON object, exit 3 when the request failed. */
class AskCommandTest {
    @TempDir
    Path tmp;

    @Test
    void printsTheEchoedTextWithUsageAndTimings() throws Exception {
        String prompt = "Name three prime numbers.";
        Outcome o = CliRunner.run("ask", "--model", "sim:echo?ttft=0ms&tps=100000&jitter=0", prompt);
        assertThat(o.exitCode()).as(o.err()).isZero();
        JsonNode n = JsonCodec.MAPPER.readTree(o.out());
        assertThat(n.path("text").asText()).isEqualTo(prompt);
        assertThat(n.path("model").asText()).startsWith("sim:echo");
        assertThat(n.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(n.path("error").isNull()).isTrue();
        assertThat(n.path("tool_calls").isArray()).isTrue();
        assertThat(n.path("usage").has("input_tokens")).isTrue();
        assertThat(n.path("usage").path("output_tokens").asLong()).isPositive();
        assertThat(n.path("usage").path("source").asText()).isEqualTo("provider");
        assertThat(n.path("usage").has("cost_usd")).isTrue();
        assertThat(n.path("timings").has("server")).isTrue();
        for (String f : new String[] {"ttfb_ms", "ttft_ms", "ttfr_ms", "latency_ms", "tpot_ms", "decode_tps", "e2e_tps",
            "itl_count"}) {
            assertThat(n.path("timings").has(f)).as("timings.%s", f).isTrue();
        }
        assertThat(n.path("timings").path("ttft_ms").isNumber()).isTrue();
    }

    @Test
    void exitsThreeWithTheClassifiedErrorWhenTheRequestFails() throws Exception {
        Outcome o = CliRunner.run("ask", "--model", "sim:oracle", "What is 2+2?");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        JsonNode n = JsonCodec.MAPPER.readTree(o.out());
        assertThat(n.path("error").path("class").asText()).isEqualTo("invalid_request");
        assertThat(n.path("error").has("http_status")).isTrue();
        assertThat(n.path("error").has("retry_after_ms")).isTrue();
        assertThat(n.path("finish_reason").isNull()).isTrue();
    }

    @Test
    void acceptsToolsAndASchemaFromFiles() throws Exception {
        Path tools = Files.writeString(tmp.resolve("tools.json"), "[{\"name\":\"get_weather\",\"description\":\"w\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]");
        Path schema = Files.writeString(tmp.resolve("schema.json"), "{\"type\":\"object\"}");
        Outcome o = CliRunner.run("ask", "--model", "sim:echo?ttft=0ms&tps=100000&jitter=0", "--tools", tools.toString(),
                "--json-schema", schema.toString(), "hello");
        assertThat(o.exitCode()).as(o.err()).isZero();
    }

    @Test
    void rejectsAToolsFileThatIsNotAnArray() throws Exception {
        Path tools = Files.writeString(tmp.resolve("tools.json"), "{\"name\":\"x\"}");
        Outcome o = CliRunner.run("ask", "--model", "sim:echo", "--tools", tools.toString(), "hello");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("--tools");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void rejectsAnUnknownProvider() {
        Outcome o = CliRunner.run("ask", "--model", "nope:x", "hello");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("sim");
    }
}
