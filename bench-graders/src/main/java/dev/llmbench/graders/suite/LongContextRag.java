package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.facts.FactsGraderFactory;
import dev.llmbench.graders.suite.RagDocument.Needle;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code long_context_rag} (category {@code reliability}): questions over a long generated
 * document, with facts at 10%, 50% and 90% depth and one question the document does not answer.
 *
 * <h2>Document size</h2>
 * {@link RagDocument} generates each case's document from a fixed seed. The standard size is
 * {@value #DEFAULT_CHARS} characters of filler (about 32,300 characters with the needles, about
 * 33,000 with the instructions: roughly 8,000 tokens at 4 characters per token; tokenizers vary by
 * ±25%). The Ollama provider estimates a prompt at 3 characters per token when it sizes
 * {@code num_ctx}, so it asks for about 11,000 tokens plus the output reserve and the document is
 * not silently truncated at Ollama's 4,096-token default. The long variant, {@link #create(int)}
 * with {@link #LONG_CHARS} ({@value #LONG_CHARS} characters, about 32,000 tokens; Ollama sizing
 * about 43,000, within its default {@code num_ctx_max} of 65,536), is not in the {@code standard}
 * suite; use it from a custom {@link dev.llmbench.core.spi.BenchSuite} or test (id
 * {@value #LONG_ID}).
 *
 * <h2>Cases and grading</h2>
 * {@code archive} (seed 11: an access code at 10%, a restorer's name at 50%, a count at 90%; the
 * head librarian is never named) and {@code harbour} (seed 23: a pier number, a donor's name, a
 * colour; the year the roof was replaced is never given). The model answers with lines
 * {@code 1: …} to {@code 4: …}; one {@code facts} grader per question reads its numbered line with
 * {@code match: exact}: after normalisation (case, punctuation, Markdown, thousands separators) the
 * line must equal one accepted form, so "KV-4817 or KV-4871" fails; the unanswerable question must
 * be answered "not in the document" (or "not stated", "unknown", …). <b>Pass threshold:
 * {@value #PASS_THRESHOLD}</b>: each fact was placed to be found, and a model that misses the
 * middle one (lost in the middle) or invents the missing fact has not read the document reliably.
 *
 * <p>Sampling is left at the provider's defaults. Holds only constants; {@link #create()} returns an
 * immutable, thread-safe test.
 *
 * @since 0.1
 */
public final class LongContextRag {
    /** The test id. */
    public static final String ID = "long_context_rag";
    /** The id of the long variant created by {@link #create(int)} with a size other than {@link #DEFAULT_CHARS}. */
    public static final String LONG_ID = "long_context_rag_long";
    /** The pass threshold, in [0, 1]. */
    public static final double PASS_THRESHOLD = 1.0;
    /** Filler characters of the standard document, about 8,000 tokens. */
    public static final int DEFAULT_CHARS = 32_000;
    /** Filler characters of the long document, about 32,000 tokens. */
    public static final int LONG_CHARS = 128_000;

    private static final String SYSTEM = "Answer from the document only and follow the requested output format exactly.";
    private static final String NOT_IN_DOCUMENT = "not in the document|not in document|not mentioned in the document"
            + "|not stated in the document|not stated|not mentioned|the document does not say|unknown";

    /** One case's seed, needles, questions and accepted answers (null answer: not in the document). */
    record Spec(String id, long seed, List<Needle> needles, List<String> avoid, List<String> questions,
            List<String> answers) {}

    /** The cases; package-private for the generator tests. */
    static final List<Spec> SPECS = List.of(
            new Spec("archive", 11,
                    List.of(new Needle(0.10, "The access code for the east reading room is KV-4817."),
                            new Needle(0.50, "The restoration of the Meridian tide clock was led by Ilse Marwood."),
                            new Needle(0.90, "The archive's flood barrier was tested 37 times before it was approved.")),
                    List.of("KV-4817"),
                    List.of("What is the access code for the east reading room?",
                            "Who led the restoration of the Meridian tide clock?",
                            "How many times was the archive's flood barrier tested before it was approved?",
                            "What is the name of the archive's head librarian?"),
                    List.of("KV-4817|KV 4817|KV4817", "Ilse Marwood|Ms Ilse Marwood|Ms. Ilse Marwood",
                            "37|37 times", NOT_IN_DOCUMENT)),
            new Spec("harbour", 23,
                    List.of(new Needle(0.10, "The night ferry to Skarvik leaves from pier 14."),
                            new Needle(0.50, "The lighthouse keeper's logbook for 1911 was donated by Tomas Lindqvist."),
                            new Needle(0.90, "The emergency exit in the basement is painted teal.")),
                    List.of(),
                    List.of("From which pier does the night ferry to Skarvik leave?",
                            "Who donated the lighthouse keeper's logbook for 1911?",
                            "What colour is the emergency exit in the basement painted?",
                            "In which year was the archive's roof last replaced?"),
                    List.of("14|pier 14", "Tomas Lindqvist", "teal", NOT_IN_DOCUMENT)));

    private LongContextRag() {}

    /** Creates the standard test ({@value #DEFAULT_CHARS} characters per document); does no I/O. Immutable, thread-safe. */
    public static BenchTest create() {
        return create(DEFAULT_CHARS);
    }

    /**
     * Creates the test with documents of about {@code targetChars} characters (the id is
     * {@value #LONG_ID} unless the size is {@link #DEFAULT_CHARS}); does no I/O.
     *
     * @param targetChars filler characters per document, at least 2,000 ({@link #LONG_CHARS} for the
     *                    32,000-token variant)
     * @throws IllegalArgumentException when {@code targetChars} is below 2,000
     */
    public static BenchTest create(int targetChars) {
        List<TestCase> cases = SPECS.stream().map(s -> toCase(s, targetChars)).toList();
        String id = targetChars == DEFAULT_CHARS ? ID : LONG_ID;
        return new DefaultBenchTest(id, "reliability",
                "questions over a generated ~" + Math.round(targetChars / 4000.0) + "k-token document, facts at 10/50/90%"
                        + " depth and one unanswerable; exact answers",
                PASS_THRESHOLD, cases);
    }

    /** The document of {@code spec} at {@code targetChars}; package-private for tests. */
    static String document(Spec spec, int targetChars) {
        return RagDocument.generate(spec.seed(), targetChars, spec.needles(), spec.avoid());
    }

    private static TestCase toCase(Spec spec, int targetChars) {
        StringBuilder prompt = new StringBuilder("Read the document below, then answer the questions after it using"
                + " only the document.\n\n<document>\n").append(document(spec, targetChars)).append("</document>\n\n");
        for (int i = 0; i < spec.questions().size(); i++) {
            prompt.append("Question ").append(i + 1).append(": ").append(spec.questions().get(i)).append('\n');
        }
        prompt.append("\nReply with exactly ").append(spec.questions().size()).append(" lines, one per question, each"
                + " of the form `<question number>: <answer>` with the bare answer (a code, a name, a number or a"
                + " word). If the document does not contain the answer, write `not in the document` as the answer.");
        ChatRequest request = ChatRequest.builder().system(SYSTEM).user(prompt.toString()).build();
        List<GraderConfig> graders = new ArrayList<>();
        for (int i = 0; i < spec.answers().size(); i++) {
            graders.add(GraderConfig.of(FactsGraderFactory.ID).param("section", String.valueOf(i + 1))
                    .param("match", "exact").list("facts", spec.answers().get(i)).build());
        }
        return new TestCase(spec.id(), request, graders, calibration(spec, request));
    }

    private static Calibration calibration(Spec spec, ChatRequest request) {
        List<String> first = spec.answers().stream().map(a -> a.split("\\|")[0]).toList();
        String reference = numbered(first);
        List<String> lateAnswers = new ArrayList<>(first);
        lateAnswers.set(3, "Dagny Holm");
        List<String> middleMissed = new ArrayList<>(first);
        middleMissed.set(1, "not in the document");
        List<String> hedged = new ArrayList<>(first);
        hedged.set(0, first.get(0) + " or " + first.get(0).replace("4", "7").replace("1", "9"));
        hedged.set(2, "not in the document");
        return new Calibration(
                List.of(reference, "Here are the answers:\n\n" + numbered(List.of("**" + first.get(0) + "**",
                        first.get(1), first.get(2) + ".", "Not in the document."))),
                List.of(numbered(lateAnswers), numbered(middleMissed), numbered(hedged),
                        // the right answers, but as prose without the numbered lines
                        "The answers are " + String.join(", ", first.subList(0, 3)) + ", and the last one is not in"
                                + " the document.",
                        request.lastUserText(),
                        ""));
    }

    private static String numbered(List<String> answers) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < answers.size(); i++) {
            b.append(i + 1).append(": ").append(answers.get(i)).append('\n');
        }
        return b.toString();
    }
}
