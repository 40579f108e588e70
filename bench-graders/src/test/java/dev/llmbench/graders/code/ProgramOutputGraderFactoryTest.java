package dev.llmbench.graders.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.Calibration;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.GradingInput;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatRequest;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.graders.GraderTesting;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgramOutputGraderFactoryTest {
    private static final ProgramOutputGraderFactory FACTORY = new ProgramOutputGraderFactory();
    /** Prints "7", "  x  " (trailing spaces), an empty line and "-1", then a trailing empty line. */
    private static final String PROGRAM = "public class Main { public static void main(String[] a) {"
            + " int x = 3 + 4; System.out.println(x); System.out.println(\"  x  \"); System.out.println();"
            + " System.out.println(-7 / 4); System.out.println(); } }";

    private static Grade grade(GraderConfig config, String text) {
        return GraderTesting.grade(FACTORY, config, text.replace("\\n", "\n"));
    }

    private static GraderConfig program(String source) {
        return GraderConfig.of(ProgramOutputGraderFactory.ID).param("program", source).build();
    }

    @Nested
    class Scoring {
        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {
            "'```text\\n7\\n  x\\n\\n-1\\n```'                           | 1.0",
            "'```\\n7\\n  x   \\n\\n-1\\n\\n\\n```'                      | 1.0",
            "'I think:\\n```java\\nint x;\\n```\\n```output\\n7\\n  x\\n\\n-1\\n```' | 1.0",
            "'Output:\\n7\\n  x\\n\\n-1'                                 | 1.0",
            "'**Output:** 7\\n  x\\n\\n-1\\n'                            | 1.0",
            "'```text\\n7\\n  x\\n\\n-2\\n```'                           | 0.8333",
            "'```text\\n7\\nx\\n\\n-1\\n```'                             | 0.8333",
            "'```text\\n7\\n  x\\n-1\\n```'                              | 0.5",
            "'```text\\n7\\n  x\\n\\n-1\\n-2\\n```'                      | 0.8333",
            "'```text\\n7\\n  x\\n\\n-1\\n```\\nor maybe\\n```text\\n7\\n  x\\n\\n-2\\n```' | 0.8333",
            "'```java\\nSystem.out.println(7);\\n```'                    | 0.0",
            "'The answer is 7, then x, then -1.'                         | 0.0",
            "''                                                          | 0.0",
        })
        void comparesLineByLineWithTheRealOutput(String text, double score) {
            Grade g = grade(program(PROGRAM), text);
            assertThat(g.score()).as("%s", g.checks()).isCloseTo(score, within(1e-3));
            assertThat(g.passed()).isEqualTo(score == 1.0);
            assertThat(g.checks()).extracting(Check::name)
                    .containsExactly("output_found", "line 1", "line 2", "line 3", "line 4", "line_count");
        }

        @Test
        void theExpectedValuesAreTheRealOutput() {
            Grade g = grade(program(PROGRAM), "```text\n7\n```");
            assertThat(g.checks()).extracting(Check::expected)
                    .containsExactly("a fenced output block or an 'Output:' section", "7", "  x", "(empty line)", "-1",
                            "4 lines");
            assertThat(g.checks()).extracting(Check::actual)
                    .containsExactly("block 1 of 1 (```text)", "7", "(missing)", "(missing)", "(missing)", "1 lines");
        }

        @Test
        void needsAJdkToGrade() {
            ProgramOutputGrader jre = new ProgramOutputGrader(Optional.empty());
            TestCase c = new TestCase("case", ChatRequest.ofUser("q"), List.of(program(PROGRAM)), Calibration.NONE);
            assertThatThrownBy(() -> jre.grade(new GradingInput("test", c, ChatResponse.ofText("```\n7\n```"))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a JDK");
        }
    }

    @Nested
    class InvalidParameters {
        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', value = {
            "missing program     | needs parameter 'program'",
            "does not compile    | the program does not compile: Main.java:1: ",
            "fails               | the program did not run cleanly (EXITED, exit status 1)",
            "prints nothing      | the program prints nothing",
            "loops forever       | the program did not run cleanly (TIMED_OUT, exit status -1)",
            "unknown parameter   | unknown parameter 'expected'",
        })
        void rejects(String kind, String message) {
            GraderConfig config = switch (kind) {
                case "missing program" -> GraderConfig.of("program_output").build();
                case "does not compile" -> program("public class Main { void f() { return 1; } }");
                case "fails" -> program("public class Main { public static void main(String[] a) {"
                        + " System.out.println(1); throw new IllegalStateException(); } }");
                case "prints nothing" -> program("public class Main { public static void main(String[] a) {} }");
                case "loops forever" -> GraderConfig.of("program_output").param("time_limit_ms", 500)
                        .param("program", "public class Main { public static void main(String[] a) { while (true) {} } }")
                        .build();
                case "unknown parameter" -> GraderConfig.of("program_output").param("program", PROGRAM)
                        .param("expected", "7").build();
                default -> throw new IllegalArgumentException(kind);
            };
            assertThatThrownBy(() -> FACTORY.create(config)).isInstanceOf(BenchConfigurationException.class)
                    .hasMessageStartingWith("grader 'program_output'").hasMessageContaining(message)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }
}
