package dev.llmbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.CaseGrading;
import dev.llmbench.core.api.Check;
import dev.llmbench.core.api.Grade;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.results.JsonCodec;
import dev.llmbench.core.spi.BenchSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code llmbench grade}: grades a response file (or stdin) against one case of a test and prints
 * the itemised grade as JSON: {@code test, case, score, passed, threshold,
 * checks[{name, passed, weight, expected, actual}]}. Exits {@value ExitCodes#OK} when the grade
 * passes and {@value ExitCodes#GATE_FAILED} when it fails; an unknown test or case, or a
 * multi-case test without {@code --case}, is a usage error listing the known ids. Not
 * thread-safe; one per invocation.
 */
@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Grade a response against one case of a test and print the itemised grade as JSON.")
final class GradeCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = "--test", paramLabel = "ID", required = true, description = "The test id, e.g. basic_reasoning.")
    private String testId;

    @Option(names = "--case", paramLabel = "ID", description = "The case id (required when the test has several).")
    private String caseId;

    @Option(names = "--response", paramLabel = "FILE", required = true,
            description = "The response text, UTF-8; - reads stdin.")
    private String response;

    GradeCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        ServiceRegistry registry = cli.registry();
        BenchTest test = findTest(registry);
        TestCase testCase = findCase(test);
        String text = readResponse();
        Grade grade = CaseGrading.gradeText(test, testCase, text, registry::createGrader);
        ObjectNode n = JsonCodec.MAPPER.createObjectNode();
        n.put("test", test.id());
        n.put("case", testCase.id());
        n.put("score", grade.score());
        n.put("passed", grade.passed());
        n.put("threshold", test.passThreshold());
        ArrayNode checks = n.putArray("checks");
        for (Check c : grade.checks()) {
            checks.addObject().put("name", c.name()).put("passed", c.passed()).put("weight", c.weight())
                    .put("expected", c.expected()).put("actual", c.actual());
        }
        try {
            cli.out().println(JsonCodec.MAPPER.writeValueAsString(n));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        cli.out().flush();
        return grade.passed() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
    }

    private BenchTest findTest(ServiceRegistry registry) {
        Map<String, BenchTest> all = new LinkedHashMap<>();
        for (BenchSuite s : registry.suites().values()) {
            s.tests().forEach(t -> all.putIfAbsent(t.id(), t));
        }
        registry.tests().values().forEach(t -> all.putIfAbsent(t.id(), t));
        BenchTest test = all.get(testId);
        if (test == null) {
            throw new BenchConfigurationException("unknown test \"" + testId + "\"; known tests: "
                    + (all.isEmpty() ? "(none installed)" : String.join(", ", all.keySet())));
        }
        return test;
    }

    private TestCase findCase(BenchTest test) {
        String known = String.join(", ", test.cases().stream().map(TestCase::id).toList());
        if (caseId == null) {
            if (test.cases().size() == 1) {
                return test.cases().get(0);
            }
            throw new BenchConfigurationException("test \"" + test.id() + "\" has " + test.cases().size()
                    + " cases; choose one with --case: " + known);
        }
        return test.cases().stream().filter(c -> c.id().equals(caseId)).findFirst()
                .orElseThrow(() -> new BenchConfigurationException("test \"" + test.id() + "\" has no case \""
                        + caseId + "\"; known cases: " + known));
    }

    private String readResponse() {
        try {
            if (response.equals("-")) {
                return new String(cli.in().readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(response), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BenchConfigurationException("cannot read the response " + response + ": " + e, e);
        }
    }
}
