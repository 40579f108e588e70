package dev.llmbench.core.suitefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ResponseFormat;
import dev.llmbench.core.model.Sampling;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns a suite file's {@link Node} tree into tests: checks every field, creates every grader (so
 * a bad parameter fails here, with its line) and verifies the calibration responses. Single-use,
 * not thread-safe.
 */
final class SuiteFileParser {
    static final List<String> SUITE_FIELDS = List.of("id", "description", "system", "tests");
    static final List<String> TEST_FIELDS = List.of("id", "category", "description", "pass_threshold", "system",
            "cases");
    static final List<String> CASE_FIELDS = List.of("id", "system", "prompt", "response_format", "json_schema",
            "temperature", "max_tokens", "graders", "calibration");
    static final List<String> CALIBRATION_FIELDS = List.of("passing", "failing");
    static final List<String> RESPONSE_FORMATS = List.of("text", "json", "json_schema");
    /** The pass threshold of a test that names none: every check must pass. */
    static final double DEFAULT_PASS_THRESHOLD = 1.0;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final ServiceRegistry registry;
    private final Map<GraderConfig, Grader> graders = new HashMap<>();

    SuiteFileParser(String file, ServiceRegistry registry) {
        this.file = file;
        this.registry = registry;
    }

    /** Parses a whole suite. */
    FileSuite suite(Node root, java.nio.file.Path source) {
        Fields top = Fields.of(file, root, "");
        top.allowOnly(SUITE_FIELDS);
        String id = id(top, "id");
        if (registry.suites().containsKey(id)) {
            throw top.error("id", "suite id \"" + id + "\" is taken by " + registry.suites().get(id).getClass().getName()
                    + "; choose another id");
        }
        String description = top.optString("description").orElse("suite file " + file);
        Optional<String> system = top.optString("system");
        List<Node> testNodes = top.list("tests", true);
        List<BenchTest> tests = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < testNodes.size(); i++) {
            Fields t = Fields.of(file, testNodes.get(i), "tests[" + i + "]");
            String testId = id(t, "id");
            Integer previous = firstLine.putIfAbsent(testId, t.line("id"));
            if (previous != null) {
                throw t.error("id", "duplicate test id \"" + testId + "\" (first at line " + previous + ")");
            }
            tests.add(test(t, testId, system));
        }
        return new FileSuite(id, description, tests, source);
    }

    private BenchTest test(Fields t, String id, Optional<String> suiteSystem) {
        t.allowOnly(TEST_FIELDS);
        Optional<String> system = t.optString("system").or(() -> suiteSystem);
        String category = t.string("category");
        String description = t.optString("description").orElse("");
        double threshold = t.number("pass_threshold", 0, 1).orElse(DEFAULT_PASS_THRESHOLD);
        List<Node> caseNodes = t.list("cases", true);
        List<TestCase> cases = new ArrayList<>();
        List<Fields> caseFields = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < caseNodes.size(); i++) {
            Fields c = Fields.of(file, caseNodes.get(i), t.path("cases") + "[" + i + "]");
            String caseId = id(c, "id");
            Integer previous = firstLine.putIfAbsent(caseId, c.line("id"));
            if (previous != null) {
                throw c.error("id", "duplicate case id \"" + caseId + "\" in test \"" + id + "\" (first at line "
                        + previous + ")");
            }
            cases.add(testCase(c, caseId, system));
            caseFields.add(c);
        }
        BenchTest test = new DefaultBenchTest(id, category, description, threshold, cases);
        for (int i = 0; i < cases.size(); i++) {
            new CalibrationCheck(file, test, cases.get(i), caseFields.get(i), graders::get).verify();
        }
        return test;
    }

    private TestCase testCase(Fields c, String id, Optional<String> testSystem) {
        c.allowOnly(CASE_FIELDS);
        ChatRequest.Builder request = ChatRequest.builder();
        c.optString("system").or(() -> testSystem).ifPresent(request::system);
        request.user(c.string("prompt"));
        request.responseFormat(responseFormat(c, id));
        Sampling sampling = Sampling.DEFAULT;
        OptionalDouble temperature = c.number("temperature", 0, 2);
        if (temperature.isPresent()) {
            sampling = sampling.withTemperature(temperature.getAsDouble());
        }
        OptionalDouble maxTokens = c.number("max_tokens", 1, Integer.MAX_VALUE);
        if (maxTokens.isPresent()) {
            if (maxTokens.getAsDouble() != Math.rint(maxTokens.getAsDouble())) {
                throw c.error("max_tokens", "must be a whole number, got " + maxTokens.getAsDouble());
            }
            sampling = sampling.withMaxTokens((int) maxTokens.getAsDouble());
        }
        request.sampling(sampling);
        List<Node> graderNodes = c.list("graders", true);
        List<GraderConfig> configs = new ArrayList<>();
        for (int i = 0; i < graderNodes.size(); i++) {
            configs.add(grader(Fields.of(file, graderNodes.get(i), c.path("graders") + "[" + i + "]")));
        }
        Calibration calibration = Calibration.NONE;
        Optional<Node> cal = c.optional("calibration");
        if (cal.isPresent()) {
            Fields f = Fields.of(file, cal.get(), c.path("calibration"));
            f.allowOnly(CALIBRATION_FIELDS);
            calibration = new Calibration(f.strings("passing"), f.strings("failing"));
        }
        return new TestCase(id, request.build(), configs, calibration);
    }

    private ResponseFormat responseFormat(Fields c, String caseId) {
        Optional<String> format = c.optString("response_format");
        if (format.isPresent() && !RESPONSE_FORMATS.contains(format.get())) {
            throw c.error("response_format", "unknown response format \"" + format.get() + "\"; known: "
                    + String.join(", ", RESPONSE_FORMATS));
        }
        Optional<Node> schema = c.optional("json_schema");
        if (schema.isEmpty()) {
            if (format.isPresent() && format.get().equals("json_schema")) {
                throw c.error("response_format", "\"json_schema\" needs the field json_schema (the schema)");
            }
            return format.isPresent() && format.get().equals("json") ? ResponseFormat.JSON : ResponseFormat.TEXT;
        }
        if (format.isPresent() && !format.get().equals("json_schema")) {
            throw c.error("json_schema", "a schema needs response_format json_schema (or none), not \""
                    + format.get() + "\"");
        }
        String json;
        if (schema.get() instanceof Node.MapNode) {
            json = Params.toJson(schema.get()).toString();
        } else if (schema.get() instanceof Node.Scalar s && s.value() instanceof String text) {
            try {
                JsonNode parsed = JSON.readTree(text);
                if (parsed == null || !parsed.isObject()) {
                    throw c.error("json_schema", "the schema must be a JSON object");
                }
                json = parsed.toString();
            } catch (IOException e) {
                throw c.error("json_schema", "the schema is not valid JSON: " + e.getMessage().lines().findFirst()
                        .orElse(""));
            }
        } else {
            throw c.wrongType("json_schema", schema.get(), "a mapping (or a JSON object as a string)");
        }
        return new ResponseFormat.JsonSchema(caseId.replaceAll("[^A-Za-z0-9_-]", "_"), json, true);
    }

    private GraderConfig grader(Fields g) {
        String id = g.string("grader");
        if (!registry.graders().containsKey(id)) {
            throw g.error("grader", "unknown grader" + Suggest.didYouMean(id, registry.graders().keySet())
                    + "; known: " + (registry.graders().isEmpty() ? "(none found on the class path)"
                            : String.join(", ", registry.graders().keySet())));
        }
        double weight = g.number("weight", 0, 1e6).orElse(1.0);
        if (weight == 0) {
            throw g.error("weight", "must be positive (leave the grader out instead)");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (String key : g.keys()) {
            if (!key.equals("grader") && !key.equals("weight")) {
                params.put(key, Params.value(file, g, key));
            }
        }
        GraderConfig config = new GraderConfig(id, weight, params);
        try {
            graders.computeIfAbsent(config, registry::createGrader);
        } catch (BenchConfigurationException | IllegalArgumentException e) {
            // point at the parameter the message names, when it names one
            String field = params.keySet().stream().filter(k -> e.getMessage() != null
                    && e.getMessage().contains("'" + k + "'")).findFirst().orElse("grader");
            throw new SuiteFileException(file, g.line(field), g.path(field), e.getMessage(), e);
        }
        return config;
    }

    private static String id(Fields f, String name) {
        String id = f.string(name);
        if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw f.error(name, "\"" + id + "\" must be lowercase letters, digits, '.', '_' or '-'"
                    + " (starting with a letter or digit)");
        }
        return id;
    }
}
