/** Hidden tests of code_generation/run_length. */
final class RunLengthTests {
    static void define(LlmbenchHarness h) {
        h.test("empty", () -> LlmbenchHarness.assertEquals("", Solution.encode("")));
        h.test("single", () -> LlmbenchHarness.assertEquals("x1", Solution.encode("x")));
        h.test("example", () -> LlmbenchHarness.assertEquals("a3b1c2d4", Solution.encode("aaabccdddd")));
        h.test("long_run", () -> LlmbenchHarness.assertEquals("a12b1", Solution.encode("aaaaaaaaaaaab")));
        h.test("case_sensitive", () -> LlmbenchHarness.assertEquals("a1A1a1", Solution.encode("aAa")));
        h.test("digits_and_spaces", () -> LlmbenchHarness.assertEquals("1221 2", Solution.encode("112  ")));
        // 10^6 alternating characters: building the 2 * 10^6-character result by string concatenation
        // copies about 10^12 characters.
        String alternating = "ab".repeat(500_000);
        String expected = "a1b1".repeat(500_000);
        h.test("large_alternating", 2000, () -> LlmbenchHarness.assertEquals(expected, Solution.encode(alternating)));
        String oneRun = "z".repeat(1_000_000);
        h.test("large_single_run", 2000, () -> LlmbenchHarness.assertEquals("z1000000", Solution.encode(oneRun)));
    }
}
