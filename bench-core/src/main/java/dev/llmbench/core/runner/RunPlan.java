package dev.llmbench.core.runner;

import dev.llmbench.core.BenchConfigurationException;
import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.api.TestCase;
import dev.llmbench.core.discovery.ServiceRegistry;
import dev.llmbench.core.results.TrialKey;
import dev.llmbench.core.spi.Grader;
import dev.llmbench.core.spi.GraderConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved matrix of a run: tests after include/exclude, their graders created up front (so
 * a bad grader configuration fails before any request), and the ordered trial keys per model.
 * Immutable after construction; thread-safe.
 */
final class RunPlan {
    private final List<BenchTest> tests;
    private final Map<String, BenchTest> testsById = new LinkedHashMap<>();
    private final Map<GraderConfig, Grader> graders = new HashMap<>();
    private final Options options;

    RunPlan(Options options, ServiceRegistry registry) {
        this.options = options;
        List<BenchTest> all = registry.testsOf(options.suite());
        List<BenchTest> selected = new ArrayList<>();
        for (BenchTest t : all) {
            boolean in = options.include().map(p -> p.matcher(t.id()).find()).orElse(true);
            boolean out = options.exclude().map(p -> p.matcher(t.id()).find()).orElse(false);
            if (in && !out) {
                selected.add(t);
            }
        }
        if (selected.isEmpty()) {
            throw new BenchConfigurationException("no test of suite \"" + options.suite() + "\" matches"
                    + options.include().map(p -> " --tests " + p.pattern()).orElse("")
                    + options.exclude().map(p -> " minus " + p.pattern()).orElse("") + "; tests: "
                    + all.stream().map(BenchTest::id).toList());
        }
        this.tests = List.copyOf(selected);
        for (BenchTest t : tests) {
            if (testsById.put(t.id(), t) != null) {
                throw new BenchConfigurationException("suite \"" + options.suite() + "\" has test \"" + t.id() + "\" twice");
            }
            if (t.cases().isEmpty()) {
                throw new BenchConfigurationException("test \"" + t.id() + "\" has no cases");
            }
            for (TestCase c : t.cases()) {
                for (GraderConfig g : c.graders()) {
                    graders.computeIfAbsent(g, registry::createGrader);
                }
            }
        }
    }

    List<BenchTest> tests() {
        return tests;
    }

    BenchTest test(String id) {
        return testsById.get(id);
    }

    TestCase testCase(String testId, String caseId) {
        return testsById.get(testId).cases().stream().filter(c -> c.id().equals(caseId)).findFirst().orElseThrow();
    }

    Grader grader(GraderConfig config) {
        return graders.get(config);
    }

    /** Every trial of one model, in execution order: test, then case, then trial. */
    List<TrialKey> keys(ModelSpec model) {
        List<TrialKey> keys = new ArrayList<>();
        for (BenchTest t : tests) {
            for (TestCase c : t.cases()) {
                for (int i = 0; i < options.trials(); i++) {
                    keys.add(new TrialKey(model.toString(), t.id(), c.id(), i));
                }
            }
        }
        return keys;
    }

    long totalTrials() {
        long perModel = tests.stream().mapToLong(t -> t.cases().size()).sum() * options.trials();
        return perModel * options.models().size();
    }
}
