package dev.llmbench.graders.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.GraderTesting;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonGraderFactoryTest {
    private static final JsonGraderFactory FACTORY = new JsonGraderFactory();
    private static final String SCHEMA = "{\"type\": \"object\", \"required\": [\"n\"],"
            + " \"additionalProperties\": false,"
            + " \"properties\": {\"n\": {\"type\": \"integer\", \"maximum\": 10}, \"tags\": {\"type\": \"array\","
            + " \"maxItems\": 2}}}";

    private static Map<String, Check> checks(GraderConfig config, String text) {
        Grade g = GraderTesting.grade(FACTORY, config, text.replace("\\n", "\n"));
        return g.checks().stream().collect(Collectors.toMap(Check::name, Function.identity()));
    }

    @Nested
    class StrictParseAndForm {
        private final GraderConfig bare = GraderConfig.of("json").build();

        @ParameterizedTest(name = "[{index}] \"{0}\" -> bare {1}, parsed {2}")
        @CsvSource(delimiter = '|', value = {
            "'{\"a\": 1}'                                      | true  | true",
            "'  \\n[1, 2]\\n '                                 | true  | true",
            "'```json\\n{\"a\": 1}\\n```'                      | false | true",
            "'~~~\\n{\"a\": 1}\\n~~~'                          | false | true",
            "'Here you go: {\"a\": \"}\"} Enjoy!'              | false | true",
            "'{\"a\": 1} {\"b\": 2}'                           | false | true",
            "'{\"a\": 1, \"a\": 2}'                            | false | false",
            "'{\"a\": 1,}'                                     | false | false",
            "'{''a'': 1}'                                      | false | false",
            "'{\"a\": NaN}'                                    | false | false",
            "'// note\\n{\"a\": 1}'                            | false | true",
            "'plain text'                                      | false | false",
            "''                                                | false | false",
        })
        void recordsTheWrappingAsItsOwnCheckButStillParses(String text, boolean isBare, boolean parsed) {
            Map<String, Check> c = checks(bare, text);
            assertThat(c).containsOnlyKeys("bare_json", "json_parse");
            assertThat(c.get("bare_json").passed()).as("%s", c.get("bare_json")).isEqualTo(isBare);
            assertThat(c.get("json_parse").passed()).as("%s", c.get("json_parse")).isEqualTo(parsed);
        }

        @Test
        void saysWhatSurroundedTheJson() {
            Map<String, Check> c = checks(bare, "Sure! Here it is:\n```json\n{\"a\": 1}\n```\nAnything else?");
            assertThat(c.get("bare_json").actual())
                    .isEqualTo("wrapped in a ```json code fence; prose before the JSON: \"Sure! Here it is:\"; prose"
                            + " after the JSON: \"Anything else?\"");
            assertThat(c.get("json_parse").actual()).isEqualTo("an object with 1 member");
        }

        @Test
        void reportsWhereParsingFailed() {
            Map<String, Check> c = checks(bare, "{\"a\": 1,}");
            assertThat(c.get("json_parse").actual()).startsWith("not JSON: ").contains("line 1, column");
        }

        @ParameterizedTest(name = "[{index}] form {0} on \"{1}\" -> {2}")
        @CsvSource(delimiter = '|', value = {
            "fenced | 'Result:\\n```json\\n{\"a\": 1}\\n```' | true",
            "fenced | '{\"a\": 1}'                         | false",
            "any    | 'Result: {\"a\": 1}'                 | true",
        })
        void otherFormsAreConfigurable(String form, String text, boolean passed) {
            Grade g = GraderTesting.grade(FACTORY, GraderConfig.of("json").param("form", form).build(),
                    text.replace("\\n", "\n"));
            assertThat(g.passed()).as("%s", g.checks()).isEqualTo(passed);
            assertThat(g.checks()).extracting(Check::name).doesNotContain("bare_json");
        }
    }

    @Nested
    class Schema {
        private final GraderConfig config = GraderConfig.of("json").param("schema", SCHEMA).build();

        @Test
        void listsEveryValidationErrorReadably() {
            Check c = checks(config, "{\"n\": 12, \"tags\": [1, 2, 3], \"x\": true}").get("schema");
            assertThat(c.passed()).isFalse();
            assertThat(c.actual()).startsWith("3 errors: ").contains("/n: must have a maximum value of 10")
                    .contains("/tags: must have at most 2 items but found 3").contains("property 'x'");
        }

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "'{\"n\": 3}'                  | true",
            "'{\"n\": 3.0}'                | true",
            "'{\"n\": 3.5}'                | false",
            "'{\"n\": \"3\"}'              | false",
            "'{}'                          | false",
            "'[]'                          | false",
            "'nothing'                     | false",
        })
        void validatesTheParsedJson(String text, boolean passed) {
            Check c = checks(config, text).get("schema");
            assertThat(c.passed()).as("%s", c).isEqualTo(passed);
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', value = {
            "'{\"type\": '                                 | not valid JSON",
            "'{\"type\": \"strnig\"}'                      | not a valid JSON Schema",
            "'[1]'                                         | must be a JSON object",
            "'{\"$ref\": \"https://example.com/s.json\"}'  | could not be loaded",
        })
        void rejectsBadSchemasWhenCreated(String schema, String message) {
            GraderConfig bad = GraderConfig.of("json").param("schema", schema).build();
            assertThatThrownBy(() -> FACTORY.create(bad)).isInstanceOf(BenchConfigurationException.class)
                    .hasMessageContaining(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }

        @Test
        void honoursTheSchemasDialect() {
            String draft4 = "{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"integer\"}";
            GraderConfig c = GraderConfig.of("json").param("schema", draft4).build();
            assertThat(checks(c, "3").get("schema").passed()).isTrue();
        }
    }

    @Nested
    class Values {
        private static final String DOC = "{\"topic\": \"API Design\", \"confidence\": 0.85, \"tags\": [\"rest\","
                + " \"json\", \"http\"], \"items\": [{\"hours\": 2}, {\"hours\": 2.5}], \"ok\": true, \"none\": null}";

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "'/topic=API Design'            | true  | '\"API Design\"'",
            "'/topic=\"API Design\"'        | true  | '\"API Design\"'",
            "'/topic=api design'            | false | '\"API Design\"'",
            "'/topic!=REST'                 | true  | '\"API Design\"'",
            "'/confidence>=0'               | true  | 0.85",
            "'/confidence<=0.8'             | false | 0.85",
            "'/confidence=0.8±0.05'         | true  | 0.85",
            "'/confidence=0.8+-0.01'        | false | 0.85",
            "'/confidence=0.850'            | true  | 0.85",
            "'/topic<3'                     | false | 'not a number: \"API Design\"'",
            "'/tags#size=3'                 | true  | size 3",
            "'/tags#size<=2'                | false | size 3",
            "'/topic#size=10'               | true  | size 10",
            "'/ok#size=1'                   | false | 'not an array, object or string: true'",
            "'/tags=[\"rest\",\"json\",\"http\"]' | true | '[\"rest\",\"json\",\"http\"]'",
            "'/tags/1=json'                 | true  | '\"json\"'",
            "'/items/0/hours#type=integer'  | true  | 'integer: 2'",
            "'/items/1/hours#type=integer'  | false | 'number: 2.5'",
            "'/items/1/hours#type=number'   | true  | 'number: 2.5'",
            "'/items/0/hours=2.0'           | true  | 2",
            "'/ok=true'                     | true  | true",
            "'/none=null'                   | true  | null",
            "'/missing=1'                   | false | missing",
            "'#size=6'                      | true  | size 6",
            "'/tags#type!=object'           | true  | 'array: [\"rest\",\"json\",\"http\"]'",
        })
        void checkOnePointerEach(String entry, boolean passed, String actual) {
            GraderConfig config = GraderConfig.of("json").param("form", "any").param("values", entry).build();
            Grade g = GraderTesting.grade(FACTORY, config, DOC);
            Check c = g.checks().get(1);
            assertThat(c.passed()).as("%s", c).isEqualTo(passed);
            assertThat(c.actual()).isEqualTo(actual);
        }

        @Test
        void namesEachCheckAfterItsEntry() {
            GraderConfig config = GraderConfig.of("json").list("values", "/topic=API Design", "/tags#size=3",
                    "/confidence=0.8±0.1").build();
            Grade g = GraderTesting.grade(FACTORY, config, DOC);
            assertThat(g.checks()).extracting(Check::name).containsExactly("bare_json", "json_parse",
                    "/topic=\"API Design\"", "/tags#size=3", "/confidence=0.8±0.1");
            assertThat(g.checks()).extracting(Check::expected).endsWith("= \"API Design\" at /topic",
                    "size 3 at /tags", "= 0.8 ± 0.1 at /confidence");
            assertThat(g.passed()).isTrue();
        }

        @Test
        void acceptsAJsonObjectOfExpectations() {
            GraderConfig config = GraderConfig.of("json").param("values",
                    "{\"/topic\": \"API Design\", \"/tags#size\": 3, \"/confidence\": 0.9, \"/a=b\": 1}")
                    .param("tolerance", 0.1).build();
            Grade g = GraderTesting.grade(FACTORY, config, DOC);
            assertThat(g.checks()).extracting(Check::passed).containsExactly(true, true, true, true, true, false);
            assertThat(g.checks().get(5).actual()).isEqualTo("missing");
        }

        @Test
        void failEveryValueWithoutJson() {
            GraderConfig config = GraderConfig.of("json").list("values", "/a=1", "/b#size=0").build();
            Grade g = GraderTesting.grade(FACTORY, config, "no json here");
            assertThat(g.checks()).allSatisfy(c -> assertThat(c.passed()).isFalse());
            assertThat(g.checks().get(2).actual()).isEqualTo("no JSON");
            assertThat(g.score()).isZero();
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', value = {
            "'topic=x'             | is not '/pointer=value'",
            "'/a<=high'            | is not a number",
            "'/a#size=-1'          | non-negative integer size",
            "'/a#size=1.5'         | non-negative integer size",
            "'/a#type=float'       | needs #type=",
            "'/a#type>1'           | needs #type=",
            "'/a=1±x'              | ",
            "'{\"/a\": '           | not valid JSON",
            "'{\"a\": 1}'          | invalid JSON pointer",
        })
        void rejectMalformedEntriesWhenCreated(String entry, String message) {
            GraderConfig config = GraderConfig.of("json").param("values", entry).build();
            if (entry.equals("/a=1±x")) {
                // not a tolerance: the whole value "1±x" is a string
                assertThat(FACTORY.create(config)).isNotNull();
                return;
            }
            assertThatThrownBy(() -> FACTORY.create(config)).isInstanceOf(BenchConfigurationException.class)
                    .hasMessageStartingWith("grader 'json': parameter 'values'").hasMessageContaining(message);
        }
    }

    @Test
    void rejectsUnknownParametersAndForms() {
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("json").param("strict", true).build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("unknown parameter 'strict'");
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("json").param("form", "yaml").build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("bare, fenced or any");
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("json").param("tolerance", -1).build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("non-negative");
    }
}
