package dev.llmbench.core.suitefile;

import java.util.List;
import java.util.Map;

/**
 * A parsed suite-file value with the line it starts on, so every validation error can name its
 * line. Built by {@link NodeReader}; immutable.
 */
sealed interface Node {
    /** The 1-based line the value starts on. */
    int line();

    /** What the value is, for messages: "a mapping", "a list", "a string", … */
    String kind();

    /** A mapping; keys in file order, each with the line of its key. */
    record MapNode(int line, Map<String, Node> fields, Map<String, Integer> keyLines) implements Node {
        public MapNode {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
            keyLines = Map.copyOf(keyLines);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A list. */
    record ListNode(int line, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar.
     *
     * @param value a {@link String}, {@link Number}, {@link Boolean}, or null for an explicit null
     */
    record Scalar(int line, Object value) implements Node {
        @Override
        public String kind() {
            if (value == null) {
                return "null";
            }
            if (value instanceof String s) {
                return "a string (\"" + (s.length() > 40 ? s.substring(0, 39) + "…" : s) + "\")";
            }
            return (value instanceof Number ? "a number (" : "a boolean (") + value + ")";
        }
    }
}
