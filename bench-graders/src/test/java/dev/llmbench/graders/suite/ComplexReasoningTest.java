package dev.llmbench.graders.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.suite.OrderingPuzzle.Clue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The puzzles are proven to have exactly one solution, and the graders expect that solution. */
class ComplexReasoningTest {

    static Stream<Arguments> puzzles() {
        return ComplexReasoning.PUZZLES.stream().map(p -> Arguments.of(Named.of(p.id(), p)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("puzzles")
    void exactlyOnePermutationSatisfiesTheClues(OrderingPuzzle puzzle) {
        assertThat(puzzle.solutions()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("puzzles")
    void everyClueIsNeeded(OrderingPuzzle puzzle) {
        for (int i = 0; i < puzzle.clues().size(); i++) {
            List<Clue> without = new ArrayList<>(puzzle.clues());
            Clue dropped = without.remove(i);
            assertThat(OrderingPuzzle.solve(puzzle.names(), without)).as("without \"%s\"", dropped.text())
                    .hasSizeGreaterThan(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("puzzles")
    void theGraderExpectsTheSolversSolutionAndAnswer(OrderingPuzzle puzzle) {
        BenchTest test = ComplexReasoning.create();
        TestCase c = test.cases().stream().filter(x -> x.id().equals(puzzle.id())).findFirst().orElseThrow();
        GraderConfig grader = c.graders().get(0);
        List<String> solution = OrderingPuzzle.solve(puzzle.names(), puzzle.clues()).get(0);
        assertThat(grader.strings("expected")).isEqualTo(solution);
        assertThat(grader.string("answer")).isEqualTo(solution.get(puzzle.asked() - 1));
        assertThat(c.request().lastUserText()).contains(puzzle.question())
                .contains(puzzle.clues().get(0).text());
    }

    @Test
    void theBenchPuzzleDoesNotRepeatTheSeedsAnswer() {
        OrderingPuzzle bench = ComplexReasoning.PUZZLES.get(0);
        // the seed expected "Dave" in position 4, which its own clues made impossible
        assertThat(bench.answer()).isNotEqualTo("Dave");
    }

    @Test
    void aClueAboutAnUnknownNameFailsLoudly() {
        List<Clue> clues = List.of(new Clue("Zoe is first.", p -> p.of("Zoe") == 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OrderingPuzzle.solve(List.of("A", "B"), clues))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Zoe");
    }
}
