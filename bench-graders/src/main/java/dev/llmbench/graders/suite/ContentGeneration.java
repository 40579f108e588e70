package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.text.CountsGraderFactory;
import dev.llmbench.graders.text.FormatGraderFactory;
import dev.llmbench.graders.text.WordsGraderFactory;
import java.util.List;

/**
 * {@code content_generation} (category {@code creative}): constrained writing in which every
 * constraint is checked by code.
 *
 * <ul>
 *   <li>{@code rate_limiting_article}: the seed's task (why API rate limiting matters for SaaS,
 *       for technical product managers) with the constraints the seed stated but never checked
 *       (its four criteria all scored a flat 0.5): a {@code Title: …} line in Title Case, 180–220
 *       words in exactly 3 paragraphs, the terms "quota", "burst" and "429", none of "scalable",
 *       "robust", "leverage" in any form.
 *   <li>{@code keyboard_listing}: a shop description of a fictional keyboard: a title line, 90–120
 *       words in exactly 2 paragraphs, three product terms, no marketing clichés, last word
 *       "today".
 * </ul>
 * Required terms may occur at most 3 times each, so keyword stuffing fails. Tone and audience are
 * asked for but not graded: no code can verify them.
 *
 * <h2>Grading</h2>
 * Per case, three graders of weight 1: {@code format} ({@code title_line}, plus {@code title_case}
 * or {@code ends_with}), {@code counts} ({@code word_count} and {@code paragraph_count} of the body;
 * the title line is not counted) and {@code words} (one {@code required:<term>} check per term and
 * {@code forbidden_words}). <b>Pass threshold: {@value #PASS_THRESHOLD}</b>: each constraint is part
 * of the brief, and a piece that breaks one would be sent back. The score shows how many were met.
 *
 * <p>Holds only constants; {@link #create()} returns an immutable, thread-safe test.
 *
 * @since 0.1
 */
public final class ContentGeneration {
    /** The test id. */
    public static final String ID = "content_generation";
    /** The pass threshold, in [0, 1]. */
    public static final double PASS_THRESHOLD = 1.0;

    private static final String SYSTEM = "You are a professional writer. Follow the brief exactly.";
    private static final String TITLE_LINE = "(?i)^\\W*title\\s*:";

    private static final String ARTICLE_TITLE = "Title: Why Rate Limiting Keeps Your SaaS Product Healthy";
    private static final String ARTICLE_P1 = "Every public API eventually meets a client that sends far more requests"
            + " than anyone planned for. Sometimes it is a buggy retry loop, sometimes a partner running a nightly"
            + " sync, and sometimes an attacker. Without rate limiting, that one client can slow the service down for"
            + " everyone else, and your support queue fills up with complaints from customers who did nothing wrong.";
    private static final String ARTICLE_P2 = "A rate limit gives each customer a clear quota, such as 1,000 requests"
            + " per minute, and lets a short burst through while stopping sustained floods. When a client goes over"
            + " the limit, the API answers with HTTP 429 Too Many Requests and a Retry-After header, so well-behaved"
            + " integrations know exactly when to try again. Limits can follow pricing tiers, which turns capacity"
            + " into something you can plan and sell.";
    private static final String ARTICLE_P3 = "For product managers, rate limiting is not only an engineering detail."
            + " It protects your uptime commitments, keeps infrastructure costs predictable, and makes fair use"
            + " visible to customers. Publish the limits in your documentation, show usage in the dashboard, and warn"
            + " customers before they hit the ceiling. Clear rules build trust, and trust keeps accounts renewing.";
    private static final String ARTICLE = ARTICLE_TITLE + "\n\n" + ARTICLE_P1 + "\n\n" + ARTICLE_P2 + "\n\n"
            + ARTICLE_P3;

    private static final String LISTING_TITLE = "Title: Kestrel K2 Mechanical Keyboard";
    private static final String LISTING_P1 = "The Kestrel K2 is a compact 75% mechanical keyboard built for people"
            + " who type all day. Its aluminium case sits on a gasket mount, so every keystroke feels soft and sounds"
            + " quiet, even during long sessions. The hot-swappable sockets let you change switches in minutes"
            + " without a soldering iron.";
    private static final String LISTING_P2 = "Connect it over USB-C or pair it with up to three devices by Bluetooth,"
            + " and switch between them with one key. The battery lasts about four weeks with the backlight off, and"
            + " a full charge takes two hours. Choose linear, tactile or clicky switches and order yours today.";
    private static final String LISTING = LISTING_TITLE + "\n\n" + LISTING_P1 + "\n\n" + LISTING_P2;

    private static final List<TestCase> CASES = List.of(
            new TestCase("rate_limiting_article",
                    ChatRequest.builder().system(SYSTEM).user(
                            "Write a short article on why API rate limiting matters for a SaaS product. Audience:"
                                    + " technical product managers. Tone: professional but conversational.\n\n"
                                    + "Rules:\n"
                                    + "- The first line is the title, written exactly as \"Title: <your title>\", in"
                                    + " Title Case, at most 10 words.\n"
                                    + "- Then a blank line and the body: exactly 3 paragraphs separated by blank"
                                    + " lines, 180 to 220 words in total (the title line does not count).\n"
                                    + "- Use each of the terms \"quota\", \"burst\" and \"429\" at least once and at"
                                    + " most 3 times.\n"
                                    + "- Do not use the words \"scalable\", \"robust\" or \"leverage\" in any form.\n"
                                    + "- No headings, lists or code.")
                            .build(),
                    List.of(GraderConfig.of(FormatGraderFactory.ID).param("title_line", "Title")
                                    .param("title_max_words", 10).param("title_case", true).build(),
                            GraderConfig.of(CountsGraderFactory.ID).param("min_words", 180).param("max_words", 220)
                                    .param("paragraphs", 3).param("ignore_lines", TITLE_LINE).build(),
                            GraderConfig.of(WordsGraderFactory.ID).list("required", "quota", "burst", "429")
                                    .param("max_occurrences", 3)
                                    .list("forbidden", "scalable", "scalably", "robust", "robustly", "robustness",
                                            "leverage", "leverages", "leveraged", "leveraging")
                                    .build()),
                    new Calibration(List.of(ARTICLE, "**" + ARTICLE_TITLE.replace("Title:", "Title:**") + "\n\n"
                            + ARTICLE_P1 + "\n\n" + ARTICLE_P2 + "\n\n" + ARTICLE_P3 + "\n"), List.of(
                            // the typical answer: a heading instead of the title line, banned words, a fourth paragraph
                            "# Why Rate Limiting Matters\n\n" + ARTICLE_P1.replace("slow the service down",
                                    "overwhelm even a scalable service") + "\n\n" + ARTICLE_P2 + "\n\n" + ARTICLE_P3
                                    + "\n\nIn short, leverage rate limits to build a robust product.",
                            // keyword stuffing: every term four times
                            ARTICLE + " Quota, burst, 429: quota, burst, 429, quota, burst, 429.",
                            // too short, two paragraphs, and the title not in Title Case
                            "Title: why rate limits matter\n\n" + ARTICLE_P2 + "\n\n"
                                    + "For product managers, rate limiting protects uptime and keeps costs"
                                    + " predictable. Publish the limits and show usage in the dashboard.",
                            ""))),
            new TestCase("keyboard_listing",
                    ChatRequest.builder().system(SYSTEM).user(
                            "Write a product description for an online shop.\n\n"
                                    + "Product: the Kestrel K2, a fictional compact mechanical keyboard with"
                                    + " hot-swappable switch sockets, an aluminium case, USB-C and Bluetooth, and a"
                                    + " four-week battery life. It comes in three colours and ships with a braided"
                                    + " cable.\n\n"
                                    + "Rules:\n"
                                    + "- The first line is the title, written exactly as \"Title: <your title>\", at"
                                    + " most 8 words.\n"
                                    + "- Then a blank line and the body: exactly 2 paragraphs separated by a blank"
                                    + " line, 90 to 120 words in total (the title line does not count).\n"
                                    + "- The very last word of the description is \"today\".\n"
                                    + "- Mention \"Kestrel K2\", \"hot-swappable\" and \"USB-C\", each at least once"
                                    + " and at most 3 times in the whole text.\n"
                                    + "- Do not use \"revolutionary\", \"seamless\", \"game-changer\" or"
                                    + " \"cutting-edge\" in any form.\n"
                                    + "- No headings, lists or code.")
                            .build(),
                    List.of(GraderConfig.of(FormatGraderFactory.ID).param("title_line", "Title")
                                    .param("title_max_words", 8).param("ends_with", "today").build(),
                            GraderConfig.of(CountsGraderFactory.ID).param("min_words", 90).param("max_words", 120)
                                    .param("paragraphs", 2).param("ignore_lines", TITLE_LINE).build(),
                            GraderConfig.of(WordsGraderFactory.ID).list("required", "Kestrel K2", "hot-swappable",
                                            "USB-C")
                                    .param("max_occurrences", 3)
                                    .list("forbidden", "revolutionary", "seamless", "seamlessly", "game-changer",
                                            "game-changing", "cutting-edge")
                                    .build()),
                    new Calibration(List.of(LISTING), List.of(
                            // marketing clichés and an exclamation instead of the required ending
                            LISTING.replace("compact 75%", "revolutionary 75%")
                                    .replace("order yours today.", "enjoy seamless typing. Order now!"),
                            // keyword stuffing
                            LISTING.replace("Connect it over USB-C", "Connect it over USB-C (USB-C cable included,"
                                    + " USB-C port on the back, USB-C fast charging)"),
                            // one long paragraph without the title line
                            (LISTING_P1 + " " + LISTING_P2.replace(" and order yours today.", ".")
                                    + " The keycaps are double-shot PBT, the stabilisers come lubricated from the"
                                    + " factory, and the companion app lets you remap any key, record macros and"
                                    + " adjust the backlight, so the board adapts to the way you work. Order yours"
                                    + " today."),
                            ""))));

    private ContentGeneration() {}

    /** Creates the test; does no I/O. The result is immutable and thread-safe. */
    public static BenchTest create() {
        return new DefaultBenchTest(ID, "creative",
                "constrained writing: title line, word range, paragraph count, required and banned words",
                PASS_THRESHOLD, CASES);
    }
}
