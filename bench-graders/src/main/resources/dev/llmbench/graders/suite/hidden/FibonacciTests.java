import java.math.BigInteger;

/** Hidden tests of code_generation/fibonacci. Expected values come from a BigInteger reference. */
final class FibonacciTests {
    static void define(LlmbenchHarness h) {
        h.test("f0", () -> LlmbenchHarness.assertEquals(ref(0), Solution.fibonacci(0)));
        h.test("f1", () -> LlmbenchHarness.assertEquals(ref(1), Solution.fibonacci(1)));
        h.test("f2", () -> LlmbenchHarness.assertEquals(ref(2), Solution.fibonacci(2)));
        h.test("f10", () -> LlmbenchHarness.assertEquals(ref(10), Solution.fibonacci(10)));
        h.test("negative_rejected", () -> LlmbenchHarness.assertThrows(IllegalArgumentException.class,
                () -> Solution.fibonacci(-1)));
        h.test("above_92_rejected", () -> LlmbenchHarness.assertThrows(IllegalArgumentException.class,
                () -> Solution.fibonacci(93)));
        // Naive recursion needs about 2.5e10 calls for n = 50 and 1e19 for n = 92.
        h.test("f50", 1000, () -> LlmbenchHarness.assertEquals(ref(50), Solution.fibonacci(50)));
        h.test("f92", 1000, () -> LlmbenchHarness.assertEquals(ref(92), Solution.fibonacci(92)));
    }

    private static long ref(int n) {
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            BigInteger next = a.add(b);
            a = b;
            b = next;
        }
        return a.longValueExact();
    }
}
