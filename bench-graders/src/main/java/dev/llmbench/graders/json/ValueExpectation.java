package dev.llmbench.graders.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmbench.core.api.Check;
import dev.llmbench.graders.internal.Params;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSON-pointer expectation of the {@code json} grader, e.g. {@code /analysis/confidence<=1},
 * {@code /recommendations#size=2}, {@code /analysis/topic=API Design}. Immutable and thread-safe.
 *
 * @param pointer   where the value is; {@code ""} is the whole document
 * @param selector  what of the value is compared
 * @param op        the comparison
 * @param expected  the expected value (a number for {@code <}, {@code <=}, {@code >}, {@code >=} and
 *                  {@code #size}; a type name for {@code #type})
 * @param tolerance the absolute tolerance for numeric equality; non-negative
 */
record ValueExpectation(String pointer, Selector selector, Op op, JsonNode expected, BigDecimal tolerance) {
    private static final Pattern ENTRY = Pattern.compile(
            "^\\s*((?:/[^=<>!#]*)?)(#size|#type)?\\s*(==|=|!=|<=|>=|<|>)\\s*(.*?)\\s*$", Pattern.DOTALL);
    private static final Pattern PLUS_MINUS = Pattern.compile("^(.*?)\\s*(?:±|\\+-|\\+/-)\\s*([0-9.eE+-]+)$");
    private static final List<String> TYPES = List.of("object", "array", "string", "number", "integer", "boolean",
            "null");
    private static final Comparator<JsonNode> NUMERIC_AWARE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
    private static final int CLIP = 80;

    /** What of the value is compared. */
    enum Selector {
        /** The value itself. */
        VALUE(""),
        /** The number of elements (array), members (object) or code points (string). */
        SIZE("#size"),
        /** The JSON type; {@code integer} is a number with an integral value. */
        TYPE("#type");

        final String suffix;

        Selector(String suffix) {
            this.suffix = suffix;
        }
    }

    /** The comparison. */
    enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        static Op of(String s) {
            for (Op o : values()) {
                if (o.symbol.equals(s)) {
                    return o;
                }
            }
            return EQ; // "=="
        }

        boolean ordering() {
            return this != EQ && this != NE;
        }
    }

    /**
     * Parses {@code "/pointer[#size|#type] op value"}. The value is read as JSON when it parses
     * ({@code 2}, {@code "x"}, {@code true}, {@code null}, {@code [1,2]}), else as a plain string;
     * a numeric value may end in {@code ±tol} (or {@code +-tol}).
     *
     * @throws IllegalArgumentException with a one-line reason when the entry is malformed
     */
    static ValueExpectation parse(String entry, BigDecimal defaultTolerance) {
        Matcher m = ENTRY.matcher(entry);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + entry + "\" is not '/pointer=value' (operators = != < <= > >=;"
                    + " suffixes #size, #type)");
        }
        String raw = m.group(4);
        BigDecimal tolerance = defaultTolerance;
        Matcher pm = PLUS_MINUS.matcher(raw);
        if (pm.matches()) {
            try {
                tolerance = new BigDecimal(pm.group(2));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + entry + "\" has a malformed tolerance \"" + pm.group(2)
                        + "\"");
            }
            raw = pm.group(1);
        }
        JsonNode value;
        try {
            value = JsonExtraction.STRICT.readTree(raw);
        } catch (JsonProcessingException e) {
            value = null;
        }
        if (value == null || value.isMissingNode()) {
            value = TextNode.valueOf(raw);
        }
        return of(m.group(1), selector(m.group(2)), Op.of(m.group(3)), value, tolerance, entry);
    }

    /**
     * An expectation from a key ({@code "/pointer"} or {@code "/pointer#size"}) and an expected JSON
     * value, compared for equality.
     *
     * @throws IllegalArgumentException with a one-line reason when the key or value is malformed
     */
    static ValueExpectation ofEquality(String key, JsonNode value, BigDecimal tolerance) {
        Selector selector = Selector.VALUE;
        String pointer = key;
        for (Selector s : List.of(Selector.SIZE, Selector.TYPE)) {
            if (key.endsWith(s.suffix)) {
                selector = s;
                pointer = key.substring(0, key.length() - s.suffix.length());
            }
        }
        return of(pointer, selector, Op.EQ, value, tolerance, key);
    }

    private static ValueExpectation of(String pointer, Selector selector, Op op, JsonNode value, BigDecimal tolerance,
            String entry) {
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + entry + "\" has an invalid JSON pointer \"" + pointer + "\"");
        }
        if (tolerance.signum() < 0) {
            throw new IllegalArgumentException("\"" + entry + "\" has a negative tolerance");
        }
        if ((op.ordering() || selector == Selector.SIZE) && !value.isNumber()) {
            throw new IllegalArgumentException("\"" + entry + "\" compares with " + op.symbol + " but "
                    + value + " is not a number");
        }
        if (selector == Selector.SIZE && (value.decimalValue().signum() < 0 || !isIntegral(value))) {
            throw new IllegalArgumentException("\"" + entry + "\" needs a non-negative integer size");
        }
        if (selector == Selector.TYPE && (op.ordering() || !TYPES.contains(value.asText()))) {
            throw new IllegalArgumentException("\"" + entry + "\" needs #type=<one of " + String.join(", ", TYPES)
                    + "> (or !=)");
        }
        return new ValueExpectation(pointer, selector, op, value, tolerance);
    }

    private static Selector selector(String suffix) {
        return suffix == null ? Selector.VALUE : suffix.equals("#size") ? Selector.SIZE : Selector.TYPE;
    }

    /** The check's name, e.g. {@code /analysis/confidence<=1}, {@code /analysis/topic="API Design"}. */
    String name() {
        return pointer + selector.suffix + op.symbol + (selector == Selector.TYPE ? expected.asText()
                : expected.toString()) + (tolerance.signum() > 0 && expected.isNumber() ? "±"
                + tolerance.toPlainString() : "");
    }

    /** Checks {@code root} (absent when no JSON was parsed). Never throws. */
    Check check(Optional<JsonNode> root) {
        String want = (selector == Selector.SIZE ? "size " : selector == Selector.TYPE ? "type " : "")
                + (op == Op.EQ && selector != Selector.VALUE ? "" : op.symbol + " ")
                + (selector == Selector.TYPE ? expected.asText() : expected.toString())
                + (tolerance.signum() > 0 && expected.isNumber() ? " ± " + tolerance.toPlainString() : "")
                + " at " + (pointer.isEmpty() ? "the root" : pointer);
        if (root.isEmpty()) {
            return Check.of(name(), false, want, "no JSON");
        }
        JsonNode node = root.get().at(pointer);
        if (node.isMissingNode()) {
            return Check.of(name(), false, want, "missing");
        }
        String shown = Params.clip(node.toString(), CLIP);
        switch (selector) {
            case SIZE:
                int size = size(node);
                if (size < 0) {
                    return Check.of(name(), false, want, "not an array, object or string: " + shown);
                }
                return Check.of(name(), compare(BigDecimal.valueOf(size)), want, "size " + size);
            case TYPE:
                String type = type(node);
                boolean same = type.equals(expected.asText()) || (type.equals("integer") && expected.asText().equals(
                        "number"));
                return Check.of(name(), same == (op == Op.EQ), want, type + ": " + shown);
            default:
                if (op.ordering() || expected.isNumber()) {
                    if (!node.isNumber()) {
                        return Check.of(name(), op == Op.NE, want, "not a number: " + shown);
                    }
                    return Check.of(name(), compare(node.decimalValue()), want, shown);
                }
                boolean equal = expected.equals(NUMERIC_AWARE, node);
                return Check.of(name(), equal == (op == Op.EQ), want, shown);
        }
    }

    private boolean compare(BigDecimal got) {
        BigDecimal want = expected.decimalValue();
        int c = got.compareTo(want);
        boolean equal = got.subtract(want).abs().compareTo(tolerance) <= 0;
        switch (op) {
            case EQ:
                return equal;
            case NE:
                return !equal;
            case LT:
                return c < 0;
            case LE:
                return c <= 0;
            case GT:
                return c > 0;
            default:
                return c >= 0;
        }
    }

    /** Elements, members or code points; -1 for other types. */
    private static int size(JsonNode node) {
        if (node.isArray() || node.isObject()) {
            return node.size();
        }
        return node.isTextual() ? node.asText().codePointCount(0, node.asText().length()) : -1;
    }

    private static String type(JsonNode node) {
        JsonNodeType t = node.getNodeType();
        if (t == JsonNodeType.NUMBER) {
            return isIntegral(node) ? "integer" : "number";
        }
        return t == JsonNodeType.POJO || t == JsonNodeType.BINARY ? "string" : t.name().toLowerCase(Locale.ROOT);
    }

    private static boolean isIntegral(JsonNode node) {
        BigDecimal d = node.decimalValue();
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }
}
