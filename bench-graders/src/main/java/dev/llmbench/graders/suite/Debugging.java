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
 * {@code debugging} (category {@code coding}): fix a genuinely buggy Java method, given its
 * specification and a failing test.
 *
 * <p>The seed's debugging test showed correct code and scored a constant 0.50. Here every method
 * really is wrong, the prompt shows a test that fails, and hidden tests check the fix — including
 * inputs the shown test does not reach, so patching only the shown case fails:
 * <ul>
 *   <li>{@code binary_search}: the loop stops before checking a one-element range ({@code lo < hi}),
 *       so first, last and single elements are missed; a linear-scan "fix" times out on 400,000
 *       lookups in 10<sup>6</sup> values (2 s; the reference takes under 0.1 s).
 *   <li>{@code merge_sorted}: the leftover of the second array is never copied.
 *   <li>{@code average}: integer division <em>and</em> an {@code int} sum that overflows; the shown
 *       test reveals only the first.
 * </ul>
 *
 * <h2>Grading</h2>
 * As {@link CodeGeneration}: one {@code java_tests} grader per case (hidden tests under
 * {@code dev/llmbench/graders/suite/hidden/}), checks {@code extracted}, {@code compiles} and
 * {@code test:<name>}, weight 1 each. <b>Pass threshold: {@value #PASS_THRESHOLD}</b>: the fix must
 * pass every hidden test. Returning the buggy code unchanged scores partially (it passes the inputs
 * that do not trigger the bug) and fails.
 *
 * <p>Holds only constants; {@link #create()} returns an immutable, thread-safe test.
 *
 * @since 0.1
 */
public final class Debugging {
    /** The test id. */
    public static final String ID = "debugging";
    /** The pass threshold, in [0, 1]. */
    public static final double PASS_THRESHOLD = 1.0;

    private static final String SEARCH_BUGGY = """
            public class Solution {
                /** Returns the index of key in sorted (ascending, distinct values), or -1 if it is absent. O(log n). */
                public static int indexOf(int[] sorted, int key) {
                    int lo = 0;
                    int hi = sorted.length - 1;
                    while (lo < hi) {
                        int mid = (lo + hi) >>> 1;
                        if (sorted[mid] < key) {
                            lo = mid + 1;
                        } else if (sorted[mid] > key) {
                            hi = mid - 1;
                        } else {
                            return mid;
                        }
                    }
                    return -1;
                }
            }
            """;
    private static final String SEARCH_LINEAR = """
            public class Solution {
                public static int indexOf(int[] sorted, int key) {
                    for (int i = 0; i < sorted.length; i++) {
                        if (sorted[i] == key) {
                            return i;
                        }
                    }
                    return -1;
                }
            }
            """;
    private static final String MERGE_BUGGY = """
            public class Solution {
                /** Merges two ascending arrays into a new ascending array; the inputs are not modified. */
                public static int[] merge(int[] a, int[] b) {
                    int[] out = new int[a.length + b.length];
                    int i = 0, j = 0, k = 0;
                    while (i < a.length && j < b.length) {
                        if (a[i] <= b[j]) {
                            out[k++] = a[i++];
                        } else {
                            out[k++] = b[j++];
                        }
                    }
                    while (i < a.length) {
                        out[k++] = a[i++];
                    }
                    return out;
                }
            }
            """;
    private static final String AVERAGE_BUGGY = """
            public class Solution {
                /** Returns the arithmetic mean of values; throws IllegalArgumentException if there are none. */
                public static double average(int[] values) {
                    if (values.length == 0) {
                        throw new IllegalArgumentException("no values");
                    }
                    int sum = 0;
                    for (int v : values) {
                        sum += v;
                    }
                    return sum / values.length;
                }
            }
            """;

    private static final List<TestCase> CASES = List.of(
            bug("binary_search", "public static int indexOf(int[] sorted, int key)", "BinarySearchTests.java",
                    SEARCH_BUGGY, "indexOf(new int[] {1, 3, 5, 7}, 7) returns -1; expected 3.",
                    new Calibration(List.of(
                            fixed(SEARCH_BUGGY.replace("while (lo < hi)", "while (lo <= hi)"),
                                    "The loop must also run when lo == hi, otherwise a one-element range is never"
                                            + " checked."),
                            fixed(SEARCH_BUGGY.replace("int hi = sorted.length - 1;", "int hi = sorted.length;")
                                    .replace("hi = mid - 1;", "hi = mid;"), "Use a half-open range [lo, hi).")),
                            List.of(
                            // the buggy code returned unchanged
                            fixed(SEARCH_BUGGY, "The code looks correct to me."),
                            // patches the shown test only
                            fixed(SEARCH_BUGGY.replace("return -1;\n", "return sorted.length == 4 && key == 7 ? 3 : -1;\n"),
                                    "Handled the failing case."),
                            // a linear scan: correct, but O(n) per lookup
                            fixed(SEARCH_LINEAR, "A linear scan avoids the off-by-one entirely."),
                            // the right idea without a code block
                            "Change `while (lo < hi)` to `while (lo <= hi)` so that the last remaining element is"
                                    + " compared too."))),
            bug("merge_sorted", "public static int[] merge(int[] a, int[] b)", "MergeSortedTests.java", MERGE_BUGGY,
                    "merge(new int[] {1, 4}, new int[] {2, 3, 5}) returns [1, 2, 3, 4, 0]; expected [1, 2, 3, 4, 5].",
                    new Calibration(List.of(
                            fixed(MERGE_BUGGY.replace("        return out;", "        while (j < b.length) {\n"
                                    + "            out[k++] = b[j++];\n        }\n        return out;"),
                                    "The leftover of b was never copied.")),
                            List.of(
                            // copies b's leftover with the wrong index: ArrayIndexOutOfBoundsException
                            fixed(MERGE_BUGGY.replace("        return out;", "        while (j < b.length) {\n"
                                    + "            out[k++] = b[i++];\n        }\n        return out;"),
                                    "Copy what is left of b."),
                            // unchanged
                            fixed(MERGE_BUGGY, "This merge is correct."),
                            // does not compile
                            fixed(MERGE_BUGGY.replace("        return out;", "        while (j < b.length)\n"
                                    + "            out[k++] = b[j++]\n        return out;"), "Added the missing loop."),
                            ""))),
            bug("average", "public static double average(int[] values)", "AverageTests.java", AVERAGE_BUGGY,
                    "average(new int[] {1, 2}) returns 1.0; expected 1.5.",
                    new Calibration(List.of(
                            fixed(AVERAGE_BUGGY.replace("int sum = 0;", "long sum = 0;")
                                    .replace("return sum / values.length;", "return (double) sum / values.length;"),
                                    "Two bugs: integer division, and an int sum that overflows for large values.")),
                            List.of(
                            // fixes the division only: the int sum still overflows
                            fixed(AVERAGE_BUGGY.replace("return sum / values.length;",
                                    "return (double) sum / values.length;"), "The division was an integer division."),
                            // fixes the sum only
                            fixed(AVERAGE_BUGGY.replace("int sum = 0;", "long sum = 0;"), "The sum overflowed."),
                            // special-cases the shown test
                            fixed(AVERAGE_BUGGY.replace("int sum = 0;",
                                    "if (values.length == 2 && values[0] == 1 && values[1] == 2) {\n"
                                            + "            return 1.5;\n        }\n        int sum = 0;"), "Fixed."),
                            // prints the mean and returns nothing: does not compile
                            fixed(AVERAGE_BUGGY.replace("public static double average", "public static void average")
                                    .replace("return sum / values.length;",
                                            "System.out.println((double) sum / values.length);"), "Prints the mean."),
                            // the right idea without a code block
                            "Cast before dividing: `return (double) sum / values.length;` fixes it."))));

    private Debugging() {}

    /** Creates the test; does no I/O. The result is immutable and thread-safe. */
    public static BenchTest create() {
        return new DefaultBenchTest(ID, "coding",
                "fix a genuinely buggy Java method given its failing test; hidden tests run in a sandboxed child JVM;"
                        + " score = share passed",
                PASS_THRESHOLD, CASES);
    }

    private static String fixed(String code, String explanation) {
        return explanation + "\n\n```java\n" + code + "```\n";
    }

    private static TestCase bug(String id, String signature, String tests, String buggy, String failing,
            Calibration calibration) {
        String prompt = "This Java method has a bug. Its Javadoc states what it must do.\n\n```java\n" + buggy
                + "```\n\nThis test fails: " + failing + "\n\nFind and fix the bug; keep the signature `" + signature
                + "` and do not print anything. Reply with a one-sentence explanation, then the complete corrected"
                + " class `Solution` in one fenced code block tagged java.";
        ChatRequest request = ChatRequest.builder().system(CodeGeneration.SYSTEM).user(prompt).build();
        GraderConfig grader = GraderConfig.of(JavaTestsGraderFactory.ID)
                .param("tests_resource", CodeGeneration.HIDDEN + tests).param("signature", signature)
                .param("time_limit_ms", 20_000).build();
        return new TestCase(id, request, List.of(grader), calibration);
    }
}
