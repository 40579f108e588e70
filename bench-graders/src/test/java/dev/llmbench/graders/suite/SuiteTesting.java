package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.CaseGrading;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.model.ChatResponse;
import dev.llmbench.core.spi.GraderFactory;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Grades responses to standard-suite cases with the discovered graders. */
final class SuiteTesting {
    private static final Map<String, GraderFactory> FACTORIES = ServiceLoader.load(GraderFactory.class).stream()
            .map(ServiceLoader.Provider::get).collect(Collectors.toMap(GraderFactory::id, Function.identity()));

    private SuiteTesting() {}

    static Grade grade(BenchTest test, TestCase testCase, String response) {
        return CaseGrading.grade(test, testCase, ChatResponse.ofText(response),
                config -> FACTORIES.get(config.graderId()).create(config));
    }

    /** What {@code sim:echo} answers: the prompt itself. */
    static Grade gradeEcho(BenchTest test, TestCase testCase) {
        return grade(test, testCase, testCase.request().lastUserText());
    }
}
