package dev.llmbench.graders.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerLineTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "'Answer: 36'                     | 36",
        "'answer:36'                      | 36",
        "'**Answer:** 36'                 | 36",
        "'**Answer: 36**'                 | 36",
        "'### Final Answer: 36'           | 36",
        "'> ANSWER: $36'                  | $36",
        "'Work.\\nAnswer:\\n\\n  36\\n'     | 36",
        "'Answer: 30\\nNo wait.\\nAnswer: 27' | 27",
    })
    void findsTheLastAnswerLineAndItsValue(String text, String value) {
        assertThat(AnswerLine.findLast(text.replace("\\n", "\n"))).get().extracting(AnswerLine::value).isEqualTo(value);
    }

    @ParameterizedTest(name = "[{index}] no answer line in \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "'The answer is 36.'",
        "'My answer: 36'",
        "'Answers: 36'",
        "''",
    })
    void ignoresAnswersThatAreNotOnAnAnswerLine(String text) {
        assertThat(AnswerLine.findLast(text)).isEmpty();
    }

    @Test
    void givesTheTextBeforeTheAnswerLine() {
        assertThat(AnswerLine.textBefore("One. Two.\nAnswer: 3")).isEqualTo("One. Two.\n");
        assertThat(AnswerLine.textBefore("One. Two.")).isEqualTo("One. Two.");
    }
}
