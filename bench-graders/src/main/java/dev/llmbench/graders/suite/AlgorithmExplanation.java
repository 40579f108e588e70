package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.text.CountsGraderFactory;
import dev.llmbench.graders.text.ExactMatchGraderFactory;
import dev.llmbench.graders.text.WordsGraderFactory;
import java.util.List;

/**
 * {@code algorithm_explanation} (category {@code cognitive}): explain an algorithm in exactly N
 * sentences, naming its precondition, its step and its complexity.
 *
 * <p>Cases: {@code binary_search} (3 sentences, the seed's task), {@code dijkstra} (4) and
 * {@code merge_sort} (3). Each prompt asks for plain prose and then a final line
 * {@code Complexity: O(...)}. The seed split on every full stop and counted the complexity line as
 * a sentence, so "e.g.", "1.5" or an honest complexity line broke the count; its logic and
 * complexity criteria scored a flat 0.5.
 *
 * <h2>Grading</h2>
 * <ul>
 *   <li>{@code counts} (weight 0.3): {@code sentence_count} exactly N, by the robust splitter
 *       (abbreviations, decimals and inline code do not end a sentence), without the
 *       {@code Complexity:} line.
 *   <li>{@code words} (weight 0.4): one {@code required:…} check per concept (precondition, the
 *       step, the mechanism), each given as alternatives, each at most a few times so that stuffing
 *       fails. The prompt names none of these words, so echoing it earns nothing.
 *   <li>{@code exact} (weight 0.3): the check {@code complexity}, the <em>last</em> line compared
 *       with the accepted forms after normalisation ({@code O(log n)}, {@code O(log(n))} and
 *       {@code O(lg n)} are equal; "O(log n) or O(n)", or a later contradicting line, are not).
 * </ul>
 * <b>Pass threshold: {@value #PASS_THRESHOLD}</b>: a case passes only with the exact complexity line
 * and the exact sentence count (either one missing caps the score at 0.7), and with at most one of
 * the three concepts missing (0.87; two missing give 0.73). Mentioning a concept is checked, its
 * correctness in context is not: "need not be sorted" satisfies the {@code sorted} check.
 *
 * <p>Holds only constants; {@link #create()} returns an immutable, thread-safe test.
 *
 * @since 0.1
 */
public final class AlgorithmExplanation {
    /** The test id. */
    public static final String ID = "algorithm_explanation";
    /** The pass threshold, in [0, 1]. */
    public static final double PASS_THRESHOLD = 0.8;

    private static final String SYSTEM = "You are a computer science teacher. Follow the requested format exactly.";
    private static final String COMPLEXITY_LINE = "(?i)^\\W*complexity\\s*:";

    private static final String BINARY_SEARCH = "Binary search finds a target value in a sorted array, e.g. a list"
            + " of 1.5 million customer IDs, by keeping track of the range `[lo, hi]` that could still contain it."
            + " At each step it compares the target with the middle element at index `mid = lo + (hi - lo) / 2` and"
            + " discards the half of the range that cannot hold the target. Because the range halves every time, even"
            + " a million elements need only about 20 comparisons.";
    private static final String DIJKSTRA = "Dijkstra's algorithm finds the shortest paths from one source vertex in"
            + " a graph whose edge weights are all non-negative. It keeps a tentative distance for every vertex,"
            + " starting at 0 for the source and infinity elsewhere, and stores the vertices in a priority queue"
            + " ordered by that distance. Each step removes the closest unfinished vertex and relaxes its outgoing"
            + " edges, i.e. it lowers a neighbour's distance whenever the path through the removed vertex is shorter."
            + " Once a vertex leaves the queue its distance is final, which is exactly why a negative edge would break"
            + " the algorithm.";
    private static final String MERGE_SORT = "Merge sort splits the input list into two halves, sorts each part"
            + " recursively, and stops when a piece has at most one element. It then merges the two sorted halves by"
            + " repeatedly taking the smaller front element, e.g. comparing 2.5 with 3 and taking 2.5 first. Because"
            + " the list is halved about log n times and each level of merging touches all n elements once, the total"
            + " work is the same for every input order.";

    private static final List<TestCase> CASES = List.of(
            explain("binary_search", "binary search", 3, "what the input must satisfy, what each step does, and why it"
                            + " is fast", "the worst-case time complexity",
                    List.of("sorted", "middle|midpoint|mid", "half|halves|halved|halving"),
                    List.of("O(log n)", "O(lg n)", "O(log2 n)", "O(logn)"),
                    new Calibration(List.of(BINARY_SEARCH + "\nComplexity: O(log n)",
                            BINARY_SEARCH + "\n\n**Complexity:** O(log(n))"), List.of(
                            // the seed's failure mode: the complexity as a fourth sentence of prose
                            BINARY_SEARCH + " Its time complexity is therefore logarithmic.\nComplexity: O(log n)",
                            // right prose, wrong complexity
                            BINARY_SEARCH + "\nComplexity: O(n)",
                            // the right answer, then a contradicting one
                            BINARY_SEARCH + "\nComplexity: O(log n)\nComplexity: O(n)",
                            // keyword stuffing in three "sentences"
                            "Sorted sorted sorted sorted sorted. Middle mid mid midpoint middle. Half halves half"
                                    + " halves half.\nComplexity: O(log n)",
                            // a vague answer that hedges between candidates
                            "Binary search looks at elements and narrows down where the value is. It is much faster"
                                    + " than checking every element. It is used everywhere.\nComplexity: O(log n) or"
                                    + " O(n)",
                            ""))),
            explain("dijkstra", "Dijkstra's shortest-path algorithm", 4, "what it requires of the graph, which data"
                            + " structure drives it, and what each step does",
                    "the worst-case time complexity with a binary heap, in terms of V and E",
                    List.of("negative|nonnegative", "priority queue|priority-queue",
                            "relax|relaxes|relaxed|relaxing|relaxation"),
                    List.of("O((V + E) log V)", "O((E + V) log V)", "O(E log V)"),
                    new Calibration(List.of(DIJKSTRA + "\nComplexity: O((V + E) log V)",
                            DIJKSTRA + "\n\nComplexity: O(E log V)"), List.of(
                            // right prose, the array-based bound
                            DIJKSTRA + "\nComplexity: O(V^2)",
                            // three sentences
                            DIJKSTRA.replace(" shorter. Once", " shorter, and once") + "\nComplexity: O((V + E) log V)",
                            // breadth-first search described instead
                            "Dijkstra's algorithm explores the graph level by level from the source. It uses a queue"
                                    + " of vertices to visit. Each step visits all neighbours of the current vertex."
                                    + " It stops when the target is reached.\nComplexity: O(V + E)",
                            ""))),
            explain("merge_sort", "merge sort", 3, "how it divides the work, how it combines the results, and why its"
                            + " running time does not depend on the input order", "the worst-case time complexity",
                    List.of("half|halves|halved|halving", "recursive|recursively|recursion", "sorted"),
                    List.of("O(n log n)", "O(n lg n)", "O(nlogn)", "O(n log2 n)"),
                    new Calibration(List.of(MERGE_SORT + "\nComplexity: O(n log n)"), List.of(
                            MERGE_SORT + "\nComplexity: O(n^2)",
                            MERGE_SORT + " It needs O(n) extra memory. It is also stable.\nComplexity: O(n log n)",
                            MERGE_SORT + "\nComplexity: O(n log n) on average, O(n^2) in the worst case",
                            // keyword stuffing
                            "Merge sort halves halves halves halves halves the list. It works recursively recursively"
                                    + " recursively recursively recursively. The sorted sorted sorted sorted sorted"
                                    + " halves are merged.\nComplexity: O(n log n)",
                            ""))));

    private AlgorithmExplanation() {}

    /** Creates the test; does no I/O. The result is immutable and thread-safe. */
    public static BenchTest create() {
        return new DefaultBenchTest(ID, "cognitive",
                "explain an algorithm in exactly N sentences; required concepts; exact 'Complexity:' final line",
                PASS_THRESHOLD, CASES);
    }

    private static TestCase explain(String id, String algorithm, int sentences, String cover, String complexity,
            List<String> concepts, List<String> accepted, Calibration calibration) {
        String prompt = "Explain how " + algorithm + " works in exactly " + sentences + " sentences of plain prose"
                + " (no lists, headings or code blocks): " + cover + ". Then end with a final line of exactly this"
                + " form, giving " + complexity + " in big-O notation:\nComplexity: O(...)";
        ChatRequest request = ChatRequest.builder().system(SYSTEM).user(prompt).build();
        List<GraderConfig> graders = List.of(
                GraderConfig.of(CountsGraderFactory.ID).weight(0.3).param("sentences", sentences)
                        .param("ignore_lines", COMPLEXITY_LINE).build(),
                GraderConfig.of(WordsGraderFactory.ID).weight(0.4).list("required", concepts.toArray(String[]::new))
                        .param("max_occurrences", 4).build(),
                GraderConfig.of(ExactMatchGraderFactory.ID).weight(0.3).param("name", "complexity")
                        .param("target", "last_line")
                        .list("expected", accepted.stream().map(a -> "Complexity: " + a).toArray(String[]::new))
                        .build());
        return new TestCase(id, request, graders, calibration);
    }
}
