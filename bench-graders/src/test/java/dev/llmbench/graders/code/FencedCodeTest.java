package dev.llmbench.graders.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FencedCodeTest {

    private static String text(String s) {
        return s.replace("\\n", "\n");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        // text                                                        | chosen content | describe
        "'```java\\nA\\n```'                                           | 'A\\n'   | 'block 1 of 1 (```java), the last one'",
        "'```java\\nA\\n```\\n```java\\nB\\n```'                       | 'B\\n'   | 'block 2 of 2 (```java), the last one'",
        "'```Java\\nA\\n```\\n```text\\nB\\n```'                       | 'A\\n'   | 'block 1 of 2 (```java), the last one'",
        "'```\\nA\\n```'                                               | 'A\\n'   | 'block 1 of 1 (```), the last one'",
        "'```java\\nA\\n```\\n```\\nB\\n```'                           | 'A\\n'   | 'block 1 of 2 (```java), the last one'",
        "'````java\\nA\\n```\\nB\\n````'                              | 'A\\n```\\nB\\n' | 'block 1 of 1 (```java), the last one'",
        "'text\\n```java\\nA'                                          | 'A\\n'   | 'block 1 of 1 (```java, unclosed), the last one'",
        "'   ```java\\nA\\n   ```'                                      | 'A\\n'   | 'block 1 of 1 (```java), the last one'",
    })
    void picksTheLastJavaBlockOrElseTheLastUntaggedOne(String text, String content, String describe) {
        FencedCode.Choice c = FencedCode.javaBlock(text(text), Optional.empty(), "").orElseThrow();
        assertThat(c.block().content()).isEqualTo(text(content));
        assertThat(c.describe()).isEqualTo(describe);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "'no code at all'",
        "'inline `int x = 1;` only'",
        "'```python\\nprint(1)\\n```'",
        "'```javascript\\nlet x\\n```'",
        "''",
    })
    void findsNoJavaBlock(String text) {
        assertThat(FencedCode.javaBlock(text(text), Optional.empty(), "")).isEmpty();
    }

    @Test
    void prefersTheLastBlockThatDeclaresTheRequiredMethodOverALaterUsageExample() {
        String text = "```java\nclass Solution { static long fib(int n) { return n; } }\n```\n"
                + "Usage:\n```java\nlong x = Solution.fib(3);\nSystem.out.println(fib (4));\n```\n";
        FencedCode.Choice c = FencedCode.javaBlock(text, Optional.of(JavaTestsGrader.declaration("fib")), "fib(…)")
                .orElseThrow();
        assertThat(c.block().index()).isEqualTo(1);
        assertThat(c.describe()).isEqualTo("block 1 of 2 (```java), declares fib(…)");
    }

    @Test
    void fallsBackToTheLastBlockWhenNoneDeclaresTheMethod() {
        String text = "```java\nclass A {}\n```\n```java\nclass B {}\n```";
        FencedCode.Choice c = FencedCode.javaBlock(text, Optional.of(JavaTestsGrader.declaration("fib")), "fib(…)")
                .orElseThrow();
        assertThat(c.block().content()).isEqualTo("class B {}\n");
        assertThat(c.reason()).isEqualTo("the last one; none declares fib(…)");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "'public static long fib(int n) {'       | true",
        "'static long[] fib (int n)'             | true",
        "'private Map<String, Long> fib(int n)'  | true",
        "'long x = Solution.fib(3);'             | false",
        "'return fib(n - 1) + fib(n - 2);'       | false",
        "'long y = fib(3);'                      | false",
        "'long fibonacci(int n)'                 | false",
    })
    void recognisesDeclarationsButNotCalls(String line, boolean declares) {
        assertThat(JavaTestsGrader.declaration("fib").matcher(line).find()).isEqualTo(declares);
    }

    @Test
    void outputBlockIsTheLastBlockNotTaggedJava() {
        String text = "```java\nclass Main {}\n```\n```text\n1\n```\n```\n2\n```\n```java\nx\n```";
        assertThat(FencedCode.outputBlock(text).orElseThrow().block().content()).isEqualTo("2\n");
        assertThat(FencedCode.outputBlock("```java\nx\n```")).isEmpty();
    }
}
