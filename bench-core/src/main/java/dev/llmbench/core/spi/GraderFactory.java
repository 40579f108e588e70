package dev.llmbench.core.spi;

/**
 * Creates configured {@link Grader}s; what {@link java.util.ServiceLoader} discovers.
 *
 * <h2>Registration</h2>
 * List the implementation in {@code META-INF/services/dev.llmbench.core.spi.GraderFactory}.
 *
 * <h2>Constructor requirements</h2>
 * A public no-arg constructor that does no I/O. Implementations are stateless and thread-safe.
 *
 * @since 0.1
 */
public interface GraderFactory {
    /** The stable lowercase id, e.g. {@code "numeric"}. */
    String id();

    /** One line describing the grader and its parameters, for {@code llmbench list graders}. */
    String description();

    /**
     * Creates a grader.
     *
     * @throws dev.llmbench.core.BenchConfigurationException naming the parameter when the
     *         configuration is invalid
     */
    Grader create(GraderConfig config);
}
