package dev.llmbench.graders.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A seating or ordering puzzle whose clues are predicates, with a brute-force solver: the expected
 * arrangement a grader uses is computed here, never typed by hand, and a unit test proves it is
 * the only one.
 *
 * <p>Immutable and thread-safe (the clue predicates must be pure).
 *
 * @param id       the case id
 * @param setting  the story: who is arranged and how positions are numbered
 * @param names    the people, one word each
 * @param clues    the clues in the order the prompt lists them
 * @param question the question asked, e.g. "Who sits in seat 4?"
 * @param asked    the position the question asks about, 1-based
 * @param unit     what a position is called in the answer format, e.g. "seat"
 */
record OrderingPuzzle(String id, String setting, List<String> names, List<Clue> clues, String question, int asked,
        String unit) {

    /** One clue: its wording and the predicate that encodes it. */
    record Clue(String text, Predicate<Positions> holds) {}

    /** The 1-based position of each person in a candidate arrangement. */
    @FunctionalInterface
    interface Positions {
        int of(String name);
    }

    OrderingPuzzle {
        names = List.copyOf(names);
        clues = List.copyOf(clues);
    }

    /** Every arrangement (position 1 first) that satisfies all of {@code clues}. */
    static List<List<String>> solve(List<String> names, List<Clue> clues) {
        List<List<String>> out = new ArrayList<>();
        permute(new ArrayList<>(names), 0, clues, out);
        return out;
    }

    /** Every arrangement that satisfies all clues. */
    List<List<String>> solutions() {
        return solve(names, clues);
    }

    /**
     * The unique solution.
     *
     * @throws IllegalStateException when the puzzle has no solution or more than one
     */
    List<String> solution() {
        List<List<String>> all = solutions();
        if (all.size() != 1) {
            throw new IllegalStateException("puzzle '" + id + "' has " + all.size() + " solutions: " + all);
        }
        return all.get(0);
    }

    /** The name at the asked position of the solution. */
    String answer() {
        return solution().get(asked - 1);
    }

    /** The prompt: setting, numbered clues, question and the required answer format. */
    String prompt() {
        StringBuilder b = new StringBuilder(setting).append("\n\nClues:\n");
        for (int i = 0; i < clues.size(); i++) {
            b.append(i + 1).append(". ").append(clues.get(i).text()).append('\n');
        }
        return b.append('\n').append(question).append("\n\nYou may reason step by step first. Then write the"
                + " complete arrangement, one line per ").append(unit).append(" from 1 to ").append(names.size())
                .append(", each in the form `<").append(unit).append(" number>: <name>` (for example `1: ")
                .append(names.get(0)).append("`), and end with a final line of the form `Answer: <name>`.").toString();
    }

    /** {@code arrangement} in the numbered-line format the prompt asks for. */
    static String lines(List<String> arrangement) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < arrangement.size(); i++) {
            b.append(i + 1).append(": ").append(arrangement.get(i)).append('\n');
        }
        return b.toString();
    }

    private static void permute(List<String> a, int k, List<Clue> clues, List<List<String>> out) {
        if (k == a.size()) {
            Positions p = name -> {
                int i = a.indexOf(name);
                if (i < 0) {
                    throw new IllegalArgumentException("a clue names '" + name + "', who is not in " + a);
                }
                return i + 1;
            };
            if (clues.stream().allMatch(c -> c.holds().test(p))) {
                out.add(List.copyOf(a));
            }
            return;
        }
        for (int i = k; i < a.size(); i++) {
            java.util.Collections.swap(a, k, i);
            permute(a, k + 1, clues, out);
            java.util.Collections.swap(a, k, i);
        }
    }
}
