package dev.llmbench.graders.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Phrases}, {@link Numbers} and {@link Sections}. */
class TextToolsTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "'**Peter  Chapman**, CEO.'   | 'peter chapman ceo'",
            "'99.9% on the 14th.'         | '99.9 percent on the 14'",
            "'$1,000,000 (1,23)'          | '1000000 1 23'",
            "'KV-4817'                    | 'kv 4817'",
            "'Ｆｕｌｌ width'              | 'full width'",
    })
    void normalisesPhrases(String in, String out) {
        assertThat(Phrases.normalize(in)).isEqualTo(out);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'Up 12% to $1,000.50 in 2025.'       | '12,1000.5,2025'",
            "'three of the twelve, one G7 MP3'   | '3,12'",
            "'-4 and 007 and 1.50'                | '4,7,1.5'",
            "'no numbers'                         | ''",
    })
    void findsCanonicalNumbers(String text, String expected) {
        assertThat(String.join(",", Numbers.in(text))).isEqualTo(expected);
    }

    @Test
    void readsLabelledLinesAndWhatFollowsALabel() {
        String text = "Reasoning first.\nSummary: old\n**Summary:**\n\nThe new one.\nQuestions:\n- a?\n\n- b?\n";
        assertThat(Sections.line(text, "summary")).contains("The new one.");
        assertThat(Sections.line(text, "premise")).isEmpty();
        assertThat(Sections.after(text, "Questions")).contains(List.of("- a?", "- b?"));
        assertThat(Sections.line("1. 2.5 million\n10: x", "1")).isEqualTo(Optional.of("2.5 million"));
        assertThat(Sections.line("1.5 million", "1")).isEmpty();
    }
}
