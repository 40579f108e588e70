package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.puzzle.ArrangementGraderFactory;
import dev.llmbench.graders.suite.OrderingPuzzle.Clue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code complex_reasoning} (category {@code cognitive}): seating and ordering puzzles with a
 * unique solution.
 *
 * <p>The seed's puzzle had four valid arrangements and an impossible expected answer ("Dave" in
 * position 4). Here every clue is a Java predicate ({@link OrderingPuzzle}); the expected
 * arrangement is the solver's, computed by enumerating all permutations, and a unit test asserts
 * that exactly one permutation satisfies the clues and that every clue is needed. Cases:
 * {@code bench} (5 friends on a bench, asks seat 4), {@code queue} (6 people arriving, asks who
 * arrived third), {@code race} (5 runners, asks who finished fourth).
 *
 * <h2>Grading</h2>
 * One {@code arrangement} grader per case: {@code format} (1), {@code position_1} … {@code
 * position_n} (1 each) and {@code question} (2), so the score shows how much of the arrangement is
 * right. <b>Pass threshold: {@value #PASS_THRESHOLD}</b>: the puzzle has one solution, and an
 * arrangement with any position wrong breaks a clue (two positions at least, since it is a
 * permutation), so a case passes only when the whole arrangement and the answer are right.
 * Listing every candidate, repeating a name, giving only the answer, or following the right
 * arrangement with a different one all fail.
 *
 * <p>Sampling is left at the provider's defaults. Holds only constants; {@link #create()} returns an
 * immutable, thread-safe test.
 *
 * @since 0.1
 */
public final class ComplexReasoning {
    /** The test id. */
    public static final String ID = "complex_reasoning";
    /** The pass threshold, in [0, 1]. */
    public static final double PASS_THRESHOLD = 1.0;

    private static final String SYSTEM = "Solve the puzzle carefully and follow the requested output format exactly.";

    /** The puzzles, package-private for the uniqueness tests. */
    static final List<OrderingPuzzle> PUZZLES = List.of(
            new OrderingPuzzle("bench",
                    "Five friends, Alice, Bob, Carol, Dave and Eve, sit side by side on a bench. The seats are"
                            + " numbered 1 to 5 from left to right, one friend per seat.",
                    List.of("Alice", "Bob", "Carol", "Dave", "Eve"),
                    List.of(new Clue("Carol sits in seat 3, the middle seat.", p -> p.of("Carol") == 3),
                            new Clue("Alice does not sit at either end of the bench.",
                                    p -> p.of("Alice") != 1 && p.of("Alice") != 5),
                            new Clue("Dave sits somewhere to the left of Eve.", p -> p.of("Dave") < p.of("Eve")),
                            new Clue("Bob sits next to Carol.", p -> Math.abs(p.of("Bob") - p.of("Carol")) == 1),
                            new Clue("Alice does not sit next to Eve.",
                                    p -> Math.abs(p.of("Alice") - p.of("Eve")) != 1)),
                    "Who sits in seat 4?", 4, "seat"),
            new OrderingPuzzle("queue",
                    "Six people, Farid, Grace, Hana, Ivan, Jonas and Kemal, arrived one after another at a bakery"
                            + " before it opened. Position 1 is the first to arrive and position 6 the last; no two"
                            + " arrived at the same time.",
                    List.of("Farid", "Grace", "Hana", "Ivan", "Jonas", "Kemal"),
                    List.of(new Clue("Grace arrived immediately after Ivan.", p -> p.of("Grace") == p.of("Ivan") + 1),
                            new Clue("Kemal arrived either first or last.",
                                    p -> p.of("Kemal") == 1 || p.of("Kemal") == 6),
                            new Clue("Exactly two people arrived between Jonas and Farid.",
                                    p -> Math.abs(p.of("Jonas") - p.of("Farid")) == 3),
                            new Clue("Ivan was not among the first three to arrive.", p -> p.of("Ivan") > 3),
                            new Clue("Jonas arrived before Grace.", p -> p.of("Jonas") < p.of("Grace"))),
                    "Who arrived third?", 3, "position"),
            new OrderingPuzzle("race",
                    "Five runners, Lena, Marco, Nadia, Oskar and Priya, finished a race. Places are numbered 1"
                            + " (the winner) to 5 (the last to finish); there were no ties.",
                    List.of("Lena", "Marco", "Nadia", "Oskar", "Priya"),
                    List.of(new Clue("Nadia finished ahead of Oskar.", p -> p.of("Nadia") < p.of("Oskar")),
                            new Clue("Exactly one runner finished between Lena and Priya.",
                                    p -> Math.abs(p.of("Lena") - p.of("Priya")) == 2),
                            new Clue("Oskar finished ahead of Priya.", p -> p.of("Oskar") < p.of("Priya")),
                            new Clue("Lena finished behind Marco.", p -> p.of("Lena") > p.of("Marco")),
                            new Clue("Priya did not finish last.", p -> p.of("Priya") != 5)),
                    "Who finished fourth?", 4, "place"));

    private static final List<TestCase> CASES = PUZZLES.stream().map(ComplexReasoning::toCase).toList();

    private ComplexReasoning() {}

    /**
     * Creates the test; does no I/O. The result is immutable and thread-safe.
     *
     * @throws IllegalStateException never in a released build: when a puzzle does not have exactly
     *         one solution (a unit test guards this)
     */
    public static BenchTest create() {
        return new DefaultBenchTest(ID, "cognitive",
                "seating/ordering puzzles with a solver-proven unique solution; full arrangement and the asked"
                        + " position graded",
                PASS_THRESHOLD, CASES);
    }

    private static TestCase toCase(OrderingPuzzle puzzle) {
        List<String> solution = puzzle.solution();
        String answer = puzzle.answer();
        GraderConfig grader = GraderConfig.of(ArrangementGraderFactory.ID)
                .list("names", puzzle.names().toArray(String[]::new))
                .list("expected", solution.toArray(String[]::new))
                .param("answer", answer)
                .build();
        ChatRequest request = ChatRequest.builder().system(SYSTEM).user(puzzle.prompt()).build();
        return new TestCase(puzzle.id(), request, List.of(grader), calibration(puzzle, solution, answer, request));
    }

    /** References and bad responses, all derived from the solver's solution. */
    private static Calibration calibration(OrderingPuzzle puzzle, List<String> solution, String answer,
            ChatRequest request) {
        int asked = puzzle.asked() - 1;
        int neighbour = asked == solution.size() - 1 ? asked - 1 : asked + 1;
        List<String> swapped = swap(solution, asked, neighbour);
        List<String> duplicated = new ArrayList<>(solution);
        duplicated.set(neighbour, answer);
        String checked = "I placed everyone step by step and then checked each clue against the result; all "
                + puzzle.clues().size() + " hold.\n\n";
        String reference = checked + OrderingPuzzle.lines(solution) + "\nAnswer: " + answer;
        String orderForm = "**Order:** " + String.join(", ", solution) + "\n\n**Answer:** " + answer;
        return new Calibration(List.of(reference, orderForm), List.of(
                // two neighbours swapped: the answer follows the wrong arrangement
                checked + OrderingPuzzle.lines(swapped) + "\nAnswer: " + swapped.get(asked),
                // the right answer, but no arrangement
                "After working through the clues, the answer is clear.\nAnswer: " + answer,
                // the right arrangement, then every name as the answer
                OrderingPuzzle.lines(solution) + "\nAnswer: " + String.join(", ", puzzle.names()),
                // the right arrangement followed by a contradicting one
                OrderingPuzzle.lines(solution) + "\nWait, that breaks a clue. Corrected:\n"
                        + OrderingPuzzle.lines(swapped) + "\nAnswer: " + answer,
                // a name twice, one missing
                OrderingPuzzle.lines(duplicated) + "\nAnswer: " + answer,
                // the prompt echoed back
                request.lastUserText(),
                ""));
    }

    private static List<String> swap(List<String> list, int i, int j) {
        List<String> copy = new ArrayList<>(list);
        Collections.swap(copy, i, j);
        return List.copyOf(copy);
    }
}
