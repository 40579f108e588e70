package dev.llmbench.graders.text;

import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.graders.internal.Params;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The grader created by {@link RegexGraderFactory}. Immutable and thread-safe. */
record RegexGrader(String name, Pattern pattern, TextTarget target, boolean mustMatch, boolean fullMatch)
        implements Grader {
    /** The time limit for matching one response, in milliseconds. */
    static final long TIME_LIMIT_MS = 1000;
    private static final int CLIP = 100;

    @Override
    public Grade grade(GradingInput input) {
        String want = (mustMatch ? "" : "no ") + (fullMatch ? "full match of /" : "match of /") + pattern.pattern()
                + "/" + ((pattern.flags() & Pattern.CASE_INSENSITIVE) != 0 ? "i" : "")
                + (target == TextTarget.TEXT ? "" : " in the " + target.id().replace('_', ' '));
        Optional<String> got = target.extract(input.text());
        if (got.isEmpty()) {
            return one(!mustMatch, want, target.absence());
        }
        String subject = fullMatch ? got.get().strip() : got.get();
        Matcher m = pattern.matcher(new TimedCharSequence(subject, System.nanoTime() + TIME_LIMIT_MS * 1_000_000));
        boolean found;
        try {
            found = fullMatch ? m.matches() : m.find();
        } catch (TimedCharSequence.TimeoutException e) {
            return one(false, want, "pattern timed out after " + TIME_LIMIT_MS + " ms on " + subject.length()
                    + " chars");
        }
        String actual = found
                ? "matched \"" + Params.clip(subject.substring(m.start(), m.end()), CLIP) + "\" at char " + m.start()
                : "no match in \"" + Params.clip(subject, CLIP) + "\"";
        return one(found == mustMatch, want, actual);
    }

    private Grade one(boolean passed, String want, String actual) {
        return Grade.allOf(List.of(Check.of(name, passed, want, actual)));
    }

    /** A char sequence that aborts matching once its deadline ({@link System#nanoTime()}) passes. */
    private static final class TimedCharSequence implements CharSequence {
        private final String s;
        private final long deadline;
        private int reads;

        TimedCharSequence(String s, long deadline) {
            this.s = s;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadline > 0) {
                throw new TimeoutException();
            }
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new TimedCharSequence(s.substring(start, end), deadline);
        }

        @Override
        public String toString() {
            return s;
        }

        /** Thrown when the deadline has passed. */
        static final class TimeoutException extends RuntimeException {
            private static final long serialVersionUID = 1L;

            TimeoutException() {
                super("regex time limit exceeded", null, false, false);
            }
        }
    }
}
