package dev.llmbench.core.suitefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.fixtures.Fixtures;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.spi.GraderConfig;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteFilesTest {
    private static final ServiceRegistry REGISTRY = ServiceRegistry.builder().noDiscovery()
            .grader(new Fixtures.ContainsGrader()).suite(Fixtures.suite()).build();

    /** A valid suite: line numbers below refer to this text. */
    static final String VALID = """
            id: greetings
            description: Says hello properly
            tests:
              - id: hello
                category: manners
                pass_threshold: 0.5
                cases:
                  - id: plain
                    system: Be brief.
                    prompt: Say hello and goodbye.
                    temperature: 0.2
                    max_tokens: 50
                    graders:
                      - grader: contains
                        weight: 2
                        words: [hello, goodbye]
                    calibration:
                      passing: ["hello and goodbye"]
                      failing: ["nothing", "bye"]
            """;

    static FileSuite read(String name, String text) {
        return SuiteFiles.read(name, new StringReader(text), REGISTRY);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertError(String text) {
        return assertThatThrownBy(() -> read("my-suite.yaml", text)).isInstanceOf(SuiteFileException.class);
    }

    @Nested
    class Loading {
        @Test
        void buildsTestsCasesRequestsAndGraderConfigs() {
            FileSuite suite = read("s.yaml", VALID);

            assertThat(suite.id()).isEqualTo("greetings");
            assertThat(suite.description()).isEqualTo("Says hello properly");
            assertThat(suite.tests()).singleElement().satisfies(t -> {
                assertThat(t.id()).isEqualTo("hello");
                assertThat(t.category()).isEqualTo("manners");
                assertThat(t.passThreshold()).isEqualTo(0.5);
                TestCase c = t.cases().get(0);
                assertThat(c.request().messages()).extracting(m -> m.content())
                        .containsExactly("Be brief.", "Say hello and goodbye.");
                assertThat(c.request().sampling().temperature()).hasValue(0.2);
                assertThat(c.request().sampling().maxTokens()).hasValue(50);
                assertThat(c.graders()).containsExactly(
                        GraderConfig.of("contains").weight(2).list("words", "hello", "goodbye").build());
                assertThat(c.calibration().reference()).hasValue("hello and goodbye");
                assertThat(c.calibration().failing()).containsExactly("nothing", "bye");
            });
        }

        @Test
        void readsTheSameSuiteFromJson() {
            String json = """
                    {"id": "greetings", "tests": [{"id": "hello", "category": "manners", "cases": [
                      {"id": "plain", "prompt": "Say hello.", "graders": [{"grader": "contains", "words": "hello"}]}]}]}
                    """;
            FileSuite suite = read("s.json", json);

            assertThat(suite.tests().get(0).passThreshold()).isEqualTo(SuiteFileParser.DEFAULT_PASS_THRESHOLD);
            assertThat(suite.tests().get(0).cases().get(0).graders().get(0).strings("words")).containsExactly("hello");
            assertThat(suite.description()).contains("s.json");
        }

        @Test
        void turnsAYamlSchemaIntoJsonTextAndAskedForJsonSchemaOutput() {
            String text = VALID.replace("        temperature: 0.2\n", "        temperature: 0.2\n"
                    + "        json_schema:\n"
                    + "          type: object\n"
                    + "          required: [greeting]\n");
            ResponseFormat format = read("s.yaml", text).tests().get(0).cases().get(0).request().responseFormat();

            assertThat(format).isEqualTo(
                    new ResponseFormat.JsonSchema("plain", "{\"type\":\"object\",\"required\":[\"greeting\"]}", true));
        }

        @Test
        void passesNestedGraderParametersAsJsonText() {
            String text = VALID.replace("words: [hello, goodbye]", "words: [hello, goodbye]\n"
                    + "            extra: {a: [1, 2]}");
            // the fixture grader ignores unknown parameters
            GraderConfig g = read("s.yaml", text).tests().get(0).cases().get(0).graders().get(0);

            assertThat(g.params()).containsEntry("extra", "{\"a\":[1,2]}");
        }

        @Test
        void resolvesYamlAliasesOfMappingsAndLists() {
            String text = VALID.replace("          - grader: contains\n", "          - &words\n"
                    + "            grader: contains\n")
                    + VALID.substring(VALID.indexOf("      - id: plain")).replace("id: plain", "id: again")
                            .replaceAll("(?s)        graders:.*", "        graders: [*words]\n");
            FileSuite suite = read("s.yaml", text);

            assertThat(suite.tests().get(0).cases().get(1).graders())
                    .isEqualTo(suite.tests().get(0).cases().get(0).graders());
        }

        @Test
        void rejectsAnAliasOfASingleValueInsteadOfReadingItsName() {
            String text = VALID.replace("system: Be brief.", "system: &brief Be brief.")
                    + VALID.substring(VALID.indexOf("      - id: plain")).replace("id: plain", "id: again")
                            .replace("system: Be brief.", "system: *brief");

            assertError(text).hasMessageStartingWith(
                    "my-suite.yaml:21: tests[0].cases[1].system: alias *brief names no anchored mapping or list");
        }

        @Test
        void casesInheritTheSystemPromptOfTheirTestOrSuite() {
            String text = VALID.replace("        system: Be brief.\n", "").replace("description: Says hello properly",
                    "description: Says hello properly\nsystem: Suite says.").replace("    pass_threshold: 0.5",
                    "    pass_threshold: 0.5\n    system: Test says.");

            assertThat(read("s.yaml", text).tests().get(0).cases().get(0).request().messages().get(0).content())
                    .isEqualTo("Test says.");
            assertThat(read("s.yaml", text.replace("    system: Test says.\n", "")).tests().get(0).cases().get(0)
                    .request().messages().get(0).content()).isEqualTo("Suite says.");
        }

        @Test
        void loadsFromAPathAndSelectsItAsARegisteredSuite(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("greetings.yml"), VALID);

            SuiteFiles.Selection selection = SuiteFiles.select(file.toString(), REGISTRY);

            assertThat(selection.suiteId()).isEqualTo("greetings");
            assertThat(selection.file()).hasValueSatisfying(s -> assertThat(s.source()).isEqualTo(file));
            assertThat(selection.registry().testsOf("greetings")).hasSize(1);
            assertThat(selection.registry().suites()).containsKeys("mini", "greetings");
            assertThat(selection.registry().graders()).containsKey("contains");
        }

        @Test
        void leavesASuiteIdAlone() {
            SuiteFiles.Selection selection = SuiteFiles.select("mini", REGISTRY);

            assertThat(selection.suiteId()).isEqualTo("mini");
            assertThat(selection.registry()).isSameAs(REGISTRY);
            assertThat(selection.file()).isEmpty();
        }

        @Test
        void recognisesSuiteFilesByTheirExtension() {
            assertThat(SuiteFiles.isSuiteFile("a/b.YAML")).isTrue();
            assertThat(SuiteFiles.isSuiteFile("b.yml")).isTrue();
            assertThat(SuiteFiles.isSuiteFile("b.json")).isTrue();
            assertThat(SuiteFiles.isSuiteFile("standard")).isFalse();
        }
    }

    @Nested
    class Errors {
        @Test
        void missingFieldNamesTheMappingsLine() {
            assertError(VALID.replace("    category: manners\n", ""))
                    .hasMessage("my-suite.yaml:4: tests[0]: missing field \"category\"")
                    .satisfies(e -> {
                        SuiteFileException s = (SuiteFileException) e;
                        assertThat(s.file()).isEqualTo("my-suite.yaml");
                        assertThat(s.line()).isEqualTo(4);
                        assertThat(s.field()).isEqualTo("tests[0]");
                    });
        }

        @Test
        void wrongTypeNamesTheValueAndWhatWasExpected() {
            assertError(VALID.replace("pass_threshold: 0.5", "pass_threshold: high"))
                    .hasMessage("my-suite.yaml:6: tests[0].pass_threshold: expected a number, got a string (\"high\")");
            assertError(VALID.replace("    cases:\n", "    cases: 3\n").replaceAll("(?s)      - id: plain.*", ""))
                    .hasMessage("my-suite.yaml:7: tests[0].cases: expected a list, got a number (3)");
        }

        @Test
        void outOfRangeNumberIsAnError() {
            assertError(VALID.replace("pass_threshold: 0.5", "pass_threshold: 1.5"))
                    .hasMessage("my-suite.yaml:6: tests[0].pass_threshold: must be between 0 and 1, got 1.5");
        }

        @Test
        void unknownFieldSuggestsTheClosestKnownOne() {
            assertError(VALID.replace("prompt:", "promt:"))
                    .hasMessageStartingWith("my-suite.yaml:10: tests[0].cases[0].promt: unknown field \"promt\""
                            + " (did you mean \"prompt\"?); known fields: id, system, prompt,");
        }

        @Test
        void unknownGraderListsTheKnownOnes() {
            assertError(VALID.replace("grader: contains", "grader: contain"))
                    .hasMessage("my-suite.yaml:14: tests[0].cases[0].graders[0].grader: unknown grader \"contain\""
                            + " (did you mean \"contains\"?); known: contains");
        }

        @Test
        void badGraderParametersFailWithTheGradersOwnMessage() {
            assertError(VALID.replace("words: [hello, goodbye]", "letters: [h]"))
                    .hasMessage("my-suite.yaml:14: tests[0].cases[0].graders[0].grader: grader 'contains' needs"
                            + " parameter 'words'");
        }

        @Test
        void nonPositiveWeightIsAnError() {
            assertError(VALID.replace("weight: 2", "weight: 0"))
                    .hasMessageStartingWith("my-suite.yaml:15: tests[0].cases[0].graders[0].weight: must be positive");
        }

        @Test
        void duplicateTestIdsNameBothLines() {
            String twice = VALID + VALID.substring(VALID.indexOf("  - id: hello"));
            assertError(twice).hasMessage("my-suite.yaml:20: tests[1].id: duplicate test id \"hello\" (first at line 4)");
        }

        @Test
        void duplicateCaseIdsAreAnError() {
            String cases = VALID.substring(VALID.indexOf("      - id: plain"));
            assertError(VALID + cases).hasMessage(
                    "my-suite.yaml:20: tests[0].cases[1].id: duplicate case id \"plain\" in test \"hello\" (first at line 8)");
        }

        @Test
        void duplicateKeysAreAnError() {
            assertError(VALID.replace("    category: manners\n", "    category: manners\n    category: again\n"))
                    .hasMessage("my-suite.yaml:6: tests[0].category: duplicate key (first at line 5)");
        }

        @Test
        void yamlSyntaxErrorHasItsLine() {
            assertError(VALID.replace("words: [hello, goodbye]", "words: [hello, goodbye"))
                    .hasMessageStartingWith("my-suite.yaml:1")
                    .hasMessageContaining("YAML syntax error")
                    .satisfies(e -> assertThat(((SuiteFileException) e).line()).isBetween(16, 20));
        }

        @Test
        void jsonSyntaxErrorHasItsLine() {
            assertThatThrownBy(() -> read("s.json", "{\"id\": \"x\",\n\"tests\": [}"))
                    .hasMessageStartingWith("s.json:2: JSON syntax error: ");
        }

        @Test
        void uppercaseIdIsAnError() {
            assertError(VALID.replace("- id: hello", "- id: Hello"))
                    .hasMessageStartingWith("my-suite.yaml:4: tests[0].id: \"Hello\" must be lowercase");
        }

        @Test
        void passingCalibrationThatFailsNamesItsLineAndFailingChecks() {
            assertError(VALID.replace("passing: [\"hello and goodbye\"]", "passing: [\"nothing much\"]"))
                    .hasMessage("my-suite.yaml:18: tests[0].cases[0].calibration.passing[0]: this response must pass"
                            + " but scores 0.00 (pass threshold 0.50); failing checks: has_hello (expected hello,"
                            + " got nothing much); has_goodbye (expected goodbye, got nothing much)");
        }

        @Test
        void failingCalibrationThatPassesIsAnError() {
            assertError(VALID.replace("\"nothing\"", "\"hello, goodbye\""))
                    .hasMessageStartingWith("my-suite.yaml:19: tests[0].cases[0].calibration.failing[0]: this response"
                            + " must fail but scores 1.00");
        }

        @Test
        void suiteIdOfABuiltInSuiteIsRejected() {
            assertError(VALID.replace("id: greetings", "id: mini"))
                    .hasMessageStartingWith("my-suite.yaml:1: id: suite id \"mini\" is taken by");
        }

        @Test
        void emptyFileAndWrongRootAreErrors() {
            assertError("").hasMessage("my-suite.yaml: the file is empty");
            assertError("- a\n- b\n").hasMessage("my-suite.yaml:1: expected a mapping, got a list");
        }

        @Test
        void missingFileIsAConfigurationError(@TempDir Path dir) {
            assertThatThrownBy(() -> SuiteFiles.select(dir.resolve("nope.yaml").toString(), REGISTRY))
                    .isInstanceOf(BenchConfigurationException.class)
                    .hasMessageContaining("nope.yaml: no such suite file");
        }
    }
}
