package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.DefaultBenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.code.ProgramOutputGraderFactory;
import java.util.List;

/**
 * {@code code_execution} (category {@code coding}): predict the exact output of a Java program.
 *
 * <p>The seed's version (Python list aliasing) credited {@code [1, 2, 3, 4]} anywhere, and x and y
 * together. Here each case is a small Java program with a trap: reference aliasing versus copies
 * ({@code aliasing}: lists, arrays, {@code List.remove(int)} versus {@code remove(Object)}),
 * integer overflow and arithmetic ({@code overflow}), and string immutability with Java's
 * pass-by-value ({@code strings}).
 *
 * <h2>Grading</h2>
 * One {@code program_output} grader per case. The expected output is <em>not</em> typed here: the
 * grader compiles and runs the program in the sandbox when it is created and compares the
 * prediction (the last non-Java fenced block, else an {@code Output:} section) with the real output
 * line by line: {@code output_found}, one {@code line N} per line, and {@code line_count}, weight 1
 * each. (The calibration references below are typed predictions; the calibration test proves they
 * equal the real output.) <b>Pass threshold: {@value #PASS_THRESHOLD}</b>: the task is the exact
 * output; the score shows how many lines were right.
 *
 * <p>Holds only constants; {@link #create()} returns an immutable, thread-safe test.
 *
 * @since 0.1
 */
public final class CodeExecution {
    /** The test id. */
    public static final String ID = "code_execution";
    /** The pass threshold, in [0, 1]. */
    public static final double PASS_THRESHOLD = 1.0;

    private static final String ALIASING = """
            import java.util.ArrayList;
            import java.util.Arrays;
            import java.util.List;

            public class Main {
                public static void main(String[] args) {
                    List<Integer> x = new ArrayList<>(List.of(1, 2, 3));
                    List<Integer> y = x;
                    List<Integer> z = new ArrayList<>(x);
                    y.add(4);
                    z.add(5);
                    System.out.println(x);
                    System.out.println(y);
                    System.out.println(z);
                    int[] a = {1, 2, 3};
                    int[] b = a;
                    int[] c = a.clone();
                    b[0] = 9;
                    c[1] = 8;
                    System.out.println(Arrays.toString(a) + " " + Arrays.toString(c));
                    List<Integer> r = new ArrayList<>(List.of(10, 20, 30));
                    r.remove(1);
                    r.remove(Integer.valueOf(10));
                    System.out.println(r + " " + (x == y) + " " + x.equals(z));
                }
            }
            """;
    private static final String OVERFLOW = """
            public class Main {
                public static void main(String[] args) {
                    int big = Integer.MAX_VALUE;
                    System.out.println(big + 1);
                    System.out.println((long) big + 1);
                    System.out.println(Math.abs(Integer.MIN_VALUE));
                    System.out.println(7 / 2 + " " + (-7 / 2) + " " + (-7 % 3));
                    System.out.println((byte) 200);
                    System.out.println(0.1 + 0.2);
                    System.out.println('a' + 1);
                    System.out.println("" + 'a' + 1);
                    long product = 1_000_000 * 1_000_000;
                    System.out.println(product);
                }
            }
            """;
    private static final String STRINGS = """
            public class Main {
                static void change(String s, StringBuilder sb, int[] arr, int n) {
                    s = s + "!";
                    sb.append("!");
                    arr[0]++;
                    n++;
                }

                public static void main(String[] args) {
                    String s = "hello";
                    String t = s;
                    s.toUpperCase();
                    s = s.concat(" world");
                    StringBuilder sb = new StringBuilder("ab");
                    StringBuilder alias = sb;
                    alias.append("cd");
                    int[] arr = {1};
                    int n = 1;
                    String u = "hi";
                    change(u, sb, arr, n);
                    System.out.println(s);
                    System.out.println(t);
                    System.out.println(sb);
                    System.out.println(u + " " + arr[0] + " " + n);
                    String v = new String("hi");
                    System.out.println((u == v) + " " + u.equals(v) + " " + (u == v.intern()));
                }
            }
            """;

    private static final List<TestCase> CASES = List.of(
            program("aliasing", ALIASING, new Calibration(List.of(
                    block("[1, 2, 3, 4]\n[1, 2, 3, 4]\n[1, 2, 3, 5]\n[9, 2, 3] [1, 8, 3]\n[30] true false"),
                    "y is the same list as x, z a copy; b aliases a, c is a clone; remove(1) removes index 1.\n\n"
                            + "Output:\n[1, 2, 3, 4]\n[1, 2, 3, 4]\n[1, 2, 3, 5]\n[9, 2, 3] [1, 8, 3]\n"
                            + "[30] true false\n"),
                    List.of(
                    // assignment copies (the intuition the test targets) and remove(1) removes the value 1
                    block("[1, 2, 3]\n[1, 2, 3, 4]\n[1, 2, 3, 5]\n[1, 2, 3] [1, 8, 3]\n[20, 30] false false"),
                    // the right lines in the wrong order
                    block("[1, 2, 3, 4]\n[1, 2, 3, 5]\n[1, 2, 3, 4]\n[9, 2, 3] [1, 8, 3]\n[30] true false"),
                    // right, then a contradicting second answer (the last block is graded)
                    block("[1, 2, 3, 4]\n[1, 2, 3, 4]\n[1, 2, 3, 5]\n[9, 2, 3] [1, 8, 3]\n[30] true false")
                            + "\nOn second thought, x is not changed through y:\n"
                            + block("[1, 2, 3]\n[1, 2, 3, 4]\n[1, 2, 3, 5]\n[9, 2, 3] [1, 8, 3]\n[30] true false"),
                    // every candidate for the first line
                    block("[1, 2, 3] or [1, 2, 3, 4]\n[1, 2, 3, 4]\n[1, 2, 3, 5]\n[9, 2, 3] [1, 8, 3]\n[30] true false"),
                    // the program echoed back
                    "```java\n" + ALIASING + "```\n",
                    ""))),
            program("overflow", OVERFLOW, new Calibration(List.of(
                    block("-2147483648\n2147483648\n-2147483648\n3 -3 -1\n-56\n0.30000000000000004\n98\na1\n"
                            + "-727379968")),
                    List.of(
                    // mathematically right, not Java
                    block("2147483648\n2147483648\n2147483648\n3.5 -3.5 2\n200\n0.3\nb\na1\n1000000000000"),
                    // nearly right: floor division and a long product
                    block("-2147483648\n2147483648\n-2147483648\n3 -4 2\n-56\n0.30000000000000004\n98\na1\n"
                            + "1000000000000"),
                    // an explanation instead of the output
                    "The first line overflows to Integer.MIN_VALUE, Math.abs cannot negate MIN_VALUE, and the"
                            + " product is computed in int before it is widened to long.",
                    ""))),
            program("strings", STRINGS, new Calibration(List.of(
                    block("hello world\nhello\nabcd!\nhi 2 1\nfalse true true"),
                    "**Output:**\nhello world\nhello\nabcd!\nhi 2 1\nfalse true true"),
                    List.of(
                    // thinks toUpperCase and the callee's assignments change the caller's variables
                    block("HELLO world\nhello world\nabcd!\nhi! 2 2\nfalse true true"),
                    // forgets the alias and the callee's append
                    block("hello world\nhello\nab\nhi 2 1\ntrue true true"),
                    // right lines plus an extra commentary line inside the block
                    block("hello world\nhello\nabcd!\nhi 2 1\nfalse true true\n(u == v is false: different objects)"),
                    ""))));

    private CodeExecution() {}

    /** Creates the test; does no I/O (the programs run when the graders are created). Immutable and thread-safe. */
    public static BenchTest create() {
        return new DefaultBenchTest(ID, "coding",
                "predict a Java program's exact output; compared line by line with the output of really running it",
                PASS_THRESHOLD, CASES);
    }

    private static String block(String output) {
        return "```text\n" + output + "\n```\n";
    }

    private static TestCase program(String id, String source, Calibration calibration) {
        String prompt = "What exactly does this Java 17 program print?\n\n```java\n" + source + "```\n\n"
                + "Think it through, then give the exact output, line by line, inside one fenced code block"
                + " tagged text, and nothing after that block.";
        ChatRequest request = ChatRequest.builder().system(CodeGeneration.SYSTEM).user(prompt).build();
        GraderConfig grader = GraderConfig.of(ProgramOutputGraderFactory.ID).param("program", source).build();
        return new TestCase(id, request, List.of(grader), calibration);
    }
}
