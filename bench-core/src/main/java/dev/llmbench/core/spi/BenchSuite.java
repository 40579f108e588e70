package dev.llmbench.core.spi;

import dev.llmbench.core.api.BenchTest;
import java.util.List;

/**
 * A named collection of tests, such as {@code standard}; what {@link java.util.ServiceLoader}
 * discovers to register whole suites at once.
 *
 * <h2>Registration</h2>
 * List the implementation in {@code META-INF/services/dev.llmbench.core.spi.BenchSuite}. Single
 * tests can also be registered under {@code META-INF/services/dev.llmbench.core.api.BenchTest}.
 *
 * <h2>Constructor requirements</h2>
 * A public no-arg constructor that does no I/O. Implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
public interface BenchSuite {
    /** The stable lowercase id, e.g. {@code "standard"}. */
    String id();

    /** One line describing the suite. */
    String description();

    /** The tests, in run order; never empty. */
    List<BenchTest> tests();
}
