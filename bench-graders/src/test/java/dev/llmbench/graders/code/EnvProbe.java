package dev.llmbench.graders.code;

import java.util.List;

/**
 * A stand-in for a grader process whose environment holds a secret ({@link #VARIABLE}, planted by
 * {@link SandboxTest}): prints what it sees, then what a sandboxed program sees.
 */
final class EnvProbe {
    static final String VARIABLE = "LLMBENCH_TEST_CANARY_API_KEY";

    private EnvProbe() {}

    public static void main(String[] args) {
        System.out.println("grader sees: " + System.getenv(VARIABLE));
        ExecutionResult r = new JavaCodeRunner().runProgram(List.of(new SourceFile("Main.java",
                "public class Main { public static void main(String[] a) {"
                        + " System.out.println(\"program sees: \" + System.getenv(\"" + VARIABLE + "\"));"
                        + " System.out.println(\"program sees: \" + System.getenv()); } }")),
                ExecutionLimits.DEFAULT.withMemoryMb(64));
        System.out.print(r.stdout());
    }
}
