package dev.llmbench.graders.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown fenced code blocks (CommonMark backtick fences: up to three spaces of indent, three or more
 * backticks, an info string; closed by a fence at least as long). An unclosed final block runs to the
 * end of the text and is marked as such. Stateless and thread-safe.
 */
final class FencedCode {
    private static final Pattern OPEN = Pattern.compile("^ {0,3}(`{3,})\\s*([^`\\s]*)[^`]*$");

    private FencedCode() {}

    /**
     * One block.
     *
     * @param index    1-based position among all blocks of the text
     * @param info     the info string's first word, lowercase ({@code java}, {@code text}, or empty)
     * @param content  the lines between the fences
     * @param unclosed whether the text ended before the closing fence
     */
    record Block(int index, String info, String content, boolean unclosed) {
        String describe(int total) {
            return "block " + index + " of " + total + " (```" + info + (unclosed ? ", unclosed" : "") + ")";
        }
    }

    /** A chosen block and why it was chosen. */
    record Choice(Block block, int total, String reason) {
        String describe() {
            return block.describe(total) + (reason.isEmpty() ? "" : ", " + reason);
        }
    }

    /** Every block of {@code text}, in order. */
    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        int i = 0;
        while (i < lines.length) {
            Matcher m = OPEN.matcher(lines[i]);
            if (!m.matches()) {
                i++;
                continue;
            }
            int fence = m.group(1).length();
            String info = m.group(2).toLowerCase(Locale.ROOT);
            StringBuilder content = new StringBuilder();
            int j = i + 1;
            boolean closed = false;
            for (; j < lines.length; j++) {
                String t = lines[j].strip();
                if (t.length() >= fence && t.chars().allMatch(c -> c == '`') && lines[j].indexOf('`') <= 3) {
                    closed = true;
                    break;
                }
                content.append(lines[j]).append('\n');
            }
            blocks.add(new Block(blocks.size() + 1, info, content.toString(), !closed));
            i = j + 1;
        }
        return blocks;
    }

    /**
     * The Java block to grade: among blocks tagged {@code java} (or, when there are none, untagged
     * blocks), the last one that {@code declares} holds, else the last one.
     */
    static Optional<Choice> javaBlock(String text, Optional<Pattern> declares, String what) {
        List<Block> all = blocks(text);
        List<Block> candidates = all.stream().filter(b -> b.info().matches("java\\d*")).toList();
        if (candidates.isEmpty()) {
            candidates = all.stream().filter(b -> b.info().isEmpty()).toList();
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (declares.isPresent()) {
            Optional<Block> match = last(candidates, b -> declares.get().matcher(b.content()).find());
            if (match.isPresent()) {
                return Optional.of(new Choice(match.get(), all.size(), "declares " + what));
            }
            return Optional.of(new Choice(candidates.get(candidates.size() - 1), all.size(),
                    "the last one; none declares " + what));
        }
        return Optional.of(new Choice(candidates.get(candidates.size() - 1), all.size(), "the last one"));
    }

    /** The last block not tagged as Java (a program's predicted output), if any. */
    static Optional<Choice> outputBlock(String text) {
        List<Block> all = blocks(text);
        return last(all, b -> !b.info().matches("java\\d*")).map(b -> new Choice(b, all.size(), ""));
    }

    private static Optional<Block> last(List<Block> blocks, Predicate<Block> p) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (p.test(blocks.get(i))) {
                return Optional.of(blocks.get(i));
            }
        }
        return Optional.empty();
    }
}
