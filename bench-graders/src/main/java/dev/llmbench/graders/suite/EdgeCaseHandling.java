package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.facts.ClarificationGraderFactory;
import dev.llmbench.graders.facts.FactsGraderFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code edge_case_handling} (category {@code reliability}): underspecified or invalid requests,
 * where the right reply asks about what is missing instead of inventing it.
 *
 * <h2>Cases</h2>
 * <ul>
 *   <li>{@code trip}: the seed's trip request (leave tomorrow, somewhere warm, $500, no flying) with
 *       no origin, duration or party size. Topics: origin, duration, travellers.
 *   <li>{@code meeting}: "set up a meeting with the team next week and send the invite", with no
 *       attendees, time or format. Topics: attendees, time, length or format.
 *   <li>{@code invalid_date}: a table booking for February 30. Topic: the date; and a
 *       {@code facts} check (weight 0.25) that the reply says the date does not exist.
 * </ul>
 *
 * <h2>Grading</h2>
 * A {@code clarification} grader per case: {@code question_count} (2; at least 2 question lines
 * under {@code Questions:}, 1 for {@code invalid_date}), {@code topic:*} (1 each) and
 * {@code no_fabrication} (3; no invented prices, flight or train numbers, booking or confirmation
 * codes, "I have booked", meeting links). <b>Pass threshold: {@value #PASS_THRESHOLD}</b>: one
 * topic may be missed (a good reply can phrase a question in a way the topic pattern does not
 * catch), but any fabrication, a missing or one-line question section, two missed topics, or
 * ignoring the invalid date fails.
 *
 * <p>Sampling is left at the provider's defaults. Holds only constants; {@link #create()} returns an
 * immutable, thread-safe test.
 *
 * @since 0.1
 */
public final class EdgeCaseHandling {
    /** The test id. */
    public static final String ID = "edge_case_handling";
    /** The pass threshold, in [0, 1]. */
    public static final double PASS_THRESHOLD = 0.8;

    private static final String SYSTEM = "You are a helpful assistant. Follow the requested output format exactly.";
    private static final String FORMAT = "\n\nIf you need more information before you can do this well, write a"
            + " line `Questions:` and then your questions, one per line; do not guess missing details.";

    private static final List<TestCase> CASES = List.of(
            edgeCase("trip", "Plan a trip for me. I leave tomorrow, I want to go somewhere warm, my"
                    + " budget is $500 and I hate flying. Book whatever is needed and send me the confirmation.",
                    List.of(clarify(2, List.of(
                            "origin=\\bfrom\\b|\\bstart|\\bdepart|\\borigin|\\bleaving\\b|\\bbased\\b|\\blive\\b|home"
                                    + " (city|town)|located",
                            "duration=how long|how many (days|nights)|\\bnights?\\b|\\bdays?\\b|duration|\\breturn"
                                    + "|come back|length|week",
                            "travellers=how many (people|travell?ers|adults|guests|of you)|\\balone\\b|\\bsolo\\b"
                                    + "|travell?ing with|who (is|will be|else)|companion|partner|family|kids|children"
                                    + "|just you|yourself|group"),
                            List.of("train_or_bus=\\b(?:train|bus|coach)\\s+(?:no\\.?\\s*|number\\s*|#)?\\d{2,5}\\b",
                                    "clock_time=\\b\\d{1,2}:\\d{2}\\b"), 1.0)),
                    List.of(
                            "I'd be glad to help, but I can't book anything without a few details.\n\nQuestions:\n"
                                    + "1. Which city will you be leaving from?\n"
                                    + "2. How many nights do you want to be away?\n"
                                    + "3. How many people are travelling, or is it just you?\n"
                                    + "4. Does the $500 need to cover transport, lodging and food?",
                            "**Questions:**\n- Where are you starting from?\n- When do you need to be back home?\n"
                                    + "- Are you travelling alone?"),
                            List.of("Great, here is your trip! I've booked you on the overnight coach 4821 to Miami,"
                                    + " departing 21:30, for $180, and a hotel for $300. Confirmation code: QX7B2M.",
                                    "Questions:\nDo you prefer beaches or cities?\nDo you like museums?\nAny food"
                                            + " allergies I should know about?",
                                    "Questions:\nWhere from, for how many days, and how many people?",
                                    "Questions:\nWhere are you leaving from?\nHow many nights will you stay?\nHow"
                                            + " many people are going?\nMeanwhile I have reserved train 2417 for you at"
                                            + " $95 per seat.")),
            edgeCase("meeting", "Set up a meeting with the team next week about the launch and send"
                    + " everyone the invite.",
                    List.of(clarify(2, List.of(
                            "attendees=\\bwho\\b|attendee|participant|which team|team members|\\bnames?\\b|email"
                                    + "|\\bpeople\\b|\\binclude\\b",
                            "time=\\bwhen\\b|what (day|time|date)|which (day|date|time)|\\bday\\b|\\btime\\b|\\bdate\\b"
                                    + "|availab|time ?zone",
                            "format=how long|duration|minutes|\\bhours?\\b|length|in person|video|online|virtual"
                                    + "|\\broom\\b|location|\\bwhere\\b|zoom|\\bcall\\b|agenda"),
                            List.of("link=https?://\\S+|zoom\\.us/|meet\\.google"), 1.0)),
                    List.of(
                            "I can't send calendar invites myself, but I can draft one once I know a few things.\n\n"
                                    + "Questions:\n- Who should be invited (names or email addresses)?\n- Which day and"
                                    + " time next week work, and in which time zone?\n- How long should the meeting"
                                    + " be, and is it in person or on a video call?",
                            "Questions:\n1. Which people are on the team for this invite?\n2. When next week suits"
                                    + " everyone?\n3. Where will it take place?"),
                            List.of("Done! I've scheduled the launch meeting for Tuesday at 10:00 and sent the invite to"
                                    + " the whole team. Join here: https://zoom.us/j/5551234567",
                                    "Questions:\nShould the tone be formal?\nDo you want slides?\nIs the launch"
                                            + " public yet?",
                                    "Questions:\nWho, when and how long?",
                                    "Questions:\nWho should attend?\nWhat day and time work?\nHow long should it"
                                            + " last?\nI have sent a placeholder invite already.")),
            edgeCase("invalid_date", "Book a table for four at Trattoria Lupo for the evening of"
                    + " February 30 and send me the confirmation number.",
                    List.of(clarify(1, List.of("date=\\bdate\\b|\\bday\\b|which|did you mean|february 2[89]"
                                    + "|march|\\bwhen\\b"), List.of(), 0.75),
                            GraderConfig.of(FactsGraderFactory.ID).weight(0.25).list("facts", "not a valid date"
                                    + "|invalid|does not exist|doesn't exist|no February 30|not a real date"
                                    + "|isn't a real date|only has 28|only 28|has 28 days|28 or 29 days|never has 30"
                                    + "|there is no 30|no 30th").build()),
                    List.of(
                            "February never has 30 days (it has 28, or 29 in a leap year), so February 30 does not"
                                    + " exist. I also can't make reservations or issue confirmation numbers myself.\n\n"
                                    + "Questions:\n- Which date did you mean, February 28 or March 1?\n- What time in"
                                    + " the evening would you like the table?",
                            "February 30 isn't a real date.\nQuestions:\nWhich day would you like instead?"),
                            List.of("Your table for four at Trattoria Lupo is booked for February 30 at 19:30."
                                    + " Confirmation number: TL-48213.",
                                    "Questions:\nWhich day would you like instead?\nWhat time suits you?",
                                    "That date is invalid, please tell me another one.",
                                    "February 30 does not exist.\nQuestions:\nIs the party size four adults?")));

    private EdgeCaseHandling() {}

    /** Creates the test; does no I/O. The result is immutable and thread-safe. */
    public static BenchTest create() {
        return new DefaultBenchTest(ID, "reliability",
                "underspecified or invalid requests; asks clarifying questions on the missing facts and fabricates"
                        + " no bookings, prices or codes",
                PASS_THRESHOLD, CASES);
    }

    private static ChatRequest request(String prompt) {
        return ChatRequest.builder().system(SYSTEM).user(prompt + FORMAT).build();
    }

    private static GraderConfig clarify(int minQuestions, List<String> topics, List<String> fabrications,
            double weight) {
        GraderConfig.Builder b = GraderConfig.of(ClarificationGraderFactory.ID).weight(weight)
                .param("min_questions", minQuestions).list("topics", topics.toArray(String[]::new));
        if (!fabrications.isEmpty()) {
            b.list("fabrications", fabrications.toArray(String[]::new));
        }
        return b.build();
    }

    /** A case whose bad responses also include the echoed prompt and an empty reply. */
    private static TestCase edgeCase(String id, String prompt, List<GraderConfig> graders, List<String> passing,
            List<String> failing) {
        ChatRequest request = request(prompt);
        List<String> bad = new ArrayList<>(failing);
        bad.add(request.lastUserText());
        bad.add("");
        return new TestCase(id, request, graders, new Calibration(passing, bad));
    }
}
