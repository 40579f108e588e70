/** Hidden tests of debugging/average. */
final class AverageTests {
    private static final double EPS = 1e-9;

    static void define(LlmbenchHarness h) {
        h.test("shown_failing_test", () -> LlmbenchHarness.assertClose(1.5, Solution.average(new int[] {1, 2}), EPS));
        h.test("whole_number", () -> LlmbenchHarness.assertClose(4.0, Solution.average(new int[] {2, 4, 6}), EPS));
        h.test("single", () -> LlmbenchHarness.assertClose(7.0, Solution.average(new int[] {7}), EPS));
        h.test("negative_fraction", () -> LlmbenchHarness.assertClose(-1.5, Solution.average(new int[] {-1, -2}), EPS));
        h.test("thirds", () -> LlmbenchHarness.assertClose(5.0 / 3, Solution.average(new int[] {1, 2, 2}), EPS));
        h.test("empty_rejected", () -> LlmbenchHarness.assertThrows(IllegalArgumentException.class,
                () -> Solution.average(new int[0])));
        // The sum no longer fits in an int.
        h.test("no_int_overflow", () -> LlmbenchHarness.assertClose(Integer.MAX_VALUE,
                Solution.average(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE}), 1e-3));
        h.test("large_values", () -> {
            int[] values = new int[1_000_000];
            java.util.Arrays.fill(values, 2_000_000_000);
            LlmbenchHarness.assertClose(2.0e9, Solution.average(values), 1e-3);
        });
    }
}
