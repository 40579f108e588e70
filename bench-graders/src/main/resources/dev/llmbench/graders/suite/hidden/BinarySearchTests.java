import java.util.Random;

/** Hidden tests of debugging/binary_search. */
final class BinarySearchTests {
    static void define(LlmbenchHarness h) {
        int[] odd = {1, 3, 5, 7, 9};
        h.test("shown_failing_test", () -> LlmbenchHarness.assertEquals(3, Solution.indexOf(new int[] {1, 3, 5, 7}, 7)));
        h.test("middle", () -> LlmbenchHarness.assertEquals(2, Solution.indexOf(odd, 5)));
        h.test("first", () -> LlmbenchHarness.assertEquals(0, Solution.indexOf(odd, 1)));
        h.test("last", () -> LlmbenchHarness.assertEquals(4, Solution.indexOf(odd, 9)));
        h.test("single_element", () -> LlmbenchHarness.assertEquals(0, Solution.indexOf(new int[] {42}, 42)));
        h.test("absent_between", () -> LlmbenchHarness.assertEquals(-1, Solution.indexOf(odd, 4)));
        h.test("absent_outside", () -> {
            LlmbenchHarness.assertEquals(-1, Solution.indexOf(odd, 0));
            LlmbenchHarness.assertEquals(-1, Solution.indexOf(odd, 10));
        });
        h.test("empty", () -> LlmbenchHarness.assertEquals(-1, Solution.indexOf(new int[0], 1)));
        h.test("negatives", () -> LlmbenchHarness.assertEquals(1, Solution.indexOf(new int[] {-9, -4, 0, 6}, -4)));
        // 200,000 lookups in a sorted array of 10^6: a linear scan needs about 10^11 steps.
        int[] big = new int[1_000_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = 3 * i - 1_000_000;
        }
        int[] keys = new Random(7).ints(200_000, 0, big.length).toArray();
        h.test("large_many_lookups", 2000, () -> {
            for (int k : keys) {
                LlmbenchHarness.assertEquals(k, Solution.indexOf(big, big[k]));
                LlmbenchHarness.assertEquals(-1, Solution.indexOf(big, big[k] + 1));
            }
        });
    }
}
