package dev.llmbench.graders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.spi.BenchSuite;
import dev.llmbench.core.spi.GraderFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscoverabilityTest {

    private static Map<String, GraderFactory> factories() {
        return ServiceLoader.load(GraderFactory.class).stream().map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(GraderFactory::id, Function.identity()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"numeric", "sentences", "constraints", "exact", "regex", "words", "counts", "format", "json",
        "tool_calls", "facts", "abstain", "clarification", "arrangement", "java_tests", "program_output", "judge"})
    void serviceLoaderFindsGraderFactoryById(String id) {
        GraderFactory factory = factories().get(id);
        assertThat(factory).as("factory '%s'", id).isNotNull();
        assertThat(factory.id()).isEqualTo(id);
        assertThat(factory.description()).isNotBlank();
        assertThat(factory.getClass().getPackageName()).startsWith("dev.llmbench.graders.");
    }

    @Test
    void serviceLoaderFindsTheStandardSuiteWithItsTests() {
        List<BenchSuite> suites =
                ServiceLoader.load(BenchSuite.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(suites).extracting(BenchSuite::id).contains("standard");
        BenchSuite standard = suites.stream().filter(s -> s.id().equals("standard")).findFirst().orElseThrow();
        assertThat(standard.description()).isNotBlank();
        assertThat(standard.tests()).extracting(BenchTest::id).containsExactly("basic_reasoning", "code_generation",
                "debugging", "algorithm_explanation", "complex_reasoning", "content_generation", "edge_case_handling",
                "long_context_rag", "structured_output", "tool_use", "instruction_following", "adversarial",
                "code_execution", "summarization", "recent_knowledge");
        BenchSuite longSuite = suites.stream().filter(s -> s.id().equals("long")).findFirst().orElseThrow();
        assertThat(longSuite.tests()).extracting(BenchTest::id).containsExactly("long_context_rag_long");
    }
}
