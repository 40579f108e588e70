package dev.llmbench.graders.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits prose into sentences, robustly enough to grade "answer in exactly N sentences".
 *
 * <p>A sentence ends at {@code .}, {@code !} or {@code ?} (runs such as {@code ?!} count once),
 * optionally followed by closing quotes, brackets or Markdown emphasis ({@code " ' ) ] * _}), and
 * then whitespace or the end of the text (the full-width {@code 。！？} need no space). A paragraph
 * break (a blank line) always ends a sentence, and so does the line break before a list item
 * ({@code - x}, {@code * x}, {@code 1. x}, {@code 1) x}), so a list of items without full stops
 * counts one sentence per item. Text after the last terminator counts as a sentence when it
 * contains a letter or digit.
 *
 * <p>What does <em>not</em> end a sentence:
 * <ul>
 *   <li>a full stop followed by a non-space character: decimals ({@code 3.14}, {@code 99.9%}),
 *       versions ({@code 2.4.1}), domains, {@code e.g.,};
 *   <li>abbreviations that are never sentence-final: titles ({@code Dr. Mr. Mrs. Ms. Prof. St.
 *       Jr. Sr.}) and {@code e.g. i.e. cf. vs. approx. al. ca. fig.};
 *   <li>abbreviations that may end a sentence ({@code etc. U.S. U.K. a.m. p.m. Inc. Ltd. Co. No.}
 *       and any dotted acronym such as {@code U.S.A.}), unless the next word starts with an
 *       upper-case letter;
 *   <li>an ellipsis ({@code ...} or {@code …}), unless it is at the end of the text;
 *   <li>the number of a numbered list marker at the start of a line ({@code 1. First});
 *   <li>anything inside a URL, an e-mail address or inline code ({@code `a.b()`}).
 * </ul>
 * Fenced code blocks ({@code ```} or {@code ~~~}) and Markdown headings ({@code # Title}) are
 * ignored entirely: they are neither sentences nor part of one. Pieces without any letter or
 * digit (a horizontal rule, a lone {@code **}) are not sentences.
 *
 * <p>Known limits: single-letter initials ({@code J. Smith}) end a sentence; in all-caps text the
 * "next word is upper-case" test always succeeds, so {@code ETC. AND} ends a sentence.
 *
 * <p>Stateless, immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SentenceSplitter {
    private static final Set<String> NEVER_FINAL = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "e.g", "i.e", "cf", "vs", "approx",
            "al", "ca", "fig", "eg", "ie");
    private static final Set<String> MAYBE_FINAL = Set.of(
            "etc", "u.s", "u.k", "a.m", "p.m", "inc", "ltd", "co", "corp", "no");
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(?:\\p{L}\\.)+\\p{L}");
    private static final Pattern FENCE = Pattern.compile("^[ \\t]{0,3}(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^[ \\t]{0,3}#{1,6}(?:[ \\t].*)?$");
    private static final Pattern LIST_ITEM = Pattern.compile("^[ \\t>]*(?:[-*+•]|\\d{1,3}[.)])[ \\t]+\\S");
    private static final Pattern MASKED = Pattern.compile(
            "`[^`\\n]+`"
            + "|(?i:\\b(?:https?://|ftp://|www\\.))[^\\s<>()\\[\\]\"'`]*[^\\s<>()\\[\\]\"'`.,;:!?*_]"
            + "|(?<![\\w.+-])[\\w.+-]++@[\\w-]++\\.[\\w.-]*[\\w-]");
    private static final int MAX_ABBREVIATION = 16;
    private static final String CLOSERS = "\"'”’)]*_»";

    private SentenceSplitter() {}

    /**
     * Splits {@code text} into sentences.
     *
     * @param text any text; never null
     * @return the sentences in order, each stripped of surrounding whitespace; empty when the text
     *         has none; never null
     */
    public static List<String> split(String text) {
        String original = text;
        char[] s = shadow(original);
        int n = s.length;
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = s[i];
            if (c == '\n') {
                if (lineIsBlank(s, i + 1) || startsListItem(s, i + 1)) {
                    add(out, original, s, start, i);
                    start = i + 1;
                }
                i++;
                continue;
            }
            if (!isTerminator(c)) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < n && isTerminator(s[runEnd])) {
                runEnd++;
            }
            int end = runEnd;
            while (end < n && CLOSERS.indexOf(s[end]) >= 0) {
                end++;
            }
            if (end < n && !isSpace(s[end]) && !isCjkTerminator(s[runEnd - 1])) {
                i = runEnd;
                continue;
            }
            if (endsSentence(s, i, runEnd, end)) {
                add(out, original, s, start, end);
                start = end;
            }
            i = end;
        }
        add(out, original, s, start, n);
        return List.copyOf(out);
    }

    /**
     * The number of sentences in {@code text}, as {@link #split(String)} counts them.
     *
     * @param text any text; never null
     * @return zero or more
     */
    public static int count(String text) {
        return split(text).size();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '。' || c == '！' || c == '？';
    }

    /** Full-width terminators end a sentence without a following space. */
    private static boolean isCjkTerminator(char c) {
        return c == '。' || c == '！' || c == '？';
    }

    /** Whether the terminator run {@code s[from, runEnd)} (closers up to {@code end}) ends a sentence. */
    private static boolean endsSentence(char[] s, int from, int runEnd, int end) {
        String run = new String(s, from, runEnd - from);
        boolean question = run.indexOf('!') >= 0 || run.indexOf('?') >= 0
                || run.indexOf('！') >= 0 || run.indexOf('？') >= 0;
        if (!question && (run.length() >= 2 || run.indexOf('…') >= 0)) {
            return nextNonSpace(s, end) < 0; // an ellipsis: only at the very end
        }
        if (question || run.charAt(0) != '.') {
            return true;
        }
        int tokenStart = from;
        while (tokenStart > 0 && !isSpace(s[tokenStart - 1])) {
            tokenStart--;
        }
        if (from - tokenStart > MAX_ABBREVIATION) {
            return true;
        }
        String token = stripPunctuation(new String(s, tokenStart, from - tokenStart));
        if (!token.isEmpty() && token.length() <= 3 && token.chars().allMatch(Character::isDigit)
                && atLineStart(s, tokenStart)) {
            return false; // "1. First" as a numbered list marker
        }
        String lower = token.toLowerCase(Locale.ROOT);
        if (NEVER_FINAL.contains(lower)) {
            return false;
        }
        if (MAYBE_FINAL.contains(lower) || DOTTED_ACRONYM.matcher(token).matches()) {
            int next = nextNonSpace(s, end);
            return next < 0 || Character.isUpperCase(s[next]);
        }
        return true;
    }

    private static String stripPunctuation(String token) {
        int a = 0;
        int b = token.length();
        while (a < b && !Character.isLetterOrDigit(token.charAt(a))) {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(token.charAt(b - 1))) {
            b--;
        }
        return token.substring(a, b);
    }

    private static boolean atLineStart(char[] s, int index) {
        for (int k = index - 1; k >= 0 && s[k] != '\n'; k--) {
            if (s[k] != ' ' && s[k] != '\t' && s[k] != '>') {
                return false;
            }
        }
        return true;
    }

    private static int nextNonSpace(char[] s, int from) {
        for (int k = from; k < s.length; k++) {
            if (!isSpace(s[k])) {
                return k;
            }
        }
        return -1;
    }

    private static boolean lineIsBlank(char[] s, int from) {
        for (int k = from; k < s.length && s[k] != '\n'; k++) {
            if (!isSpace(s[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsListItem(char[] s, int from) {
        int e = from;
        while (e < s.length && s[e] != '\n') {
            e++;
        }
        return LIST_ITEM.matcher(new String(s, from, e - from)).find();
    }

    /**
     * Adds the original text of {@code [from, to)}, trimmed where the shadow is blank, when the
     * shadow holds a letter or digit there.
     */
    private static void add(List<String> out, String original, char[] s, int from, int to) {
        while (from < to && isSpace(s[from])) {
            from++;
        }
        while (to > from && isSpace(s[to - 1])) {
            to--;
        }
        boolean content = false;
        for (int k = from; k < to && !content; k++) {
            content = Character.isLetterOrDigit(s[k]);
        }
        if (content) {
            out.add(original.substring(from, to));
        }
    }

    /**
     * A copy of the text of the same length in which fenced code and headings are blank lines and
     * inline code, URLs and e-mail addresses are runs of {@code x}, so that offsets map one to one.
     */
    private static char[] shadow(String text) {
        char[] s = text.replace('\r', ' ').toCharArray();
        int lineStart = 0;
        boolean inFence = false;
        String fence = "";
        while (lineStart < s.length) {
            int lineEnd = lineStart;
            while (lineEnd < s.length && s[lineEnd] != '\n') {
                lineEnd++;
            }
            String line = new String(s, lineStart, lineEnd - lineStart);
            Matcher f = FENCE.matcher(line);
            boolean blank = false;
            if (inFence) {
                blank = true;
                if (f.find() && f.group(1).equals(fence) && line.strip().replace(fence.substring(0, 1), "").isEmpty()) {
                    inFence = false;
                }
            } else if (f.find() && line.indexOf(f.group(1), f.end()) < 0) {
                inFence = true;
                fence = f.group(1);
                blank = true;
            } else if (HEADING.matcher(line).matches()) {
                blank = true;
            }
            if (blank) {
                // a blanked line reads as a paragraph break on both sides
                for (int k = lineStart; k < lineEnd; k++) {
                    s[k] = ' ';
                }
            }
            lineStart = lineEnd + 1;
        }
        Matcher m = MASKED.matcher(new String(s));
        while (m.find()) {
            for (int k = m.start(); k < m.end(); k++) {
                s[k] = 'x';
            }
        }
        return s;
    }
}
