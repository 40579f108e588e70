package dev.llmbench.graders.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.spi.GraderFactory;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeRunnersTest {

    @Test
    void serviceLoaderFindsTheJavaRunner() {
        assertThat(CodeRunners.all()).extracting(CodeRunner::language).contains("java");
        CodeRunner java = CodeRunners.forLanguage("java");
        assertThat(java).isInstanceOf(JavaCodeRunner.class);
        assertThat(java.available()).as("the build runs on a JDK").isTrue();
    }

    @Test
    void anUnknownLanguageIsAConfigurationErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> CodeRunners.forLanguage("cobol")).isInstanceOf(BenchConfigurationException.class)
                .hasMessage("no code runner for language 'cobol'; available: [java]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"java_tests", "program_output"})
    void serviceLoaderFindsTheGraderFactoriesById(String id) {
        assertThat(ServiceLoader.load(GraderFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals(id)).findFirst()).hasValueSatisfying(f -> {
                    assertThat(f.description()).isNotBlank();
                    assertThat(f.getClass().getPackageName()).isEqualTo("dev.llmbench.graders.code");
                });
    }
}
