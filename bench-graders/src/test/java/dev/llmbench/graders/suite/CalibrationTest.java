package dev.llmbench.graders.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.CaseGrading;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.spi.BenchSuite;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import dev.llmbench.core.spi.GraderFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of the standard suite must be calibrated: its references pass, its bad responses fail. */
class CalibrationTest {
    private static final Map<String, GraderFactory> FACTORIES = ServiceLoader.load(GraderFactory.class).stream()
            .map(ServiceLoader.Provider::get).collect(Collectors.toMap(GraderFactory::id, Function.identity()));
    private static final Function<GraderConfig, Grader> RESOLVER = config -> {
        GraderFactory f = FACTORIES.get(config.graderId());
        assertThat(f).as("grader '%s' is discoverable", config.graderId()).isNotNull();
        return f.create(config);
    };
    private static final BenchSuite SUITE = ServiceLoader.load(BenchSuite.class).stream()
            .map(ServiceLoader.Provider::get).filter(s -> s.id().equals("standard")).findFirst().orElseThrow();

    record Subject(BenchTest test, TestCase testCase) {
        Grade grade(String response) {
            return CaseGrading.gradeText(test, testCase, response, RESOLVER);
        }
    }

    static Stream<Arguments> cases() {
        return SUITE.tests().stream().flatMap(t -> t.cases().stream()
                .map(c -> Arguments.of(Named.of(t.id() + "/" + c.id(), new Subject(t, c)))));
    }

    @Test
    void testIdsAndCaseIdsAreUnique() {
        List<String> testIds = SUITE.tests().stream().map(BenchTest::id).toList();
        assertThat(testIds).doesNotHaveDuplicates();
        for (BenchTest t : SUITE.tests()) {
            assertThat(t.cases()).as(t.id()).isNotEmpty();
            assertThat(t.cases().stream().map(TestCase::id).toList()).as(t.id()).doesNotHaveDuplicates();
            assertThat(t.passThreshold()).as(t.id()).isBetween(0.0, 1.0);
            assertThat(t.category()).as(t.id()).isNotBlank();
            assertThat(t.description()).as(t.id()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hasAReferenceAndAtLeastTwoBadResponses(Subject s) {
        assertThat(s.testCase().calibration().passing()).isNotEmpty();
        assertThat(s.testCase().calibration().failing()).hasSizeGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyPassingResponsePasses(Subject s) {
        for (String response : s.testCase().calibration().passing()) {
            Grade g = s.grade(response);
            assertThat(g.passed()).as("should pass: %s%n%s", response, g.checks()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theReferencePassesEveryCheck(Subject s) {
        Grade g = s.grade(s.testCase().calibration().reference().orElseThrow());
        assertThat(g.checks()).as("reference checks").allSatisfy(c -> assertThat(c.passed()).as("%s", c).isTrue());
        assertThat(g.score()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFailingResponseFails(Subject s) {
        for (String response : s.testCase().calibration().failing()) {
            Grade g = s.grade(response);
            assertThat(g.passed()).as("should fail (score %s): %s%n%s", g.score(), response, g.checks()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anEmptyReplyFails(Subject s) {
        Grade g = s.grade("");
        assertThat(g.passed()).as("empty reply scored %s: %s", g.score(), g.checks()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void echoingThePromptFails(Subject s) {
        String echo = s.testCase().request().messages().stream().map(m -> m.content())
                .collect(Collectors.joining("\n\n"));
        Grade g = s.grade(echo);
        assertThat(g.passed()).as("echoed prompt scored %s: %s", g.score(), g.checks()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCheckThatTheReferencePassesIsFailedBySomeBadResponse(Subject s) {
        Set<String> passedByReference = names(s.grade(s.testCase().calibration().reference().orElseThrow()), true);
        Set<String> failedByBadOnes = new TreeSet<>();
        for (String response : s.testCase().calibration().failing()) {
            failedByBadOnes.addAll(names(s.grade(response), false));
        }
        assertThat(failedByBadOnes).as("checks that can fail").containsAll(passedByReference);
    }

    private static Set<String> names(Grade g, boolean passed) {
        return g.checks().stream().filter(c -> c.passed() == passed).map(Check::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
