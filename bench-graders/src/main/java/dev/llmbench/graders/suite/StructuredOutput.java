package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.json.JsonGraderFactory;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * {@code structured_output} (category {@code reliability}): JSON that a program can consume as is,
 * with and without provider-native schema enforcement.
 *
 * <ul>
 *   <li>{@code api_review_native}: the seed's API-design object, requested with
 *       {@link ResponseFormat.JsonSchema} ({@code strict=true}). The provider is sent
 *       {@link #WIRE_SCHEMA}, the portable subset every schema-enforcing API accepts (types,
 *       required properties, no additional properties, enums; no numeric, length or count
 *       limits); the limits are stated in the prompt and checked by the grader against
 *       {@link #API_SCHEMA}, so enforcement helps with the shape but not with the limits.
 *   <li>{@code api_review_prompt}: the same task with {@link ResponseFormat#TEXT}: the schema is in
 *       the prompt and nothing enforces it.
 *   <li>{@code incident_extract}: facts extracted from an incident note into a given shape, with
 *       {@link ResponseFormat#JSON} (JSON mode, no schema). The expected values come from the
 *       constants the note is built from; the duration is computed here, not typed in.
 * </ul>
 * The seed checked only that {@code analysis} was an object and {@code recommendations} a list,
 * matched spacing-sensitive substrings, and stripped code fences silently. Here every constraint is
 * checked: confidence range, tag count and required tags, item count, action length, integer hours.
 *
 * <h2>Grading</h2>
 * One {@code json} grader per case: {@code bare_json} (no fence, no prose), {@code json_parse}
 * (strict), {@code schema} (every validation error listed), and one JSON-pointer check per value.
 * <b>Pass threshold: {@value #PASS_THRESHOLD}</b>: the point of structured output is that a program
 * can parse and use it, and a fenced, out-of-range or incomplete object breaks that program. The
 * score shows how close a failing response came.
 *
 * <p>Holds only constants; {@link #create()} returns an immutable, thread-safe test.
 *
 * @since 0.1
 */
public final class StructuredOutput {
    /** The test id. */
    public static final String ID = "structured_output";
    /** The pass threshold, in [0, 1]. */
    public static final double PASS_THRESHOLD = 1.0;

    /** The full schema of the API-review object, used for grading (JSON Schema 2020-12). */
    public static final String API_SCHEMA = """
            {
              "type": "object",
              "additionalProperties": false,
              "required": ["analysis", "recommendations"],
              "properties": {
                "analysis": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": ["topic", "confidence", "tags"],
                  "properties": {
                    "topic": {"const": "API Design"},
                    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                    "tags": {
                      "type": "array",
                      "items": {"type": "string", "pattern": "^[a-z]+$"},
                      "minItems": 3,
                      "maxItems": 3,
                      "uniqueItems": true,
                      "allOf": [{"contains": {"const": "rest"}}, {"contains": {"const": "json"}}]
                    }
                  }
                },
                "recommendations": {
                  "type": "array",
                  "minItems": 2,
                  "maxItems": 2,
                  "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["priority", "action", "estimated_hours"],
                    "properties": {
                      "priority": {"type": "integer", "minimum": 1, "maximum": 3},
                      "action": {"type": "string", "minLength": 1, "maxLength": 50},
                      "estimated_hours": {"type": "integer", "minimum": 1}
                    }
                  }
                }
              }
            }""";

    /** The portable subset of {@link #API_SCHEMA} sent for provider-native enforcement. */
    public static final String WIRE_SCHEMA = """
            {
              "type": "object",
              "additionalProperties": false,
              "required": ["analysis", "recommendations"],
              "properties": {
                "analysis": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": ["topic", "confidence", "tags"],
                  "properties": {
                    "topic": {"type": "string", "enum": ["API Design"]},
                    "confidence": {"type": "number"},
                    "tags": {"type": "array", "items": {"type": "string"}}
                  }
                },
                "recommendations": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["priority", "action", "estimated_hours"],
                    "properties": {
                      "priority": {"type": "integer", "enum": [1, 2, 3]},
                      "action": {"type": "string"},
                      "estimated_hours": {"type": "integer"}
                    }
                  }
                }
              }
            }""";

    private static final String SYSTEM = "You are a precise assistant that returns machine-readable JSON.";

    private static final String API_TASK = "Review this HTTP API endpoint design:\n\n"
            + "    POST /api/getUserOrders\n"
            + "    Request body: {\"userId\": 42}\n"
            + "    When the user does not exist it returns status 200 with the body {\"error\": \"not found\"}.\n\n"
            + "Return one JSON object with exactly two members:\n"
            + "- \"analysis\": an object with \"topic\" (exactly the string \"API Design\"), \"confidence\" (a number"
            + " from 0 to 1) and \"tags\" (exactly 3 distinct lowercase one-word strings, two of which are \"rest\""
            + " and \"json\");\n"
            + "- \"recommendations\": an array of exactly 2 objects, each with \"priority\" (an integer 1, 2 or 3;"
            + " 1 is the most important), \"action\" (at most 50 characters) and \"estimated_hours\" (a whole number"
            + " of hours, at least 1). The first recommendation has priority 1.\n"
            + "No other members.";
    private static final String BARE =
            "\n\nReply with the JSON object only: no code fence, no text before or after it.";

    private static final List<String> API_VALUES = List.of(
            "/analysis/topic=API Design",
            "/analysis/confidence>=0",
            "/analysis/confidence<=1",
            "/analysis/tags#size=3",
            "/recommendations#size=2",
            "/recommendations/0/priority=1",
            "/recommendations/0/action#size<=50",
            "/recommendations/1/action#size<=50",
            "/recommendations/0/estimated_hours#type=integer",
            "/recommendations/1/estimated_hours#type=integer");

    private static final String API_REFERENCE = "{\"analysis\": {\"topic\": \"API Design\", \"confidence\": 0.9,"
            + " \"tags\": [\"rest\", \"json\", \"http\"]}, \"recommendations\": ["
            + "{\"priority\": 1, \"action\": \"Return 404 for a missing user, not 200\", \"estimated_hours\": 2},"
            + " {\"priority\": 2, \"action\": \"Use GET /api/users/{id}/orders\", \"estimated_hours\": 4}]}";
    private static final String API_REFERENCE_PRETTY = """
            {
              "analysis": {
                "topic": "API Design",
                "confidence": 0.85,
                "tags": ["rest", "json", "errors"]
              },
              "recommendations": [
                {"priority": 1, "action": "Send 404 when the user does not exist", "estimated_hours": 1},
                {"priority": 3, "action": "Rename to GET /users/{id}/orders", "estimated_hours": 3.0}
              ]
            }
            """;

    private static final List<String> API_FAILING = List.of(
            // perfect JSON, but fenced: the seed stripped the fence and forgave it
            "```json\n" + API_REFERENCE + "\n```",
            // the seed's substrings without the structure: flat, no confidence, no items
            "{\"topic\": \"API Design\", \"tags\": [\"rest\", \"json\"], \"recommendations\": []}",
            // the right shape with every limit broken
            "{\"analysis\": {\"topic\": \"API Design\", \"confidence\": 1.2, \"tags\": [\"rest\", \"http\","
                    + " \"errors\", \"naming\"]}, \"recommendations\": ["
                    + "{\"priority\": 2, \"action\": \"Return a proper 404 Not Found status code whenever the user"
                    + " does not exist\", \"estimated_hours\": 2.5},"
                    + " {\"priority\": 1, \"action\": \"Use a GET request\", \"estimated_hours\": 1},"
                    + " {\"priority\": 3, \"action\": \"Add pagination\", \"estimated_hours\": 6}]}",
            // JavaScript, not JSON: single quotes and a trailing comma
            "{'analysis': {'topic': 'API Design', 'confidence': 0.9, 'tags': ['rest', 'json', 'http']},"
                    + " 'recommendations': [{'priority': 1, 'action': 'Return 404', 'estimated_hours': 2},],}",
            "");

    private static final String SERVICE = "payments-api";
    private static final String START = "14:52";
    private static final String ROLLBACK = "15:40";
    private static final String END = "16:07";
    private static final List<String> REGIONS = List.of("eu-west-1", "us-east-2");
    private static final int FAILED = 3400;
    private static final String RELEASE = "7.4.1";
    /** The outage length in minutes, computed from the note's times. */
    static final long DURATION_MINUTES = Duration.between(LocalTime.parse(START), LocalTime.parse(END)).toMinutes();

    private static final String NOTE = "INCIDENT NOTE\n"
            + "At " + START + " UTC the checkout service (" + SERVICE + ") started returning HTTP 503 for card"
            + " payments in " + REGIONS.get(0) + ". Six minutes later the errors spread to " + REGIONS.get(1)
            + ". The on-call engineer rolled back release " + RELEASE + " at " + ROLLBACK + " UTC, and error"
            + " rates were back to normal at " + END + " UTC. About " + String.format("%,d", FAILED)
            + " payment attempts failed; no data was lost.";

    private static final String INCIDENT_SCHEMA = """
            {
              "type": "object",
              "additionalProperties": false,
              "required": ["service", "started_utc", "resolved_utc", "duration_minutes", "regions",
                           "failed_attempts", "rolled_back_release", "data_lost"],
              "properties": {
                "service": {"type": "string"},
                "started_utc": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"},
                "resolved_utc": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"},
                "duration_minutes": {"type": "integer", "minimum": 0},
                "regions": {"type": "array", "items": {"type": "string"}},
                "failed_attempts": {"type": "integer", "minimum": 0},
                "rolled_back_release": {"type": "string"},
                "data_lost": {"type": "boolean"}
              }
            }""";

    private static final String INCIDENT_REFERENCE = "{\"service\": \"" + SERVICE + "\", \"started_utc\": \"" + START
            + "\", \"resolved_utc\": \"" + END + "\", \"duration_minutes\": " + DURATION_MINUTES + ", \"regions\": [\""
            + REGIONS.get(0) + "\", \"" + REGIONS.get(1) + "\"], \"failed_attempts\": " + FAILED
            + ", \"rolled_back_release\": \"" + RELEASE + "\", \"data_lost\": false}";

    private static final List<TestCase> CASES = List.of(
            new TestCase("api_review_native",
                    ChatRequest.builder().system(SYSTEM).user(API_TASK + BARE)
                            .responseFormat(new ResponseFormat.JsonSchema("api_review", WIRE_SCHEMA, true)).build(),
                    List.of(json(API_SCHEMA, API_VALUES)),
                    new Calibration(List.of(API_REFERENCE, API_REFERENCE_PRETTY), API_FAILING)),
            new TestCase("api_review_prompt",
                    ChatRequest.builder().system(SYSTEM)
                            .user(API_TASK + "\n\nThe object must validate against this JSON Schema:\n" + API_SCHEMA
                                    + BARE)
                            .build(),
                    List.of(json(API_SCHEMA, API_VALUES)),
                    new Calibration(List.of(API_REFERENCE, API_REFERENCE_PRETTY),
                            List.of(API_FAILING.get(0), API_FAILING.get(1), API_FAILING.get(2), API_FAILING.get(3),
                                    // prose around otherwise perfect JSON
                                    "Here is the analysis you asked for:\n" + API_REFERENCE
                                            + "\nLet me know if you need more detail."))),
            new TestCase("incident_extract",
                    ChatRequest.builder().system(SYSTEM)
                            .user(NOTE + "\n\nExtract the facts of this incident note into one JSON object with"
                                    + " exactly these members: \"service\" (the service's identifier as written in"
                                    + " parentheses), \"started_utc\" and \"resolved_utc\" (\"HH:MM\", when the errors"
                                    + " started and when error rates were back to normal), \"duration_minutes\" (an"
                                    + " integer: from start to resolution), \"regions\" (the affected region codes in"
                                    + " order of mention), \"failed_attempts\" (an integer), \"rolled_back_release\""
                                    + " (a string) and \"data_lost\" (a boolean)." + BARE)
                            .responseFormat(ResponseFormat.JSON).build(),
                    List.of(json(INCIDENT_SCHEMA, List.of(
                            "/service=\"" + SERVICE + "\"",
                            "/started_utc=\"" + START + "\"",
                            "/resolved_utc=\"" + END + "\"",
                            "/duration_minutes=" + DURATION_MINUTES,
                            "/regions=[\"" + REGIONS.get(0) + "\",\"" + REGIONS.get(1) + "\"]",
                            "/failed_attempts=" + FAILED,
                            "/rolled_back_release=\"" + RELEASE + "\"",
                            "/data_lost=false"))),
                    new Calibration(List.of(INCIDENT_REFERENCE), List.of(
                            // takes the rollback as the resolution
                            INCIDENT_REFERENCE.replace("\"" + END + "\"", "\"" + ROLLBACK + "\"")
                                    .replace(": " + DURATION_MINUTES + ",", ": 48,"),
                            // one region, the number as written, a member missing
                            "{\"service\": \"payments-api\", \"started_utc\": \"14:52\", \"resolved_utc\": \"16:07\","
                                    + " \"duration_minutes\": 75, \"regions\": [\"eu-west-1\"], \"failed_attempts\":"
                                    + " \"3,400\", \"rolled_back_release\": \"7.4.1\"}",
                            // the service's description instead of its id, the wrong start and release
                            INCIDENT_REFERENCE.replace("\"" + SERVICE + "\"", "\"checkout\"")
                                    .replace("\"" + START + "\"", "\"14:58\"")
                                    .replace("\"" + RELEASE + "\"", "\"7.4\""),
                            // right values, wrapped in prose
                            "Here is the extracted data:\n\n" + INCIDENT_REFERENCE,
                            ""))));

    private StructuredOutput() {}

    /** Creates the test; does no I/O. The result is immutable and thread-safe. */
    public static BenchTest create() {
        return new DefaultBenchTest(ID, "reliability",
                "JSON matching a schema, with and without provider-native enforcement; strict parse, schema, values",
                PASS_THRESHOLD, CASES);
    }

    private static GraderConfig json(String schema, List<String> values) {
        return GraderConfig.of(JsonGraderFactory.ID).param("schema", schema)
                .list("values", values.toArray(String[]::new)).build();
    }
}
