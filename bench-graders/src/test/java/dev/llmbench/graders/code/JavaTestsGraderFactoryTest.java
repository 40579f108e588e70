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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaTestsGraderFactoryTest {
    private static final JavaTestsGraderFactory FACTORY = new JavaTestsGraderFactory();
    private static final String TESTS = """
            final class SquareTests {
                static void define(LlmbenchHarness h) {
                    h.test("zero", () -> LlmbenchHarness.assertEquals(0L, Solution.square(0)));
                    h.test("three", () -> LlmbenchHarness.assertEquals(9L, Solution.square(3)));
                    h.test("big", () -> LlmbenchHarness.assertEquals(10_000_000_000L, Solution.square(100_000)));
                }
            }
            """;
    private static final String RIGHT = "```java\npublic class Solution {\n    public static long square(int n) {"
            + " return (long) n * n; }\n}\n```";

    private static GraderConfig.Builder config() {
        return GraderConfig.of(JavaTestsGraderFactory.ID).param("tests", TESTS)
                .param("signature", "public static long square(int n)").param("test_timeout_ms", 1000);
    }

    private static Grade grade(GraderConfig config, String text) {
        return GraderTesting.grade(FACTORY, config, text.replace("\\n", "\n"));
    }

    private static Map<String, Check> byName(Grade g) {
        return g.checks().stream().collect(Collectors.toMap(Check::name, Function.identity()));
    }

    @Nested
    class Scoring {
        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', value = {
            "right class                    | 1.0",
            "bare method                    | 1.0",
            "int overflow                   | 0.8",
            "prints instead of returning    | 0.6",
            "does not compile               | 0.2",
            "python instead of java         | 0.0",
            "no code block                  | 0.0",
            "empty                          | 0.0",
            "wrong then right               | 1.0",
            "right then a usage example     | 1.0",
            "right then a wrong rewrite     | 0.8",
        })
        void scoresTheShareOfChecksPassed(String kind, double score) {
            String text = switch (kind) {
                case "right class" -> RIGHT;
                case "bare method" -> "```java\npublic static long square(int n) { return (long) n * n; }\n```";
                case "int overflow" -> RIGHT.replace("(long) n * n", "n * n");
                case "prints instead of returning" -> RIGHT.replace("return (long) n * n;",
                        "System.out.println((long) n * n); return 0;");
                case "does not compile" -> RIGHT.replace("(long) n * n", "(long) n * n +");
                case "python instead of java" -> "```python\ndef square(n):\n    return n * n\n```";
                case "no code block" -> "Return `(long) n * n` from square.";
                case "empty" -> "";
                case "wrong then right" -> RIGHT.replace("(long) n * n", "n + n") + "\nFixed:\n" + RIGHT;
                case "right then a usage example" -> RIGHT + "\n```java\nlong x = Solution.square(4);\n```";
                case "right then a wrong rewrite" -> RIGHT + "\nOr simply:\n" + RIGHT.replace("(long) n * n", "n * n");
                default -> throw new IllegalArgumentException(kind);
            };
            Grade g = grade(config().build(), text);
            assertThat(g.score()).as("%s", g.checks()).isCloseTo(score, within(1e-9));
            assertThat(g.passed()).isEqualTo(score == 1.0);
            assertThat(g.checks()).extracting(Check::name)
                    .containsExactly("extracted", "compiles", "test:zero", "test:three", "test:big");
        }

        @Test
        void explainsEachCheck() {
            Map<String, Check> checks = byName(grade(config().build(), RIGHT.replace("(long) n * n", "n * n")));
            assertThat(checks.get("extracted").actual()).isEqualTo("block 1 of 1 (```java), declares square(…)");
            assertThat(checks.get("extracted").expected()).isEqualTo("a ```java block declaring public static long square(int n)");
            assertThat(checks.get("test:three").actual()).startsWith("passed in ");
            assertThat(checks.get("test:big").actual()).isEqualTo("expected <10000000000> but was <1410065408>");
        }

        @Test
        void reportsCompilerErrorsWithFileAndLine() {
            Map<String, Check> checks = byName(grade(config().build(), RIGHT.replace("long square", "lng square")));
            assertThat(checks.get("compiles").actual()).startsWith("Solution.java:2: ").contains("cannot find symbol");
            assertThat(checks.get("test:zero").actual()).isEqualTo("not run: does not compile");
        }

        @Test
        void aHangingSolutionFailsByTimeoutNotByException() {
            Grade g = grade(config().param("test_timeout_ms", 300).build(),
                    RIGHT.replace("return (long) n * n;", "while (n == 3) { } return (long) n * n;"));
            assertThat(byName(g).get("test:three").actual()).isEqualTo("timed out after 300 ms");
            assertThat(byName(g).get("test:big").passed()).isTrue();
        }

        @Test
        void aRunKilledByItsWallClockLimitSaysWhichTestWasRunning() {
            // the harness would give up on the first test only after the whole run's limit
            Grade g = grade(config().param("time_limit_ms", 2000).param("test_timeout_ms", 2000).build(),
                    RIGHT.replace("return (long) n * n;", "while (n >= 0) { } return 0;"));
            Map<String, Check> checks = byName(g);
            assertThat(checks.get("test:zero").actual()).endsWith("the run exceeded its time limit of 2000 ms");
            assertThat(checks.get("test:big").actual())
                    .isEqualTo("not run: the run exceeded its time limit of 2000 ms");
        }

        @Test
        void systemExitFailsTheRestOfTheTests() {
            Grade g = grade(config().build(), RIGHT.replace("return (long) n * n;",
                    "if (n == 3) System.exit(3); return (long) n * n;"));
            Map<String, Check> checks = byName(g);
            assertThat(checks.get("test:zero").passed()).isTrue();
            assertThat(checks.get("test:three").actual())
                    .isEqualTo("stopped during this test: the JVM exited with status 3 (System.exit or a crash)");
            assertThat(checks.get("test:big").actual()).startsWith("not run: the JVM exited with status 3");
        }

        @Test
        void needsAJdkToGrade() {
            JavaTestsGrader jre = new JavaTestsGrader(new JavaCodeRunner(() -> null), new SourceFile("T.java", TESTS),
                    List.of("zero"), java.util.Optional.empty(), java.util.Optional.empty(), "Solution",
                    ExecutionLimits.DEFAULT);
            TestCase c = new TestCase("case", ChatRequest.ofUser("q"), List.of(config().build()), Calibration.NONE);
            assertThatThrownBy(() -> jre.grade(new GradingInput("test", c, ChatResponse.ofText(RIGHT))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a JDK");
        }
    }

    @Nested
    class InvalidParameters {
        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', value = {
            "neither tests nor resource | needs exactly one of 'tests'",
            "both tests and resource    | needs exactly one of 'tests'",
            "missing resource           | 'no/such/Tests.java' (tests_resource) not found",
            "no class                   | declare no class",
            "no test names              | register no h.test",
            "duplicate test names       | is not a unique",
            "bad signature              | parameter 'signature' must look like a method",
            "bad class name             | parameter 'class_name' must be a Java identifier",
            "time limit too small       | parameter 'time_limit_ms' must be 100 to 600000",
            "test timeout above limit   | parameter 'test_timeout_ms' must be 1 to 1000",
            "memory too large           | parameter 'memory_mb' must be 16 to 8192",
            "unknown parameter          | unknown parameter 'timeout'",
        })
        void rejects(String kind, String message) {
            GraderConfig.Builder b = switch (kind) {
                case "neither tests nor resource" -> GraderConfig.of("java_tests");
                case "both tests and resource" -> config().param("tests_resource", "x.java");
                case "missing resource" -> GraderConfig.of("java_tests").param("tests_resource", "no/such/Tests.java");
                case "no class" -> GraderConfig.of("java_tests").param("tests", "h.test(\"a\", () -> {});");
                case "no test names" -> GraderConfig.of("java_tests").param("tests", "class T {}");
                case "duplicate test names" -> GraderConfig.of("java_tests")
                        .param("tests", "class T { h.test(\"a\", x); h.test(\"a\", y); }");
                case "bad signature" -> config().param("signature", "long square");
                case "bad class name" -> config().param("class_name", "my class");
                case "time limit too small" -> config().param("time_limit_ms", 10);
                case "test timeout above limit" -> config().param("time_limit_ms", 1000).param("test_timeout_ms", 2000);
                case "memory too large" -> config().param("memory_mb", 100_000);
                case "unknown parameter" -> config().param("timeout", 5);
                default -> throw new IllegalArgumentException(kind);
            };
            assertThatThrownBy(() -> FACTORY.create(b.build())).isInstanceOf(BenchConfigurationException.class)
                    .hasMessageStartingWith("grader 'java_tests'").hasMessageContaining(message)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }

        @Test
        void loadsHiddenTestsFromTheClassPath() {
            GraderConfig c = GraderConfig.of("java_tests")
                    .param("tests_resource", "dev/llmbench/graders/suite/hidden/FibonacciTests.java").build();
            assertThat(((JavaTestsGrader) FACTORY.create(c)).testNames()).startsWith("f0", "f1").endsWith("f92");
        }
    }
}
