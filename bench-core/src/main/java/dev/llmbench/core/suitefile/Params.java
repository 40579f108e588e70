package dev.llmbench.core.suitefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.suitefile.Node.ListNode;
import dev.llmbench.core.suitefile.Node.MapNode;
import dev.llmbench.core.suitefile.Node.Scalar;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Grader parameters from a suite file: scalars stay strings, numbers and booleans; a list of
 * scalars stays a list; a mapping, or a list holding mappings or lists, becomes its JSON text (so a
 * JSON Schema can be written as YAML). Stateless.
 */
final class Params {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Params() {}

    /** The value of parameter {@code key} of grader mapping {@code g}. */
    static Object value(String file, Fields g, String key) {
        Node n = g.optional(key).orElseThrow(() -> g.error(key, "null is not a parameter value; remove the line"));
        if (n instanceof Scalar s) {
            return s.value();
        }
        if (n instanceof ListNode l && l.items().stream().allMatch(i -> i instanceof Scalar s && s.value() != null)) {
            List<Object> values = new ArrayList<>();
            l.items().forEach(i -> values.add(((Scalar) i).value()));
            return values;
        }
        return toJson(n).toString();
    }

    /** {@code n} as a Jackson tree. */
    static JsonNode toJson(Node n) {
        if (n instanceof MapNode m) {
            ObjectNode o = NODES.objectNode();
            m.fields().forEach((k, v) -> o.set(k, toJson(v)));
            return o;
        }
        if (n instanceof ListNode l) {
            ArrayNode a = NODES.arrayNode();
            l.items().forEach(i -> a.add(toJson(i)));
            return a;
        }
        Object v = ((Scalar) n).value();
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Long x) {
            return NODES.numberNode(x);
        }
        if (v instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        return NODES.numberNode(((Number) v).doubleValue());
    }
}
