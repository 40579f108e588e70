package dev.llmbench.graders.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaSourceTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "'public class Solution { }'                              | Solution.java",
        "'import java.util.*;\\npublic final class Helper { }'    | Helper.java",
        "'class Solution { }'                                     | Solution.java",
        "'public record Point(int x, int y) { }'                  | Point.java",
        "'static int f() { return 1; }'                           | Solution.java",
    })
    void namesTheFileAfterItsPublicTopLevelType(String code, String file) {
        assertThat(JavaSource.prepare(code.replace("\\n", "\n"), "Solution").file().name()).isEqualTo(file);
    }

    @Test
    void wrapsBareMethodsInTheExpectedClassAndKeepsImportsOutside() {
        JavaSource.Prepared p = JavaSource.prepare("import java.util.List;\n\nstatic int size(List<Integer> l) {"
                + " return l.size(); }\n", "Solution");
        assertThat(p.notes()).containsExactly("wrapped in class Solution");
        assertThat(p.file().content()).startsWith("import java.util.List;\npublic class Solution {\n")
                .endsWith("}\n");
    }

    @Test
    void dropsAPackageDeclaration() {
        JavaSource.Prepared p = JavaSource.prepare("package com.example;\n\npublic class Solution {}\n", "Solution");
        assertThat(p.notes()).containsExactly("package declaration removed");
        assertThat(p.file().content()).doesNotContain("package");
    }

    @Test
    void leavesACompleteClassAlone() {
        String code = "public class Solution {\n    static int one() { return 1; }\n}\n";
        JavaSource.Prepared p = JavaSource.prepare(code, "Solution");
        assertThat(p.notes()).isEmpty();
        assertThat(p.file().content()).isEqualTo(code);
    }
}
