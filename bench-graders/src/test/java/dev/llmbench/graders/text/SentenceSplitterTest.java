package dev.llmbench.graders.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentenceSplitterTest {

    static Stream<Arguments> plainSentences() {
        return Stream.of(
                arguments("", 0),
                arguments("   \n\n  ", 0),
                arguments("One. Two. Three.", 3),
                arguments("No terminator at all", 1),
                arguments("Is it? Yes! Great.", 3),
                arguments("Really?! Yes.", 2),
                arguments("Ends with number 42. Next one.", 2),
                arguments("The cost is $3. Then tax.", 2),
                arguments("line one\nline two continues.", 1),
                arguments("First paragraph without a stop\n\nSecond paragraph", 2),
                arguments("He said \"Stop.\" Then he left.", 2),
                arguments("(This is an aside.) Then more.", 2),
                arguments("**Note.** Read this.", 2),
                arguments("中文句子。第二句。", 2));
    }

    @ParameterizedTest(name = "[{index}] {1} in \"{0}\"")
    @MethodSource("plainSentences")
    void countsPlainSentences(String text, int expected) {
        assertThat(SentenceSplitter.count(text)).isEqualTo(expected);
    }

    static Stream<Arguments> abbreviationsAndNumbers() {
        return Stream.of(
                arguments("Pi is about 3.14 today. Next.", 2),
                arguments("Uptime was 99.9% last year. It improved.", 2),
                arguments("Version 2.4.1 is out. Upgrade.", 2),
                arguments("Use fruit, e.g. apples, i.e. red ones. Done.", 2),
                arguments("Use fruit, e.g., apples. Done.", 2),
                arguments("Dr. Smith met Mr. Jones and Mrs. Lee. They talked.", 2),
                arguments("Prof. Ada wrote notes, cf. the appendix, vs. the draft. End.", 2),
                arguments("We ate apples, pears, etc. and left. Then we slept.", 2),
                arguments("We ate apples, pears, etc. Then we slept.", 2),
                arguments("The U.S. economy grew. It was fast.", 2),
                arguments("She moved to the U.S. Then she worked.", 2),
                arguments("The meeting is at 9 a.m. tomorrow. Be there.", 2),
                arguments("E.G. THIS IS CAPS. SECOND.", 2));
    }

    @ParameterizedTest(name = "[{index}] {1} in \"{0}\"")
    @MethodSource("abbreviationsAndNumbers")
    void doesNotBreakOnAbbreviationsOrDecimals(String text, int expected) {
        assertThat(SentenceSplitter.count(text)).isEqualTo(expected);
    }

    static Stream<Arguments> ellipsesListsAndCode() {
        return Stream.of(
                arguments("Wait... what happened? Nothing.", 2),
                arguments("He paused… and then spoke. Fine.", 2),
                arguments("He paused... Then he spoke.", 1),
                arguments("It trailed off...", 1),
                arguments("Steps:\n1. Mix the flour\n2. Add water\n3. Bake", 4),
                arguments("1. Mix the flour.\n2. Add water.", 2),
                arguments("- apples\n- pears\n* plums", 3),
                arguments("See https://example.com/a.b?x=1. Then go.", 2),
                arguments("Visit www.example.org/docs. Then read.", 2),
                arguments("Mail me at jane.doe@example.co.uk. Thanks.", 2),
                arguments("Call `obj.method()` first. Then `x. Y. z`.", 2),
                arguments("Intro sentence.\n```java\nint a = 1; a.b(); // Stop. Go.\n```\nAfter the code.", 2),
                arguments("Text.\n```\ncode. code. never closed.", 1),
                arguments("# Heading\nBody text here. More.", 2),
                arguments("## Explanation\n\nOne. Two.", 2),
                arguments("---\n\nText.", 1));
    }

    @ParameterizedTest(name = "[{index}] {1} in \"{0}\"")
    @MethodSource("ellipsesListsAndCode")
    void handlesEllipsesListsUrlsAndCode(String text, int expected) {
        assertThat(SentenceSplitter.count(text)).isEqualTo(expected);
    }

    @Test
    void returnsSentencesAsWrittenWithoutSurroundingWhitespace() {
        assertThat(SentenceSplitter.split("  Dr. Smith arrived at 3.30 p.m. on time.\n He sat down!  "))
                .containsExactly("Dr. Smith arrived at 3.30 p.m. on time.", "He sat down!");
    }

    @Test
    void leavesFencedCodeAndHeadingsOutOfTheSentences() {
        assertThat(SentenceSplitter.split("# Title\nFirst.\n```\nx = 1. y = 2.\n```\nSecond."))
                .containsExactly("First.", "Second.");
    }

    @Test
    void splitsAnOversizedResponseWithoutSpacesInLinearTime() {
        String blob = "a".repeat(1_000_000) + "@" + "b.".repeat(100_000) + " End.";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThat(SentenceSplitter.count(blob)).isEqualTo(2));
    }

    @Test
    void countsWhatTheSeedHarnessMiscounted() {
        // the seed split on every '.', so this was 7 "sentences"
        String text = "Binary search needs a sorted array, e.g. [1, 2, 3]. It halves the range each step."
                + " It runs in O(log n) time, about 99.9% faster on big inputs.";
        assertThat(SentenceSplitter.count(text)).isEqualTo(3);
    }
}
