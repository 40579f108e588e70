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

class WordsGraderFactoryTest {
    private static final WordsGraderFactory FACTORY = new WordsGraderFactory();

    private static Grade grade(GraderConfig config, String text) {
        return GraderTesting.grade(FACTORY, config, text);
    }

    @ParameterizedTest(name = "[{index}] required {0} (max {1}) in \"{2}\" -> {3}")
    @CsvSource(delimiter = ';', value = {
        "quota          ; 3 ; 'Each customer gets a Quota.'              ; true",
        "quota          ; 3 ; 'Quotas are per customer.'                 ; false",
        "quota          ; 3 ; 'quota quota quota'                        ; true",
        "quota          ; 3 ; 'quota, quota, QUOTA and quota'            ; false",
        "middle|mid     ; 2 ; 'Take the middle: mid = (lo + hi) / 2'     ; true",
        "middle|mid     ; 2 ; 'middle, mid, middle'                      ; false",
        "USB-C          ; 3 ; 'Charge it over usb-c.'                    ; true",
        "Kestrel K2     ; 3 ; 'The Kestrel  K2 is here'                  ; false",
        "429            ; 3 ; 'It returns HTTP 429.'                     ; true",
        "429            ; 3 ; 'It returns 429s.'                         ; false",
    })
    void countsEachRequiredEntryAsOneCheck(String entry, int max, String text, boolean passed) {
        GraderConfig config = GraderConfig.of("words").param("required", entry).param("max_occurrences", max).build();
        Grade g = grade(config, text);
        assertThat(g.checks()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("required:" + entry);
            assertThat(c.passed()).as("%s", c).isEqualTo(passed);
        });
    }

    @Test
    void givesOneCheckPerRequiredWordAndOneForTheForbiddenOnes() {
        GraderConfig config = GraderConfig.of("words").list("required", "quota", "burst")
                .list("forbidden", "robust", "leverage").param("max_occurrences", 2).build();
        Grade g = grade(config, "A robust quota, quota, quota. No bursts.");
        assertThat(g.checks()).extracting(Check::name)
                .containsExactly("required:quota", "required:burst", "forbidden_words");
        assertThat(g.checks()).extracting(Check::passed).containsExactly(false, false, false);
        assertThat(g.checks()).extracting(Check::actual)
                .containsExactly("'quota' 3 times (stuffed: 3 times in all)", "not found", "found 'robust' 1 time");
        assertThat(g.checks()).extracting(Check::expected)
                .containsExactly("'quota' 1–2 times", "'burst' 1–2 times", "none of [robust, leverage]");
        assertThat(g.score()).isZero();
    }

    @Test
    void readsOnlyTheTargetWhenAsked() {
        GraderConfig config = GraderConfig.of("words").param("required", "Paris").param("target", "answer")
                .param("forbidden", "Lyon").build();
        Grade g = grade(config, "Not Lyon, Paris.\nAnswer: Paris");
        assertThat(g.passed()).isTrue();
        Grade none = grade(config, "Paris");
        assertThat(none.checks()).extracting(Check::passed).containsExactly(false, true);
        assertThat(none.checks().get(0).actual()).isEqualTo("no 'Answer:' line");
    }

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @CsvSource(delimiter = '|', value = {
        "required        | '--'       | without letters or digits",
        "required        | 'a||b'     | without letters or digits",
        "forbidden       | '!'        | without letters or digits",
        "max_occurrences | 0          | must be at least 1",
        "target          | all        | must be answer, last_line or text",
        "banned          | x          | unknown parameter 'banned'",
    })
    void rejectsBadParametersWithOneLine(String key, String value, String message) {
        GraderConfig.Builder b = GraderConfig.of("words");
        if (!key.equals("required")) {
            b.param("required", "x");
        }
        GraderConfig config = b.param(key, value).build();
        assertThatThrownBy(() -> FACTORY.create(config)).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining(message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void needsRequiredOrForbiddenWords() {
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("words").param("max_occurrences", 2).build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("'required' and/or 'forbidden'");
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("words").param("forbidden", "x")
                .param("max_occurrences", 2).build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("there are none");
    }
}
