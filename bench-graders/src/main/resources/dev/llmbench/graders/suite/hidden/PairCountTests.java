import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Hidden tests of code_generation/pair_count. Expected values of the large inputs come from a reference. */
final class PairCountTests {
    static void define(LlmbenchHarness h) {
        h.test("empty", () -> LlmbenchHarness.assertEquals(0L, Solution.countPairs(new int[0], 5)));
        h.test("single", () -> LlmbenchHarness.assertEquals(0L, Solution.countPairs(new int[] {5}, 10)));
        h.test("example", () -> LlmbenchHarness.assertEquals(3L, Solution.countPairs(new int[] {1, 5, 3, 3, 7}, 8)));
        h.test("duplicates", () -> LlmbenchHarness.assertEquals(6L, Solution.countPairs(new int[] {2, 2, 2, 2}, 4)));
        h.test("negatives_and_zero",
                () -> LlmbenchHarness.assertEquals(3L, Solution.countPairs(new int[] {-3, 3, 0, 0, 6, -6}, 0)));
        // MAX + MAX wraps to -2 in int arithmetic: only (0, -2) really sums to -2.
        h.test("no_int_overflow", () -> LlmbenchHarness.assertEquals(1L,
                Solution.countPairs(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, 0, -2}, -2)));
        h.test("input_unchanged", () -> {
            int[] values = {9, 1, 8, 2, 7, 3};
            Solution.countPairs(values, 10);
            LlmbenchHarness.assertEquals(new int[] {9, 1, 8, 2, 7, 3}, values);
        });
        // One million values: an O(n^2) double loop needs 5e11 steps.
        int[] equal = new int[1_000_000];
        Arrays.fill(equal, 7);
        h.test("large_all_equal", 3000,
                () -> LlmbenchHarness.assertEquals(499_999_500_000L, Solution.countPairs(equal, 14)));
        int[] random = new Random(42).ints(1_000_000, -1_000_000, 1_000_001).toArray();
        long expected = reference(random, 12_345);
        h.test("large_random", 5000,
                () -> LlmbenchHarness.assertEquals(expected, Solution.countPairs(random.clone(), 12_345)));
    }

    private static long reference(int[] values, int target) {
        Map<Long, Long> seen = new HashMap<>();
        long pairs = 0;
        for (int v : values) {
            pairs += seen.getOrDefault((long) target - v, 0L);
            seen.merge((long) v, 1L, Long::sum);
        }
        return pairs;
    }
}
