import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/** Hidden tests of debugging/merge_sorted. Expected arrays come from sorting the concatenation. */
final class MergeSortedTests {
    static void define(LlmbenchHarness h) {
        h.test("shown_failing_test", 5000, merges(new int[] {1, 4}, new int[] {2, 3, 5}));
        h.test("first_empty", 5000, merges(new int[0], new int[] {1, 2}));
        h.test("second_empty", 5000, merges(new int[] {1, 2}, new int[0]));
        h.test("both_empty", 5000, merges(new int[0], new int[0]));
        h.test("first_longer", 5000, merges(new int[] {1, 5, 8, 9}, new int[] {2, 3}));
        h.test("duplicates", 5000, merges(new int[] {1, 2, 2}, new int[] {2, 3}));
        h.test("negatives", 5000, merges(new int[] {-5, -1, 4}, new int[] {-7, -1, 10}));
        h.test("inputs_unchanged", () -> {
            int[] a = {1, 3};
            int[] b = {2, 4};
            Solution.merge(a, b);
            LlmbenchHarness.assertEquals(new int[] {1, 3}, a);
            LlmbenchHarness.assertEquals(new int[] {2, 4}, b);
        });
        Random r = new Random(11);
        int[] a = r.ints(400_000, -1_000_000, 1_000_000).sorted().toArray();
        int[] b = r.ints(600_000, -1_000_000, 1_000_000).sorted().toArray();
        h.test("large", 5000, merges(a, b));
    }

    private static LlmbenchHarness.Body merges(int[] a, int[] b) {
        int[] expected = IntStream.concat(Arrays.stream(a), Arrays.stream(b)).sorted().toArray();
        return () -> LlmbenchHarness.assertEquals(expected, Solution.merge(a.clone(), b.clone()));
    }
}
