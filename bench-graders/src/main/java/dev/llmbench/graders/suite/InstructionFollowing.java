package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.text.ConstraintsGraderFactory;
import java.util.List;

/**
 * {@code instruction_following} (category {@code reliability}): short writing tasks under stacked,
 * verifiable constraints in the style of IFEval.
 *
 * <p>The {@code cloud_caps} case is the seed's test with every constraint actually checked: exactly
 * 5 sentences, at most 15 letters 'e' (the reference uses 8), "serverless" exactly once, last word
 * "future", no "scalable", all capitals. {@code lighthouse} and {@code release_note} stack sentence,
 * word-range, required-word, banned-word and last-word constraints; the release note also contains
 * decimals and "e.g.", which a naive splitter miscounts.
 *
 * <h2>Grading</h2>
 * One {@code constraints} grader per case; each constraint is one check of weight 1, so the score
 * is the share of constraints satisfied. <b>Pass threshold: {@value #PASS_THRESHOLD}</b>, i.e.
 * every constraint (IFEval's "strict, prompt-level" accuracy): a response that ignores one of the
 * instructions did not follow the instructions. The score still shows how close it came.
 *
 * <p>Sampling is left at the provider's defaults. Holds only constants; {@link #create()} returns an
 * immutable, thread-safe test.
 *
 * @since 0.1
 */
public final class InstructionFollowing {
    /** The test id. */
    public static final String ID = "instruction_following";
    /** The pass threshold, in [0, 1]. */
    public static final double PASS_THRESHOLD = 1.0;

    private static final String SYSTEM = "Follow every instruction exactly.";

    private static final String CLOUD_REFERENCE = "CLOUD COMPUTING IS A BIG SHIFT. IT LOWERS COSTS FOR MANY FIRMS."
            + " SERVERLESS TOOLS RUN CODE ON DEMAND. DATA STAYS SAFE AND ALWAYS ON. IT IS OUR FUTURE.";
    private static final String LIGHTHOUSE_REFERENCE = "The old lighthouse stands alone on a granite cliff above the"
            + " harbor. Every night its beacon sweeps across the dark water and guides tired sailors past the rocks."
            + " For the fishing families below, that steady glow means they are almost home.";

    private static final List<TestCase> CASES = List.of(
            task("cloud_caps",
                    "Write a short paragraph about cloud computing that follows all of these rules:\n"
                            + "- exactly 5 sentences;\n"
                            + "- the letter \"e\" appears at most 15 times in total (upper or lower case);\n"
                            + "- the word \"serverless\" appears exactly once;\n"
                            + "- the last word is \"future\";\n"
                            + "- do not use the word \"scalable\";\n"
                            + "- write everything in capital letters.\n"
                            + "Reply with the paragraph only.",
                    GraderConfig.of(ConstraintsGraderFactory.ID)
                            .param("sentences_exactly", 5)
                            .param("max_letter_count", "e:15")
                            .param("word_exactly_once", "serverless")
                            .param("ends_with", "future")
                            .list("forbidden_words", "scalable")
                            .param("all_caps", true)
                            .build(),
                    new Calibration(
                            List.of(CLOUD_REFERENCE, "  " + CLOUD_REFERENCE.replace("FUTURE.", "FUTURE!") + "\n"),
                            List.of(
                            // perfect except for the case
                            "Cloud computing is a big shift. It lowers costs for many firms. Serverless tools run"
                                    + " code on demand. Data stays safe and always on. It is our future.",
                            // one sentence too many, and "serverless" twice
                            "CLOUD COMPUTING IS A BIG SHIFT. IT LOWERS COSTS FOR MANY FIRMS. SERVERLESS TOOLS RUN"
                                    + " CODE ON DEMAND. A SERVERLESS APP CAN GROW FAST. DATA STAYS SAFE AND ALWAYS ON."
                                    + " IT IS OUR FUTURE.",
                            // the typical answer: banned word, too many e's, wrong last word
                            "CLOUD COMPUTING DELIVERS SCALABLE RESOURCES OVER THE INTERNET. SERVERLESS PLATFORMS"
                                    + " REMOVE THE NEED TO MANAGE SERVERS. BUSINESSES PAY ONLY FOR WHAT THEY USE."
                                    + " SECURITY AND RELIABILITY KEEP IMPROVING. THE CLOUD WILL KEEP SHAPING THE WAY"
                                    + " WE WORK TODAY.",
                            // nothing at all: the seed counted the empty string as all caps
                            ""))),
            task("lighthouse",
                    "Describe a lighthouse at night, following all of these rules:\n"
                            + "- exactly 3 sentences;\n"
                            + "- between 30 and 50 words in total;\n"
                            + "- use the word \"beacon\" exactly once;\n"
                            + "- do not use the words \"sea\", \"ocean\" or \"waves\";\n"
                            + "- the last word is \"home\".\n"
                            + "Reply with the description only.",
                    GraderConfig.of(ConstraintsGraderFactory.ID)
                            .param("sentences_exactly", 3)
                            .param("min_words", 30)
                            .param("max_words", 50)
                            .param("word_exactly_once", "beacon")
                            .list("forbidden_words", "sea", "ocean", "waves")
                            .param("ends_with", "home")
                            .build(),
                    new Calibration(List.of(LIGHTHOUSE_REFERENCE), List.of(
                            // four short sentences, "beacon" twice, too few words
                            "The lighthouse stands on a cliff. Its beacon turns all night. Ships watch the beacon"
                                    + " from far away. It guides them home.",
                            // too long, a banned word, and the wrong last word
                            "High on a rocky point above the restless ocean, the old lighthouse wakes as the sun goes"
                                    + " down and the sky turns from orange to deep blue. Its powerful beacon sweeps in"
                                    + " slow circles across the dark, cold water, flashing every ten seconds so that"
                                    + " every passing captain can read the coastline. Fishing boats returning late"
                                    + " follow that familiar rhythm past the hidden reefs and into the harbor safely.",
                            // a chatty coda after a good answer
                            LIGHTHOUSE_REFERENCE + "\n\nWould you like a longer version?"))),
            task("release_note",
                    "Write a release note for version 2.5 of the command-line tool deployctl, following all of"
                            + " these rules:\n"
                            + "- exactly 4 sentences;\n"
                            + "- between 40 and 80 words in total;\n"
                            + "- use the word \"rollback\" exactly once;\n"
                            + "- do not use the words \"simply\", \"just\" or \"easily\";\n"
                            + "- the last word is \"changelog\".\n"
                            + "Reply with the release note only.",
                    GraderConfig.of(ConstraintsGraderFactory.ID)
                            .param("sentences_exactly", 4)
                            .param("min_words", 40)
                            .param("max_words", 80)
                            .param("word_exactly_once", "rollback")
                            .list("forbidden_words", "simply", "just", "easily")
                            .param("ends_with", "changelog")
                            .build(),
                    new Calibration(List.of(
                            "Version 2.5 of `deployctl` makes deployments faster and safer for every team. A new"
                                    + " rollback command restores the previous release in under 10 seconds, e.g."
                                    + " after a failed health check. Startup time drops by 35% and memory use falls"
                                    + " to 99.5 MB on large projects. Read about every fix and upgrade step in the"
                                    + " changelog.",
                            "**deployctl 2.5** makes deployments faster and safer for every team, from startups to"
                                    + " large companies. The new rollback command restores the previous release in"
                                    + " under 10 seconds after a failed health check. Startup is 35% faster, and"
                                    + " memory use on large projects falls to 99.5 MB. Every fix and upgrade step is"
                                    + " listed in the **changelog**."),
                            List.of(
                            // chatty, too long, a banned word, wrong last word
                            "Here is your release note! Version 2.5 of deployctl is just out, and it is our biggest"
                                    + " update yet. You can now undo a bad deploy with the new rollback command, which"
                                    + " restores the previous release in seconds. We also cut startup time by 35%,"
                                    + " reduced memory use on large projects, and fixed more than forty bugs reported"
                                    + " by the community. Upgrading is easy: run deployctl self-update and you are"
                                    + " done. See the changelog for the full list of changes, and as always, thank"
                                    + " you for your feedback and enjoy!",
                            // terse, and "rollback" twice
                            "Version 2.5 adds rollback. Use deployctl rollback to undo a release. Startup is 35%"
                                    + " faster. See the changelog."))));

    private InstructionFollowing() {}

    /** Creates the test; does no I/O. The result is immutable and thread-safe. */
    public static BenchTest create() {
        return new DefaultBenchTest(ID, "reliability",
                "stacked verifiable writing constraints (IFEval style); score = share of constraints satisfied",
                PASS_THRESHOLD, CASES);
    }

    private static TestCase task(String id, String prompt, GraderConfig constraints, Calibration calibration) {
        ChatRequest request = ChatRequest.builder().system(SYSTEM).user(prompt).build();
        return new TestCase(id, request, List.of(constraints), calibration);
    }
}
