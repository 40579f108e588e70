package dev.llmbench.graders.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code json} grader: strict parse, JSON-Schema validation and JSON-pointer value checks.
 *
 * <p>The seed harness deleted code fences and took the first {@code {…}} span, so a response that
 * broke the "bare JSON" instruction lost nothing. Here the wrapping is its own failed check, and the
 * JSON inside a fence or prose is still parsed so that the other checks can run and show how close
 * the response came.
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code form} ({@code bare}, the default; {@code fenced}; {@code any}): {@code bare} requires
 *       the response to be the JSON value alone (check {@code bare_json}); {@code fenced} requires it
 *       inside a {@code ```} fence (check {@code fenced_json}); {@code any} adds no form check.
 *   <li>{@code schema} (string): a JSON Schema as JSON text. Its {@code $schema} picks the dialect
 *       (draft 4 to 2020-12); without one, 2020-12. The schema is checked against its meta-schema
 *       when the grader is created. Remote {@code $ref}s are not fetched (no I/O while grading).
 *   <li>{@code values} (a list of {@code "/pointer=expected"} entries, or one string holding a JSON
 *       object from pointer to expected value): value checks, see below.
 *   <li>{@code tolerance} (number &ge; 0, default 0): the absolute tolerance for numeric equality;
 *       an entry may override it with {@code ±t} ({@code "/score=0.8±0.05"}).
 * </ul>
 *
 * <h3>Value entries</h3>
 * {@code /pointer[#size|#type] op value}, with {@code op} one of {@code = != < <= > >=}:
 * <ul>
 *   <li>{@code /analysis/topic=API Design}: a plain value is a string; one that parses as JSON is
 *       that JSON ({@code 2}, {@code true}, {@code null}, {@code "2"}, {@code ["a","b"]}). Numbers
 *       compare numerically (so {@code 2} equals {@code 2.0}), strings exactly, arrays and objects
 *       structurally.
 *   <li>{@code /analysis/confidence<=1}: ordering needs a number on both sides.
 *   <li>{@code /items#size=2}: elements of an array, members of an object, code points of a string.
 *   <li>{@code /hours#type=integer}: one of object, array, string, number, integer (a number with
 *       an integral value, as in JSON Schema), boolean, null.
 * </ul>
 * A pointer may not contain {@code = < > ! #}; for such keys use the JSON-object form
 * ({@code {"/a=b": 1, "/list#size": 2}}), which supports equality only.
 *
 * <h2>Checks</h2>
 * Weight 1 each, in order: {@code bare_json} or {@code fenced_json} (per {@code form});
 * {@code json_parse} (strictly valid JSON was found: duplicate keys, comments, single quotes,
 * trailing commas and trailing tokens are errors); {@code schema} (when given; {@code actual} lists
 * every validation error as {@code <instance path>: <message>}); then one check per value entry,
 * named after it (e.g. {@code /recommendations#size=2}). Without parseable JSON every check fails.
 *
 * <p>Stateless and thread-safe; the graders it creates are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class JsonGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "json";

    private static final Set<String> KNOWN = Set.of("form", "schema", "values", "tolerance");

    /** Creates the factory; does no I/O. */
    public JsonGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "strict JSON parse (fence/prose recorded as a failed check), JSON-Schema validation, JSON-pointer"
                + " values; params: form (bare|fenced|any), schema, values, tolerance";
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.llmbench.core.BenchConfigurationException when {@code form} is unknown, the schema
     *         is not JSON or not a valid schema, a value entry is malformed, {@code tolerance} is
     *         negative, or a parameter is unknown
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        String formName = config.optString("form").orElse("bare").strip().toLowerCase(Locale.ROOT);
        JsonGrader.Form form;
        switch (formName) {
            case "bare":
                form = JsonGrader.Form.BARE;
                break;
            case "fenced":
                form = JsonGrader.Form.FENCED;
                break;
            case "any":
                form = JsonGrader.Form.ANY;
                break;
            default:
                throw Params.error(config, "parameter 'form' must be bare, fenced or any, got \"" + formName + "\"");
        }
        double tol = config.optNumber("tolerance").orElse(0.0);
        if (tol < 0) {
            throw Params.error(config, "parameter 'tolerance' must be non-negative, got " + tol);
        }
        Optional<Schema> schema = config.optString("schema").map(s -> schema(config, s));
        List<ValueExpectation> values = values(config, BigDecimal.valueOf(tol));
        return new JsonGrader(form, schema, values);
    }

    private static Schema schema(GraderConfig config, String text) {
        JsonNode node;
        try {
            node = JsonExtraction.STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            throw Params.error(config, "parameter 'schema' is not valid JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject() && !node.isBoolean()) {
            throw Params.error(config, "parameter 'schema' must be a JSON object (or boolean), got "
                    + node.getNodeType());
        }
        SpecificationVersion version = SpecificationVersion.fromSchemaNode(node)
                .orElse(SpecificationVersion.DRAFT_2020_12);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(version,
                b -> b.schemaLoader(l -> l.allow(JsonGraderFactory::bundled)));
        try {
            Schema meta = registry.getSchema(SchemaLocation.of(version.getDialectId()));
            List<com.networknt.schema.Error> problems = meta.validate(node);
            if (!problems.isEmpty()) {
                throw Params.error(config, "parameter 'schema' is not a valid JSON Schema: "
                        + JsonGrader.describe(problems, 200));
            }
            Schema schema = registry.getSchema(node);
            schema.initializeValidators();
            return schema;
        } catch (SchemaException | IllegalArgumentException e) {
            throw Params.error(config, "parameter 'schema' could not be loaded: " + e.getMessage());
        }
    }

    /** Only the meta-schemas bundled in the validator's jar may be loaded: no network, no files. */
    private static boolean bundled(AbsoluteIri iri) {
        String s = iri.toString();
        return s.startsWith("https://json-schema.org/") || s.startsWith("http://json-schema.org/")
                || s.startsWith("classpath:");
    }

    private static List<ValueExpectation> values(GraderConfig config, BigDecimal tolerance) {
        List<String> entries = config.strings("values");
        List<ValueExpectation> out = new ArrayList<>();
        try {
            if (entries.size() == 1 && entries.get(0).strip().startsWith("{")) {
                JsonNode object;
                try {
                    object = JsonExtraction.STRICT.readTree(entries.get(0));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("the JSON object is not valid JSON: " + e.getOriginalMessage());
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.add(ValueExpectation.ofEquality(e.getKey(), e.getValue(), tolerance));
                }
            } else {
                for (String entry : entries) {
                    out.add(ValueExpectation.parse(entry, tolerance));
                }
            }
        } catch (IllegalArgumentException e) {
            throw Params.error(config, "parameter 'values': " + e.getMessage());
        }
        return out;
    }
}
