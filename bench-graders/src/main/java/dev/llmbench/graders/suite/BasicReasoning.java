package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.numeric.NumericGraderFactory;
import dev.llmbench.graders.text.SentenceCountGraderFactory;
import java.util.List;

/**
 * {@code basic_reasoning} (category {@code cognitive}): multi-step arithmetic word problems.
 *
 * <p>Each case asks the model to show its work in 2–3 sentences of prose and to end with a line
 * {@code Answer: <number>}. The final answer is deliberately <em>not</em> equal to any number in
 * the problem or any intermediate value, so a model that stops one step early cannot be credited
 * (the seed's bakery problem answered 36, which was also the number sold). The bakery case is the
 * seed's problem, fixed that way.
 *
 * <h2>Grading</h2>
 * <ul>
 *   <li>{@code numeric} (weight 0.7): {@code answer_present} (1) and {@code answer} (2), exact
 *       (tolerance 0), read from the last {@code Answer:} line only.
 *   <li>{@code sentences} (weight 0.3): 2–3 sentences before the {@code Answer:} line, which is
 *       exactly what the prompt asks for.
 * </ul>
 * <b>Pass threshold: {@value #PASS_THRESHOLD}.</b> A case passes exactly when the final answer is
 * right and given in the required form (score 0.7, or 1.0 with a 2–3 sentence explanation); a
 * wrong answer on an {@code Answer:} line with a perfect explanation scores 0.53 and fails, and so
 * does any response without an {@code Answer:} line (at most 0.3). The explanation length moves the
 * score, not the verdict.
 *
 * <p>Sampling is left at the provider's defaults. Holds only constants; {@link #create()} returns an
 * immutable, thread-safe test.
 *
 * @since 0.1
 */
public final class BasicReasoning {
    /** The test id. */
    public static final String ID = "basic_reasoning";
    /** The pass threshold, in [0, 1]. */
    public static final double PASS_THRESHOLD = 0.7;

    private static final String SYSTEM = "Answer precisely and follow the requested output format exactly.";
    private static final String FORMAT = "\n\nShow your work and explain your reasoning in 2–3 sentences of"
            + " plain prose (no lists, headings or code). Then end with a final line of exactly this form:\n"
            + "Answer: <number>";

    private static final List<TestCase> CASES = List.of(
            problem("bakery", 27,
                    "A bakery starts the day with 48 cupcakes. By noon it has sold three quarters of them. In the"
                            + " afternoon it bakes 30 more cupcakes and sells 15 of them before closing. How many"
                            + " cupcakes are left at closing?",
                    new Calibration(List.of(
                            "By noon the bakery sold three quarters of 48, which is 36 cupcakes, so 12 were left."
                                    + " Baking 30 more brought the stock to 12 + 30 = 42, and selling 15 of those"
                                    + " leaves 42 − 15 = 27 cupcakes.\nAnswer: 27",
                            "**Step by step:** Three quarters of 48 is 36, leaving 12 cupcakes at noon. After baking"
                                    + " 30 more there are 42, and after selling 15 there are 27 left.\n\n"
                                    + "**Answer:** 27"),
                            List.of(
                            // stops at the intermediate value the seed credited
                            "Three quarters of 48 is 36, so the bakery sold 36 cupcakes by noon. It then baked 30"
                                    + " more and sold 15 of them.\nAnswer: 36",
                            // right number in prose, no Answer line
                            "The bakery sold 36 of its 48 cupcakes by noon, leaving 12. It baked 30 more for a total"
                                    + " of 42 and sold 15, so 27 cupcakes are left at closing.",
                            // a list instead of prose, and forgets the afternoon sales
                            "1. Sold by noon: 48 × 3/4 = 36\n2. Left at noon: 48 − 36 = 12\n3. After baking:"
                                    + " 12 + 30 = 42\n\nSo the bakery has 42 cupcakes at closing.\nAnswer: 42"))),
            problem("savings", 68,
                    "Maya saves $15 every week for 8 weeks. She then spends one third of her savings on a book and"
                            + " $12 on lunch. How many dollars does she have left?",
                    new Calibration(List.of(
                            "Maya saves 8 × $15 = $120, and one third of that, $40, goes on the book, which leaves"
                                    + " $80. After spending $12 on lunch she has $80 − $12 = $68 left.\nAnswer: 68",
                            "Over 8 weeks Maya saves $120. The book costs a third of that, $40, leaving $80. Lunch"
                                    + " takes another $12, so $68 remain.\n\nAnswer: $68"),
                            List.of(
                            // forgets the lunch
                            "Maya saves 8 × 15 = 120 dollars. A third of 120 is 40, so after the book she has 80"
                                    + " dollars left.\nAnswer: 80",
                            // right value, but not a number
                            "She saves $120 and spends $40 on the book and $12 on lunch. That leaves her with"
                                    + " sixty-eight dollars.\nAnswer: sixty-eight",
                            // rambles over six sentences and subtracts from the wrong amount
                            "Maya saves money every week. She saves $15 for 8 weeks. That gives $120. She spends a"
                                    + " third on a book. Then she spends $12 on lunch. A third of $120 minus $12 is"
                                    + " $28.\nAnswer: 28"))),
            problem("train", 290,
                    "A train travels 150 km at an average speed of 60 km/h. It then stops at a station for 20 minutes"
                            + " and travels another 90 km at 45 km/h. How many minutes does the whole journey take,"
                            + " from departure to arrival?",
                    new Calibration(List.of(
                            "The first leg takes 150 / 60 = 2.5 hours, which is 150 minutes, and the second leg"
                                    + " takes 90 / 45 = 2 hours, which is 120 minutes. Adding the 20-minute stop"
                                    + " gives 150 + 20 + 120 = 290 minutes.\nAnswer: 290",
                            "Leg one is 150 km at 60 km/h, i.e. 2.5 h or 150 min. Leg two is 90 km at 45 km/h,"
                                    + " i.e. 2 h or 120 min. With the 20 min stop the total is 290 min.\n\n"
                                    + "Answer: 290 minutes"),
                            List.of(
                            // forgets the stop
                            "The first leg takes 2.5 hours (150 minutes) and the second takes 2 hours (120 minutes)."
                                    + " In total that is 150 + 120 = 270 minutes.\nAnswer: 270",
                            // answers in hours
                            "The train travels for 2.5 + 2 = 4.5 hours and stops for 20 minutes. The journey"
                                    + " therefore takes about 4.83 hours.\nAnswer: 4.83",
                            // right number, but six sentences and no Answer line
                            "Let's work it out. The first leg is 150 km at 60 km/h. That takes 2.5 hours. The"
                                    + " second leg is 90 km at 45 km/h. That takes 2 hours. With the 20-minute stop,"
                                    + " the journey takes 290 minutes in total."))));

    private BasicReasoning() {}

    /** Creates the test; does no I/O. The result is immutable and thread-safe. */
    public static BenchTest create() {
        return new DefaultBenchTest(ID, "cognitive",
                "multi-step word problems; exact final 'Answer:' number and a 2–3 sentence explanation",
                PASS_THRESHOLD, CASES);
    }

    private static TestCase problem(String id, int expected, String problem, Calibration calibration) {
        ChatRequest request = ChatRequest.builder().system(SYSTEM).user(problem + FORMAT).build();
        List<GraderConfig> graders = List.of(
                GraderConfig.of(NumericGraderFactory.ID).weight(0.7).param("expected", expected).build(),
                GraderConfig.of(SentenceCountGraderFactory.ID).weight(0.3)
                        .param("min", 2).param("max", 3).param("section", "before_answer").build());
        return new TestCase(id, request, graders, calibration);
    }
}
