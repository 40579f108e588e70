package dev.llmbench.graders.text;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.graders.internal.Params;
import java.util.List;

/**
 * The grader created by {@link SentenceCountGraderFactory}: {@code min <= count <= max}.
 * Immutable and thread-safe.
 */
record SentenceCountGrader(int min, int max, boolean beforeAnswer) implements Grader {

    @Override
    public Grade grade(GradingInput input) {
        String text = input.text();
        String note = "";
        if (beforeAnswer) {
            if (AnswerLine.findLast(text).isPresent()) {
                text = AnswerLine.textBefore(text);
            } else {
                note = " (no 'Answer:' line: counted the whole text)";
            }
        }
        List<String> sentences = SentenceSplitter.split(text);
        int n = sentences.size();
        String actual = n + (n == 1 ? " sentence" : " sentences") + note + listing(sentences);
        return Grade.allOf(List.of(new Check("sentence_count", n >= min && n <= max, 1, expected(), actual)));
    }

    private String expected() {
        return new CountRange(min, max).describe("sentences") + (beforeAnswer ? " before the 'Answer:' line" : "");
    }

    /** The sentences as {@code ": [one] [two]"}, clipped for a check's {@code actual}; empty for none. */
    static String listing(List<String> sentences) {
        if (sentences.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(":");
        for (String s : sentences) {
            b.append(" [").append(Params.clip(s, 40)).append(']');
        }
        return Params.clip(b.toString(), 240);
    }
}
