package dev.llmbench.core.results.format;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal HTML structure reader for tests: tags, balance, and counting. */
final class HtmlChecks {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*?)(/?)>");
    private static final Set<String> VOID = Set.of("meta", "br", "hr", "img", "input", "link", "wbr", "col");

    private HtmlChecks() {}

    /** One start or end tag. */
    record Tag(boolean end, String name, String attributes, boolean selfClosing) {}

    /** Every tag of the document, in order (the doctype is skipped). */
    static List<Tag> tags(String html) {
        List<Tag> out = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            out.add(new Tag(!m.group(1).isEmpty(), m.group(2).toLowerCase(), m.group(3), !m.group(4).isEmpty()));
        }
        return out;
    }

    /** The first imbalance as a message, or empty when every element is closed in order. */
    static String imbalance(String html) {
        Deque<String> stack = new ArrayDeque<>();
        for (Tag t : tags(html)) {
            if (VOID.contains(t.name()) || t.selfClosing()) {
                continue;
            }
            if (!t.end()) {
                stack.push(t.name());
            } else if (stack.isEmpty() || !stack.peek().equals(t.name())) {
                return "</" + t.name() + "> closes " + (stack.isEmpty() ? "nothing" : "<" + stack.peek() + ">");
            } else {
                stack.pop();
            }
        }
        return stack.isEmpty() ? "" : "unclosed <" + stack.peek() + ">";
    }

    /** The markup of the first {@code <svg>} whose class list contains {@code chart-KIND}. */
    static String chart(String html, String kind) {
        int at = html.indexOf("class=\"chart chart-" + kind + "\"");
        if (at < 0) {
            return "";
        }
        int start = html.lastIndexOf("<svg", at);
        return html.substring(start, html.indexOf("</svg>", at) + 6);
    }

    /** How many times {@code needle} occurs in {@code s}. */
    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
