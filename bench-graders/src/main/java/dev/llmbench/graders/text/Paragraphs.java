package dev.llmbench.graders.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a response into paragraphs: runs of non-blank lines separated by one or more blank lines.
 *
 * <p>Fenced code blocks ({@code ```} or {@code ~~~}, up to three spaces of indentation) are not
 * paragraphs and are not part of one: they read as blank lines, so a paragraph, a code block and
 * another paragraph count as two paragraphs. A piece without any letter or digit (a horizontal rule
 * {@code ---}, a lone {@code **}) is not a paragraph. An unclosed fence runs to the end of the text.
 * Headings and list items are not special: a heading on its own line between blank lines is a
 * paragraph, and a list without blank lines between its items is one paragraph.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Paragraphs {
    private static final Pattern FENCE = Pattern.compile("^[ \\t]{0,3}(```|~~~)");

    private Paragraphs() {}

    /**
     * The paragraphs of {@code text}, in order, each stripped, with its lines joined by {@code \n}.
     *
     * @param text any text; never null
     * @return never null
     */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String fence = null;
        for (String raw : text.replace("\r", "").split("\n", -1)) {
            Matcher f = FENCE.matcher(raw);
            boolean code;
            if (fence != null) {
                code = true;
                if (f.find() && f.group(1).equals(fence) && raw.strip().replace(fence.substring(0, 1), "").isEmpty()) {
                    fence = null;
                }
            } else if (f.find()) {
                code = true;
                fence = f.group(1);
            } else {
                code = false;
            }
            if (code || raw.isBlank()) {
                flush(out, current);
            } else {
                current.append(current.length() == 0 ? "" : "\n").append(raw.strip());
            }
        }
        flush(out, current);
        return List.copyOf(out);
    }

    /**
     * The number of paragraphs in {@code text}, as {@link #split(String)} counts them.
     *
     * @param text any text; never null
     * @return zero or more
     */
    public static int count(String text) {
        return split(text).size();
    }

    private static void flush(List<String> out, StringBuilder current) {
        if (current.codePoints().anyMatch(Character::isLetterOrDigit)) {
            out.add(current.toString());
        }
        current.setLength(0);
    }
}
