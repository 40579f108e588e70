package dev.llmbench.core.api;

import dev.llmbench.core.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link BenchTest} held as plain data, for tests defined by their cases rather than by code.
 * Immutable and thread-safe.
 *
 * @param id            the test id, lowercase; never blank
 * @param category      the category, e.g. {@code "cognitive"}; never blank
 * @param description   one line saying what the test measures; never null
 * @param passThreshold the score a case must reach to pass, in [0, 1]
 * @param cases         the cases, at least one, ids unique
 * @since 0.1
 */
public record DefaultBenchTest(String id, String category, String description, double passThreshold,
        List<TestCase> cases) implements BenchTest {

    /** Validates the components and copies the list. */
    public DefaultBenchTest {
        Checks.id(id, "id");
        Checks.notBlank(category, "category");
        Checks.notNull(description, "description");
        Checks.inRange(passThreshold, 0.0, 1.0, "passThreshold");
        cases = List.copyOf(Checks.notNull(cases, "cases"));
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("test '" + id + "' needs at least one case");
        }
        Set<String> ids = new HashSet<>();
        for (TestCase c : cases) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("test '" + id + "' has case '" + c.id() + "' twice");
            }
        }
    }
}
