package dev.llmbench.graders.facts;

import dev.llmbench.graders.text.AnswerLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labelled parts of a response: {@code Summary: …}, {@code Premise: false}, {@code 1: KV-4817},
 * {@code Questions:} followed by a list.
 *
 * <p>A <em>labelled line</em> starts with the label, case-insensitively, optionally decorated with
 * Markdown ({@code **Summary:**}, {@code ### Premise:}, {@code - 1:}), followed by a colon; a
 * numeric label may also be followed by {@code .} or {@code )} and a space ({@code 1. KV-4817}).
 * When several lines carry the same label, the <em>last</em> one counts, so a corrected answer
 * replaces an earlier attempt and "the right answer followed by a contradicting one" is read as
 * the contradicting one. The label {@code answer} is read exactly like
 * {@link AnswerLine} (which also accepts {@code Final answer:}).
 *
 * <p>Stateless and thread-safe.
 */
final class Sections {
    private Sections() {}

    /**
     * The value of the last line labelled {@code label}: the text after the colon with Markdown
     * emphasis removed, or, when that is empty, the next non-blank line. Empty when no line
     * carries the label.
     */
    static Optional<String> line(String text, String label) {
        if (label.equalsIgnoreCase("answer")) {
            return AnswerLine.findLast(text).map(AnswerLine::value);
        }
        Matcher m = lineStart(label).matcher(text);
        int valueStart = -1;
        int valueEnd = -1;
        while (m.find()) {
            valueStart = m.end(1);
            valueEnd = m.end();
        }
        if (valueStart < 0) {
            return Optional.empty();
        }
        String v = unmark(text.substring(valueStart, valueEnd));
        if (v.isEmpty()) {
            for (String next : text.substring(valueEnd).split("\n")) {
                if (!next.isBlank()) {
                    return Optional.of(unmark(next));
                }
            }
        }
        return Optional.of(v);
    }

    /**
     * The non-blank lines after the last line labelled {@code label} (including the rest of that
     * line when it is not empty), to the end of the text, stripped. Empty when no line carries the
     * label.
     */
    static Optional<List<String>> after(String text, String label) {
        Matcher m = lineStart(label).matcher(text);
        int valueStart = -1;
        while (m.find()) {
            valueStart = m.end(1);
        }
        if (valueStart < 0) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (String line : text.substring(valueStart).split("\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return Optional.of(List.copyOf(out));
    }

    /** Whether {@code label} can be used as a label: letters, digits and inner spaces, at most 25 characters. */
    static boolean isValidLabel(String label) {
        return label.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} ]{0,24}") && !label.endsWith(" ");
    }

    /** Group 1 ends where the value starts; the match ends at the end of the line. */
    private static Pattern lineStart(String label) {
        String sep = label.chars().allMatch(Character::isDigit) ? "(?:[:：]|[.)](?=\\s|$))" : "[:：]";
        return Pattern.compile("^[ \\t>#*_-]*" + Pattern.quote(label.strip()) + "[ \\t]*[*_]*[ \\t]*(" + sep + ")[^\\n]*$",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE);
    }

    private static String unmark(String s) {
        String v = s.strip();
        while (v.startsWith("**") || v.startsWith("__")) {
            v = v.substring(2).strip();
        }
        return v.replace("**", "").replace("__", "").replace("`", "").strip();
    }

    /** A human-readable name of the section for check texts: {@code "'Summary:' line"}. */
    static String describe(String label) {
        return "'" + label.toLowerCase(Locale.ROOT).substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1)
                + ":' line";
    }
}
