package dev.llmbench.core.suitefile;

import dev.llmbench.core.suitefile.Node.ListNode;
import dev.llmbench.core.suitefile.Node.MapNode;
import dev.llmbench.core.suitefile.Node.Scalar;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Typed access to one mapping of a suite file, where every failure is a {@link SuiteFileException}
 * naming the file, the line and the field's path. Immutable; not shared between threads.
 */
final class Fields {
    private final String file;
    private final MapNode node;
    private final String path;

    private Fields(String file, MapNode node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    /** {@code n} as a mapping at {@code path}, or an error saying what it is instead. */
    static Fields of(String file, Node n, String path) {
        if (n instanceof MapNode m) {
            return new Fields(file, m, path);
        }
        throw new SuiteFileException(file, n.line(), path, "expected a mapping, got " + n.kind(), null);
    }

    String path() {
        return path;
    }

    int line() {
        return node.line();
    }

    /** The path of field {@code name}. */
    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The line of field {@code name}'s key, or of this mapping when it is absent. */
    int line(String name) {
        return node.keyLines().getOrDefault(name, node.line());
    }

    /** Every key, in file order. */
    Collection<String> keys() {
        return node.fields().keySet();
    }

    /** Rejects a key outside {@code known}, suggesting the closest known one. */
    void allowOnly(List<String> known) {
        for (String key : node.fields().keySet()) {
            if (!known.contains(key)) {
                throw error(key, "unknown field" + Suggest.didYouMean(key, known) + "; known fields: "
                        + String.join(", ", known));
            }
        }
    }

    /** The field's value, when present and not an explicit null. */
    Optional<Node> optional(String name) {
        Node n = node.fields().get(name);
        return n instanceof Scalar s && s.value() == null ? Optional.empty() : Optional.ofNullable(n);
    }

    /** The field's value; an error naming this mapping's line when it is missing. */
    Node require(String name) {
        return optional(name).orElseThrow(() -> new SuiteFileException(file, node.line(), path,
                "missing field \"" + name + "\"", null));
    }

    /** A required, non-blank string. */
    String string(String name) {
        return asString(name, require(name));
    }

    /** An optional string; when present, non-blank. */
    Optional<String> optString(String name) {
        return optional(name).map(n -> asString(name, n));
    }

    /** An optional number in [{@code min}, {@code max}]. */
    OptionalDouble number(String name, double min, double max) {
        Optional<Node> n = optional(name);
        if (n.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (!(n.get() instanceof Scalar s) || !(s.value() instanceof Number num) || !Double.isFinite(num.doubleValue())) {
            throw wrongType(name, n.get(), "a number");
        }
        double d = num.doubleValue();
        if (d < min || d > max) {
            throw error(name, "must be between " + fmt(min) + " and " + fmt(max) + ", got " + fmt(d));
        }
        return OptionalDouble.of(d);
    }

    /** A required list; with {@code nonEmpty}, an empty one is an error. */
    List<Node> list(String name, boolean nonEmpty) {
        Node n = require(name);
        if (!(n instanceof ListNode l)) {
            throw wrongType(name, n, "a list");
        }
        if (nonEmpty && l.items().isEmpty()) {
            throw error(name, "must not be empty");
        }
        return l.items();
    }

    /** An optional list of strings (a single string counts as a one-element list); empty when absent. */
    List<String> strings(String name) {
        Optional<Node> n = optional(name);
        if (n.isEmpty()) {
            return List.of();
        }
        if (n.get() instanceof Scalar s && s.value() instanceof String str) {
            return List.of(str);
        }
        if (!(n.get() instanceof ListNode l)) {
            throw wrongType(name, n.get(), "a list of strings");
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
            Node item = l.items().get(i);
            if (!(item instanceof Scalar s) || !(s.value() instanceof String str)) {
                throw new SuiteFileException(file, item.line(), path(name) + "[" + i + "]",
                        "expected a string, got " + item.kind(), null);
            }
            out.add(str);
        }
        return out;
    }

    /** An error about field {@code name}, on the line of its key. */
    SuiteFileException error(String name, String problem) {
        return new SuiteFileException(file, line(name), path(name), problem, null);
    }

    /** An error about {@code value} (at its own line), reached through field {@code name}. */
    SuiteFileException wrongType(String name, Node value, String expected) {
        return new SuiteFileException(file, value.line(), path(name), "expected " + expected + ", got " + value.kind(),
                null);
    }

    private String asString(String name, Node n) {
        if (!(n instanceof Scalar s) || !(s.value() instanceof String str)) {
            throw wrongType(name, n, "a string");
        }
        if (str.isBlank()) {
            throw error(name, "must not be blank");
        }
        return str;
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
