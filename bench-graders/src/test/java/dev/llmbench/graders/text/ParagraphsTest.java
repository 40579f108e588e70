package dev.llmbench.graders.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParagraphsTest {
    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                                        | 0",
        "'   \\n\\n '                               | 0",
        "'One line.'                               | 1",
        "'Line one\\nline two'                     | 1",
        "'A\\n\\nB\\n\\nC'                          | 3",
        "'A\\r\\n\\r\\nB'                           | 2",
        "'A\\n```java\\nint x;\\n\\nint y;\\n```\\nB' | 2",
        "'A\\n~~~\\nunclosed\\n\\nfence'            | 1",
        "'A\\n\\n***\\n\\nB'                        | 2",
        "'- item\\n- item\\n\\nText'               | 2",
    })
    void countsBlankLineSeparatedPiecesOutsideCode(String text, int expected) {
        assertThat(Paragraphs.count(text.replace("\\n", "\n").replace("\\r", "\r"))).isEqualTo(expected);
    }

    @Test
    void stripsAndJoinsTheLinesOfAParagraph() {
        assertThat(Paragraphs.split("  First line  \nsecond\n\n\tThird  ")).containsExactly("First line\nsecond",
                "Third");
    }
}
