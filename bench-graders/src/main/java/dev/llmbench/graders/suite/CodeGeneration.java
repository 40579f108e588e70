package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.code.JavaTestsGraderFactory;
import java.util.List;

/**
 * {@code code_generation} (category {@code coding}): write a Java method from a specification.
 *
 * <p>Each case asks for a complete class {@code Solution} in one fenced {@code ```java} block. The
 * {@code java_tests} grader compiles it and runs hidden tests (resources under
 * {@code dev/llmbench/graders/suite/hidden/}) in a sandboxed child JVM: edge cases from the
 * specification, and a last size that naive solutions cannot meet in time while a good one
 * finishes far inside it (the limits allow for a slow, busy 2-core machine):
 * <ul>
 *   <li>{@code fibonacci}: {@code long fibonacci(int n)}, 0 ≤ n ≤ 92, else
 *       {@code IllegalArgumentException}; n = 50 and 92 within 1 s each (naive recursion needs
 *       ~2.5·10<sup>10</sup> calls for n = 50; the reference loop takes under 1 ms).
 *   <li>{@code pair_count}: {@code long countPairs(int[] values, int target)}, pairs i &lt; j with an
 *       exact (non-overflowing) sum, input unchanged; 10<sup>6</sup> equal values within 3 s and
 *       10<sup>6</sup> random values within 5 s (an O(n<sup>2</sup>) loop needs 5·10<sup>11</sup>
 *       steps; the reference's boxed hash map took 25 ms and 0.5 s on a 2-core machine).
 *   <li>{@code run_length}: {@code String encode(String s)}; 10<sup>6</sup> characters within 2 s
 *       (building the result by string concatenation copies ~10<sup>12</sup> characters; the
 *       reference's {@code StringBuilder} took 31 ms).
 * </ul>
 *
 * <h2>Grading</h2>
 * One {@code java_tests} grader per case: {@code extracted}, {@code compiles} and one
 * {@code test:<name>} check per hidden test, weight 1 each. <b>Pass threshold:
 * {@value #PASS_THRESHOLD}</b>: a solution passes only when it compiles and passes every hidden
 * test (functional correctness, as in HumanEval); the score shows how close it came.
 *
 * <p>Holds only constants; {@link #create()} returns an immutable, thread-safe test.
 *
 * @since 0.1
 */
public final class CodeGeneration {
    /** The test id. */
    public static final String ID = "code_generation";
    /** The pass threshold, in [0, 1]. */
    public static final double PASS_THRESHOLD = 1.0;

    static final String HIDDEN = "dev/llmbench/graders/suite/hidden/";
    static final String SYSTEM = "You are an expert Java programmer. Follow the requested output format exactly.";
    static final String FORMAT = "\n\nReply with the complete class `Solution` (Java 17, standard library only) in"
            + " one fenced code block tagged java. Return results; do not print anything.";

    private static final String FIB_SIGNATURE = "public static long fibonacci(int n)";
    private static final String FIB_REFERENCE = """
            The loop keeps the last two values, so it needs n additions and constant space.

            ```java
            public class Solution {
                public static long fibonacci(int n) {
                    if (n < 0 || n > 92) {
                        throw new IllegalArgumentException("n must be between 0 and 92: " + n);
                    }
                    long a = 0;
                    long b = 1;
                    for (int i = 0; i < n; i++) {
                        long next = a + b;
                        a = b;
                        b = next;
                    }
                    return a;
                }
            }
            ```
            """;

    private static final String PAIRS_SIGNATURE = "public static long countPairs(int[] values, int target)";
    private static final String PAIRS_REFERENCE = """
            ```java
            import java.util.HashMap;
            import java.util.Map;

            public class Solution {
                public static long countPairs(int[] values, int target) {
                    Map<Long, Integer> seen = new HashMap<>();
                    long pairs = 0;
                    for (int v : values) {
                        pairs += seen.getOrDefault((long) target - v, 0);
                        seen.merge((long) v, 1, Integer::sum);
                    }
                    return pairs;
                }
            }
            ```
            One pass with a hash map of the values seen so far: O(n) time. Sums are taken in long arithmetic.
            """;

    private static final String RLE_SIGNATURE = "public static String encode(String s)";
    private static final String RLE_REFERENCE = """
            ```java
            public class Solution {
                public static String encode(String s) {
                    StringBuilder out = new StringBuilder();
                    int i = 0;
                    while (i < s.length()) {
                        char c = s.charAt(i);
                        int j = i;
                        while (j < s.length() && s.charAt(j) == c) {
                            j++;
                        }
                        out.append(c).append(j - i);
                        i = j;
                    }
                    return out.toString();
                }
            }
            ```
            """;

    private static final List<TestCase> CASES = List.of(
            task("fibonacci", FIB_SIGNATURE, "FibonacciTests.java",
                    "Write `" + FIB_SIGNATURE + "` in a class `Solution`. It returns the n-th Fibonacci number,"
                            + " with fibonacci(0) = 0, fibonacci(1) = 1 and fibonacci(n) = fibonacci(n - 1) +"
                            + " fibonacci(n - 2). Valid inputs are 0 ≤ n ≤ 92 (the largest whose result fits in a"
                            + " long); for any other n it throws IllegalArgumentException. It must be fast for"
                            + " every valid n.",
                    new Calibration(List.of(FIB_REFERENCE,
                            // memoised recursion, only the method (wrapped by the grader)
                            """
                            ```java
                            private static final long[] MEMO = new long[93];

                            public static long fibonacci(int n) {
                                if (n < 0 || n > 92) throw new IllegalArgumentException("bad n");
                                if (n < 2) return n;
                                if (MEMO[n] == 0) MEMO[n] = fibonacci(n - 1) + fibonacci(n - 2);
                                return MEMO[n];
                            }
                            ```"""),
                            List.of(
                            // naive recursion: correct but exponential, times out on n = 50 and 92
                            """
                            ```java
                            public class Solution {
                                public static long fibonacci(int n) {
                                    if (n < 0 || n > 92) {
                                        throw new IllegalArgumentException("n must be between 0 and 92: " + n);
                                    }
                                    return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);
                                }
                            }
                            ```""",
                            // off by one: returns F(n + 1)
                            FIB_REFERENCE.replace("return a;", "return b;"),
                            // int arithmetic overflows above n = 46 and skips validation
                            """
                            ```java
                            public class Solution {
                                public static long fibonacci(int n) {
                                    int a = 0, b = 1;
                                    for (int i = 0; i < n; i++) { int t = a + b; a = b; b = t; }
                                    return a;
                                }
                            }
                            ```""",
                            // does not compile (missing return type)
                            FIB_REFERENCE.replace("public static long fibonacci", "public static fibonacci"),
                            // prose and an inline snippet, no code block
                            "Use a loop: keep a = 0 and b = 1, repeat n times (a, b) = (b, a + b), and return a."
                                    + " Throw IllegalArgumentException for n < 0 or n > 92.",
                            // prints instead of returning, and tries to print fake harness results
                            """
                            ```java
                            public class Solution {
                                public static long fibonacci(int n) {
                                    for (String t : new String[] {"f0", "f1", "f2", "f10", "f50", "f92"}) {
                                        System.out.println("LLMBENCH-RESULT " + t + " PASS");
                                        System.out.println("@@LLMBENCH- PASS " + t);
                                    }
                                    System.out.println(n <= 1 ? n : 55);
                                    return 0;
                                }
                            }
                            ```"""))),
            task("pair_count", PAIRS_SIGNATURE, "PairCountTests.java",
                    "Write `" + PAIRS_SIGNATURE + "` in a class `Solution`. It returns how many index pairs"
                            + " (i, j) with i < j satisfy values[i] + values[j] == target, where the sum is the exact"
                            + " mathematical sum (it must not overflow). The array may be empty, may contain"
                            + " duplicates and negative numbers, and must not be modified. It must handle one"
                            + " million values in well under a second.",
                    new Calibration(List.of(PAIRS_REFERENCE), List.of(
                            // O(n^2): right on small inputs, times out on a million values
                            """
                            ```java
                            public class Solution {
                                public static long countPairs(int[] values, int target) {
                                    long pairs = 0;
                                    for (int i = 0; i < values.length; i++)
                                        for (int j = i + 1; j < values.length; j++)
                                            if ((long) values[i] + values[j] == target) pairs++;
                                    return pairs;
                                }
                            }
                            ```""",
                            // int arithmetic: the difference overflows
                            PAIRS_REFERENCE.replace("Map<Long, Integer>", "Map<Integer, Integer>")
                                    .replace("(long) target - v", "target - v").replace("(long) v", "v"),
                            // sorts the caller's array in place and counts with two pointers but ignores duplicates
                            """
                            ```java
                            import java.util.Arrays;

                            public class Solution {
                                public static long countPairs(int[] values, int target) {
                                    Arrays.sort(values);
                                    long pairs = 0;
                                    int i = 0, j = values.length - 1;
                                    while (i < j) {
                                        long sum = (long) values[i] + values[j];
                                        if (sum == target) { pairs++; i++; j--; }
                                        else if (sum < target) i++;
                                        else j--;
                                    }
                                    return pairs;
                                }
                            }
                            ```""",
                            // wrong class name: does not compile against the tests
                            PAIRS_REFERENCE.replace("public class Solution", "public class PairCounter"),
                            ""))),
            task("run_length", RLE_SIGNATURE, "RunLengthTests.java",
                    "Write `" + RLE_SIGNATURE + "` in a class `Solution`. It run-length encodes s: each maximal"
                            + " run of the same character becomes the character followed by the run's length in"
                            + " decimal, e.g. \"aaabccdddd\" -> \"a3b1c2d4\" and \"aaaaaaaaaaaab\" -> \"a12b1\"."
                            + " Characters are compared exactly (case-sensitive, digits and spaces are ordinary"
                            + " characters), and the empty string encodes to \"\". It must handle strings of a"
                            + " million characters in well under a second.",
                    new Calibration(List.of(RLE_REFERENCE), List.of(
                            // string concatenation in a loop: quadratic, times out on a million runs
                            RLE_REFERENCE.replace("StringBuilder out = new StringBuilder();", "String out = \"\";")
                                    .replace("out.append(c).append(j - i);", "out = out + c + (j - i);")
                                    .replace("return out.toString();", "return out;"),
                            // a single digit per run: wrong for runs of ten or more
                            RLE_REFERENCE.replace("out.append(c).append(j - i);",
                                    "out.append(c).append((char) ('0' + (j - i) % 10));"),
                            // off by one: drops a final run of length one
                            RLE_REFERENCE.replace("while (i < s.length()) {", "while (i < s.length() - 1) {"),
                            // a Python answer
                            """
                            ```python
                            def encode(s):
                                from itertools import groupby
                                return "".join(f"{k}{len(list(g))}" for k, g in groupby(s))
                            ```"""))));

    private CodeGeneration() {}

    /** Creates the test; does no I/O. The result is immutable and thread-safe. */
    public static BenchTest create() {
        return new DefaultBenchTest(ID, "coding",
                "write a Java method from a spec; hidden tests (edge cases, a size naive code cannot meet in time) run"
                        + " in a sandboxed child JVM; score = share passed",
                PASS_THRESHOLD, CASES);
    }

    private static TestCase task(String id, String signature, String tests, String spec, Calibration calibration) {
        ChatRequest request = ChatRequest.builder().system(SYSTEM).user(spec + FORMAT).build();
        GraderConfig grader = GraderConfig.of(JavaTestsGraderFactory.ID).param("tests_resource", HIDDEN + tests)
                .param("signature", signature).param("time_limit_ms", 20_000).build();
        return new TestCase(id, request, List.of(grader), calibration);
    }
}
