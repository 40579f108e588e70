package dev.llmbench.graders.facts;

import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import dev.llmbench.graders.internal.Params;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code clarification} grader: for underspecified or invalid requests, where the right reply
 * asks about what is missing and invents nothing (no booking numbers, prices or flights).
 *
 * <h2>Parameters</h2>
 * <ul>
 *   <li>{@code section} (a label, default {@code Questions}): the questions are the lines of the
 *       lines after the last line labelled {@code Questions:}, to the end of the response.
 *   <li>{@code min_questions} (integer &ge; 1, default 2): how many distinct question lines are
 *       needed. A question line has at least three words and ends with {@code ?}; list markers and
 *       Markdown are ignored, repeated lines count once.
 *   <li>{@code topics} (list of {@code name=regex}): each topic must be asked about: some question
 *       line matches the regex (case-insensitive, {@code find}).
 *   <li>{@code fabrications} (list of {@code name=regex}, optional): more patterns of invented
 *       specifics, added to the built-in ones ({@link #BUILT_IN}).
 * </ul>
 *
 * <h2>Checks</h2>
 * <ul>
 *   <li>{@code question_count} (weight 2): enough question lines in the section; a missing section
 *       fails. The weight makes one line stuffed with every topic keyword fail a case on its own.
 *   <li>{@code topic:<name>} (weight 3 shared equally, i.e. 1 each for three topics, 3 for one): a
 *       question line matches the topic's regex.
 *   <li>{@code no_fabrication} (weight 3): no built-in or configured pattern matches anywhere in
 *       the response, except text that also occurs in the request (the user's own "$500" is not
 *       invented). Built in: {@code price} (a currency amount), {@code flight_number}
 *       ({@code UA 1234}), {@code booking_code} (a reference, confirmation, booking or ticket code,
 *       or a six- to eight-character code of capitals and digits), {@code claimed_action} ("I have
 *       booked", "is confirmed"). An empty response fails.
 * </ul>
 * The grade passes on its own only when every check passes.
 *
 * <p>Stateless and thread-safe; the graders it creates are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ClarificationGraderFactory implements GraderFactory {
    /** The grader id. */
    public static final String ID = "clarification";

    /** The built-in fabrication patterns, by name. */
    public static final Map<String, String> BUILT_IN = builtIn();

    private static final Set<String> KNOWN = Set.of("section", "min_questions", "topics", "fabrications");

    /** Creates the factory; does no I/O. */
    public ClarificationGraderFactory() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "asks clarifying questions ('Questions:' section, topics) and fabricates no prices, flights, booking"
                + " codes or completed actions; params: section, min_questions, topics (name=regex), fabrications";
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.llmbench.core.BenchConfigurationException when a parameter is unknown,
     *         {@code min_questions} is below 1, a {@code name=regex} entry is malformed, a name is
     *         repeated or a regex does not compile
     */
    @Override
    public Grader create(GraderConfig config) {
        config.requireKnown(KNOWN);
        String section = config.optString("section").orElse("Questions").strip();
        if (!Sections.isValidLabel(section)) {
            throw Params.error(config, "parameter 'section' must be a label of letters, digits and spaces, got \""
                    + section + "\"");
        }
        int min = Params.nonNegativeInt(config, "min_questions").orElse(2);
        if (min < 1) {
            throw Params.error(config, "parameter 'min_questions' must be at least 1, got " + min);
        }
        Map<String, Pattern> topics = patterns(config, "topics", Map.of());
        Map<String, Pattern> fabrications = patterns(config, "fabrications", BUILT_IN);
        return new ClarificationGrader(section, min, topics, fabrications);
    }

    private static Map<String, Pattern> patterns(GraderConfig config, String key, Map<String, String> base) {
        Map<String, Pattern> out = new LinkedHashMap<>();
        base.forEach((name, regex) -> out.put(name, Pattern.compile(regex)));
        for (String entry : config.strings(key)) {
            int eq = entry.indexOf('=');
            String name = eq > 0 ? entry.substring(0, eq).strip() : "";
            if (!name.matches("[a-z][a-z0-9_]*") || eq == entry.length() - 1) {
                throw Params.error(config, "parameter '" + key + "' entries look like \"name=regex\" (name in"
                        + " lower_snake_case), got \"" + entry + "\"");
            }
            if (out.containsKey(name)) {
                throw Params.error(config, "parameter '" + key + "' repeats the name \"" + name + "\"");
            }
            try {
                out.put(name, Pattern.compile(entry.substring(eq + 1), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw Params.error(config, "parameter '" + key + "': bad regex for \"" + name + "\": "
                        + e.getDescription());
            }
        }
        return out;
    }

    private static Map<String, String> builtIn() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("price", "(?:[$€£¥]\\s?\\d[\\d,]*(?:\\.\\d+)?|\\b\\d[\\d,]*(?:\\.\\d+)?\\s?(?:USD|EUR|GBP|dollars|euros|pounds)\\b)");
        m.put("flight_number", "\\b[A-Z]{2}\\s?\\d{2,4}\\b");
        m.put("booking_code", "(?i:\\b(?:booking|confirmation|reservation|reference|ticket|PNR)\\b(?:\\s+(?:number|code|no\\.?|id))?"
                + "\\s*(?:is|:|#)?\\s*)#?(?=[A-Z0-9-]*\\d)[A-Z0-9-]{5,}\\b|\\b(?=[A-Z0-9]*\\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,8}\\b");
        m.put("claimed_action", "(?im)\\b(?:I|we)(?:'ve|’ve| have)\\s+(?:already\\s+|now\\s+)?(?:booked|reserved|"
                + "scheduled|sent|confirmed|purchased|arranged)\\b|(?:^|[.!?]\\s+)(?:your|the)\\s+\\w+\\s+(?:is|has been)"
                + "\\s+(?:now\\s+)?(?:booked|reserved|confirmed|scheduled)\\b");
        return java.util.Collections.unmodifiableMap(m);
    }
}
