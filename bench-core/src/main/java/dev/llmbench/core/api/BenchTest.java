package dev.llmbench.core.api;

import java.util.List;

/**
 * A benchmark test: an id, a category, several cases, and a pass threshold.
 *
 * <h2>Registration</h2>
 * Through a {@link dev.llmbench.core.spi.BenchSuite}, through
 * {@code META-INF/services/dev.llmbench.core.api.BenchTest}, or explicitly with
 * {@code ServiceRegistry.builder().test(...)}.
 *
 * <h2>Constructor requirements</h2>
 * When registered through ServiceLoader, a public no-arg constructor that does no I/O.
 * Implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
public interface BenchTest {
    /** The stable lowercase id, e.g. {@code "basic_reasoning"}. */
    String id();

    /** The category, e.g. {@code "cognitive"}. */
    String category();

    /** One line saying what the test measures. */
    String description();

    /** The cases, in order; never empty, ids unique. */
    List<TestCase> cases();

    /** The score in [0, 1] a case must reach to pass. */
    double passThreshold();
}
