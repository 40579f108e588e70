package dev.llmbench.graders.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.TestCase;
import org.junit.jupiter.api.Test;

class ContentGenerationTest {
    private static final BenchTest TEST = ContentGeneration.create();

    @Test
    void checksEveryConstraintTheSeedOnlyStated() {
        TestCase article = TEST.cases().get(0);
        Grade g = SuiteTesting.grade(TEST, article, article.calibration().reference().orElseThrow());
        assertThat(g.checks()).extracting(Check::name).containsExactly("title_line", "title_case", "word_count",
                "paragraph_count", "required:quota", "required:burst", "required:429", "forbidden_words");
        assertThat(g.checks().get(2).actual()).matches("\\d+ words").satisfies(a -> {
            int words = Integer.parseInt(a.split(" ")[0]);
            assertThat(words).isBetween(180, 220);
        });
    }

    @Test
    void echoingThePromptFailsEveryCase() {
        for (TestCase c : TEST.cases()) {
            assertThat(SuiteTesting.gradeEcho(TEST, c).passed()).as(c.id()).isFalse();
        }
    }
}
