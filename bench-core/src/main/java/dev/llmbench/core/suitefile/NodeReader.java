package dev.llmbench.core.suitefile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.llmbench.core.suitefile.Node.ListNode;
import dev.llmbench.core.suitefile.Node.MapNode;
import dev.llmbench.core.suitefile.Node.Scalar;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML or JSON into a {@link Node} tree that remembers the line of every value and key.
 * Rejects duplicate keys (JSON and YAML parsers would silently keep the last one) and more than
 * one document. YAML anchors and aliases of mappings and lists ({@code &ticket} … {@code *ticket})
 * are resolved here, since Jackson's streaming parser reports an alias as the plain string
 * {@code "ticket"}; it does not report anchors on single values, so an alias of one is an error
 * rather than a silently wrong string.
 * Single-use, not thread-safe.
 */
final class NodeReader {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    /** Deeper nesting than any suite needs; stops a hostile file from exhausting the stack. */
    private static final int MAX_DEPTH = 64;

    private final String name;
    private final Map<String, Node> anchors = new HashMap<>();

    private NodeReader(String name) {
        this.name = name;
    }

    /**
     * Parses {@code in}.
     *
     * @param name the file as the user named it, for messages
     * @param yaml whether the text is YAML (else JSON)
     * @throws SuiteFileException for a syntax error or duplicate key, with its line
     */
    static Node read(String name, Reader in, boolean yaml) {
        try (JsonParser p = (yaml ? YAML : JSON).createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SuiteFileException(name, 0, "", "the file is empty", null);
            }
            Node root = new NodeReader(name).value(p, first, "", 0);
            JsonToken rest = p.nextToken();
            if (rest != null) {
                throw new SuiteFileException(name, line(p.currentTokenLocation()), "",
                        "unexpected content after the suite (one " + (yaml ? "YAML document" : "JSON value")
                                + " per file)", null);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new SuiteFileException(name, line(e.getLocation()), "",
                    (yaml ? "YAML" : "JSON") + " syntax error: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new SuiteFileException(name, 0, "", "cannot be read: " + e, e);
        }
    }

    private Node value(JsonParser p, JsonToken t, String path, int depth) throws IOException {
        int line = line(p.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            throw new SuiteFileException(name, line, path, "nested more than " + MAX_DEPTH + " levels deep", null);
        }
        if (p instanceof YAMLParser y) {
            if (y.isCurrentAlias()) {
                Node target = anchors.get(p.getText());
                if (target == null) {
                    throw new SuiteFileException(name, line, path, "alias *" + p.getText()
                            + " names no anchored mapping or list above it (anchors on single values are not"
                            + " supported: use the test's or suite's system field, or repeat the text)", null);
                }
                return target;
            }
            String anchor = y.getCurrentAnchor();
            Node n = plain(p, t, line, path, depth);
            if (anchor != null) {
                anchors.put(anchor, n);
            }
            return n;
        }
        return plain(p, t, line, path, depth);
    }

    private Node plain(JsonParser p, JsonToken t, int line, String path, int depth) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> fields = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new HashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    int keyLine = line(p.currentTokenLocation());
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (fields.containsKey(key)) {
                        throw new SuiteFileException(name, keyLine, childPath,
                                "duplicate key (first at line " + keyLines.get(key) + ")", null);
                    }
                    keyLines.put(key, keyLine);
                    fields.put(key, value(p, p.nextToken(), childPath, depth + 1));
                }
                return new MapNode(line, fields, keyLines);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                    items.add(value(p, i, path + "[" + items.size() + "]", depth + 1));
                }
                return new ListNode(line, items);
            }
            case VALUE_STRING:
                return new Scalar(line, p.getText());
            case VALUE_NUMBER_INT:
                return new Scalar(line, p.getNumberValue());
            case VALUE_NUMBER_FLOAT:
                return new Scalar(line, p.getDoubleValue());
            case VALUE_TRUE:
                return new Scalar(line, Boolean.TRUE);
            case VALUE_FALSE:
                return new Scalar(line, Boolean.FALSE);
            case VALUE_NULL:
                return new Scalar(line, null);
            default:
                throw new SuiteFileException(name, line, path, "unsupported value (" + t + ")", null);
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        String stripped = s.strip();
        int nl = stripped.indexOf('\n');
        return (nl < 0 ? stripped : stripped.substring(0, nl)).strip();
    }
}
