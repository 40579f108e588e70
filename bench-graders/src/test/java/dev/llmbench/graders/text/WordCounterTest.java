package dev.llmbench.graders.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordCounterTest {

    @ParameterizedTest(name = "[{index}] {1} words in \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "''                                   | 0",
        "'Hello, world!'                      | 2",
        "'don''t stop'                        | 2",
        "'a well-known fact'                  | 3",
        "'3.14 and 1,234'                     | 3",
        "'**bold** _it_ `code`'               | 3",
        "'— … !!!'                            | 0",
        "'Version 2.5 of `deployctl` ships.'  | 5",
    })
    void countsWords(String text, int expected) {
        assertThat(WordCounter.count(text)).isEqualTo(expected);
        assertThat(WordCounter.words(text)).hasSize(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{1}\" {2}× in \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "'Serverless is SERVERLESS-based.'      | serverless | 2",
        "'Serverlessly, no.'                    | serverless | 0",
        "'A scalable, Scalable system.'         | scalable   | 2",
        "'In the future, the Future waits.'     | the future | 2",
        "'nothing here'                         | beacon     | 0",
    })
    void findsWholeWordsIgnoringCase(String text, String word, int expected) {
        assertThat(WordCounter.occurrences(text, word)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" ends with \"{1}\": {2}")
    @CsvSource(delimiter = '|', value = {
        "'IT IS OUR FUTURE.'        | future     | true",
        "'It is our **future**!\n'  | future     | true",
        "'the future of tech'       | future     | false",
        "'in the future.'           | the future | true",
        "''                         | future     | false",
    })
    void checksTheLastWordsIgnoringPunctuation(String text, String phrase, boolean expected) {
        assertThat(WordCounter.endsWith(text.replace("\\n", "\n"), phrase)).isEqualTo(expected);
    }

    @Test
    void countsAnOversizedTokenWithoutOverflowingTheStack() {
        assertThat(WordCounter.count("a.".repeat(500_000) + " end")).isEqualTo(2);
    }

    @Test
    void rejectsAWordWithoutLettersOrDigits() {
        assertThatThrownBy(() -> WordCounter.occurrences("text", "--"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letter or digit");
    }
}
