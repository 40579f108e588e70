package dev.llmbench.graders.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.GraderTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountsGraderFactoryTest {
    private static final CountsGraderFactory FACTORY = new CountsGraderFactory();

    private static Check single(GraderConfig config, String text) {
        Grade g = GraderTesting.grade(FACTORY, config, text.replace("\\n", "\n"));
        assertThat(g.checks()).hasSize(1);
        return g.checks().get(0);
    }

    @ParameterizedTest(name = "[{index}] {0}={1} on \"{2}\" -> {3}")
    @CsvSource(delimiter = '|', value = {
        "words          | 3  | 'one two three'                                 | true",
        "words          | 3  | 'one, two-three four'                           | true",
        "min_words      | 4  | 'one two three'                                 | false",
        "max_words      | 2  | 'one two three'                                 | false",
        "sentences      | 2  | 'It costs 3.5 dollars, e.g. here. See `a.b()`.' | true",
        "sentences      | 2  | 'One. Two. Three.'                              | false",
        "min_sentences  | 1  | ''                                              | false",
        "paragraphs     | 2  | 'One.\\n\\nTwo.'                                | true",
        "paragraphs     | 2  | 'One.\\nStill one.\\n\\n\\n  \\nTwo.'          | true",
        "paragraphs     | 2  | 'One.\\n```\\ncode\\n\\nmore\\n```\\nTwo.'      | true",
        "paragraphs     | 1  | 'One.\\n\\n---\\n\\n'                           | true",
        "max_paragraphs | 1  | 'One.\\n\\nTwo.'                                | false",
    })
    void checksEachRange(String key, int value, String text, boolean passed) {
        Check c = single(GraderConfig.of("counts").param(key, value).build(), text);
        assertThat(c.name()).isEqualTo(key.replaceFirst("^(min_|max_)", "").replaceFirst("s$", "") + "_count");
        assertThat(c.passed()).as("%s", c).isEqualTo(passed);
    }

    @Test
    void ignoresMatchingLinesBeforeCounting() {
        GraderConfig config = GraderConfig.of("counts").param("sentences", 2).param("paragraphs", 2)
                .param("words", 4).param("ignore_lines", "^Title:").build();
        Grade g = GraderTesting.grade(FACTORY, config, "Title: A long title here\nOne two.\n\nThree four.");
        assertThat(g.checks()).extracting(Check::name).containsExactly("word_count", "sentence_count",
                "paragraph_count");
        assertThat(g.checks()).allSatisfy(c -> assertThat(c.passed()).as("%s", c).isTrue());
        assertThat(g.checks().get(0).expected()).isEqualTo("exactly 4 words (without lines matching /^Title:/)");
        assertThat(g.checks().get(1).actual()).isEqualTo("2 sentences: [One two.] [Three four.]");
    }

    @Test
    void describesRanges() {
        GraderConfig config = GraderConfig.of("counts").param("min_words", 180).param("max_words", 220).build();
        Check c = single(config, "too short");
        assertThat(c.expected()).isEqualTo("180–220 words");
        assertThat(c.actual()).isEqualTo("2 words");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "'words=3, min_words=1'        | cannot be combined",
        "'min_words=5, max_words=4'    | must not exceed",
        "'sentences=-1'                | must be non-negative",
        "'ignore_lines=(, words=1'     | invalid regular expression",
        "'target=body, words=1'        | must be answer, last_line or text",
        "'lines=3'                     | unknown parameter 'lines'",
        "'ignore_lines=x'              | needs a range",
    })
    void rejectsBadParametersWithOneLine(String params, String message) {
        GraderConfig.Builder b = GraderConfig.of("counts");
        for (String p : params.split(", ")) {
            String[] kv = p.split("=", 2);
            b.param(kv[0], kv[1]);
        }
        GraderConfig config = b.build();
        assertThatThrownBy(() -> FACTORY.create(config)).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
