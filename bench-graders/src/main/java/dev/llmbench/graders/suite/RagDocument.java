package dev.llmbench.graders.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic long document for {@link LongContextRag}: filler paragraphs about a fictional
 * town archive, generated from a seed, with "needle" sentences placed at set depths.
 *
 * <p>The filler is built from templates and word lists; it deliberately contains sentences of the
 * same shape as the needles (other rooms' access codes, other objects' restorers, other ferries'
 * piers), so finding a fact takes reading, not pattern matching. The word lists never contain a
 * needle's subject ("east reading room", "Meridian tide clock", "night ferry", "Skarvik", …) nor
 * the subjects of the unanswerable questions ("librarian", "roof"); {@code RagDocumentTest} checks
 * this on the generated text. Distractor codes that happen to equal a needle's code are redrawn.
 *
 * <p>{@link java.util.Random} with a fixed seed is specified to produce the same sequence on every
 * JVM, so a seed and a size always give the same document.
 *
 * <p>Stateless and thread-safe.
 */
final class RagDocument {
    /** A fact sentence and where it goes: {@code depth} in [0, 1] is its offset as a share of the document. */
    record Needle(double depth, String sentence) {}

    private static final String[] ROOMS = {"the west storage vault", "the north annex", "the map room", "the bindery",
        "the photo lab", "the reading hall", "the loading dock", "the rare books cage", "the south stairwell",
        "the conservation studio", "the microfilm booth", "the records office"};
    private static final String[] OBJECTS = {"the harbour bell", "the customs ledgers", "the fishing licences of 1898",
        "the rope-walk survey", "the chapel organ plans", "the ferry timetables", "the salt trade accounts",
        "the shipyard payrolls", "the school census books", "the herring market posters", "the pilot station diaries",
        "the tram company minutes"};
    private static final String[] FIRST = {"Anders", "Bettina", "Casimir", "Dagny", "Emil", "Freya", "Gustav", "Hedda",
        "Ivar", "Johanna", "Karl", "Liv", "Mats", "Nora", "Petra", "Rune", "Sigrid", "Ulla", "Viggo", "Wenche"};
    private static final String[] LAST = {"Aasen", "Berg", "Dahl", "Eklund", "Falk", "Haugen", "Holm", "Lund", "Moe",
        "Nygaard", "Rask", "Solberg", "Strand", "Vik"};
    private static final String[] TOWNS = {"Brekkvik", "Dalsund", "Ferholm", "Grenvik", "Lysnes", "Osvik", "Tennfjord"};
    private static final String[] TIMES = {"morning", "midday", "early", "evening", "weekend", "freight"};
    private static final String[] COLOURS = {"green", "grey", "white", "dark blue", "ochre", "red", "yellow"};
    private static final String[] MONTHS = {"January", "March", "May", "August", "October", "December"};
    private static final String[] TEMPLATES = {
        "The access code for {room} is {code}.",
        "The restoration of {object} was led by {person}.",
        "{Object} was inspected {n} times during {year}.",
        "The {time} ferry to {town} leaves from pier {small}.",
        "{Object} was donated by {person} in {year}.",
        "The door to {room} is painted {colour}.",
        "In {year}, {person} catalogued {n} boxes of {object} in {room}.",
        "Volunteers from {town} spent {small} afternoons sorting {object}.",
        "A humidity reading of {small} percent was recorded in {room} in {month}.",
        "{person} proposed moving {object} to {room}, but the board postponed the decision.",
        "The board noted that {object} had been scanned at {n} dots per inch.",
        "Visitors asked most often about {object}, according to a survey by {person}.",
        "Heating costs for {room} rose by {small} percent over the winter.",
        "The archive board met {small} times in {year} and approved a new lending policy.",
        "Several letters about {object} were found misfiled in {room}.",
        "{person} wrote a short guide to {object} for school groups.",
        "Shelving in {room} was extended by {small} metres after a grant from {town}.",
        "A copy of {object} was lent to the museum in {town} for {small} weeks."};

    private RagDocument() {}

    /**
     * Generates the document.
     *
     * @param seed        any value; the same seed, size and needles give the same text
     * @param targetChars the filler length in characters before the needles are added, at least 2,000
     * @param needles     the facts to place, each at its depth
     * @param avoid       strings no distractor may contain (a needle's code); compared case-insensitively
     * @return the document: a title line and paragraphs separated by blank lines; never null
     */
    static String generate(long seed, int targetChars, List<Needle> needles, List<String> avoid) {
        if (targetChars < 2_000) {
            throw new IllegalArgumentException("targetChars (" + targetChars + ") must be at least 2000");
        }
        Random random = new Random(seed);
        List<StringBuilder> paragraphs = new ArrayList<>();
        int length = 0;
        while (length < targetChars) {
            StringBuilder p = new StringBuilder();
            int sentences = 4 + random.nextInt(4);
            for (int i = 0; i < sentences; i++) {
                p.append(i == 0 ? "" : " ").append(sentence(random, avoid));
            }
            paragraphs.add(p);
            length += p.length() + 2;
        }
        for (Needle needle : needles) {
            int target = (int) Math.round(needle.depth() * length);
            int offset = 0;
            for (StringBuilder p : paragraphs) {
                if (offset + p.length() + 2 > target) {
                    p.append(' ').append(needle.sentence());
                    break;
                }
                offset += p.length() + 2;
            }
        }
        StringBuilder doc = new StringBuilder("Halden Bay Municipal Archive: digest of the annual records\n\n");
        for (StringBuilder p : paragraphs) {
            doc.append(p).append("\n\n");
        }
        return doc.toString().strip() + "\n";
    }

    private static String sentence(Random random, List<String> avoid) {
        String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
        String object = pick(random, OBJECTS);
        String s = template
                .replace("{room}", pick(random, ROOMS))
                .replace("{Object}", Character.toUpperCase(object.charAt(0)) + object.substring(1))
                .replace("{object}", object)
                .replace("{person}", pick(random, FIRST) + " " + pick(random, LAST))
                .replace("{town}", pick(random, TOWNS))
                .replace("{time}", pick(random, TIMES))
                .replace("{colour}", pick(random, COLOURS))
                .replace("{month}", pick(random, MONTHS))
                .replace("{year}", String.valueOf(1952 + random.nextInt(70)))
                .replace("{n}", String.valueOf(40 + random.nextInt(900)))
                .replace("{small}", String.valueOf(2 + random.nextInt(60)));
        if (s.contains("{code}")) {
            String code;
            do {
                code = "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)) + "-"
                        + (1000 + random.nextInt(9000));
            } while (containsAny(code, avoid));
            s = s.replace("{code}", code);
        }
        return s;
    }

    private static boolean containsAny(String s, List<String> avoid) {
        return avoid.stream().anyMatch(a -> s.equalsIgnoreCase(a));
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
