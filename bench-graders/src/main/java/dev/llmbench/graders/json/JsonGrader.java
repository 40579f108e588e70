package dev.llmbench.graders.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.graders.internal.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The grader created by {@link JsonGraderFactory}. Immutable and thread-safe (a networknt
 * {@link Schema} is safe to share once its validators are initialised).
 */
record JsonGrader(Form form, Optional<Schema> schema, List<ValueExpectation> values) implements Grader {
    private static final int CLIP = 600;

    JsonGrader {
        values = List.copyOf(values);
    }

    /** The required wrapping. */
    enum Form {
        BARE, FENCED, ANY
    }

    @Override
    public Grade grade(GradingInput input) {
        JsonExtraction.Result r = JsonExtraction.extract(input.text());
        Optional<JsonNode> json = r.json();
        List<Check> checks = new ArrayList<>();
        String found = json.isPresent() ? r.detail() : "no JSON (" + r.detail() + ")";
        if (form == Form.BARE) {
            checks.add(Check.of("bare_json", r.wrapping() == JsonExtraction.Wrapping.BARE,
                    "the JSON alone: no code fence, no text before or after", found));
        } else if (form == Form.FENCED) {
            checks.add(Check.of("fenced_json", r.wrapping() == JsonExtraction.Wrapping.FENCED,
                    "the JSON in a ``` code fence", found));
        }
        checks.add(Check.of("json_parse", json.isPresent(), "strictly valid JSON",
                json.map(JsonGrader::summary).orElse(r.detail())));
        schema.ifPresent(s -> {
            if (json.isEmpty()) {
                checks.add(Check.of("schema", false, "valid against the schema", "no JSON"));
            } else {
                List<Error> errors = s.validate(json.get());
                checks.add(Check.of("schema", errors.isEmpty(), "valid against the schema",
                        errors.isEmpty() ? "valid" : describe(errors, CLIP)));
            }
        });
        for (ValueExpectation v : values) {
            checks.add(v.check(json));
        }
        return Grade.allOf(checks);
    }

    /** The errors as {@code "2 errors: /a: message; /b: message"}, clipped to {@code max} chars. */
    static String describe(List<Error> errors, int max) {
        StringBuilder b = new StringBuilder();
        b.append(errors.size()).append(errors.size() == 1 ? " error: " : " errors: ");
        for (int i = 0; i < errors.size(); i++) {
            Error e = errors.get(i);
            String where = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
            b.append(i == 0 ? "" : "; ").append(where.isEmpty() ? "/" : where).append(": ").append(e.getMessage());
        }
        return Params.clip(b.toString(), max);
    }

    private static String summary(JsonNode node) {
        if (node.isObject()) {
            return "an object with " + node.size() + (node.size() == 1 ? " member" : " members");
        }
        if (node.isArray()) {
            return "an array of " + node.size() + (node.size() == 1 ? " element" : " elements");
        }
        return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ": "
                + Params.clip(node.toString(), 60);
    }
}
