package dev.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.cli.CliRunner.Outcome;
import dev.llmbench.core.results.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code llmbench list}: tables for people, JSON arrays for scripts. */
class ListCommandTest {
    @Test
    void listsTheStandardSuiteTestsAsJson() throws Exception {
        Outcome o = CliRunner.run("list", "tests", "--json");
        assertThat(o.exitCode()).isZero();
        JsonNode tests = JsonCodec.MAPPER.readTree(o.out());
        assertThat(tests.isArray()).isTrue();
        List<String> standard = new ArrayList<>();
        tests.forEach(t -> {
            if (t.path("suite").asText().equals("standard")) {
                standard.add(t.path("id").asText());
                assertThat(t.path("cases").asInt()).as(t.toString()).isBetween(2, 4);
                assertThat(t.path("category").asText()).isNotBlank();
                assertThat(t.path("description").asText()).isNotBlank();
            }
        });
        assertThat(standard).containsExactly("basic_reasoning", "code_generation", "debugging", "algorithm_explanation",
                "complex_reasoning", "content_generation", "edge_case_handling", "long_context_rag", "structured_output",
                "tool_use", "instruction_following", "adversarial", "code_execution", "summarization", "recent_knowledge");
        assertThat(ids(tests)).contains("long_context_rag_long");
    }

    @Test
    void listsProvidersAsJson() throws Exception {
        Outcome o = CliRunner.run("list", "providers", "--json");
        assertThat(o.exitCode()).isZero();
        JsonNode providers = JsonCodec.MAPPER.readTree(o.out());
        assertThat(providers.isArray()).isTrue();
        assertThat(ids(providers)).contains("sim");
    }

    @Test
    void listsGradersAndSuitesAsJson() throws Exception {
        JsonNode graders = JsonCodec.MAPPER.readTree(CliRunner.run("list", "graders", "--json").out());
        assertThat(graders.isArray()).isTrue();
        assertThat(ids(graders)).isNotEmpty().doesNotContainNull();
        JsonNode suites = JsonCodec.MAPPER.readTree(CliRunner.run("list", "suites", "--json").out());
        assertThat(ids(suites)).contains("standard");
    }

    @Test
    void printsAnAlignedTableByDefault() {
        Outcome o = CliRunner.run("list", "tests");
        assertThat(o.exitCode()).isZero();
        List<String> lines = o.out().lines().toList();
        assertThat(lines.get(0)).startsWith("suite").contains("id").contains("category").contains("cases")
                .contains("description");
        int idColumn = lines.get(0).indexOf("id");
        assertThat(lines.stream().skip(2)).allSatisfy(l -> assertThat(l.charAt(idColumn - 1)).isEqualTo(' '));
        assertThat(o.out()).contains("basic_reasoning");
    }

    @Test
    void rejectsAnUnknownKind() {
        Outcome o = CliRunner.run("list", "widgets");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.errLines()).singleElement().asString().contains("widgets").contains("providers");
    }

    @Test
    void listsAProvidersModels() throws Exception {
        Outcome o = CliRunner.run("list", "models", "--provider", "sim", "--json");
        assertThat(o.exitCode()).as(o.err()).isZero();
        List<String> models = new ArrayList<>();
        JsonCodec.MAPPER.readTree(o.out()).forEach(n -> models.add(n.path("model").asText()));
        assertThat(models).containsExactly("sim:oracle", "sim:echo");
    }

    @Test
    void listingModelsNeedsAKnownProvider() {
        Outcome missing = CliRunner.run("list", "models");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.errLines()).singleElement().asString().contains("--provider").contains("sim");
        Outcome unknown = CliRunner.run("list", "models", "--provider", "nope");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.errLines()).singleElement().asString().contains("unknown provider");
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asText(null)));
        return ids;
    }
}
