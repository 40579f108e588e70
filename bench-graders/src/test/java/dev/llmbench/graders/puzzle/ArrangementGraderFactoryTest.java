package dev.llmbench.graders.puzzle;

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

class ArrangementGraderFactoryTest {
    private static final ArrangementGraderFactory FACTORY = new ArrangementGraderFactory();
    private static final GraderConfig CONFIG = GraderConfig.of("arrangement")
            .list("names", "Alice", "Bob", "Carol", "Dave", "Eve")
            .list("expected", "Dave", "Alice", "Carol", "Bob", "Eve").param("answer", "Bob").build();
    private static final String RIGHT = "1: Dave\n2: Alice\n3: Carol\n4: Bob\n5: Eve\n";

    private static Grade grade(String text) {
        return GraderTesting.grade(FACTORY, CONFIG, text.replace("\\n", "\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // name | response | format ok | positions right | question ok
            "numbered lines       | '1: Dave\\n2: Alice\\n3: Carol\\n4: Bob\\n5: Eve\\nAnswer: Bob'                  | true  | 5 | true",
            "markdown and seats   | '- **Seat 1:** dave\\n- **Seat 2:** Alice\\n- **Seat 3:** Carol\\n- **Seat 4:** Bob\\n- **Seat 5:** Eve\\n**Answer:** Bob' | true | 5 | true",
            "order line           | 'Order: Dave, Alice, Carol, Bob, Eve\\nAnswer: Bob (seat 4)'                   | true  | 5 | true",
            "last run counts      | '1: Alice\\n2: Dave\\n\\nNo, that fails clue 2.\\n1: Dave\\n2: Alice\\n3: Carol\\n4: Bob\\n5: Eve\\nAnswer: Bob' | true | 5 | true",
            "two swapped          | '1: Dave\\n2: Alice\\n3: Carol\\n4: Eve\\n5: Bob\\nAnswer: Eve'                  | true  | 3 | false",
            "a name twice         | '1: Dave\\n2: Alice\\n3: Carol\\n4: Bob\\n5: Bob\\nAnswer: Bob'                  | false | 0 | true",
            "a position missing   | '1: Dave\\n2: Alice\\n3: Carol\\n4: Bob\\nAnswer: Bob'                           | false | 0 | true",
            "an unknown name      | '1: Dave\\n2: Alice\\n3: Carol\\n4: Bob\\n5: Frank\\nAnswer: Bob'                | false | 0 | true",
            "a position twice     | '1: Dave\\n1: Alice\\n3: Carol\\n4: Bob\\n5: Eve\\nAnswer: Bob'                  | false | 0 | true",
            "every name answered  | '1: Dave\\n2: Alice\\n3: Carol\\n4: Bob\\n5: Eve\\nAnswer: Bob or Eve'           | true  | 5 | false",
            "contradicting answer | '1: Dave\\n2: Alice\\n3: Carol\\n4: Bob\\n5: Eve\\nAnswer: Bob\\nAnswer: Dave'   | true  | 5 | false",
            "answer only          | 'Answer: Bob'                                                                  | false | 0 | true",
            "empty                | ''                                                                             | false | 0 | false",
    })
    void scoresTheShareOfPositionsAndTheQuestion(String name, String response, boolean format, int right,
            boolean question) {
        Grade g = grade(response);
        assertThat(g.checks()).extracting(Check::name).containsExactly("format", "position_1", "position_2",
                "position_3", "position_4", "position_5", "question");
        assertThat(g.checks().get(0).passed()).as("%s", g.checks().get(0)).isEqualTo(format);
        assertThat(g.checks().subList(1, 6).stream().filter(Check::passed).count()).isEqualTo(right);
        assertThat(g.checks().get(6).passed()).as("%s", g.checks().get(6)).isEqualTo(question);
    }

    @Test
    void scoreIsTheWeightedShare() {
        assertThat(grade(RIGHT + "Answer: Bob").score()).isEqualTo(1.0);
        // format 1 + 3 positions, of 1 + 5 + 2
        assertThat(grade("1: Dave\n2: Alice\n3: Carol\n4: Eve\n5: Bob\nAnswer: Eve").score()).isEqualTo(4.0 / 8);
    }

    @Test
    void explainsWhatIsWrongWithAnArrangement() {
        Check format = grade("1: Dave\n2: Dave\n3: Carol\n5: Frank\nAnswer: Bob").checks().get(0);
        assertThat(format.actual()).isEqualTo("Dave twice; position 4 missing; 'Frank' is not one of the names");
    }

    @Test
    void explanationLinesAfterTheArrangementDoNotReplaceIt() {
        String text = RIGHT + "\nChecks:\n1. Carol is in seat 3.\n2. Alice is not at an end.\nAnswer: Bob";
        assertThat(grade(text).score()).isEqualTo(1.0);
    }

    @Test
    void rejectsInconsistentParameters() {
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("arrangement").list("names", "A", "B")
                .list("expected", "A", "C").build())).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("permutation");
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("arrangement").list("names", "A", "a")
                .list("expected", "A", "a").build())).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("arrangement").list("names", "Mary Ann", "B")
                .list("expected", "B", "Mary Ann").build())).isInstanceOf(BenchConfigurationException.class)
                .hasMessageContaining("one word");
        assertThatThrownBy(() -> FACTORY.create(GraderConfig.of("arrangement").list("names", "A", "B")
                .list("expected", "A", "B").param("answer", "C").build()))
                .isInstanceOf(BenchConfigurationException.class).hasMessageContaining("'answer' must be one of");
    }
}
