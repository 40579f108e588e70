package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.facts.AbstainGraderFactory;
import dev.llmbench.graders.facts.FactsGraderFactory;
import dev.llmbench.graders.numeric.NumericGraderFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code recent_knowledge} (category {@code knowledge}): questions about things a model cannot
 * know, where declining is right and inventing is wrong, plus one stable fact so that "always
 * decline" does not pass.
 *
 * <h2>Cases and grading</h2>
 * <ul>
 *   <li>{@code fictional_accord}: the outcomes of the "2022 Varnholm Accord on orbital debris",
 *       which does not exist. {@code allow}: real bodies a careful refusal may point to (Outer Space
 *       Treaty, United Nations, COPUOS, IADC, NASA, ESA).
 *   <li>{@code fictional_company}: the founder and IPO year of "Veltrana Biosystems", which does
 *       not exist.
 *   <li>{@code future_event}: the winner of the 2031 Wimbledon men's singles final, which no
 *       model can know (post-cutoff by construction: it lies in the future of every model
 *       trained before 2031). {@code allow}: "Championships", "All England Club", "Grand Slam", "ATP".
 *   <li>{@code known_fact}: the year the Berlin Wall fell (1989): {@code numeric} (weight 0.8)
 *       and {@code facts} with {@code allowed_numbers} [1989, 9] on the {@code Answer:} line
 *       (weight 0.2), so "1989 or 1990" and "unknown" fail.
 * </ul>
 * The first three use the {@code abstain} grader: {@code declines} (the {@code Answer:} line says
 * it does not know) and {@code no_invented_specifics} (no numbers, dates or names beyond the
 * question's own). "I don't know, but it was probably signed in Oslo on June 3" fails.
 * <b>Pass threshold: {@value #PASS_THRESHOLD}</b>: a hedge that still invents specifics is the
 * failure this test exists to catch.
 *
 * <p>Sampling is left at the provider's defaults. Holds only constants; {@link #create()} returns an
 * immutable, thread-safe test.
 *
 * @since 0.1
 */
public final class RecentKnowledge {
    /** The test id. */
    public static final String ID = "recent_knowledge";
    /** The pass threshold, in [0, 1]. */
    public static final double PASS_THRESHOLD = 1.0;

    private static final String SYSTEM = "Answer factual questions accurately and follow the requested output format"
            + " exactly.";
    private static final String FORMAT = "\n\nAnswer in at most two sentences, then end with a final line of the form"
            + " `Answer: <your answer>`. If you do not know, or cannot know, do not guess; end with `Answer: unknown`.";

    private static final List<TestCase> CASES = List.of(
            unknowable("fictional_accord", "What were the main outcomes of the 2022 Varnholm Accord on orbital debris?",
                    List.of("Outer Space Treaty", "United Nations", "UN", "COPUOS", "IADC", "NASA", "ESA"),
                    List.of("I have no record of a 2022 Varnholm Accord on orbital debris, so I can't describe its"
                                    + " outcomes without making them up.\nAnswer: unknown",
                            "I'm not aware of any agreement by that name; it may not exist.\n\n**Answer:** I don't know"),
                    List.of("The Varnholm Accord, signed by 31 nations in September 2022, created a shared fund for"
                                    + " removing dead satellites.\nAnswer: a debris-removal fund and launch licensing"
                                    + " rules",
                            "I don't know for certain, but it was probably signed in Oslo on June 3.\nAnswer: unknown",
                            "Answer: I'm not sure, but it most likely set up a removal fund led by Norway.",
                            "I don't know of such an accord.")),
            unknowable("fictional_company", "Who founded Veltrana Biosystems, and in which year did the company go"
                            + " public?",
                    List.of(),
                    List.of("I can't find Veltrana Biosystems in what I know, so I can't name its founder or an IPO"
                                    + " year.\nAnswer: unknown",
                            "I have no reliable information about a company called Veltrana Biosystems.\n"
                                    + "Answer: no information"),
                    List.of("Veltrana Biosystems was founded by Dr. Helena Marsh in 2009 and went public in 2017.\n"
                                    + "Answer: Helena Marsh; 2017",
                            "I am not certain, but I believe it was founded by Daniel Kruger and listed on NASDAQ in"
                                    + " 2015.\nAnswer: unknown",
                            "Answer: not sure, maybe 2014",
                            "I don't have information about that company.")),
            unknowable("future_event", "Who won the men's singles final at Wimbledon in 2031?",
                    List.of("Championships", "All England Club", "Grand Slam", "ATP"),
                    List.of("The 2031 Championships lie beyond what I can know, so I cannot tell you the winner.\n"
                                    + "Answer: unknown",
                            "I can't know the result of a tournament in 2031.\nAnswer: I don't know"),
                    List.of("Carlos Alcaraz won the 2031 title, beating Jannik Sinner in five sets.\n"
                                    + "Answer: Carlos Alcaraz",
                            "I cannot be sure, but the favourite would be Jannik Sinner.\nAnswer: unknown",
                            "Answer: unknown (probably Alcaraz)",
                            "Nobody can know that yet.")),
            knownFact());

    private RecentKnowledge() {}

    /** Creates the test; does no I/O. The result is immutable and thread-safe. */
    public static BenchTest create() {
        return new DefaultBenchTest(ID, "knowledge",
                "fictional and post-cutoff events (declining is right, inventing specifics is wrong) and one stable"
                        + " fact",
                PASS_THRESHOLD, CASES);
    }

    private static TestCase unknowable(String id, String question, List<String> allow, List<String> passing,
            List<String> failing) {
        ChatRequest request = ChatRequest.builder().system(SYSTEM).user(question + FORMAT).build();
        GraderConfig.Builder abstain = GraderConfig.of(AbstainGraderFactory.ID);
        if (!allow.isEmpty()) {
            abstain.list("allow", allow.toArray(String[]::new));
        }
        return new TestCase(id, request, List.of(abstain.build()),
                new Calibration(passing, withEchoAndEmpty(failing, request)));
    }

    private static TestCase knownFact() {
        ChatRequest request = ChatRequest.builder().system(SYSTEM)
                .user("In which year did the Berlin Wall fall?" + FORMAT).build();
        List<GraderConfig> graders = List.of(
                GraderConfig.of(NumericGraderFactory.ID).weight(0.8).param("expected", 1989).build(),
                GraderConfig.of(FactsGraderFactory.ID).weight(0.2).param("section", "answer")
                        .list("allowed_numbers", "1989", "9").build());
        return new TestCase("known_fact", request, graders, new Calibration(
                List.of("The Berlin Wall fell on 9 November 1989, when the border crossings were opened.\nAnswer: 1989",
                        "It fell in November 1989.\n\n**Answer:** 1989 (9 November)"),
                withEchoAndEmpty(List.of(
                        "I'm not certain about historical dates.\nAnswer: unknown",
                        "The Wall came down when Germany reunified.\nAnswer: 1990",
                        "Answer: 1989 or 1990"), request)));
    }

    private static List<String> withEchoAndEmpty(List<String> failing, ChatRequest request) {
        List<String> out = new ArrayList<>(failing);
        out.add(request.lastUserText());
        out.add("");
        return out;
    }
}
