package dev.llmbench.graders.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.text.WordCounter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AlgorithmExplanationTest {
    private static final BenchTest TEST = AlgorithmExplanation.create();

    @Test
    void thePromptsNameNoneOfTheRequiredConcepts() {
        for (TestCase c : TEST.cases()) {
            GraderConfig words = c.graders().stream().filter(g -> g.graderId().equals("words")).findFirst()
                    .orElseThrow();
            String prompt = c.request().lastUserText();
            words.strings("required").stream().flatMap(e -> Arrays.stream(e.split("\\|")))
                    .forEach(w -> assertThat(WordCounter.occurrences(prompt, w)).as("%s in %s", w, c.id()).isZero());
        }
    }

    @Test
    void decimalsAbbreviationsAndInlineCodeDoNotBreakTheSentenceCount() {
        TestCase binarySearch = TEST.cases().get(0);
        String reference = binarySearch.calibration().reference().orElseThrow();
        assertThat(reference).contains("e.g.", "1.5", "`mid = lo + (hi - lo) / 2`");
        Grade g = SuiteTesting.grade(TEST, binarySearch, reference);
        assertThat(g.checks()).filteredOn(c -> c.name().equals("sentence_count")).singleElement()
                .satisfies(c -> assertThat(c.actual()).startsWith("3 sentences"));
    }

    @Test
    void aContradictingLaterComplexityLineFails() {
        TestCase binarySearch = TEST.cases().get(0);
        String reference = binarySearch.calibration().reference().orElseThrow();
        Grade g = SuiteTesting.grade(TEST, binarySearch, reference + "\nComplexity: O(n)");
        assertThat(g.passed()).isFalse();
        assertThat(g.checks()).filteredOn(c -> c.name().equals("complexity")).extracting(Check::passed)
                .containsExactly(false);
    }

    @Test
    void oneMissingConceptStillPassesButTwoDoNot() {
        TestCase binarySearch = TEST.cases().get(0);
        String reference = binarySearch.calibration().reference().orElseThrow();
        String noSorted = reference.replace("a sorted array", "an ordered array");
        assertThat(SuiteTesting.grade(TEST, binarySearch, noSorted).passed()).isTrue();
        String noSortedNoMiddle = noSorted.replace("middle element", "central element").replace("`mid = ", "`m = ");
        assertThat(SuiteTesting.grade(TEST, binarySearch, noSortedNoMiddle).passed()).isFalse();
    }

    @Test
    void echoingThePromptFailsEveryCase() {
        for (TestCase c : TEST.cases()) {
            Grade g = SuiteTesting.gradeEcho(TEST, c);
            assertThat(g.passed()).as(c.id()).isFalse();
            assertThat(g.score()).as(c.id()).isLessThan(0.2);
        }
    }
}
