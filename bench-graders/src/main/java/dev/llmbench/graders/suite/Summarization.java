package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.facts.FactsGraderFactory;
import dev.llmbench.graders.text.SentenceCountGraderFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summarization} (category {@code cognitive}): summarise a news item within a word range,
 * keeping its key facts and adding no numbers of its own.
 *
 * <p>Cases: {@code quantum_news} (a product announcement in the style of the seed's quantum
 * computing item, rewritten with a fictional company; 50–80 words) and {@code council_vote} (a
 * city council approving bike lanes; 40–70 words). The summary is read from the paragraph after
 * {@code Summary:}.
 *
 * <h2>Grading</h2>
 * <ul>
 *   <li>{@code facts} coverage (weight 0.5): six key facts, each one check with alternatives
 *       ({@code summary.fact:*}).
 *   <li>{@code facts} fidelity (weight 0.5): {@code summary.no_new_numbers} (every number in the
 *       summary occurs in the source: 1,000 = 1000, 12% = 12 percent, "three" = 3) and
 *       {@code summary.word_count}.
 *   <li>{@code sentences} (weight 0.2): at least 3 sentences in the response, so a list of
 *       keywords is not a summary.
 * </ul>
 * <b>Pass threshold: {@value #PASS_THRESHOLD}</b>: one key fact may be missing (score 0.93); two
 * missing facts (0.86), one invented number, a summary outside the word range (0.79 each) or
 * keyword stuffing (0.83) fail.
 *
 * <p>Sampling is left at the provider's defaults. Holds only constants; {@link #create()} returns an
 * immutable, thread-safe test.
 *
 * @since 0.1
 */
public final class Summarization {
    /** The test id. */
    public static final String ID = "summarization";
    /** The pass threshold, in [0, 1]. */
    public static final double PASS_THRESHOLD = 0.9;

    private static final String SYSTEM = "Summarise faithfully and follow the requested output format exactly.";

    /** A fictional announcement with the shape of the seed's news item; package-private for tests. */
    static final String QUANTUM_SOURCE = "Quantum computing firm Lumenqubit unveiled its Aurora-2 system on Tuesday,"
            + " a trapped-ion machine with 48 qubits that the company says performs two-qubit operations with 99.7%"
            + " fidelity. Unlike superconducting rivals, the system needs no dilution refrigerator: its ions are held"
            + " in a vacuum chamber at room temperature. Chief executive Marta Lindqvist said the design could bring"
            + " practical quantum advantage forward by two to four years, and that three Fortune 500 companies have"
            + " agreed to test it. Independent physicists were more cautious, noting that machines able to break"
            + " encryption or simulate large molecules will need millions of physical qubits with error correction."
            + " Lumenqubit's shares rose 9% after the announcement but remain 58% below their price at the company's"
            + " 2021 listing.";

    /** A fictional local news item; package-private for tests. */
    static final String COUNCIL_SOURCE = "The Brenford city council voted 7 to 2 on Monday to approve a $3.2 million"
            + " plan for 14 kilometres of protected bike lanes. Construction will begin in April and is expected to"
            + " finish by the end of 2027. Supporters, led by councillor Amaya Ortiz, argued that the lanes will"
            + " reduce traffic injuries and give residents a cheaper way to get to work. Opponents said the plan"
            + " removes 120 on-street parking spaces and that shop owners on Mill Road were not consulted. The city"
            + " will pay 60% of the cost, and a regional transport grant will cover the rest.";

    private static final String QUANTUM_REFERENCE = "Summary: Lumenqubit has introduced Aurora-2, a 48-qubit"
            + " trapped-ion computer that it says reaches 99.7% two-qubit fidelity at room temperature, without"
            + " dilution refrigerators. Chief executive Marta Lindqvist expects it to bring quantum advantage two to"
            + " four years closer, and three Fortune 500 firms will test it. Independent physicists remain cautious,"
            + " since useful machines need millions of error-corrected qubits. The shares rose 9% but are still 58%"
            + " below the 2021 listing price.";

    private static final String COUNCIL_REFERENCE = "Summary: Brenford's council approved, by 7 votes to 2, a $3.2"
            + " million plan for 14 kilometres of protected bike lanes, to be built from April to the end of 2027."
            + " Supporters expect fewer traffic injuries and cheaper commutes. Critics point to the loss of 120"
            + " parking spaces and say Mill Road shop owners were not consulted.";

    private static final List<TestCase> CASES = List.of(
            summary("quantum_news", QUANTUM_SOURCE, 50, 80,
                    List.of("Lumenqubit", "Aurora-2|Aurora 2|Aurora", "48 qubits|48-qubit|48 qubit|48",
                            "99.7", "Marta Lindqvist|Lindqvist",
                            "cautious|caution|sceptical|skeptical|sceptics|skeptics|doubt|doubts|doubtful|scepticism"
                                    + "|skepticism|millions of qubits|millions of physical qubits"
                                    + "|millions of error-corrected qubits"),
                    List.of(QUANTUM_REFERENCE,
                            "**Summary:**\nLumenqubit's new Aurora-2 machine holds 48 trapped ions at room temperature"
                                    + " and reportedly achieves 99.7% fidelity on two-qubit operations. CEO Marta"
                                    + " Lindqvist claims it could speed up practical quantum advantage by two to four"
                                    + " years, with three Fortune 500 companies lined up as testers. Outside"
                                    + " physicists are sceptical, because breaking encryption will take millions of"
                                    + " qubits. Shares gained 9% yet sit 58% under their 2021 level."),
                    List.of(
                            // an invented number (99.9%) and a wrong qubit count (50)
                            QUANTUM_REFERENCE.replace("99.7%", "99.9%").replace("48-qubit", "50-qubit"),
                            // far too long: the reference written twice
                            QUANTUM_REFERENCE + " " + QUANTUM_REFERENCE.substring("Summary: ".length()),
                            // keyword stuffing within the word range
                            "Summary: Lumenqubit Aurora-2 48 qubits 99.7% fidelity Marta Lindqvist cautious physicists"
                                    + " millions of qubits trapped ion room temperature Fortune 500 shares 9% 58%"
                                    + " 2021 listing Lumenqubit Aurora-2 48 qubits 99.7% fidelity Marta Lindqvist"
                                    + " cautious physicists millions of qubits trapped ion room temperature Fortune 500"
                                    + " shares 9% 58% 2021 listing quantum advantage two four years",
                            // a good summary without the 'Summary:' label
                            QUANTUM_REFERENCE.substring("Summary: ".length()),
                            // vague: misses the company, the product, the figures and the CEO
                            "Summary: A company has announced a new quantum computer that works at room temperature."
                                    + " It claims high accuracy and says big firms will test it. Scientists outside"
                                    + " the company are cautious and say far larger machines are needed. Investors"
                                    + " reacted positively, although the stock has fallen a lot since it was first"
                                    + " listed years ago.")),
            summary("council_vote", COUNCIL_SOURCE, 40, 70,
                    List.of("Brenford", "bike lanes|bike lane|cycle lanes|cycle lane|bicycle lanes|cycling lanes",
                            "3.2 million|3.2m|3.2", "14 kilometres|14 kilometers|14 km|14",
                            "parking", "2027"),
                    List.of(COUNCIL_REFERENCE,
                            "Summary: Brenford will build 14 km of protected bike lanes after the council approved the"
                                    + " $3.2 million plan 7 to 2. Work starts in April and should end in 2027. Backers"
                                    + " cite safety and cheaper commuting, while opponents object to losing 120 parking"
                                    + " spaces."),
                    List.of(
                            COUNCIL_REFERENCE.replace("120", "150"),
                            COUNCIL_REFERENCE + " " + COUNCIL_REFERENCE.substring("Summary: ".length()),
                            "Summary: Brenford bike lanes $3.2 million 14 kilometres 2027 parking 120 spaces Mill Road"
                                    + " Amaya Ortiz 7 to 2 April protected lanes Brenford bike lanes $3.2 million 14"
                                    + " kilometres 2027 parking 120 spaces Mill Road",
                            COUNCIL_REFERENCE.substring("Summary: ".length()),
                            "Summary: A city council has approved a plan for new protected lanes for cyclists, to be"
                                    + " built over the next few years. Supporters expect safer streets and cheaper"
                                    + " commutes. Some shop owners are unhappy because they were not consulted about"
                                    + " the changes on their street.")));

    private Summarization() {}

    /** Creates the test; does no I/O. The result is immutable and thread-safe. */
    public static BenchTest create() {
        return new DefaultBenchTest(ID, "cognitive",
                "summary within a word range; key facts covered, no numbers that are not in the source", PASS_THRESHOLD,
                CASES);
    }

    private static TestCase summary(String id, String source, int minWords, int maxWords, List<String> facts,
            List<String> passing, List<String> failing) {
        ChatRequest request = ChatRequest.builder().system(SYSTEM).user("Summarise the news item below in a single"
                + " paragraph of " + minWords + " to " + maxWords + " words and at least three full sentences. Keep"
                + " the key facts, add nothing that is not in the text, and do not add numbers of your own. Start the"
                + " paragraph with `Summary:` and write nothing after it.\n\n---\n" + source + "\n---").build();
        List<GraderConfig> graders = List.of(
                GraderConfig.of(FactsGraderFactory.ID).weight(0.5).param("section", "summary")
                        .list("facts", facts.toArray(String[]::new)).build(),
                GraderConfig.of(FactsGraderFactory.ID).weight(0.5).param("section", "summary")
                        .param("source", source).param("min_words", minWords).param("max_words", maxWords).build(),
                GraderConfig.of(SentenceCountGraderFactory.ID).weight(0.2).param("min", 3).build());
        List<String> bad = new ArrayList<>(failing);
        bad.add(request.lastUserText());
        bad.add("");
        return new TestCase(id, request, graders, new Calibration(passing, bad));
    }
}
