package dev.llmbench.graders.suite;

import dev.llmbench.core.api.BenchTest;
import dev.llmbench.core.spi.BenchSuite;
import java.util.List;

/**
 * The {@code standard} suite: llmbench's built-in tests, with ids that match the seed harness's so
 * results line up. Every check is verifiable by code and every case carries calibration responses
 * (at least one that must pass and two that must fail), enforced by this module's tests.
 *
 * <p>It holds the fifteen tests of the design's table, in the seed's order. The long-context
 * variant ({@code long_context_rag_long}, about 32,000 tokens) is the {@code long} suite
 * ({@link LongSuite}): {@code llmbench run --suite long}.
 *
 * <h2>Registration</h2>
 * Listed in {@code META-INF/services/dev.llmbench.core.spi.BenchSuite}.
 *
 * <p>Public no-arg constructor, no I/O. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class StandardSuite implements BenchSuite {
    /** The suite id. */
    public static final String ID = "standard";

    /** The tests in the seed harness's order, so results line up with its reports. */
    private final List<BenchTest> tests = List.of(
            BasicReasoning.create(),
            CodeGeneration.create(),
            Debugging.create(),
            AlgorithmExplanation.create(),
            ComplexReasoning.create(),
            ContentGeneration.create(),
            EdgeCaseHandling.create(),
            LongContextRag.create(),
            StructuredOutput.create(),
            ToolUse.create(),
            InstructionFollowing.create(),
            Adversarial.create(),
            CodeExecution.create(),
            Summarization.create(),
            RecentKnowledge.create());

    /** Creates the suite; does no I/O. */
    public StandardSuite() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "llmbench's standard suite: code-verifiable tests with calibrated graders (ids match the seed harness)";
    }

    @Override
    public List<BenchTest> tests() {
        return tests;
    }
}
