package dev.llmbench.graders.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.graders.suite.LongContextRag.Spec;
import dev.llmbench.graders.suite.RagDocument.Needle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated documents: deterministic, sized, with each fact once at its depth and the missing one absent. */
class LongContextRagTest {
    /** Words that identify each needle's subject; none may occur in the filler. */
    private static final List<List<String>> SUBJECTS = List.of(
            List.of("east reading room", "Meridian", "flood barrier", "KV-4817", "Marwood"),
            List.of("night ferry", "Skarvik", "lighthouse keeper", "Lindqvist", "emergency exit", "teal"));
    /** Words of the unanswerable questions; they must not occur at all. */
    private static final List<String> ABSENT = List.of("librarian", "roof");

    static Stream<Arguments> specs() {
        return Stream.of(0, 1).map(i -> Arguments.of(Named.of(LongContextRag.SPECS.get(i).id(), i)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void theSameSeedGivesTheSameDocument(int i) {
        Spec spec = LongContextRag.SPECS.get(i);
        assertThat(LongContextRag.document(spec, 20_000)).isEqualTo(LongContextRag.document(spec, 20_000));
        assertThat(LongContextRag.document(spec, 20_000)).isNotEqualTo(
                LongContextRag.document(LongContextRag.SPECS.get(1 - i), 20_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void eachNeedleOccursOnceAtItsDepthAndNowhereElse(int i) {
        Spec spec = LongContextRag.SPECS.get(i);
        for (int size : new int[] {LongContextRag.DEFAULT_CHARS, LongContextRag.LONG_CHARS}) {
            String doc = LongContextRag.document(spec, size);
            for (Needle needle : spec.needles()) {
                int at = doc.indexOf(needle.sentence());
                assertThat(at).as(needle.sentence()).isNotNegative();
                assertThat(doc.indexOf(needle.sentence(), at + 1)).isEqualTo(-1);
                assertThat((double) at / doc.length()).as("depth of %s", needle.sentence())
                        .isCloseTo(needle.depth(), within(0.03));
            }
            String filler = doc;
            for (Needle needle : spec.needles()) {
                filler = filler.replace(needle.sentence(), "");
            }
            String lower = filler.toLowerCase(Locale.ROOT);
            for (List<String> subjects : SUBJECTS) {
                for (String s : subjects) {
                    assertThat(lower).as("filler of %s at %d chars", spec.id(), size)
                            .doesNotContain(s.toLowerCase(Locale.ROOT));
                }
            }
            for (String s : ABSENT) {
                assertThat(doc.toLowerCase(Locale.ROOT)).doesNotContain(s);
            }
        }
    }

    @Test
    void theDocumentsHaveTheDocumentedSize() {
        for (Spec spec : LongContextRag.SPECS) {
            assertThat(LongContextRag.document(spec, LongContextRag.DEFAULT_CHARS).length())
                    .isBetween(32_000, 33_500);
            assertThat(LongContextRag.document(spec, LongContextRag.LONG_CHARS).length())
                    .isBetween(128_000, 129_500);
        }
    }

    @Test
    void theFillerHasDistractorsOfTheSameShape() {
        String doc = LongContextRag.document(LongContextRag.SPECS.get(0), LongContextRag.DEFAULT_CHARS);
        assertThat(doc).contains("The access code for the ").contains("The restoration of the ");
        assertThat(doc.split("The access code for the ", -1).length).isGreaterThan(3);
    }

    @Test
    void theLongVariantHasItsOwnIdAndTheStandardOneIsDefault() {
        BenchTest standard = LongContextRag.create();
        BenchTest longer = LongContextRag.create(LongContextRag.LONG_CHARS);
        assertThat(standard.id()).isEqualTo("long_context_rag");
        assertThat(longer.id()).isEqualTo("long_context_rag_long");
        assertThat(longer.cases().get(0).request().lastUserText().length())
                .isGreaterThan(3 * standard.cases().get(0).request().lastUserText().length());
    }
}
